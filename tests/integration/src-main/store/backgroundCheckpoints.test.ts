// The desk store's write-ahead log is copied back into the database file by a
// worker thread, not inside the commits: on a real store file, what a burst of
// mutations wrote reaches the database file without another commit, the log
// starts afresh instead of growing, and a worker that cannot run hands the job
// back to SQLite's own checkpoints.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { afterEach, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { callLog } from '../../../../src-main/calls/mutations';
import { openDesk, type Desk } from '../../../../src-main/desk/openDesk';
import { startBackgroundCheckpoints } from '../../../../src-main/store/backgroundCheckpoints';
import { DESK_DB_FILE } from '../../../../src-main/store/storeIdentity';
import { sqliteConnectionOptions } from '../../../../src-main/store/sqliteOptions';
import type { Actor } from '../../../../src-shared/roles';
import { removeDir, tempDir } from '../../../support/tempDesk';

const agent: Actor = { userId: 'agent-1', name: 'Kari Nordmann', role: 'agent' };
const dirs: string[] = [];
const desks: Desk[] = [];
afterEach(async () => {
  for (const desk of desks.splice(0)) await desk.close();
  for (const dir of dirs.splice(0)) removeDir(dir);
});

async function newDesk(): Promise<{ desk: Desk; file: string }> {
  const dir = tempDir('checkpoints-');
  dirs.push(dir);
  const desk = await openDesk(dir, { centralUrl: null });
  desks.push(desk);
  return { desk, file: join(dir, DESK_DB_FILE) };
}

async function logCalls(desk: Desk, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    await desk.mutations.run(
      callLog,
      { id: uuidv7(), arrivedAt: new Date().toISOString(), callerNumber: `9${String(1_000_000 + i)}` },
      agent,
    );
  }
}

async function eventually(check: () => boolean, what: string, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error(`Timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('background checkpoints of the desk store', () => {
  it('turns off the checkpoint inside commits short of a long burst', async () => {
    const { desk } = await newDesk();
    const [row] = await desk.store.dataSource.query('PRAGMA wal_autocheckpoint');
    // SQLite's default (1000) would checkpoint inside every thirtieth ticket's commit.
    expect(row.wal_autocheckpoint).toBe(8192);
  });

  it('copies committed pages into the database file with no further commit', async () => {
    const { desk, file } = await newDesk();
    const before = statSync(file).size;
    // Well under the 8192 pages at which a commit would checkpoint itself.
    await logCalls(desk, 300);
    await eventually(() => statSync(file).size > before, 'the database file has grown');
  });

  it('starts the log afresh after a burst instead of growing it', async () => {
    const { desk, file } = await newDesk();
    await logCalls(desk, 200);
    await new Promise((r) => setTimeout(r, 600)); // a few of the worker's ticks
    const walAfterFirst = statSync(`${file}-wal`).size;
    for (let burst = 0; burst < 3; burst++) {
      await logCalls(desk, 200);
      await new Promise((r) => setTimeout(r, 600));
    }
    // Bursts of the same size reuse the file from its start: it stays at its first size.
    expect(statSync(`${file}-wal`).size).toBeLessThanOrEqual(walAfterFirst * 1.5);
  });

  it('hands checkpoints back to SQLite when the worker cannot open the store', async () => {
    const dir = tempDir('checkpoints-');
    dirs.push(dir);
    const dataSource = new DataSource(sqliteConnectionOptions(join(dir, 'store.sqlite')));
    await dataSource.initialize();
    try {
      const checkpoints = await startBackgroundCheckpoints(dataSource, join(dir, 'missing.sqlite'));
      let setting = 0;
      const readSetting = async () => {
        [{ wal_autocheckpoint: setting }] = await dataSource.query('PRAGMA wal_autocheckpoint');
      };
      await readSetting();
      const until = Date.now() + 5000;
      while (setting !== 1000 && Date.now() < until) {
        await new Promise((r) => setTimeout(r, 25));
        await readSetting();
      }
      expect(setting).toBe(1000);
      await checkpoints.stop();
    } finally {
      await dataSource.destroy();
    }
  });
});
