// Sync throughput and latency on loopback, against the central store running
// as its own process (the built out/main/central.js): on SQLite, and again on
// PostgreSQL when BENCH_DATABASE_URL or TEST_DATABASE_URL is set.
//   sync.push10k.per_second     a desk with 10,000 call.log queued: one syncNow() (push, then pull them back)
//   sync.propagation.p95        desk A logs a call until desk B (SSE pokes, no polling) has it in its local DB
//   sync.push.p50/p95/p99       100 simulated desks, one push each per second for ~20 s, staggered
//   sync.bootstrap.rows_per_second  a new desk's first syncNow() with 200,000 calls on the central store
//   central.rss_mb              the central store process's resident memory at the end of the run
// Each figure carries the engine it was measured on. Seeding writes SQL directly (setup only).
// BENCH_ENGINES=sqlite|postgres|sqlite,postgres picks engines; BENCH_SKIP=bootstrap,load,... skips parts.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import pg from 'pg';
import { uuidv7 } from 'uuidv7';
import { callLog } from '../../src-main/calls/mutations';
import { openDesk, type Desk } from '../../src-main/desk/openDesk';
import { actorOf, type SessionUser } from '../../src-main/desk/session';
import { createCentralClient, type CentralClient } from '../../src-main/sync/centralClient';
import { DESK_DB_FILE } from '../../src-main/store/storeIdentity';
import { ensureCentralBuilt, startCentralProcess, type CentralProcess } from '../support/centralProcess';
import { emit, percentile } from './lib/report';

type Engine = 'sqlite' | 'postgres';
const PG_BASE = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const ENGINES: Engine[] =
  (process.env.BENCH_ENGINES?.split(',') as Engine[] | undefined) ??
  (PG_BASE ? ['sqlite', 'postgres'] : ['sqlite']);
const SKIP = new Set((process.env.BENCH_SKIP ?? '').split(',').filter(Boolean));
const PUSH_COUNT = Number(process.env.BENCH_PUSH_COUNT ?? 10_000);
const PROPAGATION_SAMPLES = Number(process.env.BENCH_PROPAGATION_SAMPLES ?? 200);
const LOAD_DESKS = Number(process.env.BENCH_LOAD_DESKS ?? 100);
const LOAD_SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 20);
const BOOTSTRAP_ROWS = Number(process.env.BENCH_BOOTSTRAP_ROWS ?? 200_000);
const PASSWORD = 'benk-passord-2026';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const temp = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));

interface Central {
  engine: Engine;
  proc: CentralProcess;
  url: string;
  dataDir: string;
  databaseUrl?: string;
  /** Runs SQL directly on the central store's database (setup and checks only). */
  exec(sql: string, params?: unknown[]): Promise<Array<Record<string, unknown>>>;
  seedCalls(n: number): Promise<void>;
  rssMb(): number;
  stop(): Promise<void>;
}

