// Client instants at the central store's door (issue 13, item 2; R3): an
// instant a desk claims (a call's arrival, a change's `at`) is accepted only
// inside a window around the central store's own clock, 30 days back (offline
// work) and 5 minutes ahead unless configured otherwise. A call claiming to
// have arrived in 2001 cannot jump the queue, and a ticket dated 1969 gets no
// reference.
import { DateTime } from 'luxon';
import { uuidv7 } from 'uuidv7';
import { afterEach, describe, expect, it } from 'vitest';
import { referenceRows } from '../../../../../src-main/store/referenceData';
import { SERVICE_TIME_ZONE } from '../../../../../src-shared/serviceTimeZone';
import type { PushedMutation, PushResult } from '../../../../../src-shared/sync/protocol';
import { setClientClockWindow } from '../../../../../src-shared/time';
import { centralUser, ENGINES, startTestCentral, type TestCentral } from '../../../../support/central';
import { sqlRows } from '../../../../support/cti';

let centrals: TestCentral[] = [];
afterEach(async () => {
  for (const c of centrals) await c.dispose();
  centrals = [];
  setClientClockWindow(null);
});

async function central(engine: (typeof ENGINES)[number], extra = {}) {
  const c = await startTestCentral(engine, undefined, extra);
  centrals.push(c);
  return c;
}

const now = () => new Date().toISOString();
const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
const [molde] = referenceRows().customers;
const mutation = (seq: number, name: string, args: unknown): PushedMutation => ({
  mutationId: uuidv7(),
  seq,
  name,
  schemaVersion: 1,
  args,
  createdAt: now(),
});
const callArgs = (arrivedAt: string, callerNumber = '91234567') => ({
  id: uuidv7(),
  arrivedAt,
  callerNumber,
});
const ticketArgs = (at: string, n: number) => ({
  id: uuidv7(),
  at,
  callId: null,
  provisionalReference: `P-ABCD-000${n}`,
  reporterName: 'Per Pleier',
  reporterPhone: '91234567',
  reporterEmail: null,
  customerId: molde!.id,
  workplace: 'Molde legevakt',
  description: 'Journalsystemet svarer ikke på legevakten',
  priority: 'high',
  system: 'Journalsystem',
  category: 'incident',
  channel: 'phone',
  notifyBy: 'none',
});
const verdicts = (results: PushResult[]) =>
  results.map((r) => (r.status === 'rejected' ? `${r.code}: ${r.reason}` : r.status));
const past = (field: string, instant: string) =>
  `invalidArguments: ${field}: ${instant} is more than 30 days before this machine's clock (offline work is accepted for 30 days)`;
const ahead = (field: string, instant: string) =>
  `invalidArguments: ${field}: ${instant} is more than 5 minutes ahead of this machine's clock (clocks may differ by 5 minutes at most)`;
const queueHead = async (c: TestCentral) =>
  (await sqlRows(c, `SELECT id FROM call WHERE status = 'waiting' ORDER BY arrived_at, id LIMIT 1`))[0]?.id;

