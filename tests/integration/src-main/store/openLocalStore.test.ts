// The desk store's safety checks on real files: a corrupt, foreign or
// newer-schema file is refused and left byte-for-byte unchanged; a good store
// runs in WAL mode and keeps its data; the real CLI refuses with exit code 2.
import { LOCAL_MIGRATIONS } from '../../../../src-main/store/migrations';
import { createHash, randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openLocalStore, StoreRefusedError } from '../../../../src-main/store/openLocalStore';
import { DESK_DB_FILE } from '../../../../src-main/store/storeIdentity';
import { openDesk } from '../../../../src-main/desk/openDesk';
import { callLog } from '../../../../src-main/calls/mutations';
import { removeDir, tempDir } from '../../../support/tempDesk';

const dirs: string[] = [];
function newDir(): string {
  const dir = tempDir('store-');
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) removeDir(dir);
});

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

async function refusal(dataDir: string): Promise<StoreRefusedError> {
  const error = await openLocalStore(dataDir).then(
    async (store) => {
      await store.close();
      return null;
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StoreRefusedError);
  return error as StoreRefusedError;
}

/** Asserts the store is refused for `reason` and that nothing in the folder changed. */
async function expectRefusedUnchanged(dataDir: string, reason: StoreRefusedError['reason']): Promise<void> {
  const file = join(dataDir, DESK_DB_FILE);
  const before = sha256(file);
  const filesBefore = readdirSync(dataDir).sort();
  const error = await refusal(dataDir);
  expect(error.reason).toBe(reason);
  expect(error.file).toBe(file);
  expect(error.message).toContain('Refusing to open');
  expect(sha256(file)).toBe(before);
  // The read-only check of a WAL-mode file may leave SQLite's -shm/-wal sidecars, but never data in them.
  const added = readdirSync(dataDir).filter((f) => !filesBefore.includes(f));
  expect(added.every((f) => f === `${DESK_DB_FILE}-shm` || f === `${DESK_DB_FILE}-wal`)).toBe(true);
  if (added.includes(`${DESK_DB_FILE}-wal`))
    expect(statSync(join(dataDir, `${DESK_DB_FILE}-wal`)).size).toBe(0);
}

function corruptDir(): string {
  const dir = newDir();
  writeFileSync(join(dir, DESK_DB_FILE), randomBytes(64 * 1024));
  return dir;
}

describe('openLocalStore', () => {
  it('refuses a corrupt file and leaves it unchanged', async () => {
    await expectRefusedUnchanged(corruptDir(), 'corrupt');
  });

  it('refuses a damaged desk store (valid header, garbage pages) and leaves it unchanged', async () => {
    const dir = newDir();
    const store = await openLocalStore(dir);
    await store.close();
    const file = join(dir, DESK_DB_FILE);
    const bytes = readFileSync(file);
    randomBytes(bytes.length - 4096).copy(bytes, 4096); // keep page 1 (header and schema), trash the rest
    writeFileSync(file, bytes);
    await expectRefusedUnchanged(dir, 'corrupt');
  });

  it('refuses a foreign SQLite database and leaves it unchanged', async () => {
    const dir = newDir();
    const db = new Database(join(dir, DESK_DB_FILE));
    db.exec(
      `CREATE TABLE recipe (id INTEGER PRIMARY KEY, title TEXT); INSERT INTO recipe (title) VALUES ('Fårikål')`,
    );
    db.close();
    await expectRefusedUnchanged(dir, 'foreign');
  });

  it('refuses a store written by a newer version and leaves it unchanged', async () => {
    const dir = newDir();
    const store = await openLocalStore(dir);
    await store.close();
    const db = new Database(join(dir, DESK_DB_FILE));
    db.prepare(`INSERT INTO migrations (timestamp, name) VALUES (?, ?)`).run(
      1999999999999,
      'Future1999999999999',
    );
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    await expectRefusedUnchanged(dir, 'newerSchema');
    expect((await refusal(dir)).message).toContain('Future1999999999999');
  });

  it('creates a new store in WAL mode with the desk identity', async () => {
    const dir = newDir();
    const store = await openLocalStore(dir);
    try {
      const rows: Array<{ journal_mode: string }> = await store.dataSource.query(`PRAGMA journal_mode`);
      expect(rows[0]!.journal_mode).toBe('wal');
      const sync: Array<{ synchronous: number }> = await store.dataSource.query(`PRAGMA synchronous`);
      expect(sync[0]!.synchronous).toBe(2); // FULL
    } finally {
      await store.close();
    }
  });

  it('opens an empty file as a new store', async () => {
    const dir = newDir();
    writeFileSync(join(dir, DESK_DB_FILE), '');
    const store = await openLocalStore(dir);
    const customers: Array<{ n: number }> = await store.dataSource.query(
      `SELECT count(*) AS n FROM customer`,
    );
    expect(customers[0]!.n).toBeGreaterThan(0);
    await store.close();
  });

  it('reopens an existing store with its data', async () => {
    const dir = newDir();
    const desk = await openDesk(dir, { centralUrl: null });
    const user = {
      id: '01a21bf8-2222-7000-8000-000000000001',
      username: 'kari',
      displayName: 'Kari Agent',
      role: 'agent' as const,
    };
    await desk.sessions.signIn({ token: 'secret', user, expiresAt: '2099-01-01T00:00:00.000Z' });
    const actor = (await desk.profile())!;
    const { id } = await desk.mutations.run(
      callLog,
      {
        id: '01a21bf8-1111-7000-8000-000000000001',
        arrivedAt: new Date(Date.now() - 3_600_000).toISOString(),
        callerNumber: '912 34 567',
      },
      actor,
    );
    const clientId = desk.clientId;
    await desk.close();

    const again = await openDesk(dir, { centralUrl: null });
    try {
      expect(again.clientId).toBe(clientId);
      // Who was signed in is remembered, but without a SecretBox the token lived in memory only:
      // after a restart the desk acts for nobody until someone signs in (issue 13, item 11).
      expect((await again.sessions.current())?.user).toEqual(user);
      expect(await again.profile()).toBeNull();
      const calls: Array<{ id: string; caller_number: string }> = await again.store.dataSource.query(
        `SELECT id, caller_number FROM call`,
      );
      expect(calls).toEqual([{ id, caller_number: '+4791234567' }]);
      const outbox: Array<{ n: number }> = await again.store.dataSource.query(
        `SELECT count(*) AS n FROM outbox`,
      );
      expect(outbox[0]!.n).toBe(1);
      const migrations: Array<{ n: number }> = await again.store.dataSource.query(
        `SELECT count(*) AS n FROM migrations`,
      );
      expect(migrations[0]!.n).toBe(LOCAL_MIGRATIONS.length); // each once, not run twice
    } finally {
      await again.close();
    }
  });
});

describe('browser-mode CLI on a store it must not open', () => {
  const root = resolve(import.meta.dirname, '../../../..');
  const hostJs = join(root, 'out/main/host.js');

  beforeAll(() => {
    if (existsSync(hostJs)) return;
    const build = spawnSync('npx', ['electron-vite', 'build'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 180_000,
    });
    if (build.status !== 0) throw new Error(`electron-vite build failed:\n${build.stdout}\n${build.stderr}`);
  }, 200_000);

  it('exits with code 2 and says why, leaving the file unchanged', () => {
    const dir = corruptDir();
    const file = join(dir, DESK_DB_FILE);
    const before = sha256(file);
    const run = spawnSync(process.execPath, [hostJs, '--data-dir', dir, '--port', '0'], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.status).toBe(2);
    expect(
      run.stderr.split('\n').some((line) => line.includes('Refusing to open') && line.includes(file)),
    ).toBe(true);
    expect(run.stdout).not.toContain('Browser mode: open');
    expect(sha256(file)).toBe(before);
  });
});
