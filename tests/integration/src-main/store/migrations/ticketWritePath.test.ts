// The desk's ticket indexes as the planner sees them on a real store with its
// statistics gathered: a call's ticket and a canonical reference are found by
// index even when almost no ticket has either (tickets made from e-mail, or
// made offline and not yet given their reference), which is when a plain index
// holding every NULL would look useless to the planner and a ticket made from
// a call would scan the whole table.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import { openLocalStore } from '../../../../../src-main/store/openLocalStore';
import { DESK_DB_FILE } from '../../../../../src-main/store/storeIdentity';
import { seedTickets } from '../../../../bench/lib/ticketSeed';
import { removeDir, tempDir } from '../../../../support/tempDesk';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) removeDir(dir);
});

it('finds a call’s ticket and a reference by index when nearly every ticket has neither', async () => {
  const dir = tempDir('ticket-indexes-');
  dirs.push(dir);
  await (await openLocalStore(dir)).close();
  const file = join(dir, DESK_DB_FILE);
  seedTickets(file, { tickets: 3000, events: 3000 });
  const db = new Database(file);
  db.exec(`UPDATE ticket SET call_id = NULL, reference = NULL `);
  // Statistics as the desk's PRAGMA optimize leaves them: per-index averages, no value samples
  // (sqlite_stat4) that would tell the planner a NULL-heavy index still finds a given key fast.
  db.exec('ANALYZE');
  db.exec('DELETE FROM sqlite_stat4');
  db.close();

  const store = await openLocalStore(dir);
  try {
    // As rowSql.selectRow asks (LIMIT 1, which tempts the planner to scan for an early match).
    const plan = async (sql: string) =>
      ((await store.dataSource.query(`EXPLAIN QUERY PLAN ${sql}`, ['x'])) as Array<{ detail: string }>)
        .map((r) => r.detail)
        .join(' | ');
    expect(await plan(`SELECT * FROM ticket WHERE call_id = ? LIMIT 1`)).toContain(
      'USING INDEX ticket_call_id',
    );
    expect(await plan(`SELECT * FROM ticket WHERE reference = ? LIMIT 1`)).toContain(
      'USING INDEX ticket_reference',
    );
  } finally {
    await store.close();
  }
});