async function startCentral(engine: Engine): Promise<Central> {
  const dataDir = temp('bench-central-');
  let databaseUrl: string | undefined;
  let dbName: string | undefined;
  if (engine === 'postgres') {
    dbName = `ror_bench_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: PG_BASE });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${dbName}`);
    await admin.end();
    const u = new URL(PG_BASE!);
    u.pathname = `/${dbName}`;
    databaseUrl = u.toString();
  }
  const proc = await startCentralProcess({ dataDir, databaseUrl });
  let pgClient: pg.Client | null = null;
  let sqlite: Database.Database | null = null;
  if (databaseUrl) {
    pgClient = new pg.Client({ connectionString: databaseUrl });
    await pgClient.connect();
  } else {
    sqlite = new Database(join(dataDir, 'central.sqlite'));
    sqlite.pragma('busy_timeout = 10000');
  }
  const exec = async (sql: string, params: unknown[] = []) => {
    if (pgClient) {
      let i = 0;
      return (
        await pgClient.query(
          sql.replace(/\?/g, () => `$${++i}`),
          params,
        )
      ).rows as Array<Record<string, unknown>>;
    }
    const stmt = sqlite!.prepare(sql);
    return stmt.reader ? (stmt.all(...params) as Array<Record<string, unknown>>) : (stmt.run(...params), []);
  };
  const columns = `id, arrived_at, caller_number, caller_name, customer_id, workplace, status, logged_by, logged_by_name,
    taken_by, taken_by_name, taken_at, summary, outcome, ended_at, override_reason, override_by, override_by_name, updated_at`;
  const seedRow = (i: number, base: number) => {
    const arrived = new Date(base + i * 60_000).toISOString();
    const ended = new Date(base + i * 60_000 + 300_000).toISOString();
    const agent = '01a21bf8-0000-7000-8000-0000000a0001';
    return [
      uuidv7(),
      arrived,
      `+479${String(1_000_000 + i).slice(-7)}`,
      i % 3 ? 'Kari Nordmann' : null,
      null,
      'Molde rådhus',
      'finished',
      agent,
      'Kari Agent',
      agent,
      'Kari Agent',
      arrived,
      'Passord tilbakestilt',
      'solved',
      ended,
      null,
      null,
      null,
      ended,
    ];
  };
  return {
    engine,
    proc,
    url: proc.url,
    dataDir,
    databaseUrl,
    exec,
    async seedCalls(n) {
      const base = Date.now() - n * 60_000 - 86_400_000;
      if (pgClient) {
        await pgClient.query('BEGIN');
        const per = 1000;
        for (let from = 0; from < n; from += per) {
          const rows = Array.from({ length: Math.min(per, n - from) }, (_, k) => seedRow(from + k, base));
          const values = rows
            .map((r, k) => `(${r.map((_, c) => `$${k * r.length + c + 1}`).join(', ')})`)
            .join(', ');
          await pgClient.query(`INSERT INTO call (${columns}) VALUES ${values}`, rows.flat());
        }
        await pgClient.query('COMMIT');
        await pgClient.query('ANALYZE call');
      } else {
        const insert = sqlite!.prepare(
          `INSERT INTO call (${columns}) VALUES (${Array(19).fill('?').join(', ')})`,
        );
        sqlite!.transaction(() => {
          for (let i = 0; i < n; i++) insert.run(...seedRow(i, base));
        })();
      }
    },
    rssMb() {
      const status = readFileSync(`/proc/${proc.child.pid}/status`, 'utf8');
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
      return kb / 1024;
    },
    async stop() {
      await proc.kill('SIGTERM');
      await pgClient?.end();
      sqlite?.close();
      if (dbName) {
        const admin = new pg.Client({ connectionString: PG_BASE });
        await admin.connect();
        await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
        await admin.end();
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

interface Session {
  token: string;
  user: SessionUser;
  expiresAt: string;
}

/** The first administrator, then `agents` agents; returns a session per agent. */
async function createAgents(url: string, agents: number): Promise<Session[]> {
  const anon = createCentralClient(url, () => null);
  const admin = await anon.auth.setupFirstAdmin.mutate({
    username: 'admin',
    displayName: 'Ada Admin',
    password: PASSWORD,
  });
  const asAdmin = createCentralClient(url, () => admin.token);
  const sessions: Session[] = [];
  for (let i = 0; i < agents; i++) {
    const username = `agent${i}`;
    await asAdmin.admin.createUser.mutate({
      username,
      displayName: `Agent ${i}`,
      role: 'agent',
      password: PASSWORD,
    });
    const s = await anon.auth.login.mutate({ username, password: PASSWORD });
    sessions.push({ token: s.token, user: s.user, expiresAt: s.expiresAt });
  }
  return sessions;
}

async function openSignedInDesk(
  url: string,
  session: Session,
  autoSync: boolean,
): Promise<{ desk: Desk; dir: string }> {
  const dir = temp('bench-desk-');
  const desk = await openDesk(dir, { centralUrl: url, autoSync, pollMs: 600_000 });
  await desk.sessions.signIn(session);
  return { desk, dir };
}

const callArgs = (i: number, arrivedAt = new Date().toISOString()) => ({
  id: uuidv7(),
  arrivedAt,
  callerNumber: `9${String(10_000_000 + i * 7919).slice(-7)}`,
  callerName: 'Bente Benchmark',
  workplace: 'Molde rådhus',
});

async function benchPush10k(c: Central, session: Session): Promise<void> {
  const { desk, dir } = await openSignedInDesk(c.url, session, false);
  await desk.sync!.syncNow(); // first sync (bootstrap) out of the way
  const actor = actorOf(session.user);
  const m = desk.store.dataSource.manager;
  await m.query('PRAGMA synchronous = OFF'); // queueing is setup, not the figure
  const base = Date.now() - PUSH_COUNT * 1000;
  for (let i = 0; i < PUSH_COUNT; i++)
    await desk.mutations.run(callLog, callArgs(i, new Date(base + i * 1000).toISOString()), actor);
  await m.query('PRAGMA synchronous = FULL');
  const t0 = performance.now();
  await desk.sync!.syncNow();
  const seconds = (performance.now() - t0) / 1000;
  const status = await desk.sync!.getStatus();
  if (status.pending !== 0) throw new Error(`push10k: ${status.pending} still pending`);
  const applied = Number((await c.exec(`SELECT count(*) AS n FROM audit WHERE status = 'applied'`))[0]!.n);
  if (applied < PUSH_COUNT) throw new Error(`push10k: only ${applied} applied`);
  emit('sync.push10k.per_second', PUSH_COUNT / seconds, 'ops/s', {
    target: 2000,
    engine: c.engine,
    seconds: Number(seconds.toFixed(3)),
  });
  await desk.close();
  rmSync(dir, { recursive: true, force: true });
}

async function benchPropagation(c: Central, a: Session, b: Session): Promise<void> {
  const A = await openSignedInDesk(c.url, a, true);
  const B = await openSignedInDesk(c.url, b, true);
  await A.desk.sync!.syncNow();
  await B.desk.sync!.syncNow();
  await sleep(500); // B's SSE subscription is up
  const reader = new Database(join(B.dir, DESK_DB_FILE), { readonly: true });
  const seen = reader.prepare(`SELECT 1 FROM call WHERE id = ? AND status = 'waiting'`);
  const actor = actorOf(a.user);
  const samples: number[] = [];
  const WARMUP = 10;
  for (let i = 0; i < PROPAGATION_SAMPLES + WARMUP; i++) {
    const args = callArgs(i);
    const t0 = performance.now();
    await A.desk.mutations.run(callLog, args, actor);
    while (!seen.get(args.id)) {
      if (performance.now() - t0 > 10_000)
        throw new Error('propagation: a call did not reach desk B within 10 s');
      await sleep(2);
    }
    if (i >= WARMUP) samples.push(performance.now() - t0);
    await sleep(10 + (i % 7) * 5);
  }
  reader.close();
  emit('sync.propagation.p50', percentile(samples, 50), 'ms', { engine: c.engine });
  emit('sync.propagation.p95', percentile(samples, 95), 'ms', { target: 250, engine: c.engine });
  for (const d of [A, B]) {
    await d.desk.close();
    rmSync(d.dir, { recursive: true, force: true });
  }
}

async function benchLoad(c: Central, sessions: Session[]): Promise<void> {
  interface Sim {
    clientId: string;
    client: CentralClient;
    seq: number;
  }
  const sims: Sim[] = Array.from({ length: LOAD_DESKS }, (_, k) => {
    const s = sessions[k % sessions.length]!;
    return { clientId: uuidv7(), client: createCentralClient(c.url, () => s.token), seq: 0 };
  });
  const push = (sim: Sim, i: number) =>
    sim.client.sync.push.mutate({
      clientId: sim.clientId,
      mutations: [
        {
          mutationId: uuidv7(),
          seq: ++sim.seq,
          name: 'call.log',
          schemaVersion: 1,
          args: callArgs(i),
          createdAt: new Date().toISOString(),
        },
      ],
    });
  // One warm-up push each (connections, sessions, JIT), untimed.
  await Promise.all(sims.map((sim, k) => push(sim, k)));
  const samples: number[] = [];
  let failures = 0;
  const start = performance.now() + 100;
  const stagger = 1000 / LOAD_DESKS;
  await Promise.all(
    sims.map(async (sim, k) => {
      for (let n = 0; n < LOAD_SECONDS; n++) {
        const due = start + k * stagger + n * 1000;
        const wait = due - performance.now();
        if (wait > 0) await sleep(wait);
        const t0 = performance.now();
        try {
          const r = await push(sim, k * 1000 + n);
          if (r.results[0]?.status !== 'applied') failures++;
          samples.push(performance.now() - t0);
        } catch {
          failures++;
        }
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  emit('sync.push.p50', percentile(samples, 50), 'ms', { engine: c.engine });
  emit('sync.push.p95', percentile(samples, 95), 'ms', { engine: c.engine });
  emit('sync.push.p99', percentile(samples, 99), 'ms', {
    target: 100,
    engine: c.engine,
    pushes: samples.length,
    failures,
    per_second: Number((samples.length / seconds).toFixed(1)),
  });
}

async function benchBootstrap(c: Central, session: Session): Promise<void> {
  const t0 = performance.now();
  await c.seedCalls(BOOTSTRAP_ROWS);
  emit('sync.bootstrap.seed_seconds', (performance.now() - t0) / 1000, 's', {
    engine: c.engine,
    calls: BOOTSTRAP_ROWS,
  });
  const { desk, dir } = await openSignedInDesk(c.url, session, false);
  const t1 = performance.now();
  await desk.sync!.syncNow();
  const seconds = (performance.now() - t1) / 1000;
  const m = desk.store.dataSource.manager;
  let rows = 0;
  for (const t of ['customer', 'workplace', 'call', 'call_event', 'shared_setting']) {
    rows += Number((await m.query(`SELECT count(*) AS n FROM ${t}`))[0].n);
  }
  const calls = Number((await m.query(`SELECT count(*) AS n FROM call`))[0].n);
  if (calls < BOOTSTRAP_ROWS) throw new Error(`bootstrap: the desk has ${calls} calls`);
  emit('sync.bootstrap.rows_per_second', rows / seconds, 'rows/s', {
    target: 20_000,
    engine: c.engine,
    rows,
    seconds: Number(seconds.toFixed(3)),
  });
  await desk.close();
  rmSync(dir, { recursive: true, force: true });
}

async function run(engine: Engine): Promise<void> {
  const c = await startCentral(engine);
  try {
    const sessions = await createAgents(c.url, 10);
    if (!SKIP.has('push10k')) await benchPush10k(c, sessions[0]!);
    if (!SKIP.has('propagation')) await benchPropagation(c, sessions[1]!, sessions[2]!);
    if (!SKIP.has('load')) await benchLoad(c, sessions);
    if (!SKIP.has('bootstrap')) await benchBootstrap(c, sessions[3]!);
    emit('central.rss_mb', c.rssMb(), 'MB', { engine });
  } finally {
    await c.stop();
  }
}

async function main(): Promise<void> {
  ensureCentralBuilt();
  for (const engine of ENGINES) await run(engine);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1); // a broken benchmark exits non-zero, so `npm run bench` reports it as failed
});
