// Data folders 0700 and database files 0600 whatever the umask (DESIGN.md,
// security): on real files under the usual umask 022, a fresh desk's folder,
// its store and the store's -wal and -shm, the same for a central store on
// SQLite, and both folders of a desk running its own central store; a store
// and its companions left 0644 by an older version are tightened; an existing
// wider folder is left as the admin set it, with one warning naming the folder
// and the fix.
import { chmodSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDesk } from '../../../../src-main/desk/openDesk';
import { startCentralServer } from '../../../../src-main/central/server';
import { openHostedDesk } from '../../../../src-main/host/openHostedDesk';
import { openLocalStore } from '../../../../src-main/store/openLocalStore';
import { DESK_DB_FILE } from '../../../../src-main/store/storeIdentity';
import { removeDir, tempDir } from '../../../support/tempDesk';

const posix = process.platform !== 'win32';
const mode = (path: string) => (statSync(path).mode & 0o777).toString(8);

let previousUmask: number;
beforeAll(() => {
  if (posix) previousUmask = process.umask(0o022);
});
afterAll(() => {
  if (posix) process.umask(previousUmask);
});

const dirs: string[] = [];
/** A folder that does not exist yet, two levels below a fresh temp folder. */
function freshDir(): string {
  const root = tempDir('private-');
  dirs.push(root);
  return join(root, 'parent', 'data');
}
afterEach(() => {
  vi.restoreAllMocks();
  for (const dir of dirs.splice(0)) removeDir(dir);
});

function expectPrivateStore(file: string): void {
  expect(mode(file)).toBe('600');
  expect(mode(`${file}-wal`)).toBe('600');
  expect(mode(`${file}-shm`)).toBe('600');
}

describe.skipIf(!posix)('private data files', () => {
  it('creates a desk data folder (and its missing parent) 0700 and the store, -wal and -shm 0600', async () => {
    const dir = freshDir();
    const desk = await openDesk(dir, { centralUrl: null });
    try {
      expect(mode(dir)).toBe('700');
      expect(mode(join(dir, '..'))).toBe('700');
      expectPrivateStore(join(dir, DESK_DB_FILE));
    } finally {
      await desk.close();
    }
  });

  it('creates a central store folder 0700 and its SQLite file, -wal and -shm 0600', async () => {
    const dir = freshDir();
    const central = await startCentralServer({ dataDir: dir, port: 0, quiet: true });
    try {
      expect(central.store.engine).toBe('sqlite');
      expect(mode(dir)).toBe('700');
      expectPrivateStore(join(dir, 'central.sqlite'));
    } finally {
      await central.close();
    }
  });

  it('keeps both folders private when a desk runs its own central store', async () => {
    const dir = freshDir();
    const { desk, central } = await openHostedDesk(dir, { autoSync: false });
    try {
      expect(central).not.toBeNull();
      expect(mode(dir)).toBe('700');
      expect(mode(join(dir, 'central'))).toBe('700');
      expectPrivateStore(join(dir, DESK_DB_FILE));
      expectPrivateStore(join(dir, 'central', 'central.sqlite'));
    } finally {
      await desk.close();
    }
  });

  it('tightens a store, -wal and -shm an older version left 0644', async () => {
    const dir = freshDir();
    const file = join(dir, DESK_DB_FILE);
    // Still open, as after a crash: the -wal and -shm are there with the mode an older version gave.
    const older = await openLocalStore(dir);
    try {
      for (const f of [file, `${file}-wal`, `${file}-shm`]) chmodSync(f, 0o644);
      const store = await openLocalStore(dir);
      await store.close();
      expectPrivateStore(file);
    } finally {
      await older.close();
    }
  });

  it('warns once about an existing wider folder, names it and the fix, and leaves it as it is', async () => {
    const dir = freshDir();
    mkdirSync(dir, { recursive: true });
    chmodSync(dir, 0o755);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await (await openLocalStore(dir)).close();
    const store = await openLocalStore(dir);
    try {
      expect(warn).toHaveBeenCalledTimes(1);
      const message = String(warn.mock.calls[0]![0]);
      expect(message).toContain(dir);
      expect(message).toContain('0755');
      expect(message).toContain(`chmod 700 '${dir}'`);
      expect(mode(dir)).toBe('755');
      expectPrivateStore(join(dir, DESK_DB_FILE));
    } finally {
      await store.close();
    }
  });

  it('does not warn about a private folder', async () => {
    const dir = freshDir();
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await (await openLocalStore(dir)).close();
    expect(warn).not.toHaveBeenCalled();
  });
});
