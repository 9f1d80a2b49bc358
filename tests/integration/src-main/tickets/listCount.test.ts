// The ticket lists' total on a real store with more tickets than the count
// goes to: it stops at COUNT_CAP and says so, and below the cap it is exact.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import { COUNT_CAP, listTickets } from '../../../../src-main/tickets/queries';
import { openLocalStore } from '../../../../src-main/store/openLocalStore';
import { DESK_DB_FILE } from '../../../../src-main/store/storeIdentity';
import { seedTickets } from '../../../bench/lib/ticketSeed';
import { removeDir, tempDir } from '../../../support/tempDesk';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) removeDir(dir);
});

it('counts the matching tickets up to the cap, and says when there are more', async () => {
  const dir = tempDir('ticket-count-');
  dirs.push(dir);
  await (await openLocalStore(dir)).close();
  const file = join(dir, DESK_DB_FILE);
  seedTickets(file, { tickets: COUNT_CAP + 50, events: COUNT_CAP + 50 });
  const db = new Database(file, { readonly: true });
  const count = (where: string) =>
    (db.prepare(`SELECT count(*) AS n FROM ticket WHERE ${where}`).get() as { n: number }).n;
  const critical = count(`priority = 'critical'`);
  const open = count(`status NOT IN ('resolved', 'closed')`);
  db.close();

  const store = await openLocalStore(dir);
  try {
    const m = store.dataSource.manager;
    const all = await listTickets(m, { scope: 'all', limit: 10 }, 'nobody');
    expect(all.total).toEqual({ count: COUNT_CAP, capped: true });
    expect(all.items).toHaveLength(10);
    expect(critical).toBeLessThan(COUNT_CAP);
    expect((await listTickets(m, { scope: 'all', priority: 'critical' }, 'nobody')).total).toEqual({
      count: critical,
      capped: false,
    });
    expect((await listTickets(m, { scope: 'open' }, 'nobody')).total).toEqual({ count: open, capped: false });
  } finally {
    await store.close();
  }
});
