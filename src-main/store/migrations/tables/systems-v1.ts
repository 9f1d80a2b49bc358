// The systems register's tables as first created (issue 16: R13, R14,
// R20–R24, R26), for both the desk's migration and the central store's: one
// definition, so a synced row has the same columns on both sides. Frozen
// with the migrations that use it: later changes go in new migrations.
// Lists (an outage's systems and customers) are JSON text: an outage is one
// row, so two desks' edits of it merge field by field on the central store.
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
const stamps = [text('created_at'), text('updated_at'), text('updated_by_name')];

export const SYSTEMS_TABLES_V1: Table[] = [
  new Table({
    name: 'business_system',
    columns: [
      pk('id'),
      text('name'),
      text('supplier', true),
      text('description', true),
      text('criticality'),
      integer('continuous'),
      integer('remote_access'),
      /** JSON Probe (src-shared/systems/register.ts), or null. */
      text('probe', true),
      /** Since when the probe has watched it (its measured availability starts there). */
      text('probe_since', true),
      integer('retired'),
      ...stamps,
    ],
  }),
  new Table({
    name: 'system_customer',
    columns: [
      pk('id'),
      text('system_id'),
      text('customer_id'),
      ...['owner', 'responsible', 'security_officer', 'coordinator'].flatMap((role) => [
        text(`${role}_name`, true),
        text(`${role}_reporter_id`, true),
        text(`${role}_contact`, true),
      ]),
      ...stamps,
    ],
    indices: [index('system_customer', ['system_id']), index('system_customer', ['customer_id'])],
  }),
  new Table({
    name: 'outage',
    columns: [
      pk('id'),
      text('title'),
      text('description', true),
      text('starts_at'),
      text('ends_at', true),
      text('system_ids'),
      text('customer_ids'),
      integer('planned'),
      text('cause'),
      text('state'),
      /** desk, probe */
      text('source'),
      /** What the probe measured: first failed check to first good one. */
      text('measured_start', true),
      text('measured_end', true),
      text('announced_at', true),
      text('short_notice_reason', true),
      text('created_by_name'),
      ...stamps,
    ],
    indices: [index('outage', ['starts_at'])],
  }),
  new Table({
    name: 'maintenance_window',
    columns: [
      pk('id'),
      text('system_id'),
      text('kind'),
      integer('weekday', true),
      text('start_time', true),
      text('end_time', true),
      text('valid_from', true),
      text('valid_until', true),
      text('starts_at', true),
      text('ends_at', true),
      text('agreed_with_name'),
      text('announced_at', true),
      text('short_notice_reason', true),
      text('note', true),
      integer('cancelled'),
      ...stamps,
    ],
    indices: [index('maintenance_window', ['system_id'])],
  }),
  new Table({
    name: 'notice',
    columns: [
      pk('id'),
      text('title'),
      text('body'),
      text('state'),
      text('system_ids'),
      text('customer_ids'),
      text('starts_at'),
      text('ends_at', true),
      text('outage_id', true),
      text('window_id', true),
      ...stamps,
    ],
    indices: [index('notice', ['state'])],
  }),
  new Table({
    name: 'notice_update',
    columns: [pk('id'), text('notice_id'), text('at'), text('state'), text('text'), text('created_by_name')],
    indices: [index('notice_update', ['notice_id'])],
  }),
  /** The register's history (R27): every change to a system, its roles, an outage, a window or a notice. */
  new Table({
    name: 'system_event',
    columns: [
      pk('id'),
      text('subject_id'),
      text('at'),
      text('actor_id'),
      text('actor_name'),
      text('kind'),
      text('data'),
    ],
    indices: [index('system_event', ['subject_id'])],
  }),
];

/** The ticket's links into the register: its system, kind (R13), restore approval, outage and notice. */
export const TICKET_SYSTEM_COLUMNS_V1 = [
  'system_id TEXT',
  "kind TEXT NOT NULL DEFAULT 'standard'",
  'restore_approval TEXT',
  'outage_id TEXT',
  'notice_id TEXT',
];
