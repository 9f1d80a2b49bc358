// The shift roster (table `roster_entry`, synced), in TypeORM's Table API for
// both the desk's migration and the central store's. One row per person and
// day; its id is derived from the two (shifts/roster.ts), so two desks that
// set the same person-day write the same row. Frozen with the migrations that
// use it: later changes go in new migrations.
import { Table, TableIndex, type TableColumnOptions } from 'typeorm';

const text = (name: string): TableColumnOptions => ({ name, type: 'text', isNullable: false });

export const ROSTER_ENTRY_TABLE_V1 = new Table({
  name: 'roster_entry',
  columns: [
    { name: 'id', type: 'text', isPrimary: true },
    /** The day, YYYY-MM-DD in Oslo. */
    text('day'),
    text('user_id'),
    text('user_name'),
    /** 'phone', 'tickets', 'on_site' or 'off' (src-shared/shifts/roster.ts). */
    text('duty'),
    text('updated_at'),
    text('updated_by_name'),
  ],
  // A week is read and replaced by its days.
  indices: [new TableIndex({ name: 'roster_entry_day', columnNames: ['day'] })],
});
