// The audit trail as an administrator reads it (R27, DESIGN.md "Security":
// every change attributable to user, time and desk): newest first, paged by
// keyset with `before`, filtered by mutation name, user and desk; applied and
// rejected mutations alike; nobody but an administrator may read it.
import { TRPCClientError } from '@trpc/client';
import { uuidv7 } from 'uuidv7';
import { afterEach, describe, expect, it } from 'vitest';
import { createCentralClient, type CentralClient } from '../../../../src-main/sync/centralClient';
import type { PushedMutation } from '../../../../src-shared/sync/protocol';
import type { CentralRouter } from '../../../../src-main/central/router';
import {
  centralUser,
  ENGINES,
  pushedMutation as mutation,
  startTestCentral,
  type TestCentral,
} from '../../../support/central';

let centrals: TestCentral[] = [];
afterEach(async () => {
  for (const c of centrals) await c.dispose();
  centrals = [];
});

const base = Date.now() - 3 * 3600_000;
let tick = 0;
const at = () => new Date(base + tick++ * 1000).toISOString();

/** An audit entry as the administrator's client receives it. */
type AuditEntry = Awaited<ReturnType<CentralClient['admin']['audit']['query']>>[number];

interface Pushed {
  mutation: PushedMutation;
  clientId: string;
  userId: string;
  userName: string;
}

async function codeOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return 'ok';
  } catch (e) {
    if (!(e instanceof TRPCClientError)) throw e;
    return (e as TRPCClientError<CentralRouter>).data!.code;
  }
}

/** Two agents on two desks: calls logged, taken and finished over several pushes, one rejected take. */
async function busyShift(central: TestCentral) {
  const kari = await centralUser(central, { username: 'kari', role: 'agent', displayName: 'Kari Nordmann' });
  const ola = await centralUser(central, { username: 'ola', role: 'agent', displayName: 'Ola Hansen' });
  const pushed: Pushed[] = [];
  const desk = (who: typeof kari, userName: string) => {
    const clientId = uuidv7();
    let seq = 0;
    return {
      clientId,
      async push(batch: Array<[string, unknown]>) {
        const mutations = batch.map(([name, args]) => mutation(++seq, name, args));
        const res = await who.client.sync.push.mutate({ clientId, mutations });
        for (const m of mutations) pushed.push({ mutation: m, clientId, userId: who.userId, userName });
        // Pushes a few milliseconds apart, so their times differ as well.
        await new Promise((r) => setTimeout(r, 5));
        return res;
      },
    };
  };
  const a = desk(kari, 'Kari Nordmann');
  const b = desk(ola, 'Ola Hansen');
  const calls = Array.from({ length: 6 }, () => uuidv7());
  await a.push(
    calls.slice(0, 3).map((id) => ['call.log', { id, arrivedAt: at(), callerNumber: '91234567' }]),
  );
  await b.push(
    calls.slice(3).map((id) => ['call.log', { id, arrivedAt: at(), callerNumber: '+47 712 34 567' }]),
  );
  await a.push([['call.take', { callId: calls[0], at: at() }]]);
  // Ola takes out of turn: rejected, and the rejection is in the trail too.
  const rejected = await b.push([['call.take', { callId: calls[4], at: at() }]]);
  expect(rejected.results[0]!.status).toBe('rejected');
  await b.push([['call.take', { callId: calls[1], at: at() }]]);
  await a.push([
    ['call.update', { callId: calls[0], at: at(), summary: 'Skriver på Molde rådhus står' }],
    ['call.finish', { callId: calls[0], outcome: 'solved', endedAt: at() }],
  ]);
  for (let i = 0; i < 3; i++)
    await a.push([['call.log', { id: uuidv7(), arrivedAt: at(), callerNumber: `9000000${i}` }]]);
  return { kari, ola, pushed, deskA: a.clientId, deskB: b.clientId };
}

const newestFirst = (x: AuditEntry, y: AuditEntry) =>
  x.appliedAt === y.appliedAt ? (x.mutationId < y.mutationId ? 1 : -1) : x.appliedAt < y.appliedAt ? 1 : -1;

async function allPages(
  admin: CentralClient,
  filter: { name?: string; userId?: string; clientId?: string },
  limit: number,
) {
  const pages: AuditEntry[][] = [];
  let before: { appliedAt: string; mutationId: string } | undefined;
  for (;;) {
    const page = await admin.admin.audit.query({ ...filter, before, limit });
    pages.push(page);
    if (page.length < limit) return pages;
    const last = page[page.length - 1]!;
    before = { appliedAt: last.appliedAt, mutationId: last.mutationId };
  }
}

