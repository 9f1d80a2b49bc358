// What the phone system's events do to the queue (R3, issue 12), over real
// HTTP on SQLite and PostgreSQL: arrivals in one millisecond keep the order of
// receipt; an answer nobody on the desk can be matched to neither keeps a
// ghost in the queue nor blocks a later answer; a call's three events give
// the same end state in any order, with repeats, and in any of the three
// encodings; a reused callId is a new call; a forwarded call is not missed.
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { uuidv7 } from 'uuidv7';
import { phoneEvent } from '../../../../src-main/calls';
import { ENGINES, centralUser, startTestCentral, type TestCentral } from '../../../support/central';
import {
  callsOf,
  CTI_TOKEN,
  ENCODINGS,
  inboundCall,
  postCti,
  queueOf,
  sqlRows,
  type Encoding,
} from '../../../support/cti';

let centrals: TestCentral[] = [];
afterEach(async () => {
  for (const c of centrals) await c.dispose();
  centrals = [];
});

async function central(engine: (typeof ENGINES)[number], extra: { ctiRepeatWindowMs?: number } = {}) {
  const c = await startTestCentral(engine, undefined, { ctiToken: CTI_TOKEN, ...extra });
  centrals.push(c);
  await centralUser(c, { username: 'kari', role: 'agent', displayName: 'Kari Nordmann', phone: '202' });
  return c;
}

async function send(c: TestCentral, body: Record<string, unknown>, as: Encoding = 'json') {
  const res = await postCti(c, body, as);
  expect(res.status, JSON.stringify(body)).toBe(200);
  return res.json() as Promise<Record<string, unknown>>;
}

const number = (i: number) => `4791${String(100000 + i).slice(-6)}`;
const answer = (callId: string, extra: Record<string, unknown> = {}) => ({
  event: 'answer',
  direction: 'in',
  from: '4791234567',
  callId,
  answeringNumber: '202',
  ...extra,
});
const hangup = (
  callId: string,
  /** null: the phone system gave no cause. */
  cause: string | null = 'normalClearing',
  extra: Record<string, unknown> = {},
) => ({
  event: 'hangup',
  direction: 'in',
  from: '4791234567',
  callId,
  ...(cause === null ? {} : { cause }),
  ...extra,
});

/** What a call looks like, without the instants that depend on when each event came. */
function shape(call: Record<string, unknown> | undefined) {
  if (!call) return null;
  return {
    status: call.status,
    outcome: call.outcome,
    takenByName: call.taken_by_name,
    hangupCause: call.hangup_cause,
    ended: call.ended_at !== null,
    callerNumber: call.caller_number,
  };
}

