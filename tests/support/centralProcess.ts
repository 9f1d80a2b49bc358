// Test support: the central store as a real child process (the built
// out/main/central.js, as `npm run central` runs it), so a test can kill it
// with SIGKILL or stop it with SIGTERM and start it again on the same port
// and data. Also a direct connection to its database, for the test's checks.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { Engine } from './central';

const ROOT = resolve(import.meta.dirname, '../..');
export const CENTRAL_ENTRY = join(ROOT, 'out/main/central.js');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds out/main/central.js when it is missing or older than the sources it is built from. */
export function ensureCentralBuilt(): void {
  const sources = Math.max(newestSource(join(ROOT, 'src-main')), newestSource(join(ROOT, 'src-shared')));
  if (existsSync(CENTRAL_ENTRY) && statSync(CENTRAL_ENTRY).mtimeMs >= sources) return;
  const built = spawnSync(join(ROOT, 'node_modules/.bin/electron-vite'), ['build'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  // The main target is built first: a renderer that does not build still leaves a fresh central.js.
  if (!existsSync(CENTRAL_ENTRY) || statSync(CENTRAL_ENTRY).mtimeMs < sources) {
    throw new Error(
      `electron-vite build did not produce ${CENTRAL_ENTRY}:\n${built.stdout}\n${built.stderr}`,
    );
  }
}

export interface CentralProcess {
  url: string;
  port: number;
  child: ChildProcess;
  /** Everything it printed so far. */
  output(): string;
  /** Resolves with the exit code (or the signal's name) once the process has ended. */
  exited: Promise<number | string>;
  kill(signal: NodeJS.Signals): Promise<number | string>;
}

export async function startCentralProcess(opts: {
  dataDir: string;
  port?: number;
  databaseUrl?: string;
}): Promise<CentralProcess> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.DATABASE_URL;
  if (opts.databaseUrl) env.DATABASE_URL = opts.databaseUrl;
  const child = spawn(
    process.execPath,
    [CENTRAL_ENTRY, '--port', String(opts.port ?? 0), '--data-dir', opts.dataDir],
    {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let text = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (text += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (text += d));
  const exited = new Promise<number | string>((done) =>
    child.once('exit', (code, signal) => done(code ?? signal ?? 'unknown')),
  );
  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(
      () => fail(new Error(`The central store did not start within 30 s:\n${text}`)),
      30_000,
    );
    const check = () => {
      const m = /Central store listening on (\S+)/.exec(text);
      if (m) {
        clearTimeout(timer);
        child.stdout.off('data', check);
        done(m[1]!);
      }
    };
    child.stdout.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      fail(new Error(`The central store exited (${code}) before listening:\n${text}`));
    });
  });
  return {
    url,
    port: Number(new URL(url).port),
    child,
    output: () => text,
    exited,
    kill(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** A connection of the test's own to a central store's database (SQLite file or PostgreSQL). */
export interface CentralDb {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  count(sql: string, params?: unknown[]): Promise<number>;
  /** Whether the central store is inside a write transaction right now (a push being applied). */
  writing(): Promise<boolean>;
  close(): Promise<void>;
}

export async function openCentralDb(
  engine: Engine,
  dataDir: string,
  databaseUrl?: string,
): Promise<CentralDb> {
  if (engine === 'postgres') {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    // The same `?` placeholders as SQLite, numbered for PostgreSQL.
    const numbered = (sql: string) => {
      let i = 0;
      return sql.replace(/\?/g, () => `$${++i}`);
    };
    const query = async <T>(sql: string, params: unknown[] = []) =>
      (await client.query(numbered(sql), params)).rows as T[];
    const count = async (sql: string, params?: unknown[]) =>
      Number((await query<{ n: string }>(sql, params))[0]?.n ?? 0);
    return {
      query,
      count,
      writing: async () =>
        (await count(
          `SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database()
           AND pid <> pg_backend_pid() AND xact_start IS NOT NULL AND state <> 'idle'`,
        )) > 0,
      close: () => client.end(),
    };
  }
  const file = join(dataDir, 'central.sqlite');
  const db = new Database(file, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  // A second connection that only ever asks for the write lock, without waiting: busy = a writer holds it.
  const probe = new Database(file, { fileMustExist: true });
  probe.pragma('busy_timeout = 0');
  const query = async <T>(sql: string, params: unknown[] = []) => db.prepare(sql).all(...params) as T[];
  return {
    query,
    count: async (sql, params) => Number((await query<{ n: number }>(sql, params))[0]?.n ?? 0),
    writing: async () => {
      try {
        probe.exec('BEGIN IMMEDIATE');
        probe.exec('ROLLBACK');
        return false;
      } catch (e) {
        if ((e as { code?: string }).code === 'SQLITE_BUSY') return true;
        throw e;
      }
    },
    close: async () => {
      db.close();
      probe.close();
    },
  };
}
