// Scale-out on PostgreSQL (DESIGN.md "Processes"): two central-store
// PROCESSES (the built out/main/central.js) on different ports share one
// database. Desk A talks to process 1, desk B to process 2. A call logged on
// A reaches B's queue through LISTEN/NOTIFY alone (B never polls), and since
// the processes keep no state of their own, killing one and restarting the
// other loses nothing. Needs TEST_DATABASE_URL; skipped (and says so) without it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCentralClient } from '../../../../src-main/sync/centralClient';
import { freshPostgresDatabase } from '../../../support/central';
import {
  ensureCentralBuilt,
  openCentralDb,
  startCentralProcess,
  type CentralDb,
  type CentralProcess,
} from '../../../support/centralProcess';
import {
  minutesAgo,
  removeDir,
  signIn,
  startDesk,
  tempDir,
  TEST_PASSWORD,
  type RunningDesk,
} from '../../../support/tempDesk';

const DATABASE_URL = process.env.TEST_DATABASE_URL;
const SKIP_REASON = 'skipped: TEST_DATABASE_URL is not set (scale-out needs PostgreSQL; .ci/run sets it)';
/** B must never sync on its timer during the test: only a poke may make it pull. */
const NO_POLLING_MS = 600_000;

async function waitFor<T>(what: string, fn: () => Promise<T>, ok: (v: T) => boolean, ms = 5000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (ok(v)) return v;
    if (Date.now() > until) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

if (!DATABASE_URL) console.log(`[scale-out] ${SKIP_REASON}`);

describe.skipIf(!DATABASE_URL)(
  `central store scale-out on PostgreSQL${DATABASE_URL ? '' : ` (${SKIP_REASON})`}`,
  () => {
    let db: { url: string; drop(): Promise<void> };
    let sql: CentralDb;
    const processes: CentralProcess[] = [];
    const desks: RunningDesk[] = [];
    const dirs: string[] = [];
    const dir = () => {
      const d = tempDir('scale-out-');
      dirs.push(d);
      return d;
    };
    const start = async (port = 0) => {
      const p = await startCentralProcess({ dataDir: dir(), port, databaseUrl: db.url });
      processes.push(p);
      return p;
    };

    beforeAll(async () => {
      ensureCentralBuilt();
      db = await freshPostgresDatabase();
    }, 300_000);

    afterAll(async () => {
      for (const d of desks) await d.stop().catch(() => undefined);
      for (const p of processes) await p.kill('SIGKILL');
      await sql?.close();
      await db?.drop();
      for (const d of [...dirs, ...desks.map((x) => x.dataDir)]) removeDir(d);
    });

    it(
      'two processes on one database: pokes cross via LISTEN/NOTIFY, and no process holds state',
      { timeout: 120_000 },
      async () => {
        // Both start at once on the empty database, as replicas behind a load balancer do: one migrates, one waits.
        const [p1, p2] = await Promise.all([start(), start()]);
        expect(p1.port).not.toBe(p2.port);
        sql = await openCentralDb('postgres', '', db.url);
        const head = async () =>
          Number(
            (await sql.query<{ value: string }>(`SELECT value FROM counter WHERE name = 'server_version'`))[0]
              ?.value ?? 0,
          );

        const a = await startDesk(tempDir(), { centralUrl: p1.url, autoSync: true, pollMs: NO_POLLING_MS });
        const b = await startDesk(tempDir(), { centralUrl: p2.url, autoSync: true, pollMs: NO_POLLING_MS });
        desks.push(a, b);
        // The first administrator is set up through desk A (process 1); B signs in through process 2: one set of accounts.
        await signIn(a.client, { name: 'Kari Agent', role: 'agent' });
        await signIn(b.client, { name: 'Ola Agent', role: 'agent' });
        expect(await sql.count(`SELECT count(*) AS n FROM user_account`)).toBe(3);

        // A raw subscriber on process 2: once connected, every event it gets for a newer version came through NOTIFY.
        const anon = createCentralClient(p2.url, () => null);
        const session = await anon.auth.login.mutate({ username: 'ola.agent', password: TEST_PASSWORD });
        const pokes: number[] = [];
        let connected = false;
        const sub = createCentralClient(p2.url, () => session.token).sync.onChange.subscribe(undefined, {
          onStarted: () => void (connected = true),
          onData: (e) => pokes.push(e.data.serverVersion),
        });
        try {
          await waitFor(
            'the subscription on process 2',
            async () => connected,
            (c) => c,
          );
          // B is signed in, has synced, and its own subscription is up.
          await waitFor(
            'desk B idle after its first sync',
            () => b.client.sync.status.query(),
            (s) => !!s?.lastSyncAt && s.state === 'idle',
          );
          await new Promise((r) => setTimeout(r, 1000));
          const headBefore = await head();
          const bCursor = (await b.client.sync.status.query())!.cursor;

          const t0 = Date.now();
          const { id } = await a.client.calls.log.mutate({
            callerNumber: '91234567',
            callerName: 'Per Pleier',
          });
          const queue = await waitFor(
            'the call in desk B’s queue',
            () => b.client.calls.queue.query(),
            (q) => q.some((c) => c.id === id),
            5000,
          );
          const ms = Date.now() - t0;
          console.log(
            `[scale-out] call logged on desk A (process 1) was in desk B's queue (process 2) after ${ms} ms`,
          );
          expect(queue.find((c) => c.id === id)).toMatchObject({
            callerName: 'Per Pleier',
            loggedByName: 'Kari Agent',
          });
          // Process 2 announced a version newer than the head before the call: it heard process 1's NOTIFY.
          await waitFor(
            'the poke on the raw subscriber',
            async () => pokes,
            (p) => p.some((v) => v > headBefore),
          );
          expect((await b.client.sync.status.query())!.cursor).toBeGreaterThan(bCursor);
        } finally {
          sub.unsubscribe();
        }

        // More work on both sides, then process 1 dies hard.
        const ids: string[] = [];
        for (let i = 0; i < 4; i++) {
          ids.push(
            (await a.client.calls.log.mutate({ callerNumber: `9000000${i}`, arrivedAt: minutesAgo(20 - i) }))
              .id,
          );
        }
        await a.desk.sync!.syncNow();
        await b.client.calls.takeNext.mutate(); // the oldest: ids[0]
        await b.desk.sync!.syncNow();
        await waitFor(
          'desk A to see B’s take',
          () => a.client.calls.queue.query(),
          (q) => q.length === 4 && !q.some((c) => c.id === ids[0]),
        );
        expect(await p1.kill('SIGKILL')).toBe('SIGKILL');

        // Desk B keeps working through process 2.
        await b.client.calls.finish.mutate({
          callId: ids[0]!,
          outcome: 'solved',
          summary: 'Passord tilbakestilt',
        });
        await b.desk.sync!.syncNow();
        const centralBefore = {
          calls: await sql.count(`SELECT count(*) AS n FROM call`),
          events: await sql.count(`SELECT count(*) AS n FROM call_event`),
          audit: await sql.count(`SELECT count(*) AS n FROM audit`),
          head: await head(),
        };
        const bBefore = (await b.client.sync.status.query())!;
        expect(bBefore.pending).toBe(0);

        // Process 2 is killed and started again on the same port: nothing it knew is lost, because it knew nothing.
        const p2port = p2.port;
        await p2.kill('SIGKILL');
        const p2again = await start(p2port);
        expect(p2again.url).toBe(p2.url);
        await b.desk.sync!.syncNow();
        const bAfter = (await b.client.sync.status.query())!;
        expect(bAfter).toMatchObject({ state: 'idle', pending: 0, cursor: bBefore.cursor });
        expect(await b.client.calls.queue.query()).toHaveLength(4);
        expect((await b.client.calls.get.query({ id: ids[0]! })).call).toMatchObject({
          status: 'finished',
          outcome: 'solved',
        });
        // B's next mutation continues its sequence on the new process (no reset, no order error, applied once).
        await b.client.calls.takeNext.mutate();
        await b.desk.sync!.syncNow();
        expect(await sql.count(`SELECT count(*) AS n FROM audit`)).toBe(centralBefore.audit + 1);
        expect(await sql.count(`SELECT count(*) AS n FROM call`)).toBe(centralBefore.calls);
        expect(await sql.count(`SELECT count(*) AS n FROM call_event`)).toBe(centralBefore.events + 1);
        expect(await sql.count(`SELECT count(*) AS n FROM audit WHERE status <> 'applied'`)).toBe(0);

        // A fresh desk on the restarted process gets everything, including what went through the dead process 1.
        const c = await startDesk(tempDir(), { centralUrl: p2again.url, autoSync: false });
        desks.push(c);
        await signIn(c.client, { name: 'Tone Teamleder', role: 'team_lead' });
        await c.desk.sync!.syncNow();
        const cm = c.desk.store.dataSource.manager;
        expect(Number((await cm.query(`SELECT count(*) AS n FROM call`))[0].n)).toBe(centralBefore.calls);
        expect(Number((await cm.query(`SELECT count(*) AS n FROM call_event`))[0].n)).toBe(
          centralBefore.events + 1,
        );

        // Process 1 comes back on its port; desk A's next call reaches B through the two new processes.
        const p1again = await start(p1.port);
        expect(p1again.url).toBe(p1.url);
        const late = await a.client.calls.log.mutate({ callerNumber: '98765432' });
        await waitFor(
          'the call from the restarted process 1 on desk B',
          () => b.client.calls.queue.query(),
          (q) => q.some((x) => x.id === late.id),
          15_000,
        );
        expect(await head()).toBeGreaterThan(centralBefore.head);
      },
    );
  },
);
