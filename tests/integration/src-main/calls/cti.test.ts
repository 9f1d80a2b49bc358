// The phone system's events (Zammad generic CTI) against a real central store
// over real HTTP, on SQLite and PostgreSQL: JSON and form-encoded bodies,
// user[] arrays, duplicates, events out of order, a wrong token, missed calls,
// outbound calls, bad bodies — and the queue order they can never break.
import { afterEach, describe, expect, it } from 'vitest';
import { ENGINES, centralUser, startTestCentral, type TestCentral } from '../../../support/central';
import { CTI_TOKEN, inboundCall, postCti, sqlRows } from '../../../support/cti';

const TOKEN = CTI_TOKEN;
let centrals: TestCentral[] = [];
afterEach(async () => {
  for (const c of centrals) await c.dispose();
  centrals = [];
});

async function central(engine: (typeof ENGINES)[number]) {
  const c = await startTestCentral(engine, undefined, { ctiToken: TOKEN });
  centrals.push(c);
  return c;
}

/** An event as JSON, or form-encoded (as most PBXs send it), or a raw form body. */
function post(
  c: TestCentral,
  body: Record<string, unknown> | string,
  opts: { form?: boolean; token?: string } = {},
) {
  const token = opts.token ?? TOKEN;
  if (typeof body === 'string')
    return postCti(c, { raw: body, type: 'application/x-www-form-urlencoded' }, 'form', token);
  return postCti(c, body, opts.form ? 'form' : 'json', token);
}

const rows = sqlRows;
/** The call the phone system's id names now (the latest, should the id have been reused). */
const callOf = async (c: TestCentral, ctiCallId: string) =>
  (
    await rows(c, `SELECT * FROM call WHERE cti_call_id = ? ORDER BY arrived_at DESC, id DESC`, [ctiCallId])
  )[0];
const ctiLog = (c: TestCentral, ctiCallId: string) =>
  rows(c, `SELECT event, outcome, note FROM cti_event WHERE cti_call_id = ? ORDER BY received_at, id`, [
    ctiCallId,
  ]);

const inbound = inboundCall;

