// Desk links (table `desk_link`, synced): whether each person's desk is in
// touch with the central store, one row per person and desk. Only the central
// store writes it (server mutation presence.link), when a desk it has heard
// from falls silent past the timeout or is heard from again; presence reads it
// to show "frakoblet" (src-shared/shifts/presence.ts). Frozen with the
// migrations that use it: later changes go in new migrations.
import { Table, type TableColumnOptions } from 'typeorm';

const text = (name: string): TableColumnOptions => ({ name, type: 'text', isNullable: false });

export const DESK_LINK_TABLE_V1 = new Table({
  name: 'desk_link',
  columns: [
    /** Named by the person and the desk (namedId), the same on every store. */
    { name: 'id', type: 'text', isPrimary: true },
    text('user_id'),
    text('user_name'),
    text('client_id'),
    /** 1 while the desk is heard from, 0 once it fell silent past the timeout. */
    { name: 'online', type: 'integer', isNullable: false },
    /** When it was last heard from (offline) or heard from again (online). */
    text('since'),
  ],
  indices: [{ name: 'desk_link_user', columnNames: ['user_id'] }],
});
