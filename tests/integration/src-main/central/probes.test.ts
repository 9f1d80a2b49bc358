// The central store's active checks of business systems (issue 16 item 6) on
// a real central store (SQLite and PostgreSQL), against real local servers the
// test stops and starts: a team lead gives a system a probe (by a push, as a
// desk does) and the running central store starts checking it; after N failed
// checks in a row one suspected outage opens, starting at the first failed
// check; while the system stays down nothing more happens; the team lead
// confirms it; the first good check ends it (measured end and end). The same
// with a TCP probe. A restarted central store continues the open outage
// instead of opening a second. A hung check delays no other system, and
// stopping does not wait for its time limit. A probe's interval is the
// schema's 5 s at least; here one of its seconds lasts 20 ms (secondMs).
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer as createTcpServer, type Server as TcpServer } from 'node:net';
import { uuidv7 } from 'uuidv7';
import { afterEach, describe, expect, it } from 'vitest';
import { withStore } from '../../../../src-main/central/store/serialize';
import { Outage, type OutageRow } from '../../../../src-main/store/entities';
import { selectRows } from '../../../../src-main/store/rowSql';
import type { PushResult } from '../../../../src-shared/sync/protocol';
import {
  centralUser,
  ENGINES,
  pushedMutation,
  startTestCentral,
  type TestCentral,
} from '../../../support/central';

const SECOND_MS = 20;
/** A probe's 5 s interval at SECOND_MS. */
const INTERVAL_MS = 5 * SECOND_MS;
const PROBES = { secondMs: SECOND_MS, timeoutMs: 1_000, refreshMs: 500 };

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, ms = 10_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Mode = 'up' | 'fail' | 'hang';

/** A system under test: an HTTP server on loopback that answers 200, 503, or never; stopped and started again on its port. */
function httpSystem() {
  let server: HttpServer | null = null;
  let port = 0;
  let mode: Mode = 'up';
  const hits: Array<{ at: number; status: number | null }> = [];
  const sys = {
    hits,
    get port() {
      return port;
    },
    set mode(m: Mode) {
      mode = m;
    },
    async start() {
      const s = createHttpServer((req, res) => {
        if (mode === 'hang') {
          hits.push({ at: Date.now(), status: null });
          return; // never answers
        }
        const status = mode === 'up' ? 200 : 503;
        hits.push({ at: Date.now(), status });
        res.writeHead(status, { 'content-type': 'text/plain' }).end(mode);
      });
      await new Promise<void>((resolve, reject) => {
        s.once('error', reject);
        s.listen(port, '127.0.0.1', () => resolve());
      });
      port = (s.address() as { port: number }).port;
      server = s;
    },
    async stop() {
      const s = server;
      server = null;
      if (!s) return;
      await new Promise<void>((resolve) => {
        s.close(() => resolve());
        s.closeAllConnections();
      });
    },
  };
  return sys;
}

function tcpSystem() {
  let server: TcpServer | null = null;
  let port = 0;
  return {
    get port() {
      return port;
    },
    async start() {
      const s = createTcpServer((socket) => socket.end());
      await new Promise<void>((resolve, reject) => {
        s.once('error', reject);
        s.listen(port, '127.0.0.1', () => resolve());
      });
      port = (s.address() as { port: number }).port;
      server = s;
    },
    async stop() {
      const s = server;
      server = null;
      if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
    },
  };
}

