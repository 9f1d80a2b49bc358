// Call-log latency on a desk with 100,000 calls: logging a call (mutation and
// outbox, committed), the waiting queue, and a searched history page.
// Seeding writes SQL directly (benchmark setup only; the FTS triggers stay on).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DateTime } from 'luxon';
import { uuidv7 } from 'uuidv7';
import { openDesk } from '../../src-main/desk/openDesk';
import { callLog } from '../../src-main/calls/mutations';
import { callHistory, waitingQueue } from '../../src-main/calls/queries';
import { DESK_DB_FILE } from '../../src-main/store/storeIdentity';
import { mulberry32 } from '../../src-main/demo/generate';
import type { Actor } from '../../src-shared/roles';
import { emit, emitLatency, percentile, sample } from './lib/report';

const CALLS = Number(process.env.BENCH_CALLS ?? 100_000);
const WAITING = 10;
const FIRST_NAMES = [
  'Kari',
  'Ola',
  'Ingrid',
  'Lars',
  'Silje',
  'Hans',
  'Marit',
  'Bjørn',
  'Astrid',
  'Knut',
  'Nina',
  'Tor',
];
const MORE_FIRST = [
  'Anne',
  'Per',
  'Hilde',
  'Eirik',
  'Solveig',
  'Håkon',
  'Geir',
  'Liv',
  'Øystein',
  'Randi',
  'Arne',
];
const LAST_NAMES = [
  'Hansen',
  'Johansen',
  'Olsen',
  'Larsen',
  'Berg',
  'Haugen',
  'Dahl',
  'Moen',
  'Eide',
  'Aukrust',
];
const MORE_LAST = [
  'Hustad',
  'Rødal',
  'Sandvik',
  'Lyngstad',
  'Gjerde',
  'Hoel',
  'Stavik',
  'Tøsse',
  'Sylte',
  'Fiske',
];
const SUMMARIES = [
  'Får ikke logget på Visma',
  'Skriver på 2. etg skriver ikke',
  'Passordet har gått ut',
  'VPN virker ikke',
];
const agent: Actor = { userId: '01a21bf8-0000-7000-8000-0000000a0001', name: 'Kari Nordvik', role: 'agent' };

const dir = process.env.BENCH_DIR ?? mkdtempSync(join(tmpdir(), 'bench-calls-'));

