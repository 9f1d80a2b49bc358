// The local router over real HTTP with a real SQLite file: the call log (R3).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setClientClockWindow } from '../../../../src-shared/time';
import {
  startDesk,
  removeDir,
  minutesAgo,
  signIn,
  type RunningDesk,
  errorOf,
} from '../../../support/tempDesk';

let d: RunningDesk;
beforeEach(async () => {
  d = await startDesk();
});
afterEach(async () => {
  await d.stop();
  removeDir(d.dataDir);
  setClientClockWindow(null);
});

describe('call log over the local router', () => {
  it('refuses to act before anyone has signed in', async () => {
    const err = await errorOf(d.client.calls.log.mutate({ callerNumber: '91234567' }));
    expect(err.data!.code).toBe('PRECONDITION_FAILED');
    expect(err.data!.domain?.code).toBe('signedOut');
  });

  it('queues calls in arrival order and hands out the oldest first', async () => {
    await signIn(d.client, { name: 'Kari Agent', role: 'agent' });
    // Logged out of order: the arrival time decides, not the logging order.
    const b = await d.client.calls.log.mutate({ callerNumber: '900 00 002', arrivedAt: minutesAgo(5) });
    const a = await d.client.calls.log.mutate({
      callerNumber: '+47 900 00 001',
      callerName: 'Ola',
      arrivedAt: minutesAgo(9),
    });
    const c = await d.client.calls.log.mutate({ callerNumber: '004790000003' });
    const queue = await d.client.calls.queue.query();
    expect(queue.map((q) => q.id)).toEqual([a.id, b.id, c.id]);
    expect(queue[0]!.callerNumber).toBe('+4790000001');
    expect(queue[2]!.callerNumber).toBe('+4790000003');

    const taken = await d.client.calls.takeNext.mutate();
    expect(taken?.id).toBe(a.id);
    const current = await d.client.calls.current.query();
    expect(current?.id).toBe(a.id);
    expect(current?.status).toBe('taken');
    expect((await d.client.calls.queue.query()).map((q) => q.id)).toEqual([b.id, c.id]);
  });

  it('refuses a later call while an earlier one waits, naming the first', async () => {
    await signIn(d.client, { name: 'Kari Agent', role: 'agent' });
    const first = await d.client.calls.log.mutate({ callerNumber: '90000001', arrivedAt: minutesAgo(3) });
    await d.client.calls.log.mutate({ callerNumber: '90000002', arrivedAt: minutesAgo(2) });
    const third = await d.client.calls.log.mutate({ callerNumber: '90000003', arrivedAt: minutesAgo(1) });

    const err = await errorOf(d.client.calls.take.mutate({ callId: third.id }));
    const data = err.data!;
    expect(data.code).toBe('CONFLICT');
    expect(data.domain?.code).toBe('notFirstInQueue');
    expect((data.domain?.details.firstCall as { id: string }).id).toBe(first.id);
    expect(err.message).toContain('+4790000001');

    // An agent cannot override, even with a reason.
    const denied = await errorOf(
      d.client.calls.take.mutate({ callId: third.id, override: { reason: 'VIP caller' } }),
    );
    expect(denied.data!.domain?.code).toBe('overrideNotAllowed');
    expect((await d.client.calls.queue.query()).length).toBe(3);
  });

  it('lets a team lead override with a reason, and records it', async () => {
    await signIn(d.client, { name: 'Tone Teamleder', role: 'team_lead' });
    await d.client.calls.log.mutate({ callerNumber: '90000001', arrivedAt: minutesAgo(3) });
    const third = await d.client.calls.log.mutate({ callerNumber: '90000003', arrivedAt: minutesAgo(1) });

    const missingReason = await errorOf(
      d.client.calls.take.mutate({ callId: third.id, override: { reason: '' } }),
    );
    expect(missingReason.data!.fieldErrors?.['override.reason']).toBeTruthy();

    const res = await d.client.calls.take.mutate({
      callId: third.id,
      override: { reason: 'Legevakt: kritisk' },
    });
    expect(res.overridden).toBe(true);
    const { call, events } = await d.client.calls.get.query({ id: third.id });
    expect(call.overrideReason).toBe('Legevakt: kritisk');
    expect(call.overrideByName).toBe('Tone Teamleder');
    const taken = events.find((e) => e.kind === 'taken')!;
    expect(taken.data).toMatchObject({ override: { reason: 'Legevakt: kritisk' } });
  });

  it('finishes a call with details and outcome; waiting and talk times follow', async () => {
    await signIn(d.client, { name: 'Kari Agent', role: 'agent' });
    const arrived = minutesAgo(10);
    const { id } = await d.client.calls.log.mutate({ callerNumber: '71111166', arrivedAt: arrived });
    const takenAt = minutesAgo(6);
    await d.client.calls.take.mutate({ callId: id, at: takenAt });
    const early = await errorOf(
      d.client.calls.finish.mutate({ callId: id, outcome: 'solved', endedAt: minutesAgo(8) }),
    );
    expect(early.data!.domain).toMatchObject({ code: 'endBeforeStart', details: { field: 'endedAt' } });

    await d.client.calls.finish.mutate({
      callId: id,
      outcome: 'ticket_needed',
      callerName: 'Per Pleier',
      workplace: 'Molde legevakt',
      summary: 'Får ikke logget inn i journalsystemet',
    });
    const { call, events } = await d.client.calls.get.query({ id });
    expect(call).toMatchObject({
      status: 'finished',
      outcome: 'ticket_needed',
      callerName: 'Per Pleier',
      arrivedAt: arrived,
      takenAt,
    });
    expect(events.map((e) => e.kind)).toEqual(['logged', 'taken', 'finished']);
    expect(await d.client.calls.current.query()).toBeNull();
  });

  it('names the malformed field and saves nothing', async () => {
    await signIn(d.client, { name: 'Kari Agent', role: 'agent' });
    const err = await errorOf(d.client.calls.log.mutate({ callerNumber: '12ab', customerId: 'nope' }));
    const fields = err.data!.fieldErrors!;
    expect(Object.keys(fields).sort()).toEqual(['callerNumber', 'customerId']);
    expect((await d.client.calls.queue.query()).length).toBe(0);
    expect((await d.client.desk.info.query()).pendingMutations).toBe(0);
  });

  it('writes each mutation to the outbox with the call in one transaction', async () => {
    await signIn(d.client, { name: 'Kari Agent', role: 'agent' });
    const { id } = await d.client.calls.log.mutate({ callerNumber: '90000001' });
    await d.client.calls.takeNext.mutate();
    await d.client.calls.finish.mutate({ callId: id, outcome: 'solved' });
    await errorOf(d.client.calls.take.mutate({ callId: id })); // refused: not in the outbox
    const rows: Array<{ seq: number; name: string; args: string; client_id: string }> =
      await d.desk.store.dataSource.manager.query(
        `SELECT seq, name, args, client_id FROM outbox ORDER BY seq`,
      );
    expect(rows.map((r) => r.name)).toEqual(['call.log', 'call.take', 'call.finish']);
    expect(rows.every((r) => r.client_id === d.desk.clientId)).toBe(true);
    expect(JSON.parse(rows[0]!.args)).toMatchObject({ id, callerNumber: '+4790000001' });
    expect(rows.map((r) => r.seq)).toEqual([...rows.map((r) => r.seq)].sort((a, b) => a - b));
  });

  it('searches the history by number, name and date, always in arrival order', async () => {
    await signIn(d.client, { name: 'Kari Agent', role: 'agent' });
    setClientClockWindow({ pastDays: 36_500 }); // calls on a fixed day in March 2026 (the window is not the subject)
    const base = Date.parse('2026-03-10T09:00:00.000Z');
    const log = (n: string, name: string, minutes: number) =>
      d.client.calls.log.mutate({
        callerNumber: n,
        callerName: name,
        arrivedAt: new Date(base + minutes * 60_000).toISOString(),
      });
    await log('91111111', 'Astrid Aukra', 0);
    await log('92222222', 'Bjørn Molde', 10);
    await log('93333333', 'Astrid Rauma', 24 * 60);
    const byName = await d.client.calls.history.query({ search: 'astrid', order: 'asc' });
    expect(byName.calls.map((c) => c.callerName)).toEqual(['Astrid Aukra', 'Astrid Rauma']);
    const byNumber = await d.client.calls.history.query({ search: '222 22' });
    expect(byNumber.calls.map((c) => c.callerName)).toEqual(['Bjørn Molde']);
    const byDate = await d.client.calls.history.query({
      from: '2026-03-10',
      to: '2026-03-10',
      order: 'desc',
    });
    expect(byDate.calls.map((c) => c.callerName)).toEqual(['Bjørn Molde', 'Astrid Aukra']);
    const page1 = await d.client.calls.history.query({ limit: 2, order: 'asc' });
    expect(page1.next).not.toBeNull();
    const page2 = await d.client.calls.history.query({ limit: 2, order: 'asc', cursor: page1.next! });
    expect([...page1.calls, ...page2.calls].map((c) => c.callerName)).toEqual([
      'Astrid Aukra',
      'Bjørn Molde',
      'Astrid Rauma',
    ]);
  });
});

describe('browser-mode host guards', () => {
  it('requires the per-launch token and the expected Host header', async () => {
    const url = `http://127.0.0.1:${d.host.port}/trpc/desk.info`;
    expect((await fetch(url)).status).toBe(401);
    expect((await fetch(url, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    expect((await fetch(url, { headers: { authorization: `Bearer ${d.host.token}` } })).status).toBe(200);
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: d.host.port,
          path: '/trpc/desk.info',
          headers: { host: 'evil.example:80', authorization: `Bearer ${d.host.token}` },
        },
        (res) => resolve(res.statusCode ?? 0),
      );
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(421);
  });

  it('binds to loopback only', () => {
    const addr = d.host.server.address();
    expect(typeof addr === 'object' && addr?.address).toBe('127.0.0.1');
  });
});
