// What telephony (issue 6) adds to the synced tables, in TypeORM's Table API
// for both the desk's migration and the central store's: the call's origin
// and call-back, and the directory of reporters with their phone numbers.
// Frozen with the migrations that use it: later changes go in new migrations.
import { Table, TableColumn, TableIndex, type TableColumnOptions } from 'typeorm';

const text = (name: string, nullable = false): TableColumnOptions => ({
  name,
  type: 'text',
  isNullable: nullable,
});

/** New columns of `call`: where it came from (the desk or the phone system), its phone-system id, the call-back. */
export const CALL_COLUMNS_V2: TableColumn[] = [
  new TableColumn({ name: 'source', type: 'text', isNullable: false, default: "'desk'" }),
  new TableColumn(text('cti_call_id', true)),
  new TableColumn(text('hangup_cause', true)),
  new TableColumn(text('called_back_at', true)),
  new TableColumn(text('called_back_by_name', true)),
];

export const REPORTER_TABLES_V1: Table[] = [
  new Table({
    name: 'reporter',
    columns: [
      { name: 'id', type: 'text', isPrimary: true },
      text('name'),
      text('customer_id'),
      text('workplace'),
      text('email', true),
      /** JSON array of E.164 numbers, as imported. */
      text('phones'),
      text('updated_at'),
    ],
  }),
  // One row per number, so an arriving call finds its reporter by index.
  new Table({
    name: 'reporter_phone',
    columns: [{ name: 'phone', type: 'text', isPrimary: true }, text('reporter_id')],
    indices: [new TableIndex({ name: 'reporter_phone_reporter_id', columnNames: ['reporter_id'] })],
  }),
];
