// Desks and a central store on loopback, real HTTP and real SQLite files
// (DESIGN.md "Data and sync", R27): propagation, offline work, conflicts,
// the FIFO rule on the server, restarts, duplicates and cursor reset.
import { afterEach, describe, expect, it } from 'vitest';
import { compactChangeLog } from '../../../../src-main/central/sync/pull';
import { readCounter, SERVER_VERSION } from '../../../../src-main/central/sync/changeLog';
import { ENGINES, startTestCentral, type TestCentral } from '../../../support/central';
import {
  minutesAgo,
  removeDir,
  signIn,
  startDesk,
  tempDir,
  type RunningDesk,
} from '../../../support/tempDesk';

let centrals: TestCentral[] = [];
let desks: RunningDesk[] = [];
afterEach(async () => {
  for (const d of desks) await d.stop().catch(() => undefined);
  for (const c of centrals) await c.dispose();
  for (const d of desks) removeDir(d.dataDir);
  desks = [];
  centrals = [];
});

async function setup(engine: (typeof ENGINES)[number], n: number, autoSync = false) {
  const central = await startTestCentral(engine);
  centrals.push(central);
  const list: RunningDesk[] = [];
  for (let i = 0; i < n; i++) {
    const d = await startDesk(tempDir(), { centralUrl: central.url, autoSync, pollMs: 60_000 });
    desks.push(d);
    list.push(d);
  }
  return { central, desks: list };
}

const sync = (d: RunningDesk) => d.desk.sync!.syncNow();
/** The desks' mutations in the audit (not the central store's own, such as a desk's link going down). */
const auditCount = async (c: TestCentral) =>
  Number(
    (
      await c.server.store.dataSource.manager.query(
        `SELECT count(*) AS n FROM audit WHERE user_id <> 'central'`,
      )
    )[0].n,
  );

