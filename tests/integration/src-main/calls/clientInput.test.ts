// What a desk refuses before it writes (issue 13, items 2, 8 and 10): a call
// arriving outside the window around the desk's clock is refused with the
// very message the central store gives, a text with NUL or an unpaired
// surrogate is refused naming the field, and a search for NUL characters is a
// typed 400 naming `search`, never a broken SQL query.
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { centralUser, startTestCentral, type TestCentral } from '../../../support/central';
import { removeDir, signIn, startDesk, type RunningDesk, errorOf } from '../../../support/tempDesk';

let d: RunningDesk;
let central: TestCentral;
beforeAll(async () => {
  d = await startDesk();
  await signIn(d.client, { name: 'Kari Agent', role: 'agent' });
  central = await startTestCentral('sqlite');
});
afterAll(async () => {
  await d.stop();
  removeDir(d.dataDir);
  await central.dispose();
});

const outbox = async () =>
  (await d.desk.store.dataSource.manager.query(`SELECT name FROM outbox`)) as Array<{ name: string }>;

describe('a desk refuses client instants outside its window, as the central store does', () => {
  it('refuses a call arriving in 2001, 1969 or 9999 with BAD_REQUEST naming arrivedAt, and writes nothing', async () => {
    const before = (await outbox()).length;
    const cases = [
      ['2001-01-01T08:00:00.000Z', 'clientClockPast'],
      ['1969-12-31T23:59:59.999Z', 'clientClockPast'],
      ['0000-01-01T00:00:00.000Z', 'clientClockPast'],
      ['9999-12-31T23:59:59.999Z', 'clientClockAhead'],
    ] as const;
    const kari = await centralUser(central, { username: 'kari', role: 'agent' });
    for (const [arrivedAt, reason] of cases) {
      const err = await errorOf(d.client.calls.log.mutate({ callerNumber: '91234567', arrivedAt }));
      expect(err.data?.code).toBe('BAD_REQUEST');
      const issue = err.data?.fieldErrors?.arrivedAt?.[0];
      expect(issue).toMatchObject({ code: 'custom', reason });
      expect(issue?.message).toContain(arrivedAt);

      // The central store, given the same arguments in a push, says the very same about the field.
      const pushed = await kari.client.sync.push.mutate({
        clientId: uuidv7(),
        mutations: [
          {
            mutationId: uuidv7(),
            seq: 1,
            name: 'call.log',
            schemaVersion: 1,
            args: { id: uuidv7(), callerNumber: '91234567', arrivedAt },
            createdAt: new Date().toISOString(),
          },
        ],
      });
      expect(pushed.results[0]).toMatchObject({
        status: 'rejected',
        code: 'invalidArguments',
        reason: `arrivedAt: ${issue!.message}`,
      });
    }
    expect((await outbox()).length).toBe(before);
    expect(await d.client.calls.queue.query()).toEqual([]);
  });

  it('still logs a call from earlier today', async () => {
    const arrivedAt = new Date(Date.now() - 30 * 60_000).toISOString();
    const logged = await d.client.calls.log.mutate({ callerNumber: '91234567', arrivedAt });
    expect((await d.client.calls.queue.query()).map((c) => c.id)).toEqual([logged.id]);
    await d.client.calls.abandon.mutate({ callId: logged.id });
  });
});

describe('a desk refuses bad text and bad searches with a typed 400', () => {
  it('refuses NUL and unpaired surrogates in a call, naming the field', async () => {
    const nul = await errorOf(
      d.client.calls.log.mutate({ callerNumber: '91234567', callerName: 'Ola\u0000' }),
    );
    expect(nul.data?.code).toBe('BAD_REQUEST');
    expect(nul.data?.fieldErrors?.callerName?.[0]).toMatchObject({
      message: 'contains a NUL character',
      reason: 'nulCharacter',
    });
    const lone = await errorOf(d.client.calls.log.mutate({ callerNumber: '91234567', workplace: 'x\uD800' }));
    expect(lone.data?.fieldErrors?.workplace?.[0]).toMatchObject({
      message: 'contains an unpaired surrogate (invalid UTF-16)',
      reason: 'unpairedSurrogate',
    });
    expect(await d.client.calls.queue.query()).toEqual([]);
  });

  it('answers a history search for NUL characters with BAD_REQUEST naming search', async () => {
    for (const search of ['\0\0\0', '12\u00003', 'Ola\u0000', 'x\uDC00yz']) {
      const err = await errorOf(d.client.calls.history.query({ search }));
      expect(err.data?.code, JSON.stringify(search)).toBe('BAD_REQUEST');
      expect(err.data?.httpStatus).toBe(400);
      expect(Object.keys(err.data?.fieldErrors ?? {})).toEqual(['search']);
    }
    // An ordinary search still works.
    expect((await d.client.calls.history.query({ search: '912' })).calls.length).toBeGreaterThan(0);
  });
});

describe("a desk refuses a new row whose id is taken, or a customer it doesn't know, as a rule's answer", () => {
  it('answers a call logged twice under one id with CONFLICT, and one for an unknown customer with NOT_FOUND', async () => {
    const id = uuidv7();
    await d.client.calls.log.mutate({ id, callerNumber: '91234567' });
    const before = (await outbox()).length;
    const taken = await errorOf(d.client.calls.log.mutate({ id, callerNumber: '92345678' }));
    expect(taken.data?.code).toBe('CONFLICT');
    expect(taken.data?.domain?.code).toBe('conflict');
    const unknown = await errorOf(
      d.client.calls.log.mutate({ callerNumber: '92345678', customerId: uuidv7() }),
    );
    expect(unknown.data?.code).toBe('NOT_FOUND');
    expect(unknown.data?.domain?.code).toBe('notFound');
    // Nothing of either was kept: the first call stands as it was, and nothing more waits to be pushed.
    expect((await outbox()).length).toBe(before);
    const [row] = (await d.desk.store.dataSource.manager.query(
      `SELECT caller_number FROM call WHERE id = ?`,
      [id],
    )) as Array<{ caller_number: string }>;
    expect(row?.caller_number).toBe('+4791234567');
  });
});
