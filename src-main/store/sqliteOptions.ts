// How every SQLite database of this application is opened (the desk's store
// and the central store's default): WAL, and synchronous=FULL so a committed
// transaction survives a power cut, not just a crash of the application.
import type Database from 'better-sqlite3';

export function sqliteConnectionOptions(file: string) {
  return {
    type: 'better-sqlite3' as const,
    database: file,
    synchronize: false,
    enableWAL: true,
    statementCacheSize: 200,
    prepareDatabase: (db: Database.Database) => {
      db.pragma('busy_timeout = 5000');
      db.pragma('synchronous = FULL');
    },
  };
}