describe.each(ENGINES)('phone events on %s', (engine) => {
  it('queues calls that arrive in one millisecond in the order the central store received them', async () => {
    const c = await central(engine);
    // Straight to the mutation, as the endpoint hands it over: one instant, receipt ids in order.
    const receivedAt = new Date().toISOString();
    const ids: string[] = [];
    const runs = [];
    for (let i = 0; i < 300; i++) {
      const logId = uuidv7();
      ids.push(`same-ms-${i}`);
      runs.push(
        c.server.serverMutations.run(phoneEvent, {
          logId,
          receivedAt,
          event: { ...inboundCall(`same-ms-${i}`, { from: number(i) }), user: [] } as never,
        }),
      );
    }
    await Promise.all(runs);
    expect(await queueOf(c)).toEqual(ids);

    // And over HTTP, 200 at once: the queue is the order of receipt, which the event log also keeps.
    await sqlRows(c, `UPDATE call SET status = 'finished'`);
    await Promise.all(
      Array.from({ length: 200 }, (_, i) => send(c, inboundCall(`burst-${i}`, { from: number(1000 + i) }))),
    );
    const receipt = (
      await sqlRows(
        c,
        `SELECT cti_call_id FROM cti_event WHERE cti_call_id LIKE 'burst-%' ORDER BY received_at, id`,
      )
    ).map((r) => r.cti_call_id);
    expect(await queueOf(c)).toEqual(receipt);
  });

  it('takes a call answered by nobody the desk knows, then hung up, out of the queue as missed', async () => {
    const c = await central(engine);
    await send(c, inboundCall('vm-1'));
    await send(c, answer('vm-1', { answeringNumber: undefined, user: ['Voicemail'] }));
    await send(c, answer('vm-1', { answeringNumber: undefined })); // an answer naming no one at all
    expect(shape((await callsOf(c, 'vm-1'))[0])).toMatchObject({ status: 'waiting' });
    await send(c, hangup('vm-1', 'normalClearing'));
    expect(shape((await callsOf(c, 'vm-1'))[0])).toMatchObject({
      status: 'finished',
      outcome: 'missed',
      hangupCause: 'normalClearing',
    });
    expect(await queueOf(c)).toEqual([]);
    // The next call is answered in order, not "ahead of" a ghost.
    await send(c, inboundCall('vm-2', { from: number(2) }));
    await send(c, answer('vm-2', { from: number(2) }));
    const log = await sqlRows(
      c,
      `SELECT outcome FROM cti_event WHERE cti_call_id = 'vm-2' ORDER BY received_at`,
    );
    expect(log.map((r) => r.outcome)).toEqual(['applied', 'applied']);
  });

  it('lets an answer that names someone on the desk apply after one that could not be matched', async () => {
    const c = await central(engine);
    await send(c, inboundCall('m-1'));
    await send(c, answer('m-1', { answeringNumber: undefined, user: ['voicemail'] }));
    await send(c, answer('m-1', { answeringNumber: '202' }));
    expect(shape((await callsOf(c, 'm-1'))[0])).toMatchObject({
      status: 'taken',
      takenByName: 'Kari Nordmann',
    });
    // The very same answer again is a repeat.
    await send(c, answer('m-1', { answeringNumber: '202' }));
    const outcomes = (
      await sqlRows(c, `SELECT outcome FROM cti_event WHERE cti_call_id = 'm-1' ORDER BY received_at, id`)
    ).map((r) => r.outcome);
    expect(outcomes).toEqual(['applied', 'ignored', 'applied', 'duplicate']);
  });

  it('ends every order of newCall, answer and hangup in the state the natural order gives', async () => {
    const c = await central(engine);
    const orders = [
      ['newCall', 'answer', 'hangup'],
      ['newCall', 'hangup', 'answer'],
      ['answer', 'newCall', 'hangup'],
      ['answer', 'hangup', 'newCall'],
      ['hangup', 'newCall', 'answer'],
      ['hangup', 'answer', 'newCall'],
    ];
    const states = [];
    for (const [i, order] of orders.entries()) {
      const id = `order-${i}`;
      const events = { newCall: inboundCall(id), answer: answer(id), hangup: hangup(id) };
      for (const e of order) await send(c, events[e as keyof typeof events]);
      expect(await callsOf(c, id), order.join(' ')).toHaveLength(1);
      states.push(shape((await callsOf(c, id))[0]));
    }
    for (const s of states) expect(s).toEqual(states[0]);
    expect(states[0]).toEqual({
      status: 'taken',
      outcome: null,
      takenByName: 'Kari Nordmann',
      hangupCause: 'normalClearing',
      ended: true,
      callerNumber: '+4791234567',
    });
    expect(await queueOf(c)).toEqual([]);
  });

  it('takes a reused callId for a new call, never a lost one; a quick identical repeat stays a repeat', async () => {
    const c = await central(engine, { ctiRepeatWindowMs: 1000 });
    await send(c, inboundCall('r-1'));
    await send(c, inboundCall('r-1')); // the phone system sent it twice
    await send(c, answer('r-1'));
    await send(c, hangup('r-1'));
    expect(await callsOf(c, 'r-1')).toHaveLength(1);
    // The PBX restarted its counter: later, the same id again for the same caller …
    await new Promise((r) => setTimeout(r, 1100));
    await send(c, inboundCall('r-1'));
    await send(c, hangup('r-1', 'cancel'));
    // … and at once for someone else.
    await send(c, inboundCall('r-1', { from: number(7) }));
    const calls = await callsOf(c, 'r-1');
    expect(calls.map(shape)).toEqual([
      expect.objectContaining({ status: 'taken', takenByName: 'Kari Nordmann' }),
      expect.objectContaining({ status: 'finished', outcome: 'missed', callerNumber: '+4791234567' }),
      expect.objectContaining({ status: 'waiting', callerNumber: `+${number(7)}` }),
    ]);
    const notes = (
      await sqlRows(
        c,
        `SELECT outcome, note FROM cti_event WHERE cti_call_id = 'r-1' ORDER BY received_at, id`,
      )
    ).map((r) => r.outcome);
    expect(notes).toEqual(['applied', 'duplicate', 'applied', 'applied', 'applied', 'applied', 'applied']);
  });

  it('does not count a forwarded unanswered call as missed, and keeps a missing cause as unknown', async () => {
    const c = await central(engine);
    await send(c, inboundCall('f-1'));
    await send(c, hangup('f-1', 'forwarded'));
    await send(c, inboundCall('u-1', { from: number(3) }));
    await send(c, hangup('u-1', null, { from: number(3) }));
    expect(shape((await callsOf(c, 'f-1'))[0])).toMatchObject({
      status: 'finished',
      outcome: 'transferred',
      hangupCause: 'forwarded',
    });
    expect(shape((await callsOf(c, 'u-1'))[0])).toMatchObject({
      status: 'finished',
      outcome: 'missed',
      hangupCause: 'unknown',
    });
    const missed = await sqlRows(c, `SELECT cti_call_id FROM call WHERE outcome = 'missed'`);
    expect(missed.map((r) => r.cti_call_id)).toEqual(['u-1']);
  });

  it('gives the same end state whichever encoding a scenario is sent in', async () => {
    const c = await central(engine);
    const end: unknown[] = [];
    for (const as of ENCODINGS) {
      const id = `enc-${as}`;
      const scenario = [
        hangup(id, 'normalClearing', { user: ['Kari Nordmann'] }),
        inboundCall(id, { user: ['Servicedesk', 'Kari Nordmann'], caller: 'Per Pasient' }),
        answer(id, { answeringNumber: undefined, user: ['Kari Nordmann'] }),
        inboundCall(`${id}-2`, { from: number(4) }),
        answer(`${id}-2`, { answeringNumber: undefined, user: ['voicemail'], from: number(4) }),
        hangup(`${id}-2`, 'forwarded', { from: number(4) }),
      ];
      for (const e of scenario) await send(c, e, as);
      end.push([shape((await callsOf(c, id))[0]), shape((await callsOf(c, `${id}-2`))[0])]);
      expect((await callsOf(c, id))[0]).toMatchObject({ caller_name: 'Per Pasient' });
    }
    expect(end[1]).toEqual(end[0]);
    expect(end[2]).toEqual(end[0]);
  });

  it('for random calls with their events in any order and repeated, ends as the natural order does, queued by receipt', async () => {
    const shuffled = await central(engine);
    const natural = await central(engine);
    let run = 0;
    const callArb = fc.record({
      answeredBy: fc.constantFrom('202', 'voicemail', null),
      cause: fc.constantFrom('normalClearing', 'cancel', 'forwarded', null),
      hangsUp: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(callArb, { minLength: 1, maxLength: 4 }),
        fc.infiniteStream(fc.nat()),
        fc.array(fc.nat({ max: 50 }), { maxLength: 3 }),
        async (calls, randomness, repeats) => {
          run++;
          const events: Array<{ call: number; body: Record<string, unknown> }> = [];
          calls.forEach((spec, i) => {
            const id = `p${run}-${i}`;
            const from = number(run * 10 + i);
            events.push({ call: i, body: inboundCall(id, { from }) });
            if (spec.answeredBy === '202') events.push({ call: i, body: answer(id, { from }) });
            if (spec.answeredBy === 'voicemail')
              events.push({
                call: i,
                body: answer(id, { from, answeringNumber: undefined, user: ['voicemail'] }),
              });
            if (spec.hangsUp) events.push({ call: i, body: hangup(id, spec.cause, { from }) });
          });
          for (const e of events) await send(natural, e.body);
          // The same events shuffled, some sent twice.
          const order = [...events, ...repeats.map((r) => events[r % events.length]!)];
          const it = randomness[Symbol.iterator]();
          for (let k = order.length - 1; k > 0; k--) {
            const j = it.next().value % (k + 1);
            [order[k], order[j]] = [order[j]!, order[k]!];
          }
          const firstReceived: number[] = [];
          for (const e of order) {
            if (!firstReceived.includes(e.call)) firstReceived.push(e.call);
            await send(shuffled, e.body);
          }
          for (const i of calls.keys()) {
            const id = `p${run}-${i}`;
            const a = await callsOf(shuffled, id);
            const b = await callsOf(natural, id);
            expect(a).toHaveLength(1);
            expect(shape(a[0])).toEqual(shape(b[0]));
          }
          const waiting = (await queueOf(shuffled)).filter((id) => id.startsWith(`p${run}-`));
          const expected = firstReceived.map((i) => `p${run}-${i}`).filter((id) => waiting.includes(id));
          expect(waiting).toEqual(expected);
        },
      ),
      { numRuns: engine === 'postgres' ? 12 : 25 },
    );
  });
});