/** 100k calls over the last ~4 years of service days, ~3 events each, the newest WAITING still waiting. */
function seed(file: string): { seconds: number } {
  const t0 = performance.now();
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  const rng = mulberry32(2026);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rng() * xs.length)]!;
  const customers = db
    .prepare(`SELECT cu.id, w.name AS wp FROM customer cu JOIN workplace w ON w.customer_id = cu.id`)
    .all() as Array<{
    id: string;
    wp: string;
  }>;
  const insertCall =
    db.prepare(`INSERT INTO call (id, arrived_at, caller_number, caller_name, customer_id, workplace,
    status, logged_by, logged_by_name, taken_by, taken_by_name, taken_at, summary, outcome, ended_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertEvent = db.prepare(
    `INSERT INTO call_event (id, call_id, kind, at, actor_id, actor_name, data) VALUES (?, ?, ?, ?, ?, ?, '{}')`,
  );
  const now = Date.now();
  const span = 4 * 365 * 24 * 3600 * 1000;
  const seedAll = db.transaction(() => {
    let t = now - span;
    const step = span / CALLS;
    for (let i = 0; i < CALLS; i++) {
      t += step * (0.5 + rng());
      const arrived = Math.min(t, now - (CALLS - i) * 1000);
      const waiting = i >= CALLS - WAITING;
      const at = (ms: number) => new Date(ms).toISOString();
      const id = uuidv7();
      const cu = pick(customers);
      const number = `+47${pick(['4', '9', '7'])}${String(Math.floor(rng() * 1e7)).padStart(7, '0')}`;
      const first = rng() < 0.5 ? pick(FIRST_NAMES) : pick(MORE_FIRST);
      const name = rng() < 0.9 ? `${first} ${rng() < 0.5 ? pick(LAST_NAMES) : pick(MORE_LAST)}` : null;
      const taken = arrived + 30_000;
      const ended = taken + 300_000;
      insertCall.run(
        id,
        at(arrived),
        number,
        name,
        cu.id,
        cu.wp,
        waiting ? 'waiting' : 'finished',
        agent.userId,
        agent.name,
        waiting ? null : agent.userId,
        waiting ? null : agent.name,
        waiting ? null : at(taken),
        waiting ? null : pick(SUMMARIES),
        waiting ? null : rng() < 0.95 ? 'solved' : 'ticket_needed',
        waiting ? null : at(ended),
        at(waiting ? arrived : ended),
      );
      insertEvent.run(uuidv7(), id, 'logged', at(arrived), agent.userId, agent.name);
      if (!waiting) {
        insertEvent.run(uuidv7(), id, 'taken', at(taken), agent.userId, agent.name);
        insertEvent.run(uuidv7(), id, 'finished', at(ended), agent.userId, agent.name);
      }
    }
  });
  seedAll();
  db.pragma('optimize');
  db.close();
  return { seconds: (performance.now() - t0) / 1000 };
}

async function main(): Promise<void> {
  // Create the schema through the desk, seed with plain SQL, then reopen the desk as the app would.
  await (await openDesk(dir, { centralUrl: null })).close();
  const seeded = seed(join(dir, DESK_DB_FILE));
  emit('call.seed.seconds', seeded.seconds, 's', { calls: CALLS });
  const desk = await openDesk(dir, { centralUrl: null });
  const m = desk.store.dataSource.manager;

  // Logging a call: validation, call row, event, FTS index and outbox in one committed transaction.
  // The logged calls are marked finished afterwards (untimed), so the queue stays at WAITING.
  const logOne = (i: number) =>
    desk.mutations.run(
      callLog,
      {
        id: uuidv7(),
        arrivedAt: new Date().toISOString(),
        callerNumber: `9${String(10_000_000 + i * 7919).slice(-7)}`,
        callerName: 'Bente Benchmark',
        workplace: 'Molde rådhus',
      },
      agent,
    );
  // The machine's floor, measured alongside (the disk's speed varies from minute to minute here): a durable
  // commit of two small rows with plain better-sqlite3 in the same folder, interleaved with the real samples.
  const floorDb = new Database(join(dir, 'floor.sqlite'));
  floorDb.pragma('journal_mode = WAL');
  floorDb.pragma('synchronous = FULL');
  floorDb.exec(
    'CREATE TABLE a (id TEXT PRIMARY KEY, v TEXT); CREATE TABLE b (seq INTEGER PRIMARY KEY, v TEXT)',
  );
  const floorTx = floorDb.transaction((i: number) => {
    floorDb.prepare('INSERT INTO a VALUES (?, ?)').run(`r${i}`, 'x'.repeat(200));
    floorDb.prepare('INSERT INTO b (v) VALUES (?)').run('y'.repeat(300));
  });
  const floorSamples: number[] = [];
  const logSamples = await sample(2000, async (i) => {
    const t0 = performance.now();
    floorTx(i + 1_000_000);
    if (i >= 0) floorSamples.push(performance.now() - t0);
    return logOne(i);
  });
  // sample() times the whole callback; subtract the floor commit that ran inside it.
  for (let i = 0; i < logSamples.length; i++) logSamples[i]! -= floorSamples[i]!;
  floorDb.close();
  emitLatency('call.log', logSamples, { p: 95, maxMs: 1 });
  emitLatency('sqlite.durable_commit_floor', floorSamples);
  emit('call.log.p95_over_floor_p95', percentile(logSamples, 95) / percentile(floorSamples, 95), 'ratio');
  // Diagnostic: the same without waiting for the disk (synchronous=OFF), to separate CPU work from fsync.
  await m.query(`PRAGMA synchronous = OFF`);
  emitLatency('call.log.nosync', await sample(2000, (i) => logOne(10_000 + i)));
  await m.query(`PRAGMA synchronous = FULL`);
  await m.query(
    `UPDATE call SET status = 'finished', outcome = 'abandoned', ended_at = arrived_at WHERE caller_name = 'Bente Benchmark'`,
  );

  const queueSize = (await waitingQueue(m)).length;
  const queueSamples = await sample(2000, () => waitingQueue(m));
  emitLatency('call.queue', queueSamples, { p: 95, maxMs: 2 });
  emit('call.queue.size', queueSize, 'calls');

  // A 50-row history page over the last three months, searched by a name fragment or a number fragment.
  const today = DateTime.now().setZone('Europe/Oslo');
  const from = today.minus({ months: 3 }).toISODate()!;
  const to = today.toISODate()!;
  const searches = ['hans', 'Astrid', 'Ødeg', 'berg', '912', '4567', '98 7', '+47 41'];
  const rows: number[] = [];
  const bySearch = new Map<string, number[]>();
  const historySamples = await sample(searches.length * 250, async (i) => {
    const search = searches[Math.abs(i) % searches.length]!;
    const t0 = performance.now();
    const page = await callHistory(m, { search, from, to, limit: 50 });
    if (i >= 0) {
      rows.push(page.calls.length);
      bySearch.set(search, [...(bySearch.get(search) ?? []), performance.now() - t0]);
    }
  });
  emitLatency('call.history.search', historySamples, { p: 95, maxMs: 10 });
  for (const [search, s] of bySearch) {
    const sorted = [...s].sort((a, b) => a - b);
    emit(`call.history.search[${search}].p95`, sorted[Math.ceil(sorted.length * 0.95) - 1]!, 'ms');
  }
  emit('call.history.search.rows.avg', rows.reduce((a, b) => a + b, 0) / rows.length, 'rows');

  await desk.close();
  if (!process.env.BENCH_DIR) rmSync(dir, { recursive: true, force: true });
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
