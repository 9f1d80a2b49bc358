// The equipment register's tables as first created (R15–R19), for both the
// desk's migration (SQLite) and the central store's (SQLite or PostgreSQL):
// one definition, so a synced row has the same columns on both sides.
// Frozen with the migrations that use it: later changes go in new migrations.
// Uniqueness (a serial per maker, an asset tag) is the mutators' rule, not an
// index's: a desk holds rows it wrote optimistically beside the server's,
// and a clash there is a rejected change to show, not a failed write.
import { Table, TableIndex, type TableColumnOptions } from 'typeorm';

const text = (name: string, nullable = false): TableColumnOptions => ({
  name,
  type: 'text',
  isNullable: nullable,
});
const integer = (name: string, nullable = false): TableColumnOptions => ({
  name,
  type: 'integer',
  isNullable: nullable,
});
const pk = (name: string): TableColumnOptions => ({ name, type: 'text', isPrimary: true });
const index = (table: string, columns: string[]) =>
  new TableIndex({ name: `${table}_${columns.join('_')}`, columnNames: columns });

export const EQUIPMENT_TABLES_V1: Table[] = [
  new Table({
    name: 'equipment_model',
    columns: [
      pk('id'),
      text('category'),
      text('maker'),
      text('name'),
      text('supplier', true),
      text('framework_agreement', true),
      text('approved_from'),
      text('approved_until', true),
      integer('order_via_desk'),
      text('order_reason', true),
      text('created_at'),
      text('updated_at'),
      text('updated_by_name'),
    ],
    indices: [index('equipment_model', ['maker', 'name'])],
  }),
  new Table({
    name: 'device',
    columns: [
      pk('id'),
      text('serial'),
      /** The serial as compared: no case, no spaces (catalogue.normalizeLabel). */
      text('serial_key'),
      text('asset_tag', true),
      text('asset_tag_key', true),
      text('model_id'),
      text('customer_id'),
      text('workplace'),
      text('assigned_user', true),
      text('assigned_reporter_id', true),
      text('network'),
      text('setup_date', true),
      text('delivered_date', true),
      text('status'),
      text('replacement_reason', true),
      text('notes', true),
      text('handover_id', true),
      text('handed_in_at', true),
      text('handed_in_by_name', true),
      text('condition', true),
      integer('disk_removed', true),
      text('batch_id', true),
      text('wipe_method', true),
      text('wipe_tool', true),
      text('wiped_by', true),
      text('wiped_on', true),
      text('recycled_at', true),
      text('created_at'),
      text('created_by_name'),
      text('updated_at'),
      text('updated_by_name'),
    ],
    indices: [
      index('device', ['serial_key']),
      index('device', ['asset_tag_key']),
      index('device', ['model_id']),
      index('device', ['status', 'handed_in_at']),
      index('device', ['batch_id']),
      index('device', ['customer_id']),
    ],
  }),
  new Table({
    name: 'handover',
    columns: [
      pk('id'),
      text('at'),
      text('technician_id'),
      text('technician_name'),
      text('customer_id'),
      text('workplace'),
      text('assigned_user', true),
      text('new_device_id'),
      text('old_device_id', true),
      /** 'handed_in' or 'kept' (R18). */
      text('old_outcome', true),
      text('ticket_id', true),
      /** R18: the licence charge when the customer keeps the old device, in kroner, with its month. */
      integer('charge_amount', true),
      text('charge_category', true),
      text('charge_month', true),
      text('notes', true),
    ],
    indices: [index('handover', ['charge_month']), index('handover', ['ticket_id'])],
  }),
  new Table({
    name: 'recycling_batch',
    columns: [
      pk('id'),
      text('reference'),
      text('sent_date'),
      text('recycler'),
      /** 'sent', then 'closed' with the certificate (R19). */
      text('status'),
      /** The devices as they left (JSON): serial, tag, model, customer, handed in when and to whom. */
      text('devices'),
      text('certificate_reference', true),
      text('destruction_method', true),
      text('closed_at', true),
      text('closed_by_name', true),
      text('created_at'),
      text('created_by_name'),
    ],
    indices: [index('recycling_batch', ['sent_date'])],
  }),
  new Table({
    name: 'equipment_event',
    columns: [
      pk('id'),
      /** The model, device or batch the event is about. */
      text('subject_id'),
      text('at'),
      text('actor_id'),
      text('actor_name'),
      text('kind'),
      text('data'),
    ],
    indices: [index('equipment_event', ['subject_id', 'at'])],
  }),
];
