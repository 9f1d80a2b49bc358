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

/** How to reach the central store's database again (plain data: a worker thread gets it). */
export type CentralConnection = { engine: 'sqlite'; file: string } | { engine: 'postgres'; url: string };

export interface CentralStore {
  dataSource: DataSource;
  engine: CentralEngine;
  /** Where it lives, without credentials (for logs). */
  location: string;
  connection: CentralConnection;
  close(): Promise<void>;
}

/**
 * A second, reading connection to the central store's database (migrated already), for work kept
 * off the server's thread: on SQLite another connection to the file (WAL: it reads committed data
 * while pushes write), on PostgreSQL a small pool of its own.
 */
export function readerDataSource(connection: CentralConnection): DataSource {
  return connection.engine === 'postgres'
    ? new DataSource({
        type: 'postgres',
        url: connection.url,
        entities: CENTRAL_ENTITIES,
        synchronize: false,
        poolSize: 2,
      })
    : new DataSource({ ...sqliteConnectionOptions(connection.file), entities: CENTRAL_ENTITIES });
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
    connection: isPostgresUrl(opts.databaseUrl)
      ? { engine: 'postgres', url: opts.databaseUrl }
      : { engine: 'sqlite', file: location },
    close: () => dataSource.destroy(),
  };
}
