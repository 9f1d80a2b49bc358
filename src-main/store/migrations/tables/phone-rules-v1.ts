// The administrators' block list (table `blocked_number`, synced), in
// TypeORM's Table API for both the desk's migration and the central store's.
// The caller-ID rules need no table: they are a shared setting. Frozen with
// the migrations that use it: later changes go in new migrations.
import { Table, TableIndex, type TableColumnOptions } from 'typeorm';

const text = (name: string, nullable = false): TableColumnOptions => ({
  name,
  type: 'text',
  isNullable: nullable,
});

export const BLOCKED_NUMBER_TABLE_V1 = new Table({
  name: 'blocked_number',
  columns: [
    { name: 'id', type: 'text', isPrimary: true },
    /** Normalised: "+4791234567", "+46812345678", a short number, or "anonymous". */
    text('number'),
    text('reason'),
    text('expires_at', true),
    text('created_at'),
    text('created_by_name'),
  ],
  // An arriving call looks its caller up by number. Not unique: the mutation keeps one entry per
  // number, and a desk applying synced rows never has to order a deletion before an insertion.
  indices: [new TableIndex({ name: 'blocked_number_number', columnNames: ['number'] })],
});
