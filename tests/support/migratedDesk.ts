// A desk store in a given folder, migrated up to and including `before`, for tests of the migration
// that follows it (`next`, checked to be the very next one): rows are written by SQL in the old
// schema, then the store is opened as the application opens it.
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { expect } from 'vitest';
import { LOCAL_MIGRATIONS } from '../../src-main/store/migrations';
import { sqliteConnectionOptions } from '../../src-main/store/sqliteOptions';
import { DESK_DB_FILE } from '../../src-main/store/storeIdentity';

export async function deskStoreBefore(dir: string, before: string, next: string): Promise<DataSource> {
  const upTo = LOCAL_MIGRATIONS.findIndex((m) => m.name === before);
  expect(LOCAL_MIGRATIONS[upTo + 1]?.name).toBe(next);
  const dataSource = new DataSource({
    ...sqliteConnectionOptions(join(dir, DESK_DB_FILE)),
    entities: [],
    migrations: LOCAL_MIGRATIONS.slice(0, upTo + 1),
    migrationsTableName: 'migrations',
  });
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  return dataSource;
}