describe.each(ENGINES)('probes (%s)', (engine) => {
  const cleanup: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const c of cleanup.reverse()) await c().catch(() => undefined);
    cleanup.length = 0;
  });

  async function setUp() {
    const central: TestCentral = await startTestCentral(engine, undefined, { probes: PROBES });
    cleanup.push(() => central.dispose());
    const lead = await centralUser(central, {
      username: 'tone',
      role: 'team_lead',
      displayName: 'Tone Teamleder',
    });
    const clientId = uuidv7();
    let seq = 0;
    const push = async (name: string, args: unknown) => {
      const res = await lead.client.sync.push.mutate({
        clientId,
        mutations: [pushedMutation(++seq, name, args)],
      });
      const result = res.results[0] as PushResult;
      expect(result, `${name}: ${JSON.stringify(result)}`).toMatchObject({ status: 'applied' });
    };
    const saveSystem = (
      id: string,
      name: string,
      probe: { kind: 'http' | 'tcp'; target: string; failuresToOpen: number } | null,
      retired = false,
    ) =>
      push('systems.save', {
        at: new Date().toISOString(),
        system: {
          id,
          name,
          supplier: null,
          description: null,
          criticality: 'high',
          continuous: true,
          remoteAccess: false,
          probe: probe && { ...probe, intervalSeconds: 5 },
          retired,
        },
      });
    /** The probe's outages of a system, as the central store has them. */
    const outagesOf = async (systemId: string): Promise<OutageRow[]> => {
      const store = central.server.store;
      const rows = await withStore(store, () => selectRows(store.dataSource.manager, Outage, {}));
      return rows.filter(
        (o) => o.source === 'probe' && (JSON.parse(o.systemIds) as string[]).includes(systemId),
      );
    };
    return { central, push, saveSystem, outagesOf };
  }

  it('opens one suspected outage after N failures, a team lead confirms it, the first good check ends it', async () => {
    const { push, saveSystem, outagesOf } = await setUp();
    const web = httpSystem();
    await web.start();
    cleanup.push(() => web.stop());
    const id = uuidv7();
    // A probe given to a running central store is picked up without a restart.
    await saveSystem(id, 'Visma Flyt Skole', {
      kind: 'http',
      target: `http://127.0.0.1:${web.port}/status`,
      failuresToOpen: 3,
    });
    await until('checks of the system', async () => web.hits.length >= 3);
    expect(await outagesOf(id)).toEqual([]);

    // It answers 503: after the third failed check a suspected outage, from the first.
    const failFrom = Date.now();
    web.mode = 'fail';
    const [suspected] = await until('a suspected outage', async () => {
      const o = await outagesOf(id);
      return o.length > 0 && o;
    });
    const failed = web.hits.filter((h) => h.status === 503);
    expect(failed.length).toBeGreaterThanOrEqual(3);
    expect(suspected).toMatchObject({
      state: 'suspected',
      source: 'probe',
      title: 'Visma Flyt Skole: HTTP 503',
      endsAt: null,
      measuredEnd: null,
    });
    const since = Date.parse(suspected!.measuredStart!);
    expect(suspected!.startsAt).toBe(suspected!.measuredStart);
    // The first failed check's instant: taken as it started (after the last good one was
    // answered), just before the server saw it.
    const lastGood = web.hits.filter((h) => h.status === 200 && h.at <= failed[0]!.at).at(-1)!;
    expect(since).toBeGreaterThanOrEqual(lastGood.at);
    expect(since).toBeGreaterThanOrEqual(failFrom - INTERVAL_MS);
    expect(since).toBeLessThanOrEqual(failed[0]!.at);
    expect(failed[0]!.at - since).toBeLessThan(INTERVAL_MS);
    // Opened at the third failure, not before.
    expect(Date.parse(suspected!.createdAt)).toBeGreaterThanOrEqual(failed[2]!.at);

    // Down altogether (connection refused): still the one outage, nothing more.
    await web.stop();
    await pause(8 * INTERVAL_MS);
    expect((await outagesOf(id)).map((o) => [o.id, o.measuredEnd])).toEqual([[suspected!.id, null]]);

    // The team lead confirms it with a cause.
    await push('outage.confirm', {
      at: new Date().toISOString(),
      outageId: suspected!.id,
      cause: 'infrastructure',
    });
    expect((await outagesOf(id))[0]).toMatchObject({ state: 'confirmed', cause: 'infrastructure' });

    // Back up: the first good check is the measured end, and the outage's end.
    web.mode = 'up';
    const upFrom = Date.now();
    await web.start();
    const [ended] = await until('the outage to end', async () => {
      const o = await outagesOf(id);
      return o[0]?.measuredEnd ? o : null;
    });
    const good = web.hits.find((h) => h.status === 200 && h.at >= upFrom)!;
    const upAt = Date.parse(ended!.measuredEnd!);
    expect(ended!.endsAt).toBe(ended!.measuredEnd);
    expect(ended!.state).toBe('confirmed');
    expect(upAt).toBeGreaterThanOrEqual(upFrom - INTERVAL_MS);
    expect(upAt).toBeLessThanOrEqual(good.at);
    // Up again and staying up: no further outage.
    await pause(4 * INTERVAL_MS);
    expect((await outagesOf(id)).map((o) => o.id)).toEqual([suspected!.id]);
  });

  it('checks a TCP port the same way, and stops watching a retired system', async () => {
    const { central, saveSystem, outagesOf } = await setUp();
    const port = tcpSystem();
    await port.start();
    cleanup.push(() => port.stop());
    const id = uuidv7();
    const probe = { kind: 'tcp' as const, target: `127.0.0.1:${port.port}`, failuresToOpen: 2 };
    await saveSystem(id, 'Gerica', probe);
    await until('the probe to start', async () => central.server.probes!.watching().includes(id));
    await pause(3 * INTERVAL_MS);
    expect(await outagesOf(id)).toEqual([]);

    const downFrom = Date.now();
    await port.stop();
    const [suspected] = await until('a suspected outage', async () => {
      const o = await outagesOf(id);
      return o.length > 0 && o;
    });
    expect(suspected).toMatchObject({ state: 'suspected', title: 'Gerica: ECONNREFUSED', measuredEnd: null });
    expect(Date.parse(suspected!.measuredStart!)).toBeGreaterThanOrEqual(downFrom - 50);
    expect(Date.parse(suspected!.measuredStart!)).toBeLessThan(downFrom + 2 * INTERVAL_MS);

    const upFrom = Date.now();
    await port.start();
    const [ended] = await until('the outage to end', async () => {
      const o = await outagesOf(id);
      return o[0]?.measuredEnd ? o : null;
    });
    expect(ended!.id).toBe(suspected!.id);
    expect(Date.parse(ended!.measuredEnd!)).toBeGreaterThanOrEqual(upFrom - INTERVAL_MS);
    expect(ended!.endsAt).toBe(ended!.measuredEnd);

    // Retired: no longer checked.
    await saveSystem(id, 'Gerica', probe, true);
    await until('the probe to stop', async () => !central.server.probes!.watching().includes(id));
  });

  it('continues the open outage after a restart instead of opening a second one', async () => {
    const { central, saveSystem, outagesOf } = await setUp();
    const web = httpSystem();
    await web.start();
    cleanup.push(() => web.stop());
    const id = uuidv7();
    await saveSystem(id, 'Public 360', {
      kind: 'http',
      target: `http://127.0.0.1:${web.port}/`,
      failuresToOpen: 2,
    });
    await until('checks of the system', async () => web.hits.length >= 2);
    await web.stop();
    const [open] = await until('a suspected outage', async () => {
      const o = await outagesOf(id);
      return o.length > 0 && o;
    });

    await central.restart();
    await until('the probe to start again', async () => central.server.probes!.watching().includes(id));
    // Many failed checks after the restart: still the one outage.
    await pause(8 * INTERVAL_MS);
    expect((await outagesOf(id)).map((o) => [o.id, o.measuredEnd])).toEqual([[open!.id, null]]);

    const upFrom = Date.now();
    await web.start();
    const ended = await until('the outage to end', async () => {
      const o = await outagesOf(id);
      return o[0]?.measuredEnd ? o : null;
    });
    expect(ended.map((o) => o.id)).toEqual([open!.id]);
    expect(Date.parse(ended[0]!.measuredEnd!)).toBeGreaterThanOrEqual(upFrom - INTERVAL_MS);
  });

  it('a hung check delays no other system, and stopping does not wait for its time limit', async () => {
    const { central, saveSystem, outagesOf } = await setUp();
    const hung = httpSystem();
    const fine = httpSystem();
    await hung.start();
    await fine.start();
    cleanup.push(
      () => hung.stop(),
      () => fine.stop(),
    );
    hung.mode = 'hang';
    const hungId = uuidv7();
    const fineId = uuidv7();
    await saveSystem(hungId, 'Hengende system', {
      kind: 'http',
      target: `http://127.0.0.1:${hung.port}/`,
      failuresToOpen: 1,
    });
    await saveSystem(fineId, 'Raskt system', {
      kind: 'http',
      target: `http://127.0.0.1:${fine.port}/`,
      failuresToOpen: 1,
    });
    await until('the hung system to be checked', async () => hung.hits.length >= 1);
    // While the hung check waits for its 1 s limit, the other system is checked every interval.
    const from = fine.hits.length;
    await pause(PROBES.timeoutMs * 0.8);
    expect(fine.hits.length - from).toBeGreaterThanOrEqual(4);
    const [timedOut] = await until('the time limit to open an outage', async () => {
      const o = await outagesOf(hungId);
      return o.length > 0 && o;
    });
    expect(timedOut!.title).toBe('Hengende system: ETIMEDOUT');
    expect(await outagesOf(fineId)).toEqual([]);

    // A check is in flight (hanging); stopping ends it at once.
    await until('a check in flight', async () => hung.hits.length >= 2);
    const stopFrom = Date.now();
    await central.server.probes!.stop();
    expect(Date.now() - stopFrom).toBeLessThan(PROBES.timeoutMs / 2);
    expect(central.server.probes!.watching()).toEqual([]);
  });
});
