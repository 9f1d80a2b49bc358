// The ticket tables as first created, in TypeORM's Table API, for both the
// desk's migration (SQLite) and the central store's (SQLite or PostgreSQL):
// one definition, so a synced row has the same columns on both sides.
// Frozen with the migrations that use it: later changes go in new migrations.
import { Table, TableIndex, type TableColumnOptions } from 'typeorm';

const text = (name: string, nullable = false): TableColumnOptions => ({
  name,
  type: 'text',
  isNullable: nullable,
});
const pk = (name: string): TableColumnOptions => ({ name, type: 'text', isPrimary: true });
const index = (table: string, columns: string[]) =>
  new TableIndex({ name: `${table}_${columns.join('_')}`, columnNames: columns });

export const TICKET_TABLES_V1: Table[] = [
  new Table({
    name: 'ticket',
    columns: [
      pk('id'),
      text('reference', true),
      text('provisional_reference', true),
      text('call_id', true),
      text('channel'),
      text('reporter_name'),
      text('reporter_phone'),
      text('reporter_email', true),
      text('customer_id'),
      text('workplace'),
      text('title', true),
      text('description'),
      text('priority'),
      text('system'),
      text('category'),
      text('device', true),
      text('notify_by'),
      text('status'),
      text('assignee_id', true),
      text('assignee_name', true),
      text('responded_at', true),
      text('response_channel', true),
      text('resolved_at', true),
      text('closed_at', true),
      text('resolution', true),
      text('pauses'),
      text('agreed_with', true),
      text('agreed_with_name', true),
      text('agreed_plan', true),
      text('agreed_target_date', true),
      text('temporary_solution', true),
      text('response_due_at'),
      text('resolution_due_at', true),
      text('breach_at', true),
      text('created_at'),
      text('created_by'),
      text('created_by_name'),
      text('updated_at'),
      text('updated_by_name'),
    ],
    indices: [
      index('ticket', ['reference']),
      index('ticket', ['provisional_reference']),
      index('ticket', ['call_id']),
      index('ticket', ['reporter_phone']),
      index('ticket', ['system']),
      index('ticket', ['created_at', 'id']),
    ],
  }),
  new Table({
    name: 'ticket_event',
    columns: [
      pk('id'),
      text('ticket_id'),
      text('at'),
      text('actor_id'),
      text('actor_name'),
      text('kind'),
      text('data'),
    ],
    indices: [index('ticket_event', ['ticket_id', 'at'])],
  }),
  new Table({
    name: 'ticket_message',
    columns: [
      pk('id'),
      text('ticket_id'),
      text('kind'),
      text('channel'),
      text('recipient'),
      text('text', true),
      text('status'),
      { name: 'attempts', type: 'integer' },
      text('last_error', true),
      text('next_attempt_at', true),
      text('subject', true),
      text('body', true),
      text('sent_at', true),
      text('created_at'),
      text('updated_at'),
    ],
    indices: [
      index('ticket_message', ['ticket_id']),
      // The central store's sender: queued messages by when they are due.
      index('ticket_message', ['status', 'next_attempt_at']),
    ],
  }),
];
