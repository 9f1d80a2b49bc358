// Telephony on the desk: the call's origin and call-back, a new outcome
// ('missed', from the phone system), and the reporter directory that
// recognises callers by number. The call table is rebuilt by SQLite's own
// recipe (new table, copy, drop, rename, then its indexes and triggers again,
// read back from the schema) because a CHECK constraint cannot be altered;
// TypeORM's addColumn would rebuild it without the search triggers.
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { CALL_COLUMNS_V2, REPORTER_TABLES_V1 } from './tables/telephony-v1';

export class Telephony1764662400000 implements MigrationInterface {
  name = 'Telephony1764662400000';

  async up(qr: QueryRunner): Promise<void> {
    const dependents: Array<{ sql: string }> = await qr.query(
      `SELECT sql FROM sqlite_master WHERE tbl_name = 'call' AND type IN ('index', 'trigger') AND sql IS NOT NULL`,
    );
    const [table] = (await qr.query(
      `SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'call'`,
    )) as Array<{
      sql: string;
    }>;
    const oldOutcomes = `outcome IN ('solved', 'ticket_needed', 'transferred', 'abandoned')`;
    if (!table?.sql.includes(oldOutcomes)) throw new Error('Unexpected shape of the call table');
    const added = CALL_COLUMNS_V2.map(
      (c) => `${c.name} TEXT${c.isNullable ? '' : ` NOT NULL DEFAULT ${c.default}`}`,
    );
    const created = table.sql
      .replace(/^CREATE TABLE call \(/, 'CREATE TABLE call_v2 (')
      .replace(oldOutcomes, `outcome IN ('solved', 'ticket_needed', 'transferred', 'abandoned', 'missed')`)
      .replace(/\)\s*$/, `,\n      ${added.join(',\n      ')}\n    )`);
    // call_event refers to call. TypeORM runs SQLite migrations with foreign_keys off (as SQLite's
    // recipe asks); the references are checked explicitly once the table is back.
    await qr.query(created);
    const columns = (await qr.query(`SELECT name FROM pragma_table_info('call')`)) as Array<{ name: string }>;
    const names = columns.map((c) => c.name).join(', ');
    await qr.query(`INSERT INTO call_v2 (${names}) SELECT ${names} FROM call`);
    await qr.query(`DROP TABLE call`);
    await qr.query(`ALTER TABLE call_v2 RENAME TO call`);
    for (const d of dependents) await qr.query(d.sql);
    const broken: unknown[] = await qr.query(`PRAGMA foreign_key_check`);
    if (broken.length > 0) throw new Error(`Rebuilding the call table broke ${broken.length} references`);
    // Missed calls waiting for a call-back, oldest first.
    await qr.query(`CREATE INDEX call_missed ON call (arrived_at, id)
      WHERE outcome IN ('missed', 'abandoned') AND called_back_at IS NULL`);
    for (const table of REPORTER_TABLES_V1) await qr.createTable(table);
  }

  async down(qr: QueryRunner): Promise<void> {
    for (const table of [...REPORTER_TABLES_V1].reverse()) await qr.dropTable(table.name);
    await qr.query(`DROP INDEX call_missed`);
    for (const c of [...CALL_COLUMNS_V2].reverse()) await qr.query(`ALTER TABLE call DROP COLUMN ${c.name}`);
  }
}
