// Faults in the middle of a push (DESIGN.md "Data and sync": a retried push
// is applied once). The central store runs as a real process (the built
// out/main/central.js) that is killed with SIGKILL or stopped with SIGTERM
// while a desk pushes thousands of outbox entries, then started again on the
// same port and data; and a desk "dies" after the central store applied its
// push but before it heard the answer. Every mutation must end up applied
// exactly once, and the desk and the central store must agree.
import { uuidv7 } from 'uuidv7';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { callLog } from '../../../../src-main/calls/mutations';
import { Call, Outbox } from '../../../../src-main/store/entities';
import { createCentralClient } from '../../../../src-main/sync/centralClient';
import { PUSH_BATCH_MAX, type PushedMutation } from '../../../../src-shared/sync/protocol';
import {
  ENGINES,
  freshPostgresDatabase,
  startTestCentral,
  type Engine,
  type TestCentral,
} from '../../../support/central';
import {
  ensureCentralBuilt,
  openCentralDb,
  startCentralProcess,
  type CentralDb,
  type CentralProcess,
} from '../../../support/centralProcess';
import {
  removeDir,
  signIn,
  startDesk,
  tempDir,
  TEST_PASSWORD,
  type RunningDesk,
} from '../../../support/tempDesk';

beforeAll(() => ensureCentralBuilt(), 300_000);

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const clean of cleanups.reverse()) await clean().catch(() => undefined);
  cleanups.length = 0;
});

/** A central store process on fresh data (a SQLite folder, or a fresh PostgreSQL database), restartable on its port. */
async function centralProcess(engine: Engine) {
  const dataDir = tempDir('central-proc-');
  cleanups.push(async () => removeDir(dataDir));
  let databaseUrl: string | undefined;
  if (engine === 'postgres') {
    const db = await freshPostgresDatabase();
    databaseUrl = db.url;
    cleanups.push(() => db.drop());
  }
  const started: CentralProcess[] = [];
  cleanups.push(async () => {
    for (const p of started) await p.kill('SIGKILL');
  });
  const start = async (port?: number) => {
    const p = await startCentralProcess({ dataDir, databaseUrl, port });
    started.push(p);
    return p;
  };
  const first = await start();
  const db = await openCentralDb(engine, dataDir, databaseUrl);
  cleanups.push(() => db.close());
  return { dataDir, databaseUrl, db, first, restart: () => start(first.port) };
}

async function deskOn(url: string, dataDir = tempDir()): Promise<RunningDesk> {
  const d = await startDesk(dataDir, { centralUrl: url });
  cleanups.push(async () => {
    await d.stop().catch(() => undefined);
    removeDir(dataDir);
  });
  await signIn(d.client, { name: 'Kari Agent', role: 'agent' });
  return d;
}

/** Logs n calls on the desk: a few through its local router, the rest straight through its mutation runner (the same transaction with its outbox entry, without HTTP). */
async function logCalls(d: RunningDesk, n: number): Promise<void> {
  const start = Date.now() - 8 * 3600_000;
  const arrivedAt = (i: number) => new Date(start + i * 1000).toISOString();
  const viaClient = Math.min(5, n);
  for (let i = 0; i < viaClient; i++)
    await d.client.calls.log.mutate({ callerNumber: '91234567', arrivedAt: arrivedAt(i) });
  const actor = (await d.desk.profile())!;
  let next = viaClient;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < n) {
        const i = next++;
        await d.desk.mutations.run(
          callLog,
          { id: uuidv7(), callerNumber: `9${String(i).padStart(7, '0')}`, arrivedAt: arrivedAt(i) },
          actor,
        );
      }
    }),
  );
}

const outboxCount = (d: RunningDesk) =>
  d.desk.mutations.exclusive(() => d.desk.store.dataSource.manager.count(Outbox));

