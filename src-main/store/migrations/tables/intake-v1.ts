// The intake channels' tables as first created (issue 17: R2, R6, R7, R27),
// frozen with the migrations that use them. Synced to every desk:
// `inbound_mail` (one row per e-mail the mailbox gave us, whatever became of
// it: the exactly-once key and the admin's list) and `ticket_attachment` (a
// file's name, type, size and hash; its bytes stay on the central store).
// Central store only: `attachment_content` (the bytes, base64, by SHA-256),
// and the reporters' sign-in links and sessions for the web intake.
import { Table, TableIndex, type TableColumnOptions } from 'typeorm';

const text = (name: string, nullable = false): TableColumnOptions => ({
  name,
  type: 'text',
  isNullable: nullable,
});
const integer = (name: string): TableColumnOptions => ({ name, type: 'integer', isNullable: false });
const pk = (name: string): TableColumnOptions => ({ name, type: 'text', isPrimary: true });

export const INTAKE_SYNCED_TABLES_V1: Table[] = [
  new Table({
    name: 'inbound_mail',
    columns: [
      pk('id'),
      /** The Message-ID, or a hash of the message when it has none: the exactly-once key. */
      text('message_key'),
      text('received_at'),
      text('from_address', true),
      text('subject', true),
      /** ticket, reply, ignored, throttled, setAside */
      text('outcome'),
      text('reason', true),
      text('ticket_id', true),
      text('created_at'),
    ],
    indices: [
      new TableIndex({ name: 'inbound_mail_message_key', columnNames: ['message_key'], isUnique: true }),
      new TableIndex({ name: 'inbound_mail_from_received', columnNames: ['from_address', 'received_at'] }),
      new TableIndex({ name: 'inbound_mail_outcome', columnNames: ['outcome', 'received_at'] }),
    ],
  }),
  new Table({
    name: 'ticket_attachment',
    columns: [
      pk('id'),
      text('ticket_id'),
      /** The timeline line (created or reporterMessage) it came with. */
      text('event_id'),
      text('filename'),
      text('content_type'),
      integer('size'),
      text('sha256'),
      /** attachment, or htmlBody (the message's sanitised HTML, shown on request) */
      text('role'),
      text('created_at'),
    ],
    indices: [new TableIndex({ name: 'ticket_attachment_ticket_id', columnNames: ['ticket_id'] })],
  }),
];

export const INTAKE_CENTRAL_TABLES_V1: Table[] = [
  new Table({
    name: 'attachment_content',
    columns: [pk('sha256'), integer('size'), text('base64'), text('created_at')],
  }),
  new Table({
    name: 'reporter_link',
    columns: [pk('token_hash'), text('email'), text('created_at'), text('expires_at'), text('used_at', true)],
    indices: [new TableIndex({ name: 'reporter_link_email', columnNames: ['email', 'created_at'] })],
  }),
  new Table({
    name: 'reporter_session',
    columns: [
      pk('token_hash'),
      text('email'),
      text('created_at'),
      text('expires_at'),
      text('revoked_at', true),
    ],
  }),
];