describe.each(ENGINES)('client instants on %s', (engine) => {
  it('refuses a call arriving in 2001, 1969, 0000 or 9999: the real oldest call stays first in the queue (R3)', async () => {
    const c = await central(engine);
    const kari = await centralUser(c, { username: 'kari', role: 'agent' });
    const clientId = uuidv7();
    const oldest = callArgs(ago(20), '91111111');
    const first = await kari.client.sync.push.mutate({
      clientId,
      mutations: [mutation(1, 'call.log', oldest), mutation(2, 'call.log', callArgs(ago(5), '92222222'))],
    });
    expect(verdicts(first.results)).toEqual(['applied', 'applied']);

    const claims = [
      '2001-01-01T08:00:00.000Z',
      '1969-12-31T23:59:59.999Z',
      '0000-01-01T00:00:00.000Z',
      '9999-12-31T23:59:59.999Z',
      new Date(Date.now() + 3_600_000).toISOString(),
      new Date(Date.now() - 31 * 86_400_000).toISOString(),
    ];
    const res = await kari.client.sync.push.mutate({
      clientId,
      mutations: claims.map((at, i) => mutation(3 + i, 'call.log', callArgs(at, `9333333${i}`))),
    });
    expect(verdicts(res.results)).toEqual([
      past('arrivedAt', claims[0]!),
      past('arrivedAt', claims[1]!),
      past('arrivedAt', claims[2]!),
      ahead('arrivedAt', claims[3]!),
      ahead('arrivedAt', claims[4]!),
      past('arrivedAt', claims[5]!),
    ]);
    expect(await queueHead(c)).toBe(oldest.id);
    expect(await sqlRows(c, `SELECT caller_number FROM call ORDER BY arrived_at`)).toEqual([
      { caller_number: '+4791111111' },
      { caller_number: '+4792222222' },
    ]);

    // Other instants a desk claims are bounded alike: taking, finishing, abandoning a call.
    const more = await kari.client.sync.push.mutate({
      clientId,
      mutations: [
        mutation(9, 'call.take', { callId: oldest.id, at: '2001-01-01T08:05:00.000Z' }),
        mutation(10, 'call.abandon', { callId: oldest.id, at: '9999-01-01T00:00:00.000Z' }),
        mutation(11, 'call.take', { callId: oldest.id, at: now() }),
        mutation(12, 'call.finish', {
          callId: oldest.id,
          outcome: 'solved',
          endedAt: '1970-01-01T00:00:00.000Z',
        }),
      ],
    });
    expect(verdicts(more.results)).toEqual([
      past('at', '2001-01-01T08:05:00.000Z'),
      ahead('at', '9999-01-01T00:00:00.000Z'),
      'applied',
      past('endedAt', '1970-01-01T00:00:00.000Z'),
    ]);
  });

  it('refuses a ticket dated 1969 before a reference is allocated', async () => {
    const c = await central(engine);
    const kari = await centralUser(c, { username: 'kari', role: 'agent' });
    const clientId = uuidv7();
    const res = await kari.client.sync.push.mutate({
      clientId,
      mutations: [
        mutation(1, 'ticket.create', ticketArgs('1969-12-31T23:30:00.000Z', 1)),
        mutation(2, 'ticket.create', ticketArgs('0000-01-01T00:00:00.000Z', 2)),
      ],
    });
    expect(verdicts(res.results)).toEqual([
      past('at', '1969-12-31T23:30:00.000Z'),
      past('at', '0000-01-01T00:00:00.000Z'),
    ]);
    expect(await sqlRows(c, `SELECT id FROM ticket`)).toEqual([]);
    expect(await sqlRows(c, `SELECT name FROM counter WHERE name LIKE 'ref:%'`)).toEqual([]);

    // The next real ticket gets this year's first number: none was taken by the refused ones.
    const real = ticketArgs(now(), 3);
    const ok = await kari.client.sync.push.mutate({
      clientId,
      mutations: [mutation(3, 'ticket.create', real)],
    });
    expect(verdicts(ok.results)).toEqual(['applied']);
    const year = DateTime.now().setZone(SERVICE_TIME_ZONE).year;
    expect(await sqlRows(c, `SELECT reference FROM ticket`)).toEqual([{ reference: `RI-${year}-000001` }]);
  });

  it('takes a wider window when configured: what the default refuses is applied', async () => {
    const c = await central(engine, { clientClock: { pastDays: 10_000, aheadMinutes: 120 } });
    const kari = await centralUser(c, { username: 'kari', role: 'agent' });
    const soon = new Date(Date.now() + 3_600_000).toISOString();
    const res = await kari.client.sync.push.mutate({
      clientId: uuidv7(),
      mutations: [
        mutation(1, 'call.log', callArgs('2001-01-01T08:00:00.000Z', '91111111')),
        mutation(2, 'call.log', callArgs(soon, '92222222')),
        mutation(3, 'call.log', callArgs('1969-12-31T23:59:59.999Z', '93333333')),
        mutation(4, 'call.log', callArgs('9999-12-31T23:59:59.999Z', '94444444')),
      ],
    });
    expect(verdicts(res.results)).toEqual([
      'applied',
      'applied',
      "invalidArguments: arrivedAt: 1969-12-31T23:59:59.999Z is more than 10000 days before this machine's clock (offline work is accepted for 10000 days)",
      "invalidArguments: arrivedAt: 9999-12-31T23:59:59.999Z is more than 120 minutes ahead of this machine's clock (clocks may differ by 120 minutes at most)",
    ]);
  });
});
