// Ticket latency on a desk with 200,000 tickets and 1,000,000 timeline rows: the open-tickets view
// sorted by time to breach with a filter (listTickets, the renderer's page of 200), search by
// reference, phone number and name, and creating a ticket from a taken call (mutation and outbox,
// committed, through the desk's MutationRunner) beside the machine's durable-commit floor.
// Seeding writes SQL directly (benchmark setup only; the FTS triggers stay on).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { EntityManager } from 'typeorm';
import { uuidv7 } from 'uuidv7';
import { openDesk } from '../../src-main/desk/openDesk';
import { callFinish, callLog, callTake } from '../../src-main/calls/mutations';
import { ticketCreate } from '../../src-main/tickets/mutations';
import { listTickets } from '../../src-main/tickets/queries';
import { DESK_DB_FILE } from '../../src-main/store/storeIdentity';
import { provisionalReference } from '../../src-shared/references';
import type { Actor } from '../../src-shared/roles';
import type { TicketListQuery } from '../../src-shared/tickets/schemas';
import { emit, emitLatency, percentile, sample } from './lib/report';
import { seedTickets } from './lib/ticketSeed';

const TICKETS = Number(process.env.BENCH_TICKETS ?? 200_000);
const EVENTS = Number(process.env.BENCH_TICKET_EVENTS ?? 1_000_000);
/** The renderer's page size (src-renderer/features/tickets/TicketList.tsx). */
const PAGE = 200;
const CREATES = Number(process.env.BENCH_TICKET_CREATES ?? 2000);
const dir = process.env.BENCH_DIR ?? mkdtempSync(join(tmpdir(), 'bench-tickets-'));

/** A manager that remembers the last SQL listTickets ran, for EXPLAIN QUERY PLAN. */
function recording(m: EntityManager): {
  manager: EntityManager;
  last: () => { sql: string; params: unknown[] };
} {
  let last = { sql: '', params: [] as unknown[] };
  const manager = {
    query: (sql: string, params: unknown[] = []) => {
      last = { sql, params };
      return m.query(sql, params);
    },
  } as unknown as EntityManager;
  return { manager, last: () => last };
}

async function plan(m: EntityManager, sql: string, params: unknown[]): Promise<string> {
  const rows: Array<{ detail: string }> = await m.query(`EXPLAIN QUERY PLAN ${sql}`, params);
  return rows.map((r) => r.detail).join(' | ');
}

/** Runs each named case in turn (round robin) and reports each case's own p95 too. */
async function rotate<T>(
  label: string,
  cases: Array<{ name: string; run: (i: number) => Promise<T> }>,
  count: number,
  after?: (name: string, result: T) => void,
): Promise<number[]> {
  const perCase = new Map<string, number[]>();
  const samples = await sample(count, async (i) => {
    const c = cases[Math.abs(i) % cases.length]!;
    const t0 = performance.now();
    const r = await c.run(Math.abs(i));
    if (i >= 0) {
      perCase.set(c.name, [...(perCase.get(c.name) ?? []), performance.now() - t0]);
      after?.(c.name, r);
    }
  });
  for (const [name, s] of perCase) emit(`${label}[${name}].p95`, percentile(s, 95), 'ms');
  return samples;
}