async function waitFor<T>(what: string, fn: () => Promise<T>, ok: (v: T) => boolean, ms = 5000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (ok(v)) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe.each(ENGINES)('sync on %s', (engine) => {
  it('propagates a logged call to another desk live (SSE poke, no polling)', async () => {
    const {
      desks: [a, b],
    } = await setup(engine, 2, true);
    await signIn(a!.client, { name: 'Kari Agent', role: 'agent' });
    await signIn(b!.client, { name: 'Ola Agent', role: 'agent' });
    await sync(b!); // B is subscribed and caught up
    const { id } = await a!.client.calls.log.mutate({ callerNumber: '91234567', callerName: 'Per Pleier' });
    const queue = await waitFor(
      'the call on desk B',
      () => b!.client.calls.queue.query(),
      (q) => q.length === 1,
    );
    expect(queue[0]).toMatchObject({ id, callerName: 'Per Pleier', loggedByName: 'Kari Agent' });
    expect((await a!.client.sync.status.query())!.pending).toBe(0);
  });

  it('keeps working offline and catches up after reconnecting, each mutation applied once', async () => {
    const {
      central,
      desks: [a, b],
    } = await setup(engine, 2);
    await signIn(a!.client, { name: 'Kari Agent', role: 'agent' });
    await signIn(b!.client, { name: 'Ola Agent', role: 'agent' });
    await central.stop();
    const ids = [];
    for (let i = 0; i < 5; i++)
      ids.push(
        (await a!.client.calls.log.mutate({ callerNumber: `9000000${i}`, arrivedAt: minutesAgo(10 - i) })).id,
      );
    await a!.client.calls.takeNext.mutate();
    await expect(sync(a!)).rejects.toThrow();
    const offline = (await a!.client.sync.status.query())!;
    expect(offline).toMatchObject({ online: false, state: 'offline', pending: 6 });
    expect((await a!.client.calls.queue.query()).map((c) => c.id)).toEqual(ids.slice(1));

    await central.restart();
    await sync(a!);
    await sync(b!);
    expect((await a!.client.sync.status.query())!.pending).toBe(0);
    expect((await b!.client.calls.queue.query()).map((c) => c.id)).toEqual(ids.slice(1));
    expect(await auditCount(central)).toBe(6);
    await sync(a!); // nothing more to do
    expect(await auditCount(central)).toBe(6);
  });

  it('two desks take the same call: the first wins, the second is rejected with who took it and undone', async () => {
    const {
      desks: [a, b],
    } = await setup(engine, 2);
    await signIn(a!.client, { name: 'Kari Agent', role: 'agent' });
    await signIn(b!.client, { name: 'Ola Agent', role: 'agent' });
    const { id } = await a!.client.calls.log.mutate({ callerNumber: '91234567' });
    await sync(a!);
    await sync(b!);
    await a!.client.calls.take.mutate({ callId: id });
    await b!.client.calls.take.mutate({ callId: id }); // optimistic: B does not know yet
    expect((await b!.client.calls.current.query())?.id).toBe(id);
    await sync(a!);
    await sync(b!);
    const rejected = await b!.client.sync.rejected.query();
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toMatchObject({
      name: 'call.take',
      code: 'callTakenByOther',
      details: { takenByName: 'Kari Agent' },
    });
    expect(await b!.client.calls.current.query()).toBeNull();
    const { call } = await b!.client.calls.get.query({ id });
    expect(call).toMatchObject({ status: 'taken', takenByName: 'Kari Agent' });
    expect((await b!.client.sync.status.query())!.rejected).toBe(1);
    await b!.client.sync.dismissRejected.mutate({ mutationId: rejected[0]!.mutationId });
    expect(await b!.client.sync.rejected.query()).toHaveLength(0);
  });

  it('checks arrival order against the central queue; a team lead override is accepted and recorded', async () => {
    const {
      central,
      desks: [a, b],
    } = await setup(engine, 2);
    await signIn(a!.client, { name: 'Kari Agent', role: 'agent' });
    await signIn(b!.client, { name: 'Ola Agent', role: 'agent' });
    // A logs the earlier call but has not synced; B only knows its own later call and takes it.
    const early = await a!.client.calls.log.mutate({ callerNumber: '90000001', arrivedAt: minutesAgo(5) });
    const late = await b!.client.calls.log.mutate({ callerNumber: '90000002', arrivedAt: minutesAgo(2) });
    await b!.client.calls.take.mutate({ callId: late.id });
    await sync(a!);
    await sync(b!);
    const [r] = await b!.client.sync.rejected.query();
    expect(r).toMatchObject({ name: 'call.take', code: 'notFirstInQueue' });
    expect((r!.details.firstCall as { id: string }).id).toBe(early.id);
    expect((await b!.client.calls.queue.query()).map((c) => c.id)).toEqual([early.id, late.id]);

    await signIn(b!.client, { name: 'Tone Teamleder', role: 'team_lead' });
    await b!.client.calls.take.mutate({ callId: late.id, override: { reason: 'Legevakt' } });
    await sync(b!);
    expect(await b!.client.sync.rejected.query()).toHaveLength(1); // only the earlier rejection
    await sync(a!);
    const { call } = await a!.client.calls.get.query({ id: late.id });
    expect(call).toMatchObject({
      status: 'taken',
      takenByName: 'Tone Teamleder',
      overrideReason: 'Legevakt',
    });
    const audit: Array<{ status: string; user_name: string }> =
      await central.server.store.dataSource.manager.query(
        `SELECT status, user_name FROM audit WHERE name = 'call.take' ORDER BY applied_at`,
      );
    expect(audit.map((x) => [x.status, x.user_name])).toEqual([
      ['rejected', 'Ola Agent'],
      ['applied', 'Tone Teamleder'],
    ]);
  });

  it('bootstraps a new desk from a snapshot, and re-bootstraps after the log was compacted, keeping its outbox', async () => {
    const {
      central,
      desks: [a, b],
    } = await setup(engine, 2);
    await signIn(a!.client, { name: 'Kari Agent', role: 'agent' });
    for (let i = 0; i < 30; i++)
      await a!.client.calls.log.mutate({
        callerNumber: `9100${String(i).padStart(4, '0')}`,
        arrivedAt: minutesAgo(60 - i),
      });
    await sync(a!);
    await signIn(b!.client, { name: 'Ola Agent', role: 'agent' });
    await sync(b!);
    expect((await b!.client.calls.queue.query()).length).toBe(30);

    // B goes offline with a pending call; meanwhile more happens and the log is compacted past B's cursor.
    const pendingCall = await b!.client.calls.log.mutate({
      callerNumber: '99999999',
      arrivedAt: minutesAgo(1),
    });
    for (let i = 0; i < 5; i++)
      await a!.client.calls.abandon.mutate({ callId: (await a!.client.calls.queue.query())[0]!.id });
    await sync(a!);
    const m = central.server.store.dataSource.manager;
    await compactChangeLog(central.server.store, await readCounter(m, SERVER_VERSION));
    await sync(b!);
    const queue = await b!.client.calls.queue.query();
    expect(queue.length).toBe(26);
    expect(queue.some((c) => c.id === pendingCall.id)).toBe(true);
    expect((await b!.client.sync.status.query())!.pending).toBe(0);
    await sync(a!);
    expect((await a!.client.calls.queue.query()).length).toBe(26);
  });

  it('keeps its outbox when the central store does not support a mutation version, and says so', async () => {
    const {
      central,
      desks: [a],
    } = await setup(engine, 1);
    await signIn(a!.client, { name: 'Kari Agent', role: 'agent' });
    await a!.client.calls.log.mutate({ callerNumber: '91234567' });
    // As if this desk were newer than the server: its next mutation has a schema version the server does not know.
    await a!.client.calls.log.mutate({ callerNumber: '92345678' });
    await a!.desk.store.dataSource.query(
      `UPDATE outbox SET schema_version = 99 WHERE seq = (SELECT max(seq) FROM outbox)`,
    );
    await a!.client.calls.log.mutate({ callerNumber: '93456789' });
    await expect(sync(a!)).rejects.toThrow(/schema version 99/);
    const status = (await a!.client.sync.status.query())!;
    expect(status).toMatchObject({ state: 'versionBlocked', pending: 2 });
    expect(await auditCount(central)).toBe(1);
    expect((await a!.client.calls.queue.query()).length).toBe(3); // nothing undone locally
  });
});
