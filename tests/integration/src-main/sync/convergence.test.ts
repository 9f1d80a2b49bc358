// Randomized convergence (DESIGN.md "Data and sync", R3, R27): three desks,
// two agents and a team lead, work the call log through a flaky network
// (connections cut, the network down, answers lost on the way back) and a
// central store that restarts, driven by a seeded PRNG. Afterwards every desk
// must hold exactly the central store's calls and call events, every outbox
// must be empty, the audit trail must hold each mutation once, every
// rejection must be in its desk's needs-attention list, and the central
// store's history must never have broken the arrival-order rule.
// CONVERGENCE_SEED=<n> replays a run; CONVERGENCE_STEPS=<n> changes its length.
import { TRPCClientError } from '@trpc/client';
import { afterEach, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../../src-main/demo/generate';
import { Call, CallEvent } from '../../../../src-main/store/entities';
import { ENGINES, startTestCentral, type TestCentral } from '../../../support/central';
import { startFlakyProxy, type FlakyProxy } from '../../../support/flakyProxy';
import {
  minutesAgo,
  removeDir,
  signIn,
  startDesk,
  tempDir,
  type RunningDesk,
} from '../../../support/tempDesk';

const SEED = Number(process.env.CONVERGENCE_SEED ?? 20260415);
const STEPS = Number(process.env.CONVERGENCE_STEPS ?? 800);
/** The random walk stops early when it runs longer than this (the settling and checks come after). */
const WALK_BUDGET_MS = 40_000;

const USERS = [
  { name: 'Kari Agent', role: 'agent' },
  { name: 'Ola Agent', role: 'agent' },
  { name: 'Tone Teamleder', role: 'team_lead' },
] as const;

let central: TestCentral | null = null;
let proxy: FlakyProxy | null = null;
let desks: RunningDesk[] = [];
afterEach(async () => {
  for (const d of desks) await d.stop().catch(() => undefined);
  await proxy?.close();
  await central?.dispose();
  for (const d of desks) removeDir(d.dataDir);
  desks = [];
  proxy = null;
  central = null;
});

type Row = Record<string, unknown>;

/** The rows of a synced table with the central store's columns only, by id (JS order: collations differ). */
async function tableRows(
  query: (sql: string) => Promise<Row[]>,
  table: string,
  columns: string[],
): Promise<Row[]> {
  const rows = await query(`SELECT ${columns.join(', ')} FROM ${table}`);
  return rows
    .map((r) => Object.fromEntries(columns.map((c) => [c, r[c] ?? null])))
    .sort((a, b) => (String(a.id) < String(b.id) ? -1 : String(a.id) > String(b.id) ? 1 : 0));
}

/** The domain code of a refusal by the desk's local router, or null when the error is something else. */
function localRefusal(e: unknown): string | null {
  if (!(e instanceof TRPCClientError)) return null;
  const data = e.data as { domain?: { code: string } | null; fieldErrors?: unknown } | undefined;
  return data?.domain?.code ?? null;
}

describe.each(ENGINES)('randomized convergence on %s', (engine) => {
  it(`converges after a random walk over a flaky network (seed ${SEED})`, { timeout: 120_000 }, async () => {
    console.log(`[convergence ${engine}] seed ${SEED} (override with CONVERGENCE_SEED), ${STEPS} steps`);
    try {
      await run(engine);
    } catch (e) {
      if (e instanceof Error) e.message = `[convergence ${engine}, seed ${SEED}] ${e.message}`;
      throw e;
    }
  });
});

async function run(engine: (typeof ENGINES)[number]): Promise<void> {
  const rng = mulberry32(SEED);
  const chance = (p: number) => rng() < p;
  const pickIndex = (n: number) => Math.floor(rng() * n);

  central = await startTestCentral(engine);
  const c = central;
  proxy = await startFlakyProxy({ port: c.port });
  const net = proxy;
  for (let i = 0; i < USERS.length; i++) {
    desks.push(await startDesk(tempDir(), { centralUrl: net.url, autoSync: false }));
  }
  for (let i = 0; i < USERS.length; i++) await signIn(desks[i]!.client, USERS[i]!);

  const committed = USERS.map(() => 0);
  const stats = {
    steps: 0,
    refusals: new Map<string, number>(),
    syncOk: 0,
    syncFailed: 0,
    cuts: 0,
    downs: 0,
    lostAnswers: 0,
    restarts: 0,
  };
  const background = new Set<Promise<unknown>>();
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);

  const syncDesk = (i: number) =>
    desks[i]!.desk.sync!.syncNow().then(
      () => void stats.syncOk++,
      () => void stats.syncFailed++,
    );

  /** A mutation through the desk's local router; domain refusals are expected, anything else fails the test. */
  const mutate = async (i: number, what: string, work: () => Promise<unknown>) => {
    try {
      const result = await work();
      if (result !== null) committed[i]!++;
    } catch (e) {
      const code = localRefusal(e);
      if (!code)
        throw new Error(
          `desk ${i} ${what} failed unexpectedly: ${e instanceof Error ? e.message : String(e)}`,
          { cause: e },
        );
      bump(stats.refusals, `${what}:${code}`);
    }
  };

  const started = Date.now();
  for (let step = 0; step < STEPS && Date.now() - started < WALK_BUDGET_MS; step++) {
    stats.steps++;
    const i = pickIndex(desks.length);
    const d = desks[i]!.client;
    const r = rng();
    if (process.env.CONVERGENCE_TRACE)
      console.log(`step ${step} desk ${i} r=${r.toFixed(3)} t=${Date.now() - started}`);
    if (r < 0.22) {
      const number = `9${String(1_000_000 + pickIndex(9_000_000))}`;
      // Some calls are logged late (written down after a busy spell), so arrival order and logging order differ.
      const arrivedAt = chance(0.3) ? minutesAgo(1 + rng() * 30) : undefined;
      await mutate(i, 'log', () =>
        d.calls.log.mutate({
          callerNumber: number,
          callerName: chance(0.5) ? 'Per Pleier' : undefined,
          arrivedAt,
        }),
      );
    } else if (r < 0.34) {
      await mutate(i, 'takeNext', () => d.calls.takeNext.mutate());
    } else if (r < 0.44) {
      const queue = await d.calls.queue.query();
      if (queue.length > 0) {
        // Usually the first one; sometimes a later one (refused locally, or by the server when the desk is behind).
        const target = chance(0.6) ? queue[0]! : queue[pickIndex(queue.length)]!;
        const override =
          USERS[i]!.role === 'team_lead' && chance(0.5) ? { reason: 'Legevakt, haster' } : undefined;
        await mutate(i, 'take', () => d.calls.take.mutate({ callId: target.id, override }));
      }
    } else if (r < 0.49) {
      const current = await d.calls.current.query();
      if (current)
        await mutate(i, 'update', () =>
          d.calls.update.mutate({ callId: current.id, summary: `Notat ${step}` }),
        );
    } else if (r < 0.63) {
      const current = await d.calls.current.query();
      const outcome = (['solved', 'ticket_needed', 'transferred'] as const)[pickIndex(3)]!;
      if (current)
        await mutate(i, 'finish', () =>
          d.calls.finish.mutate({
            callId: current.id,
            outcome,
            summary: chance(0.5) ? 'Løst på telefon' : undefined,
          }),
        );
    } else if (r < 0.66) {
      const queue = await d.calls.queue.query();
      if (queue.length > 0)
        await mutate(i, 'abandon', () =>
          d.calls.abandon.mutate({ callId: queue[pickIndex(queue.length)]!.id }),
        );
    } else if (r < 0.86) {
      const p = syncDesk(i);
      if (chance(0.5)) await p;
      else {
        background.add(p);
        void p.finally(() => background.delete(p));
      }
    } else if (r < 0.9) {
      stats.cuts++;
      net.cut();
    } else if (r < 0.95) {
      if (!net.down) stats.downs++;
      net.setDown(!net.down);
    } else if (r < 0.98) {
      // The request reaches the central store, the answer never reaches the desk.
      stats.lostAnswers++;
      net.loseResponses(true);
      await syncDesk(i);
      net.loseResponses(false);
    } else {
      stats.restarts++;
      await c.restart();
    }
  }

  // Settle: network up, then sync every desk until nothing is pending and everybody pulled the last pushes.
  net.setDown(false);
  net.loseResponses(false);
  await Promise.allSettled([...background]);
  let clean = 0;
  for (let round = 0; round < 8 && clean < 2; round++) {
    const errors: string[] = [];
    for (const d of desks)
      await d.desk
        .sync!.syncNow()
        .catch((e: unknown) => errors.push(e instanceof Error ? e.message : String(e)));
    let pending = 0;
    for (const d of desks) pending += (await d.client.sync.status.query())!.pending;
    clean = errors.length === 0 && pending === 0 ? clean + 1 : 0;
    if (round === 7 && clean < 2)
      throw new Error(`desks did not settle: pending ${pending}, errors ${errors.join(' | ')}`);
  }

  const cm = c.server.store.dataSource.manager;
  const centralQuery = (sql: string) => cm.query(sql) as Promise<Row[]>;
  const callColumns = cm.connection.getMetadata(Call).columns.map((col) => col.databaseName);
  const eventColumns = cm.connection.getMetadata(CallEvent).columns.map((col) => col.databaseName);
  const centralCalls = await tableRows(centralQuery, 'call', callColumns);
  const centralEvents = await tableRows(centralQuery, 'call_event', eventColumns);
  const audit = // The desks' mutations only: the central store's own (desk links) are not what a desk pushed.
    (
      await centralQuery(
        `SELECT mutation_id, client_id, seq, status, reason, name FROM audit WHERE user_id <> 'central'`,
      )
    ).map((a) => ({
      mutationId: String(a.mutation_id),
      clientId: String(a.client_id),
      seq: Number(a.seq),
      status: String(a.status),
      reason: a.reason as string | null,
      name: String(a.name),
    }));

  const rejectedByCode = new Map<string, number>();
  for (const a of audit)
    if (a.status === 'rejected') bump(rejectedByCode, `${a.name}:${String(a.reason).split(':')[0]}`);
  console.log(
    `[convergence ${engine}] seed ${SEED}: ${stats.steps} steps in ${Date.now() - started} ms; committed ${committed.join('/')}; ` +
      `syncs ok ${stats.syncOk} failed ${stats.syncFailed}; cuts ${stats.cuts}, downs ${stats.downs}, lost answers ${stats.lostAnswers}, restarts ${stats.restarts}; ` +
      `calls ${centralCalls.length}, events ${centralEvents.length}; ` +
      `local refusals ${JSON.stringify(Object.fromEntries(stats.refusals))}; server rejections ${JSON.stringify(Object.fromEntries(rejectedByCode))}`,
  );

  // 1. Every desk holds exactly the central store's calls and call events, and has nothing left to push.
  for (let i = 0; i < desks.length; i++) {
    const m = desks[i]!.desk.store.dataSource.manager;
    const q = (sql: string) => m.query(sql) as Promise<Row[]>;
    expect(await tableRows(q, 'call', callColumns), `desk ${i} call table`).toEqual(centralCalls);
    expect(await tableRows(q, 'call_event', eventColumns), `desk ${i} call_event table`).toEqual(
      centralEvents,
    );
    expect((await q(`SELECT count(*) AS n FROM outbox`))[0]!.n, `desk ${i} outbox`).toBe(0);
  }

  // 2. The audit trail holds every mutation a desk committed, exactly once, in its desk's sequence.
  expect(new Set(audit.map((a) => a.mutationId)).size, 'distinct mutation ids in the audit').toBe(
    audit.length,
  );
  expect(audit.every((a) => a.status === 'applied' || a.status === 'rejected')).toBe(true);
  for (let i = 0; i < desks.length; i++) {
    const desk = desks[i]!.desk;
    const seqRow = (await desk.store.dataSource.manager.query(
      `SELECT last_seq AS seq FROM outbox_sequence`,
    )) as Row[];
    expect(Number(seqRow[0]?.seq ?? 0), `desk ${i}: outbox sequence vs mutations committed`).toBe(
      committed[i],
    );
    const mine = audit
      .filter((a) => a.clientId === desk.clientId)
      .map((a) => a.seq)
      .sort((a, b) => a - b);
    expect(mine, `desk ${i}: audited sequence numbers`).toEqual(
      Array.from({ length: committed[i]! }, (_, k) => k + 1),
    );

    // 3. Every rejection is in the desk's needs-attention list, and nothing else is.
    const rejected = (await desks[i]!.client.sync.rejected.query()).map((r) => r.mutationId).sort();
    const expected = audit
      .filter((a) => a.clientId === desk.clientId && a.status === 'rejected')
      .map((a) => a.mutationId)
      .sort();
    expect(rejected, `desk ${i}: needs-attention list vs rejections in the audit`).toEqual(expected);
  }
  expect(audit.length).toBe(committed.reduce((a, b) => a + b, 0));

  // 4. The central store never broke arrival order: replay its change log in commit order.
  const roles = new Map(
    (await centralQuery(`SELECT id, role FROM user_account`)).map((u) => [String(u.id), String(u.role)]),
  );
  const log = await centralQuery(
    `SELECT server_version, entity, row_id, data FROM change_log ORDER BY server_version`,
  );
  const waiting = new Map<string, { arrivedAt: string; id: string }>();
  const status = new Map<string, string>();
  /** Per call taken: the oldest waiting call just before it was taken. */
  const firstAtTake = new Map<string, string>();
  let takes = 0;
  let overrides = 0;
  const firstWaiting = () => {
    let best: { arrivedAt: string; id: string } | null = null;
    for (const w of waiting.values()) {
      if (!best || w.arrivedAt < best.arrivedAt || (w.arrivedAt === best.arrivedAt && w.id < best.id))
        best = w;
    }
    return best?.id ?? null;
  };
  for (const entry of log) {
    const row = JSON.parse(String(entry.data)) as Row | null;
    if (entry.entity === 'call' && row) {
      const id = String(row.id);
      if (status.get(id) === 'waiting' && row.status === 'taken') firstAtTake.set(id, firstWaiting()!);
      status.set(id, String(row.status));
      if (row.status === 'waiting') waiting.set(id, { arrivedAt: String(row.arrivedAt), id });
      else waiting.delete(id);
    }
    if (entry.entity === 'call_event' && row && row.kind === 'taken') {
      takes++;
      const callId = String(row.callId);
      const first = firstAtTake.get(callId);
      expect(
        first,
        `v${String(entry.server_version)}: taken event for ${callId} without a waiting → taken change`,
      ).toBeDefined();
      firstAtTake.delete(callId);
      const data = JSON.parse(String(row.data)) as { override?: { reason: string }; firstCallId?: string };
      if (first === callId) continue;
      overrides++;
      expect(
        data.override,
        `v${String(entry.server_version)}: ${callId} taken while ${first} waited longer, without override`,
      ).toBeDefined();
      expect(
        roles.get(String(row.actorId)),
        `v${String(entry.server_version)}: override by a non-team-lead`,
      ).toBe('team_lead');
      expect(
        data.firstCallId,
        `v${String(entry.server_version)}: override names the call that waited longest`,
      ).toBe(first);
    }
  }
  // 5. Only whoever took a call updated or finished it (a rejected take must not let its author work the call).
  const takerOf = new Map(
    centralEvents.filter((e) => e.kind === 'taken').map((e) => [String(e.call_id), String(e.actor_id)]),
  );
  const foreign = centralEvents.filter(
    (e) =>
      (e.kind === 'finished' || e.kind === 'updated') &&
      takerOf.has(String(e.call_id)) && // a call nobody took (hung up) is not checked here
      takerOf.get(String(e.call_id)) !== String(e.actor_id),
  );
  expect(foreign, 'calls updated or finished by someone other than their taker').toEqual([]);
  expect(takes, 'taken events in the change log vs in the call_event table').toBe(
    centralEvents.filter((e) => e.kind === 'taken').length,
  );
  console.log(
    `[convergence ${engine}] replayed ${log.length} change-log entries: ${takes} takes, ${overrides} team-lead overrides`,
  );
}