async function waitFor<T>(
  what: string,
  read: () => Promise<T>,
  ok: (v: T) => boolean,
  ms = 60_000,
): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what} (last: ${String(v)})`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Starts a sync without waiting for it; resolves to 'synced' or the error it ended with. */
const syncInBackground = (d: RunningDesk) =>
  d.desk.sync!.syncNow().then(
    () => 'synced' as const,
    (e: unknown) => e,
  );

/**
 * The audit of what desks pushed: the central store's own bookkeeping (a desk's link going down or
 * coming back, recorded as its own mutations) is not part of any push.
 */
const DESK_AUDIT = `(SELECT * FROM audit WHERE user_id <> 'central') a`;
/** The change log's rows a push wrote (desk links change as desks come and go, so not those). */
const PUSHED_CHANGES = `(SELECT * FROM change_log WHERE entity <> 'desk_link') c`;

/** Everything pushed is applied exactly once, and the desk and the central store hold the same calls. */
async function expectExactlyOnce(db: CentralDb, d: RunningDesk, n: number): Promise<void> {
  expect(await outboxCount(d)).toBe(0);
  const status = (await d.client.sync.status.query())!;
  expect(status).toMatchObject({ pending: 0, rejected: 0 });
  expect(await db.count(`SELECT count(*) AS n FROM ${DESK_AUDIT}`)).toBe(n);
  expect(await db.count(`SELECT count(DISTINCT mutation_id) AS n FROM ${DESK_AUDIT}`)).toBe(n);
  expect(await db.count(`SELECT count(*) AS n FROM ${DESK_AUDIT} WHERE status = 'applied'`)).toBe(n);
  expect(
    await db.count(
      `SELECT count(*) AS n FROM (SELECT client_id, seq FROM ${DESK_AUDIT} GROUP BY client_id, seq) s`,
    ),
  ).toBe(n);
  const [state] = await db.query<{ last_seq: number | string }>(
    `SELECT last_seq FROM client_state WHERE client_id = ?`,
    [d.desk.clientId],
  );
  expect(Number(state!.last_seq)).toBe(n);
  // No row was written twice, and the log has no gaps.
  const entries = await db.count(`SELECT count(*) AS n FROM change_log`);
  expect(
    await db.count(`SELECT count(*) AS n FROM (SELECT DISTINCT entity, row_id FROM ${PUSHED_CHANGES}) s`),
  ).toBe(await db.count(`SELECT count(*) AS n FROM ${PUSHED_CHANGES}`));
  expect(await db.count(`SELECT max(server_version) AS n FROM change_log`)).toBe(entries);
  const central = (await db.query<{ id: string }>(`SELECT id FROM call ORDER BY id`)).map((r) => r.id);
  const desk = (
    await d.desk.store.dataSource.manager.find(Call, { select: { id: true }, order: { id: 'ASC' } })
  ).map((r) => r.id);
  expect(central).toHaveLength(n);
  expect(desk).toEqual(central);
}

describe.each(ENGINES)('faults during a push on %s', (engine) => {
  it('central store killed (SIGKILL) twice in the middle of a 3,000-mutation push: each mutation applied once', async () => {
    const N = 3000;
    const c = await centralProcess(engine);
    const d = await deskOn(c.first.url);
    await logCalls(d, N);
    expect(await outboxCount(d)).toBe(N);

    // Killed as soon as a first batch is committed: its answer may or may not have reached the desk.
    let syncing = syncInBackground(d);
    await waitFor(
      'a first committed batch',
      () => c.db.count(`SELECT count(*) AS n FROM ${DESK_AUDIT}`),
      (n) => n > 0,
    );
    expect(await c.first.kill('SIGKILL')).toBe('SIGKILL');
    expect(await syncing).toBeInstanceOf(Error);
    const committed = await c.db.count(`SELECT count(*) AS n FROM ${DESK_AUDIT}`);
    expect(committed % PUSH_BATCH_MAX).toBe(0); // whole batches only: a push is one transaction
    expect(committed).toBeLessThan(N);

    // Started again; killed once more right after the desk has acknowledged a batch (the next one is in flight).
    const second = await c.restart();
    expect(second.url).toBe(c.first.url);
    const pending = await outboxCount(d);
    syncing = syncInBackground(d);
    await waitFor(
      'an acknowledged batch',
      () => outboxCount(d),
      (n) => n < pending,
    );
    await second.kill('SIGKILL');
    await syncing;

    await c.restart();
    await d.desk.sync!.syncNow();
    await expectExactlyOnce(c.db, d, N);
  }, 240_000);

  it('central store stopped gracefully (SIGTERM) during a push: the push in flight finishes and is answered', async () => {
    const N = 1500;
    const c = await centralProcess(engine);
    const d = await deskOn(c.first.url);
    await logCalls(d, N);

    const syncing = syncInBackground(d);
    await waitFor(
      'an acknowledged batch',
      () => outboxCount(d),
      (n) => n < N,
    );
    await waitFor(
      'the next batch being applied',
      () => c.db.writing(),
      (busy) => busy,
    );
    expect(await c.first.kill('SIGTERM')).toBe(0);
    expect(c.first.output()).toContain('Central store stopping');
    const outcome = await syncing;

    const committed = await c.db.count(`SELECT count(*) AS n FROM ${DESK_AUDIT}`);
    expect(committed % PUSH_BATCH_MAX).toBe(0);
    expect(committed).toBeGreaterThanOrEqual(2 * PUSH_BATCH_MAX);
    // Every committed batch was answered and acknowledged: nothing left in between.
    expect(await outboxCount(d)).toBe(N - committed);
    // When the last batch was the one in flight, it is answered too (the outbox is empty, above);
    // the pull that syncNow makes after its pushes may then find the store already gone.
    if (committed === N && outcome !== 'synced') expect((outcome as Error).message).toMatch(/fetch failed/);

    await c.restart();
    await d.desk.sync!.syncNow();
    await expectExactlyOnce(c.db, d, N);
  }, 180_000);

  it('desk gone after the central store applied its push but before it heard the answer: answered as duplicates, nothing applied twice', async () => {
    const N = 700;
    const central: TestCentral = await startTestCentral(engine);
    cleanups.push(() => central.dispose());
    const dataDir = tempDir();
    const d = await deskOn(central.url, dataDir);
    await logCalls(d, N);

    // The desk's first batch reaches the central store (here sent by a raw client signed in as the same user on
    // the same desk, with its key), but the desk never learns the answer: it dies.
    const session = await createCentralClient(central.url, () => null).auth.login.mutate({
      username: 'kari.agent',
      password: TEST_PASSWORD,
      clientId: d.desk.clientId,
      deskKey: d.desk.deskKey,
    });
    const raw = createCentralClient(central.url, () => session.token);
    const outbox = await d.desk.store.dataSource.manager.find(Outbox, {
      order: { seq: 'ASC' },
      take: PUSH_BATCH_MAX,
    });
    const mutations: PushedMutation[] = outbox.map((e) => ({
      mutationId: e.mutationId,
      seq: e.seq,
      name: e.name,
      schemaVersion: e.schemaVersion,
      args: JSON.parse(e.args) as unknown,
      createdAt: e.createdAt,
    }));
    const lost = await raw.sync.push.mutate({ clientId: d.desk.clientId, mutations });
    expect(lost.results.every((r) => r.status === 'applied' && !r.duplicate)).toBe(true);
    await d.stop();

    // The desk starts again on the same data; its user signs in again (tokens are not kept in browser mode).
    const again = await startDesk(dataDir, { centralUrl: central.url });
    cleanups.push(() => again.stop());
    expect(await outboxCount(again)).toBe(N);
    await signIn(again.client, { name: 'Kari Agent', role: 'agent' });
    await again.desk.sync!.syncNow();

    const db = await openCentralDb(engine, central.dataDir, central.databaseUrl);
    cleanups.push(() => db.close());
    await expectExactlyOnce(db, again, N);
    expect(await again.client.sync.rejected.query()).toEqual([]);
  }, 120_000);
});
