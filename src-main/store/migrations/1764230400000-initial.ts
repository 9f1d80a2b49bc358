// The desk's first schema: reference data (customers, workplaces), the call log
// with its append-only events and search index, the outbox, and local settings.
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DESK_APPLICATION_ID } from '../storeIdentity';
import { referenceRows } from '../referenceData';

export class Initial1764230400000 implements MigrationInterface {
  name = 'Initial1764230400000';

  async up(qr: QueryRunner): Promise<void> {
    await qr.query(`PRAGMA application_id = ${DESK_APPLICATION_ID}`);
    await qr.query(`CREATE TABLE customer (id TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL UNIQUE)`);
    await qr.query(`CREATE TABLE workplace (
      id TEXT PRIMARY KEY NOT NULL,
      customer_id TEXT NOT NULL REFERENCES customer(id),
      name TEXT NOT NULL,
      UNIQUE (customer_id, name))`);
    await qr.query(`CREATE TABLE call (
      id TEXT PRIMARY KEY NOT NULL,
      arrived_at TEXT NOT NULL,
      caller_number TEXT NOT NULL,
      caller_name TEXT,
      customer_id TEXT REFERENCES customer(id),
      workplace TEXT,
      status TEXT NOT NULL CHECK (status IN ('waiting', 'taken', 'finished')),
      logged_by TEXT NOT NULL,
      logged_by_name TEXT NOT NULL,
      taken_by TEXT,
      taken_by_name TEXT,
      taken_at TEXT,
      summary TEXT,
      outcome TEXT CHECK (outcome IS NULL OR outcome IN ('solved', 'ticket_needed', 'transferred', 'abandoned')),
      ended_at TEXT,
      override_reason TEXT,
      override_by TEXT,
      override_by_name TEXT,
      updated_at TEXT NOT NULL,
      search_key INTEGER -- arrival order as one integer, the search index's rowid; kept by the triggers below
    )`);
    await qr.query(`CREATE INDEX call_arrival ON call (arrived_at, id)`);
    await qr.query(`CREATE INDEX call_waiting ON call (arrived_at, id) WHERE status = 'waiting'`);
    await qr.query(`CREATE INDEX call_taken_by ON call (taken_by) WHERE status = 'taken'`);
    // Substring search over number, name and workplace: trigram FTS5 kept in step by triggers. Its rowid
    // is call.search_key, which sorts exactly like (arrived_at, id), so a searched history page reads the
    // index backwards from a bound and stops after one page instead of collecting every match.
    // search_key = (milliseconds since 0000-01-01 of arrived_at) * 16384 + a slot within that millisecond;
    // slots follow id order and stay unique (a new call shifts later same-millisecond calls up one slot).
    await qr.query(`CREATE UNIQUE INDEX call_search_key ON call (search_key)`);
    await qr.query(`CREATE VIRTUAL TABLE call_search USING fts5(
      caller_number, caller_name, workplace, content='call', content_rowid='search_key', tokenize='trigram')`);
    const placeCall = (when: string) => `
      UPDATE call SET search_key = -(search_key + 1)
        WHERE arrived_at = new.arrived_at AND id > new.id AND search_key IS NOT NULL AND ${when};
      UPDATE call SET search_key = -search_key WHERE search_key < 0;
      UPDATE call SET search_key = coalesce(
          (SELECT max(search_key) + 1 FROM call WHERE arrived_at = new.arrived_at AND id < new.id),
          (unixepoch(substr(new.arrived_at, 1, 19)) * 1000 + CAST(substr(new.arrived_at, 21, 3) AS INTEGER)
            + 62167219200000) * 16384)
        WHERE rowid = new.rowid;`;
    await qr.query(`CREATE TRIGGER call_search_ai AFTER INSERT ON call BEGIN ${placeCall('1')} END`);
    await qr.query(`CREATE TRIGGER call_search_arrival AFTER UPDATE OF arrived_at ON call
      WHEN old.arrived_at IS NOT new.arrived_at BEGIN
      UPDATE call SET search_key = NULL WHERE rowid = new.rowid; ${placeCall('rowid <> new.rowid')} END`);
    await qr.query(`CREATE TRIGGER call_search_ad AFTER DELETE ON call WHEN old.search_key IS NOT NULL BEGIN
      INSERT INTO call_search (call_search, rowid, caller_number, caller_name, workplace)
      VALUES ('delete', old.search_key, old.caller_number, old.caller_name, old.workplace); END`);
    // Negative keys are the shift's momentary state: not indexed.
    await qr.query(`CREATE TRIGGER call_search_au AFTER UPDATE OF caller_number, caller_name, workplace, search_key ON call
      BEGIN
      INSERT INTO call_search (call_search, rowid, caller_number, caller_name, workplace)
        SELECT 'delete', old.search_key, old.caller_number, old.caller_name, old.workplace WHERE old.search_key >= 0;
      INSERT INTO call_search (rowid, caller_number, caller_name, workplace)
        SELECT new.search_key, new.caller_number, new.caller_name, new.workplace WHERE new.search_key >= 0; END`);
    await qr.query(`CREATE TABLE call_event (
      id TEXT PRIMARY KEY NOT NULL,
      call_id TEXT NOT NULL REFERENCES call(id),
      kind TEXT NOT NULL,
      at TEXT NOT NULL,
      actor_id TEXT NOT NULL,
      actor_name TEXT NOT NULL,
      data TEXT NOT NULL)`);
    await qr.query(`CREATE INDEX call_event_call ON call_event (call_id, at)`);
    await qr.query(`CREATE TABLE outbox (
      seq INTEGER PRIMARY KEY AUTOINCREMENT, -- never reused, so the central store can trust (client, seq)
      mutation_id TEXT NOT NULL UNIQUE,
      client_id TEXT NOT NULL,
      name TEXT NOT NULL,
      args TEXT NOT NULL,
      schema_version INTEGER NOT NULL,
      actor_id TEXT NOT NULL,
      created_at TEXT NOT NULL)`);
    await qr.query(`CREATE TABLE local_setting (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)`);

    const { customers, workplaces } = referenceRows();
    for (const c of customers)
      await qr.query(`INSERT INTO customer (id, name) VALUES (?, ?)`, [c.id, c.name]);
    for (const w of workplaces) {
      await qr.query(`INSERT INTO workplace (id, customer_id, name) VALUES (?, ?, ?)`, [
        w.id,
        w.customerId,
        w.name,
      ]);
    }
  }

  async down(qr: QueryRunner): Promise<void> {
    for (const t of [
      'local_setting',
      'outbox',
      'call_event',
      'call_search',
      'call',
      'workplace',
      'customer',
    ]) {
      await qr.query(`DROP TABLE IF EXISTS ${t}`);
    }
  }
}
