// Fewer pages in every desk commit (issue 14's handover benchmark; every
// mutation gains):
// - The outbox's sequence no longer lives in sqlite_sequence, which
//   AUTOINCREMENT rewrites in every commit: outbox_sequence keeps the highest
//   sequence number that has LEFT the outbox, written by a trigger when an
//   entry is deleted (an acknowledgement or a rejection, never in a
//   mutation's commit). A new entry takes one more than the highest of the
//   outbox and that, so numbers are still never reused, and still follow on
//   without a gap, as the central store requires (store/outbox.ts).
// - The outbox's mutation_id index goes: acknowledgements name the entry by
//   its sequence number (the primary key), and mutation ids are unique by
//   construction (UUIDv7).
// - The equipment history and the handovers become WITHOUT ROWID tables:
//   their text id is the table's own key, instead of a rowid table plus a
//   second b-tree for the id.
// Desk only: the central store's tables are unchanged.
import type { MigrationInterface, QueryRunner } from 'typeorm';

const OUTBOX_COLUMNS = `mutation_id TEXT NOT NULL,
      client_id TEXT NOT NULL,
      name TEXT NOT NULL,
      args TEXT NOT NULL,
      schema_version INTEGER NOT NULL,
      actor_id TEXT NOT NULL,
      created_at TEXT NOT NULL,
      actor_name TEXT NOT NULL DEFAULT '',
      actor_role TEXT NOT NULL DEFAULT 'agent',
      undo TEXT NOT NULL DEFAULT '[]'`;
const OUTBOX_LIST =
  'seq, mutation_id, client_id, name, args, schema_version, actor_id, created_at, actor_name, actor_role, undo';

const EVENT_COLUMNS = `"id" text PRIMARY KEY NOT NULL, "subject_id" text NOT NULL, "at" text NOT NULL,
  "actor_id" text NOT NULL, "actor_name" text NOT NULL, "kind" text NOT NULL, "data" text NOT NULL`;
const EVENT_LIST = 'id, subject_id, at, actor_id, actor_name, kind, data';
const HANDOVER_COLUMNS = `"id" text PRIMARY KEY NOT NULL, "at" text NOT NULL, "technician_id" text NOT NULL,
  "technician_name" text NOT NULL, "customer_id" text NOT NULL, "workplace" text NOT NULL, "assigned_user" text,
  "new_device_id" text NOT NULL, "old_device_id" text, "old_outcome" text, "ticket_id" text,
  "charge_amount" integer, "charge_category" text, "charge_month" text, "notes" text`;
const HANDOVER_LIST =
  'id, at, technician_id, technician_name, customer_id, workplace, assigned_user, new_device_id, old_device_id, old_outcome, ticket_id, charge_amount, charge_category, charge_month, notes';

/** Copies a table into a new definition under the same name (SQLite cannot alter a key). */
async function rebuild(qr: QueryRunner, table: string, definition: string, list: string): Promise<void> {
  await qr.query(`CREATE TABLE ${table}_rebuilt ${definition}`);
  await qr.query(`INSERT INTO ${table}_rebuilt (${list}) SELECT ${list} FROM ${table}`);
  await qr.query(`DROP TABLE ${table}`);
  await qr.query(`ALTER TABLE ${table}_rebuilt RENAME TO ${table}`);
}

async function historyIndexes(qr: QueryRunner): Promise<void> {
  await qr.query(`CREATE INDEX equipment_event_subject_id_at ON equipment_event (subject_id, at)`);
  await qr.query(`CREATE INDEX handover_ticket_id ON handover (ticket_id) WHERE ticket_id IS NOT NULL`);
  await qr.query(
    `CREATE INDEX handover_charge_month ON handover (charge_month) WHERE charge_month IS NOT NULL`,
  );
}

export class OutboxAndHistoryKeys1765267200000 implements MigrationInterface {
  name = 'OutboxAndHistoryKeys1765267200000';

  async up(qr: QueryRunner): Promise<void> {
    await qr.query(`CREATE TABLE outbox_sequence (last_seq INTEGER NOT NULL)`);
    // The highest number this desk ever used, whether or not its entry is still waiting.
    await qr.query(
      `INSERT INTO outbox_sequence (last_seq)
       SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'outbox'), 0)`,
    );
    await rebuild(qr, 'outbox', `(seq INTEGER PRIMARY KEY, ${OUTBOX_COLUMNS})`, OUTBOX_LIST);
    await qr.query(
      `CREATE TRIGGER outbox_sequence_kept AFTER DELETE ON outbox
       WHEN old.seq > (SELECT last_seq FROM outbox_sequence)
       BEGIN UPDATE outbox_sequence SET last_seq = old.seq; END`,
    );
    await rebuild(qr, 'equipment_event', `(${EVENT_COLUMNS}) WITHOUT ROWID`, EVENT_LIST);
    await rebuild(qr, 'handover', `(${HANDOVER_COLUMNS}) WITHOUT ROWID`, HANDOVER_LIST);
    await historyIndexes(qr);
  }

  async down(qr: QueryRunner): Promise<void> {
    await rebuild(qr, 'handover', `(${HANDOVER_COLUMNS})`, HANDOVER_LIST);
    await rebuild(qr, 'equipment_event', `(${EVENT_COLUMNS})`, EVENT_LIST);
    await historyIndexes(qr);
    const [kept] = (await qr.query(`SELECT last_seq FROM outbox_sequence`)) as Array<{ last_seq: number }>;
    await rebuild(
      qr,
      'outbox',
      `(seq INTEGER PRIMARY KEY AUTOINCREMENT, ${OUTBOX_COLUMNS.replace('mutation_id TEXT NOT NULL', 'mutation_id TEXT NOT NULL UNIQUE')})`,
      OUTBOX_LIST,
    );
    // AUTOINCREMENT goes on from the larger of the copied rows and what had left the outbox.
    await qr.query(`UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = 'outbox'`, [
      kept?.last_seq ?? 0,
    ]);
    await qr.query(
      `INSERT INTO sqlite_sequence (name, seq) SELECT 'outbox', ? WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'outbox')`,
      [kept?.last_seq ?? 0],
    );
    await qr.query(`DROP TABLE outbox_sequence`);
  }
}
