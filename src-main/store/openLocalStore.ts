// Opens (or creates) the desk's local SQLite store: checks an existing file
// before anything writes to it, then runs the migrations. A corrupt, foreign
// or newer-schema file is refused with StoreRefusedError and left untouched.
// The folder is made 0700 and the files 0600 (privateFiles.ts).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DataSource } from 'typeorm';
import { startBackgroundCheckpoints } from './backgroundCheckpoints';
import { closeOnce } from './closeOnce';
import { ensurePrivateDir, ensurePrivateFile, tightenSqliteCompanions } from './privateFiles';
import { ENTITIES } from './entities';
import { LOCAL_MIGRATIONS } from './migrations';
import { DESK_APPLICATION_ID, DESK_DB_FILE } from './storeIdentity';
import { sqliteConnectionOptions } from './sqliteOptions';

export class StoreRefusedError extends Error {
  override readonly name = 'StoreRefusedError';
  constructor(
    readonly reason: 'corrupt' | 'foreign' | 'newerSchema',
    readonly file: string,
    detail: string,
  ) {
    super(`Refusing to open ${file}: ${detail}. The file has not been changed.`);
  }
}

const MIGRATIONS_TABLE = 'migrations';

/** Reads an existing store read-only and throws if this version must not open it. */
export function checkExistingStore(file: string): void {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (e) {
    throw new StoreRefusedError('corrupt', file, `it cannot be opened as SQLite (${(e as Error).message})`);
  }
  try {
    let check: string;
    let appId: number;
    let tables: string[];
    try {
      check = String(db.pragma('quick_check', { simple: true }));
      appId = Number(db.pragma('application_id', { simple: true }));
      tables = (
        db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]
      ).map((r) => r.name);
    } catch (e) {
      throw new StoreRefusedError(
        'corrupt',
        file,
        `it is not a readable SQLite database (${(e as Error).message})`,
      );
    }
    if (check !== 'ok') throw new StoreRefusedError('corrupt', file, `SQLite reports damage: ${check}`);
    if (tables.length === 0) return; // an empty file: safe to initialise
    if (appId !== DESK_APPLICATION_ID) {
      throw new StoreRefusedError('foreign', file, 'it is an SQLite database, but not a service desk store');
    }
    if (!tables.includes(MIGRATIONS_TABLE)) return;
    const known = new Set(LOCAL_MIGRATIONS.map((m) => m.name));
    const applied = db.prepare(`SELECT name FROM ${MIGRATIONS_TABLE}`).all() as { name: string }[];
    const unknown = applied.map((r) => r.name).filter((n) => !known.has(n));
    if (unknown.length > 0) {
      throw new StoreRefusedError(
        'newerSchema',
        file,
        `it was written by a newer version of the application (schema ${unknown.join(', ')}); update the application`,
      );
    }
  } finally {
    db.close();
  }
}

export interface LocalStore {
  dataSource: DataSource;
  file: string;
  close(): Promise<void>;
}

export async function openLocalStore(dataDir: string): Promise<LocalStore> {
  ensurePrivateDir(dataDir);
  const file = join(dataDir, DESK_DB_FILE);
  if (existsSync(file)) checkExistingStore(file);
  ensurePrivateFile(file);
  const dataSource = new DataSource({
    ...sqliteConnectionOptions(file),
    entities: ENTITIES,
    migrations: LOCAL_MIGRATIONS,
    migrationsTableName: MIGRATIONS_TABLE,
  });
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  tightenSqliteCompanions(file);
  const checkpoints = await startBackgroundCheckpoints(dataSource, file);
  return {
    dataSource,
    file,
    close: closeOnce(async () => {
      await checkpoints.stop();
      // SQLite's advice for long-lived connections: keep the planner's statistics current on close.
      await dataSource.query('PRAGMA optimize').catch(() => undefined);
      await dataSource.destroy();
    }),
  };
}