async function main(): Promise<void> {
  // Create the schema through the desk, seed with plain SQL, then reopen the desk as the app would.
  await (await openDesk(dir, { centralUrl: null })).close();
  const seeded = seedTickets(join(dir, DESK_DB_FILE), { tickets: TICKETS, events: EVENTS });
  emit('ticket.seed.seconds', seeded.seconds, 's', {
    tickets: TICKETS,
    events: seeded.byStatus.events,
    open: seeded.open,
  });
  emit('ticket.seed.open', seeded.open, 'tickets', { byStatus: seeded.byStatus });
  // BENCH_TICKET_NOSTATS=1 drops the planner statistics the seeding's PRAGMA optimize gathered.
  if (process.env.BENCH_TICKET_NOSTATS) {
    const db = new Database(join(dir, DESK_DB_FILE));
    db.exec(`DELETE FROM sqlite_stat1`);
    db.close();
  }
  const tOpen = performance.now();
  const desk = await openDesk(dir, { centralUrl: null });
  emit('ticket.desk_open.seconds', (performance.now() - tOpen) / 1000, 's');
  const m = desk.store.dataSource.manager;
  const hasStats = (await m.query(`SELECT count(*) AS n FROM sqlite_master WHERE name = 'sqlite_stat1'`))[0]
    .n;
  const statRows = hasStats ? (await m.query(`SELECT count(*) AS n FROM sqlite_stat1`))[0].n : 0;
  console.error(
    `# planner statistics: ${statRows} sqlite_stat1 rows (PRAGMA optimize after seeding, as calls.bench)`,
  );
  const rec = recording(m);
  const { staff, systems, customers, samples } = seeded;

  // 1. The open-tickets view by time to breach, one filter at a time (rotated values), plus none and "mine".
  const pickOf = <T>(xs: readonly T[], i: number) => xs[Math.floor(i / 9) % xs.length]!;
  const list = (q: TicketListQuery, userId = staff[0]!.id) => listTickets(rec.manager, q, userId);
  const openCases: Array<{ name: string; q: (i: number) => TicketListQuery; user?: (i: number) => string }> =
    [
      { name: 'none', q: () => ({ scope: 'open', limit: PAGE }) },
      {
        name: 'priority',
        q: (i) => ({
          scope: 'open',
          limit: PAGE,
          priority: pickOf(['critical', 'high', 'medium', 'low'] as const, i),
        }),
      },
      { name: 'customer', q: (i) => ({ scope: 'open', limit: PAGE, customerId: pickOf(customers, i) }) },
      { name: 'assignee', q: (i) => ({ scope: 'open', limit: PAGE, assigneeId: pickOf(staff, i).id }) },
      { name: 'unassigned', q: () => ({ scope: 'open', limit: PAGE, assigneeId: 'unassigned' }) },
      { name: 'system', q: (i) => ({ scope: 'open', limit: PAGE, system: pickOf(systems, i) }) },
      {
        name: 'status',
        q: (i) => ({
          scope: 'open',
          limit: PAGE,
          status: pickOf(['new', 'in_progress', 'agreed_plan', 'temporary_solution'] as const, i),
        }),
      },
      {
        name: 'priority+customer',
        q: (i) => ({ scope: 'open', limit: PAGE, priority: 'high', customerId: pickOf(customers, i) }),
      },
      { name: 'mine', q: () => ({ scope: 'mine', limit: PAGE }), user: (i) => pickOf(staff, i).id },
    ];
  const rows = new Map<string, number[]>();
  const openSamples = await rotate(
    'ticket.open_by_breach',
    openCases.map((c) => ({ name: c.name, run: (i) => list(c.q(i), c.user?.(i)) })),
    openCases.length * 150,
    (name, r) => rows.set(name, [...(rows.get(name) ?? []), r.items.length]),
  );
  emitLatency('ticket.open_by_breach', openSamples, { p: 95, maxMs: 20 });
  for (const [name, n] of rows)
    emit(`ticket.open_by_breach[${name}].rows.avg`, n.reduce((a, b) => a + b, 0) / n.length, 'rows');
  for (const c of openCases) {
    await list(c.q(0), c.user?.(0));
    console.error(`# plan open[${c.name}]: ${await plan(m, rec.last().sql, rec.last().params)}`);
  }
  // The next page of the unfiltered view (keyset cursor).
  const first = await list({ scope: 'open', limit: PAGE });
  emitLatency(
    'ticket.open_by_breach.page2',
    await sample(300, () => list({ scope: 'open', limit: PAGE, cursor: first.nextCursor })),
  );

  // 2. Search over all tickets (the search box searches the list in view; "all" is the hardest).
  const search = (term: string) => list({ scope: 'all', search: term, limit: PAGE });
  const refTerms = [...samples.canonical, ...samples.provisional];
  const phoneTerms = samples.phones.flatMap((p) => {
    const d = p.slice(3);
    return [
      d,
      `+47 ${d}`,
      `${d.slice(0, 3)} ${d.slice(3, 5)} ${d.slice(5)}`,
      `${d.slice(0, 2)} ${d.slice(2, 4)} ${d.slice(4, 6)} ${d.slice(6)}`,
    ];
  });
  const nameTerms = samples.names.flatMap((n) => {
    const [firstName, ...rest] = n.split(' ');
    const last = rest.join(' ');
    return [n, last, last.slice(0, 4).toLowerCase(), firstName!];
  });
  const found = { reference: [] as number[], phone: [] as number[], name: [] as number[] };
  for (const [label, terms, target] of [
    ['reference', refTerms, 10],
    ['phone', phoneTerms, 10],
    ['name', nameTerms, undefined],
  ] as const) {
    const s = await sample(terms.length * 4, async (i) => {
      const r = await search(terms[Math.abs(i) % terms.length]!);
      if (i >= 0) found[label].push(r.items.length);
    });
    emitLatency(`ticket.search.${label}`, s, target ? { p: 95, maxMs: target } : undefined);
    emit(
      `ticket.search.${label}.rows.avg`,
      found[label].reduce((a, b) => a + b, 0) / found[label].length,
      'rows',
    );
    await search(terms[0]!);
    console.error(
      `# plan search[${label}] "${terms[0]}": ${await plan(m, rec.last().sql, rec.last().params)}`,
    );
  }
  const missing = found.reference.filter((n) => n !== 1).length;
  if (missing) console.error(`# ${missing} reference searches did not find exactly one ticket`);
  // Search in the open view (scope 'open'), for comparison.
  emitLatency(
    'ticket.search.phone.open_scope',
    await sample(phoneTerms.length, (i) =>
      list({ scope: 'open', search: phoneTerms[Math.abs(i) % phoneTerms.length]!, limit: PAGE }),
    ),
  );

  // 3. Creating a ticket from a taken call: validation, call check, ticket row (deadlines from the SLA
  // clock), events, FTS index and outbox in one committed transaction. As at the desk: the agent takes
  // the call, makes the ticket, finishes the call; only the ticket is timed.
  const agent: Actor = { userId: staff[0]!.id, name: staff[0]!.name, role: 'agent' };
  let callNo = 0;
  const takeCall = async () => {
    const id = uuidv7();
    const at = new Date().toISOString();
    const callerNumber = `9${String(20_000_000 + callNo++ * 7919).slice(-7)}`;
    await desk.mutations.run(callLog, { id, arrivedAt: at, callerNumber }, agent);
    await desk.mutations.run(callTake, { callId: id, at }, agent);
    return id;
  };
  const finishCall = (callId: string) =>
    desk.mutations.run(
      callFinish,
      { callId, outcome: 'ticket_needed', endedAt: new Date().toISOString() },
      agent,
    );
  const createFrom = (callId: string) =>
    desk.mutations.run(
      ticketCreate,
      {
        id: uuidv7(),
        at: new Date().toISOString(),
        callId,
        provisionalReference: provisionalReference(desk.clientId, 100_000 + callNo),
        reporterName: 'Bente Benchmark',
        reporterPhone: '+47 912 34 567',
        reporterEmail: 'bente.benchmark@molde.kommune.no',
        customerId: customers[0]!,
        workplace: 'Molde rådhus',
        description: 'Får ikke logget på Visma etter passordbytte.',
        title: null,
        priority: 'high',
        system: 'Visma Enterprise',
        category: 'access',
        channel: 'phone',
        device: null,
        notifyBy: 'email',
      },
      agent,
    );
  // The machine's floor, measured alongside (as calls.bench): a durable commit of two small rows with
  // plain better-sqlite3 in the same folder, interleaved with the real samples.
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
  const measureCreates = async (count: number, withFloor: boolean) => {
    const created: number[] = [];
    const floor: number[] = [];
    for (let i = -50; i < count; i++) {
      const callId = await takeCall();
      if (withFloor) {
        const f0 = performance.now();
        floorTx(i + 1_000_000);
        if (i >= 0) floor.push(performance.now() - f0);
      }
      const t0 = performance.now();
      await createFrom(callId);
      if (i >= 0) created.push(performance.now() - t0);
      await finishCall(callId);
    }
    return { created, floor };
  };
  const { created, floor } = await measureCreates(CREATES, true);

  // Diagnostic: what the live view's touch log costs a ticket's durable write (three triggers on
  // ticket, a row in ticket_touch per write): blocks with and without its triggers, taken in turn.
  const touchTriggers = (await m.query(
    `SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'ticket_touch_%'`,
  )) as Array<{ name: string; sql: string }>;
  const withTouches: number[] = [];
  const withoutTouches: number[] = [];
  for (const t of touchTriggers) await m.query(`DROP TRIGGER ${t.name}`);
  for (let block = 0; block < 6; block++) {
    const on = block % 2 === 0;
    if (on) for (const t of touchTriggers) await m.query(t.sql);
    (on ? withTouches : withoutTouches).push(...(await measureCreates(CREATES / 4, false)).created);
    if (on) for (const t of touchTriggers) await m.query(`DROP TRIGGER ${t.name}`);
  }
  for (const t of touchTriggers) await m.query(t.sql);
  emit(
    'ticket.create_from_call.touch_log_cost',
    percentile(withTouches, 50) / percentile(withoutTouches, 50),
    'ratio of p50s',
    {
      p50With: percentile(withTouches, 50),
      p50Without: percentile(withoutTouches, 50),
      p95With: percentile(withTouches, 95),
      p95Without: percentile(withoutTouches, 95),
      triggers: touchTriggers.length,
    },
  );
  floorDb.close();
  emitLatency('ticket.create_from_call', created, { p: 95, maxMs: 2 });
  emitLatency('sqlite.durable_commit_floor', floor);
  emit(
    'ticket.create_from_call.p95_over_floor_p95',
    percentile(created, 95) / percentile(floor, 95),
    'ratio',
  );
  // Diagnostic: the same without waiting for the disk (synchronous=OFF), to separate CPU work from fsync.
  await m.query(`PRAGMA synchronous = OFF`);
  emitLatency('ticket.create_from_call.nosync', (await measureCreates(CREATES, false)).created);
  await m.query(`PRAGMA synchronous = FULL`);

  await desk.close();
  if (!process.env.BENCH_DIR) rmSync(dir, { recursive: true, force: true });
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1); // a broken benchmark exits non-zero, so `npm run bench` reports it as failed
});