describe.each(ENGINES)('audit trail on %s', (engine) => {
  it('shows the administrator who did what, from which desk, when, with the arguments, newest first', async () => {
    const central = await startTestCentral(engine);
    centrals.push(central);
    const admin = await centralUser(central, { username: 'ada', role: 'admin' });
    const started = new Date().toISOString();
    const { pushed, kari, deskA } = await busyShift(central);

    const all = await admin.client.admin.audit.query({ limit: 500 });
    expect(all).toHaveLength(pushed.length);
    expect([...all].sort(newestFirst)).toEqual(all);
    const byId = new Map(all.map((e) => [e.mutationId, e]));
    for (const p of pushed) {
      const entry = byId.get(p.mutation.mutationId)!;
      expect(entry).toMatchObject({
        clientId: p.clientId,
        seq: p.mutation.seq,
        userId: p.userId,
        userName: p.userName,
        role: 'agent',
        name: p.mutation.name,
        args: p.mutation.args,
      });
      expect(entry.appliedAt >= started && entry.appliedAt <= new Date().toISOString()).toBe(true);
    }
    const take = all.find((e) => e.name === 'call.take' && e.clientId === deskA)!;
    expect(take).toMatchObject({ status: 'applied', reason: null, userId: kari.userId });
    expect(take.serverVersion).toBeGreaterThan(0);
    const refused = all.filter((e) => e.status === 'rejected');
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({ name: 'call.take', userName: 'Ola Hansen', serverVersion: null });
    expect(refused[0]!.reason).toMatch(/^notFirstInQueue: /);
  });

  it('pages with `before` without gaps or repeats, also within one push and with a filter', async () => {
    const central = await startTestCentral(engine);
    centrals.push(central);
    const admin = await centralUser(central, { username: 'ada', role: 'admin' });
    const { pushed, ola, deskA } = await busyShift(central);
    const all = await admin.client.admin.audit.query({ limit: 500 });

    for (const limit of [1, 3, 4, 100]) {
      const pages = await allPages(admin.client, {}, limit);
      expect(pages.flat()).toEqual(all);
      expect(pages.slice(0, -1).every((p) => p.length === limit)).toBe(true);
    }
    // By mutation name, with paging.
    const logs = (await allPages(admin.client, { name: 'call.log' }, 2)).flat();
    expect(logs.map((e) => e.mutationId)).toEqual(
      all.filter((e) => e.name === 'call.log').map((e) => e.mutationId),
    );
    expect(logs).toHaveLength(pushed.filter((p) => p.mutation.name === 'call.log').length);
    const takes = await admin.client.admin.audit.query({ name: 'call.take' });
    expect(takes.map((e) => e.name)).toEqual(['call.take', 'call.take', 'call.take']);
    expect(await admin.client.admin.audit.query({ name: 'sla.setSettings' })).toEqual([]);
    // By user and by desk.
    const byOla = await admin.client.admin.audit.query({ userId: ola.userId });
    expect(byOla.length).toBe(pushed.filter((p) => p.userId === ola.userId).length);
    expect(byOla.every((e) => e.userName === 'Ola Hansen')).toBe(true);
    const fromA = await admin.client.admin.audit.query({ clientId: deskA, name: 'call.finish' });
    expect(fromA.map((e) => [e.clientId, e.name])).toEqual([[deskA, 'call.finish']]);
  });

  it('is for administrators only', async () => {
    const central = await startTestCentral(engine);
    centrals.push(central);
    await busyShift(central);
    for (const role of ['agent', 'technician', 'team_lead'] as const) {
      const { client } = await centralUser(central, { username: `the.${role}`, role });
      expect(await codeOf(client.admin.audit.query({})), role).toBe('FORBIDDEN');
      expect(await codeOf(client.admin.audit.query({ name: 'call.log', limit: 1 })), role).toBe('FORBIDDEN');
    }
    expect(await codeOf(createCentralClient(central.url, () => null).admin.audit.query({}))).toBe(
      'UNAUTHORIZED',
    );
    const admin = await centralUser(central, { username: 'ada', role: 'admin' });
    expect(await codeOf(admin.client.admin.audit.query({}))).toBe('ok');
  });
});