describe.each(ENGINES)('CTI endpoint on %s', (engine) => {
  it('queues an inbound call (JSON), gives it to the agent who answered, and records the hang-up', async () => {
    const c = await central(engine);
    const kari = await centralUser(c, {
      username: 'kari',
      role: 'agent',
      displayName: 'Kari Nordmann',
      phone: '201',
    });
    expect((await post(c, inbound('a-1'))).status).toBe(200);
    let call = await callOf(c, 'a-1');
    expect(call).toMatchObject({
      status: 'waiting',
      caller_number: '+4791234567',
      source: 'phone',
      cti_call_id: 'a-1',
    });

    const answered = await post(c, {
      event: 'answer',
      from: '4791234567',
      to: '4771111166',
      direction: 'in',
      callId: 'a-1',
      answeringNumber: '201',
      user: ['Kari Nordmann'],
    });
    expect(answered.status).toBe(200);
    call = await callOf(c, 'a-1');
    expect(call).toMatchObject({ status: 'taken', taken_by: kari.userId, taken_by_name: 'Kari Nordmann' });

    await post(c, {
      event: 'hangup',
      from: '4791234567',
      to: '4771111166',
      direction: 'in',
      callId: 'a-1',
      cause: 'normalClearing',
      answeringNumber: '201',
    });
    call = await callOf(c, 'a-1');
    // Answered: the talk ended; the agent still finishes it with an outcome on the desk.
    expect(call).toMatchObject({ status: 'taken', hangup_cause: 'normalClearing' });
    expect(call!.ended_at).toBeTruthy();
    expect((await ctiLog(c, 'a-1')).map((e) => [e.event, e.outcome])).toEqual([
      ['newCall', 'applied'],
      ['answer', 'applied'],
      ['hangup', 'applied'],
    ]);
  });

  it('takes form-encoded events with user[] arrays and matches the agent by name', async () => {
    const c = await central(engine);
    const ola = await centralUser(c, { username: 'ola', role: 'agent', displayName: 'Ola Nordmann' });
    const res = await post(c, inbound('f-1', { user: ['Kari Nordmann', 'Ola Nordmann'] }), { form: true });
    expect(res.status).toBe(200);
    expect(await callOf(c, 'f-1')).toMatchObject({ status: 'waiting' });
    await post(
      c,
      'event=answer&from=4791234567&to=4771111166&direction=in&callId=f-1&user%5B%5D=Ola+Nordmann',
    );
    expect(await callOf(c, 'f-1')).toMatchObject({ status: 'taken', taken_by: ola.userId });
  });

  it('applies a repeated event once', async () => {
    const c = await central(engine);
    for (let i = 0; i < 3; i++) expect((await post(c, inbound('d-1'))).status).toBe(200);
    expect(await rows(c, `SELECT id FROM call`)).toHaveLength(1);
    expect(await rows(c, `SELECT id FROM call_event WHERE kind = 'logged'`)).toHaveLength(1);
    expect((await ctiLog(c, 'd-1')).map((e) => e.outcome)).toEqual(['applied', 'duplicate', 'duplicate']);
  });

  it('marks a call hung up before it was answered as missed, for a call-back', async () => {
    const c = await central(engine);
    await post(c, inbound('m-1'));
    await post(c, {
      event: 'hangup',
      direction: 'in',
      callId: 'm-1',
      from: '4791234567',
      to: '4771111166',
      cause: 'cancel',
    });
    expect(await callOf(c, 'm-1')).toMatchObject({
      status: 'finished',
      outcome: 'missed',
      hangup_cause: 'cancel',
    });
  });

  it('handles events out of order without crashing, and shows them to an admin', async () => {
    const c = await central(engine);
    // An answer before its newCall: the call is created, answered.
    await centralUser(c, { username: 'kari', role: 'agent', displayName: 'Kari Nordmann', phone: '201' });
    expect(
      (
        await post(c, {
          event: 'answer',
          direction: 'in',
          callId: 'o-1',
          from: '4791234567',
          to: '4771111166',
          answeringNumber: '201',
        })
      ).status,
    ).toBe(200);
    expect(await callOf(c, 'o-1')).toMatchObject({ status: 'taken', taken_by_name: 'Kari Nordmann' });
    expect((await post(c, inbound('o-1'))).status).toBe(200); // the late newCall changes nothing
    expect(await callOf(c, 'o-1')).toMatchObject({ status: 'taken' });

    // A hangup for a call never announced: the call is recorded as ended (missed), never a ghost in
    // the queue; its late newCall then completes it.
    expect(
      (
        await post(c, {
          event: 'hangup',
          direction: 'in',
          callId: 'o-2',
          cause: 'cancel',
          from: '4798765432',
          to: '4771111166',
        })
      ).status,
    ).toBe(200);
    expect(await callOf(c, 'o-2')).toMatchObject({ status: 'finished', outcome: 'missed' });
    await post(c, inbound('o-2', { from: '4798765432' }));
    expect(await callOf(c, 'o-2')).toMatchObject({ status: 'finished', outcome: 'missed' });

    const admin = await centralUser(c, { username: 'ada', role: 'admin' });
    const events = await admin.client.admin.ctiEvents.query({});
    const o2 = events.items
      .filter((e) => e.ctiCallId === 'o-2')
      .map((e) => [e.event, e.outcome])
      .reverse(); // newest first
    expect(o2).toEqual([
      ['hangup', 'outOfOrder'],
      ['newCall', 'outOfOrder'],
    ]);
    const agent = await centralUser(c, { username: 'per', role: 'agent' });
    await expect(agent.client.admin.ctiEvents.query({})).rejects.toMatchObject({
      data: { code: 'FORBIDDEN' },
    });
  });

  it('keeps a call answered by someone without an account in the queue until it ends, then lists it as missed', async () => {
    const c = await central(engine);
    await post(c, inbound('u-1'));
    await post(c, {
      event: 'answer',
      direction: 'in',
      callId: 'u-1',
      from: '4791234567',
      to: '4771111166',
      answeringNumber: '999',
      user: ['Vikar Uten Konto'],
    });
    expect(await callOf(c, 'u-1')).toMatchObject({ status: 'waiting', taken_by: null });
    await post(c, {
      event: 'hangup',
      direction: 'in',
      callId: 'u-1',
      from: '4791234567',
      to: '4771111166',
      cause: 'normalClearing',
    });
    // Nobody on the desk had it: it leaves the queue for a call-back, with who the phone system named.
    expect(await callOf(c, 'u-1')).toMatchObject({
      status: 'finished',
      outcome: 'missed',
      hangup_cause: 'normalClearing',
    });
    const [ended] = await rows(c, `SELECT data FROM call_event WHERE call_id = ? AND kind = 'abandoned'`, [
      (await callOf(c, 'u-1'))!.id,
    ]);
    expect(JSON.parse(ended!.data as string)).toMatchObject({ answeredOnPhoneBy: 'Vikar Uten Konto' });
    expect((await ctiLog(c, 'u-1')).map((e) => [e.event, e.outcome, e.note])).toEqual([
      ['newCall', 'applied', null],
      ['answer', 'ignored', 'noAccount'],
      ['hangup', 'applied', null],
    ]);
  });

  it('logs outbound calls but never queues them', async () => {
    const c = await central(engine);
    await post(c, {
      event: 'newCall',
      direction: 'out',
      callId: 'out-1',
      from: '4771111166',
      to: '4791234567',
      user: ['Kari Nordmann'],
    });
    expect(await callOf(c, 'out-1')).toBeUndefined();
    expect((await ctiLog(c, 'out-1')).map((e) => e.outcome)).toEqual(['logged']);
  });

  it('refuses a wrong token with 401, without logging the token', async () => {
    const c = await central(engine);
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...a: unknown[]) => void warnings.push(a.join(' '));
    try {
      const res = await post(c, inbound('t-1'), { token: 'gjettet-feil' });
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ error: 'Unauthorized' });
    } finally {
      console.warn = warn;
    }
    expect(warnings.join('\n')).toContain('wrong token');
    expect(warnings.join('\n')).not.toContain('gjettet-feil');
    expect(await rows(c, `SELECT id FROM call`)).toHaveLength(0);
  });

  it('answers bad bodies with 400 and the reason, and refuses an oversized body', async () => {
    const c = await central(engine);
    const unknown = await post(c, { ...inbound('b-1'), event: 'transfer' });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { error: string }).error).toMatch(/event: Unknown event/);
    const noId = await post(c, { event: 'newCall', direction: 'in', from: '4791234567' });
    expect(noId.status).toBe(400);
    expect(((await noId.json()) as { error: string }).error).toMatch(/callId/);
    const badJson = await fetch(`${c.url}/api/v1/cti/${TOKEN}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"event": "newCall",',
    });
    expect(badJson.status).toBe(400);
    const big = await post(c, { ...inbound('b-2'), queue: 'x'.repeat(100_000) });
    expect(big.status).toBe(413);
    expect(await rows(c, `SELECT id FROM call`)).toHaveLength(0);
  });

  it('keeps the queue in arrival order whatever the phone system sends', async () => {
    const c = await central(engine);
    await centralUser(c, { username: 'kari', role: 'agent', displayName: 'Kari Nordmann', phone: '201' });
    // A burst of calls, some sent twice, interleaved with answers and hang-ups, sent concurrently.
    const ids = Array.from({ length: 30 }, (_, i) => `q-${i}`);
    const from = (id: string) => `479${String(1000000 + Number(id.slice(2))).slice(-7)}`;
    for (const id of ids) await post(c, inbound(id, { from: from(id) }));
    await Promise.all([
      ...ids.slice(0, 10).map((id) => post(c, inbound(id, { from: from(id) }))),
      post(c, {
        event: 'answer',
        direction: 'in',
        callId: 'q-7',
        answeringNumber: '201',
        from: '4791000007',
        to: '4771111166',
      }),
      post(c, {
        event: 'hangup',
        direction: 'in',
        callId: 'q-3',
        cause: 'cancel',
        from: '4791000003',
        to: '4771111166',
      }),
    ]);
    const waiting = await rows(
      c,
      `SELECT cti_call_id FROM call WHERE status = 'waiting' ORDER BY arrived_at, id`,
    );
    expect(waiting.map((r) => r.cti_call_id)).toEqual(ids.filter((id) => id !== 'q-7' && id !== 'q-3'));
    // The answer jumped the queue (the phone system decided): recorded as out of order.
    expect((await ctiLog(c, 'q-7')).find((e) => e.event === 'answer')?.outcome).toBe('outOfOrder');
  });
});
