// Test support: a real central store on a loopback port, on SQLite in a temp
// folder, or on PostgreSQL (a fresh database per store) when TEST_DATABASE_URL
// is set and the suite asks for it; plus a signed-in tRPC client for it.
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { startCentralServer, type CentralOptions, type CentralServer } from '../../src-main/central/server';
import { createUser } from '../../src-main/central/auth/users';
import { createCentralClient, type CentralClient } from '../../src-main/sync/centralClient';
import type { Role } from '../../src-shared/roles';
import type { PushedMutation } from '../../src-shared/sync/protocol';
import { uuidv7 } from 'uuidv7';
import { tempDir, TEST_PASSWORD } from './tempDesk';

export type Engine = 'sqlite' | 'postgres';

/** The engines a central-store suite runs on here: SQLite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const ENGINES: Engine[] = process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];

/** A fresh PostgreSQL database for one test, dropped by the returned function. */
export async function freshPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error('TEST_DATABASE_URL is not set');
  const name = `ror_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export interface TestCentral {
  server: CentralServer;
  url: string;
  port: number;
  dataDir: string;
  databaseUrl: string | undefined;
  /** Stops it (gracefully) and starts it again on the same port and data. */
  restart(): Promise<void>;
  stop(): Promise<void>;
  /** Drops the PostgreSQL database, if any; call once at the end. */
  dispose(): Promise<void>;
}

export async function startTestCentral(
  engine: Engine = 'sqlite',
  databaseUrl?: string,
  /** More options for the server (SMTP, the CTI token, …). */
  extra: Partial<CentralOptions> = {},
): Promise<TestCentral> {
  const dataDir = tempDir('central-');
  let pgDb: { url: string; drop(): Promise<void> } | null = null;
  if (engine === 'postgres' && !databaseUrl) {
    pgDb = await freshPostgresDatabase();
    databaseUrl = pgDb.url;
  }
  let server = await startCentralServer({ ...extra, dataDir, port: 0, quiet: true, databaseUrl });
  const port = server.port;
  const t: TestCentral = {
    server,
    url: server.url,
    port,
    dataDir,
    databaseUrl,
    async restart() {
      await server.close().catch(() => undefined);
      server = await startCentralServer({ ...extra, dataDir, port, quiet: true, databaseUrl });
      t.server = server;
    },
    stop: () => server.close(),
    async dispose() {
      await server.close().catch(() => undefined);
      await pgDb?.drop();
    },
  };
  return t;
}

/** Creates a user directly in the central store and returns a signed-in client for them. */
export async function centralUser(
  central: TestCentral,
  who: { username: string; role: Role; displayName?: string; phone?: string },
): Promise<{ client: CentralClient; token: string; userId: string }> {
  const m = central.server.store.dataSource.manager;
  const user = await createUser(m, {
    username: who.username,
    displayName: who.displayName ?? who.username,
    role: who.role,
    password: TEST_PASSWORD,
    phone: who.phone ?? null,
  });
  const anon = createCentralClient(central.url, () => null);
  const session = await anon.auth.login.mutate({ username: who.username, password: TEST_PASSWORD });
  return {
    client: createCentralClient(central.url, () => session.token),
    token: session.token,
    userId: user.id,
  };
}

/** A mutation as a desk pushes it (schema version 1, made now), for pushing by hand. */
export const pushedMutation = (seq: number, name: string, args: unknown): PushedMutation => ({
  mutationId: uuidv7(),
  seq,
  name,
  schemaVersion: 1,
  args,
  createdAt: new Date().toISOString(),
});
