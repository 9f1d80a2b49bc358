// Presence (table `presence`, synced): the state each person last set by hand,
// one row per person (its id is theirs). "i samtale" and "etterarbeid" are not
// stored: they follow from the calls (src-shared/shifts/presence.ts). Frozen
// with the migrations that use it: later changes go in new migrations.
import { Table, type TableColumnOptions } from 'typeorm';

const text = (name: string): TableColumnOptions => ({ name, type: 'text', isNullable: false });

export const PRESENCE_TABLE_V1 = new Table({
  name: 'presence',
  columns: [
    { name: 'id', type: 'text', isPrimary: true },
    text('user_name'),
    /** 'available', 'wrap_up', 'break' or 'on_site'. */
    text('state'),
    /** When they set it (the instant of the mutation). */
    text('since'),
  ],
});
