// Opens the central store's database: a SQLite file in the data folder by
// default, PostgreSQL when given a postgres:// URL (how a real deployment
// runs). Runs the migrations; never `synchronize`.
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { CENTRAL_ENTITIES } from './entities';
import { CENTRAL_MIGRATIONS } from './migrations';
import { sqliteConnectionOptions } from '../../store/sqliteOptions';
import { ensurePrivateDir, ensurePrivateFile, tightenSqliteCompanions } from '../../store/privateFiles';

export type CentralEngine = 'sqlite' | 'postgres';

/** The PostgreSQL advisory lock the central store's processes take while migrating (an arbitrary constant). */
const MIGRATION_LOCK = 0x524f5231;

export interface CentralStore {
  dataSource: DataSource;
  engine: CentralEngine;
  /** Where it lives, without credentials (for logs). */
  location: string;
  close(): Promise<void>;
}

export function isPostgresUrl(url: string | undefined): url is string {
  return !!url && /^postgres(ql)?:\/\//.test(url);
}

export async function openCentralStore(opts: {
  databaseUrl?: string;
  dataDir: string;
}): Promise<CentralStore> {
  let dataSource: DataSource;
  let location: string;
  if (isPostgresUrl(opts.databaseUrl)) {
    const url = new URL(opts.databaseUrl);
    location = `postgres://${url.host}${url.pathname}`;
    dataSource = new DataSource({
      type: 'postgres',
      url: opts.databaseUrl,
      entities: CENTRAL_ENTITIES,
      migrations: CENTRAL_MIGRATIONS,
      synchronize: false,
      poolSize: 10,
    });
  } else {
    // It holds password hashes and the audit trail: folder 0700, files 0600.
    ensurePrivateDir(opts.dataDir);
    location = join(opts.dataDir, 'central.sqlite');
    ensurePrivateFile(location);
    dataSource = new DataSource({
      ...sqliteConnectionOptions(location),
      entities: CENTRAL_ENTITIES,
      migrations: CENTRAL_MIGRATIONS,
    });
  }
  await dataSource.initialize();
  if (isPostgresUrl(opts.databaseUrl)) {
    // Several processes may start at once on one database: one migrates, the others wait and find it done.
    const lock = dataSource.createQueryRunner();
    await lock.connect();
    try {
      await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
      await dataSource.runMigrations({ transaction: 'each' });
    } finally {
      await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
      await lock.release();
    }
  } else {
    await dataSource.runMigrations({ transaction: 'each' });
    tightenSqliteCompanions(location);
  }
  return {
    dataSource,
    engine: isPostgresUrl(opts.databaseUrl) ? 'postgres' : 'sqlite',
    location,
    close: () => dataSource.destroy(),
  };
}
