// A hostile or careless pusher at the central store's door (issue 13, items
// 1, 7, 8 and 9): a client id belongs to the desk that registered it (or the
// account that first used it), and a push for someone else's is refused and
// audited without moving their sequence; a refused push never moves a
// sequence; a reused mutation id, arguments nested too deep and a year the
// service calendar does not cover are each refused alone, with a typed
// verdict, never a 500; refused arguments are kept in the audit as a bounded
// excerpt and a hash.
import { createHash, randomBytes } from 'node:crypto';
import { TRPCClientError } from '@trpc/client';
import { uuidv7 } from 'uuidv7';
import { afterEach, describe, expect, it } from 'vitest';
import { AUDIT_ARGS_MAX_CHARS } from '../../../../../src-main/central/auth/deskKeys';
import { createUser } from '../../../../../src-main/central/auth/users';
import type { CentralRouter } from '../../../../../src-main/central/router';
import { createCentralClient } from '../../../../../src-main/sync/centralClient';
import { referenceRows } from '../../../../../src-main/store/referenceData';
import type { PushedMutation, PushResult } from '../../../../../src-shared/sync/protocol';
import { setClientClockWindow } from '../../../../../src-shared/time';
import { centralUser, ENGINES, startTestCentral, type TestCentral } from '../../../../support/central';
import { sqlRows } from '../../../../support/cti';
import { TEST_PASSWORD } from '../../../../support/tempDesk';

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

const deskKey = () => randomBytes(32).toString('base64url');
const mutation = (seq: number, name: string, args: unknown, mutationId = uuidv7()): PushedMutation => ({
  mutationId,
  seq,
  name,
  schemaVersion: 1,
  args,
  createdAt: new Date().toISOString(),
});
const callArgs = (callerNumber = '91234567') => ({
  id: uuidv7(),
  arrivedAt: new Date(Date.now() - 60_000).toISOString(),
  callerNumber,
});
const verdicts = (results: PushResult[]) =>
  results.map((r) => (r.status === 'rejected' ? `${r.seq} ${r.code}` : `${r.seq} ${r.status}`));

function trpcError(e: unknown) {
  if (!(e instanceof TRPCClientError)) throw e;
  const err = e as TRPCClientError<CentralRouter>;
  return { message: err.message, code: err.data?.code, domain: err.data?.domain?.code };
}

const lastSeqOf = async (c: TestCentral, clientId: string) =>
  Number(
    (await sqlRows(c, `SELECT last_seq FROM client_state WHERE client_id = '${clientId}'`))[0]?.last_seq ?? 0,
  );

/** A user signed in as a desk would: with the desk's client id and key. */
async function signInAsDesk(c: TestCentral, username: string, clientId: string, key: string) {
  const s = await createCentralClient(c.url, () => null).auth.login.mutate({
    username,
    password: TEST_PASSWORD,
    clientId,
    deskKey: key,
  });
  return createCentralClient(c.url, () => s.token);
}

describe.each(ENGINES)('hostile pushes on %s', (engine) => {
  it("refuses and audits a push for another desk's client id, and the real desk goes on undisturbed", async () => {
    const c = await central(engine);
    const m = c.server.store.dataSource.manager;
    for (const username of ['kari', 'ola'])
      await createUser(m, {
        username,
        displayName: username,
        role: 'agent',
        password: TEST_PASSWORD,
        phone: null,
      });
    const deskA = uuidv7();
    const keyA = deskKey();
    const kari = await signInAsDesk(c, 'kari', deskA, keyA);
    expect(
      verdicts(
        (await kari.sync.push.mutate({ clientId: deskA, mutations: [mutation(1, 'call.log', callArgs())] }))
          .results,
      ),
    ).toEqual(['1 applied']);

    // Ola, signed in without a desk, pushes for desk A with a huge sequence number.
    const ola = await centralUser(c, { username: 'ola.tool', role: 'agent' });
    const forged = await ola.client.sync.push
      .mutate({ clientId: deskA, mutations: [mutation(999_999_999, 'no.such.mutation', {})] })
      .then(() => null, trpcError);
    expect(forged).toMatchObject({ code: 'FORBIDDEN', domain: 'clientNotOwned' });
    // …and from a desk of his own, naming desk A.
    const deskB = uuidv7();
    const olaOnB = await signInAsDesk(c, 'ola', deskB, deskKey());
    const fromB = await olaOnB.sync.push
      .mutate({ clientId: deskA, mutations: [mutation(2, 'call.log', callArgs())] })
      .then(() => null, trpcError);
    expect(fromB).toMatchObject({ code: 'FORBIDDEN', domain: 'clientNotOwned' });
    // Signing in as desk A needs desk A's key; a client id without a key is no desk at all.
    expect(await signInAsDesk(c, 'ola', deskA, deskKey()).then(() => null, trpcError)).toMatchObject({
      code: 'FORBIDDEN',
      domain: 'clientNotOwned',
    });
    const noKey = await createCentralClient(c.url, () => null)
      .auth.login.mutate({ username: 'ola', password: TEST_PASSWORD, clientId: deskA })
      .then(() => null, trpcError);
    expect(noKey).toMatchObject({ code: 'BAD_REQUEST' });
    expect(noKey!.message).toContain('deskKey');

    expect(await lastSeqOf(c, deskA)).toBe(1);
    const audit = await sqlRows(
      c,
      `SELECT user_name, client_id, name, status, reason FROM audit WHERE name = 'sync.push' ORDER BY applied_at`,
    );
    expect(audit).toEqual([
      expect.objectContaining({ user_name: 'ola.tool', client_id: deskA, status: 'rejected' }),
      expect.objectContaining({ user_name: 'ola', client_id: deskA, status: 'rejected' }),
    ]);
    expect(String(audit[0]!.reason)).toMatch(/^clientNotOwned: /);

    // Desk A's next change is applied as if nothing had happened; another user on desk A may push too.
    expect(
      verdicts(
        (await kari.sync.push.mutate({ clientId: deskA, mutations: [mutation(2, 'call.log', callArgs())] }))
          .results,
      ),
    ).toEqual(['2 applied']);
    const olaOnA = await signInAsDesk(c, 'ola', deskA, keyA);
    expect(
      verdicts(
        (await olaOnA.sync.push.mutate({ clientId: deskA, mutations: [mutation(3, 'call.log', callArgs())] }))
          .results,
      ),
    ).toEqual(['3 applied']);
  });

  it('never moves a sequence for a push it refused: the next change after a jump to 999,999,999 is still applied', async () => {
    const c = await central(engine);
    const kari = await centralUser(c, { username: 'kari', role: 'agent' });
    const clientId = uuidv7();
    await kari.client.sync.push.mutate({ clientId, mutations: [mutation(1, 'call.log', callArgs())] });
    const jump = await kari.client.sync.push.mutate({
      clientId,
      mutations: [mutation(999_999_999, 'no.such.mutation', {})],
    });
    expect(jump.results.map((r) => r.status)).toEqual(['versionNotSupported']);
    expect(jump.lastSeq).toBe(1);
    expect(await lastSeqOf(c, clientId)).toBe(1);
    const next = await kari.client.sync.push.mutate({
      clientId,
      mutations: [mutation(2, 'call.log', callArgs())],
    });
    expect(verdicts(next.results)).toEqual(['2 applied']);
  });

  it('refuses a reused mutation id alone, also within one batch and when retried, never with a 500', async () => {
    const c = await central(engine);
    const kari = await centralUser(c, { username: 'kari', role: 'agent' });
    const clientId = uuidv7();
    const id = uuidv7();
    await kari.client.sync.push.mutate({ clientId, mutations: [mutation(1, 'call.log', callArgs(), id)] });
    const again = [mutation(2, 'call.log', callArgs(), id), mutation(3, 'call.log', callArgs())];
    const twice = uuidv7();
    again.push(mutation(4, 'call.log', callArgs(), twice), mutation(5, 'call.log', callArgs(), twice));
    const res = await kari.client.sync.push.mutate({ clientId, mutations: again });
    expect(verdicts(res.results)).toEqual([
      '2 mutationIdReused',
      '3 applied',
      '4 applied',
      '5 mutationIdReused',
    ]);
    // The desk never heard the answer and sends the batch again: the same verdicts, nothing run twice.
    const retry = await kari.client.sync.push.mutate({ clientId, mutations: again });
    expect(retry.results.map((r) => (r.status === 'rejected' ? r.code : r.status))).toEqual([
      'mutationIdReused',
      'applied',
      'applied',
      'mutationIdReused',
    ]);
    expect((await sqlRows(c, 'SELECT COUNT(*) AS n FROM call'))[0]!.n).toEqual(
      engine === 'postgres' ? '3' : 3,
    );
  });

  it('refuses a new row whose id is taken alone, as a conflict, even when the clash is only seen at the next statement', async () => {
    const c = await central(engine);
    const kari = await centralUser(c, { username: 'kari', role: 'agent' });
    const clientId = uuidv7();
    const first = callArgs('91111111');
    await kari.client.sync.push.mutate({ clientId, mutations: [mutation(1, 'call.log', first)] });
    // Seq 3 reuses the call id of seq 1 (already stored); seq 5 reuses the one seq 2 logs in this
    // very push. Inserts are held back and sent together, so the clash surfaces later than the
    // mutation that caused it: each must still be refused alone, and the rest applied.
    const second = callArgs('92222222');
    const res = await kari.client.sync.push.mutate({
      clientId,
      mutations: [
        mutation(2, 'call.log', second),
        mutation(3, 'call.log', { ...callArgs('93333333'), id: first.id }),
        mutation(4, 'call.log', callArgs('94444444')),
        mutation(5, 'call.log', { ...callArgs('95555555'), id: second.id }),
      ],
    });
    expect(verdicts(res.results)).toEqual(['2 applied', '3 conflict', '4 applied', '5 conflict']);
    const numbers = await sqlRows(c, 'SELECT caller_number FROM call ORDER BY caller_number');
    expect(numbers.map((r) => r.caller_number)).toEqual(['+4791111111', '+4792222222', '+4794444444']);
    const audit = await sqlRows(c, `SELECT seq, status FROM audit ORDER BY seq`);
    expect(audit.map((r) => `${r.seq} ${r.status}`)).toEqual([
      '1 applied',
      '2 applied',
      '3 rejected',
      '4 applied',
      '5 rejected',
    ]);
    expect(await lastSeqOf(c, clientId)).toBe(5);
  });

  it('refuses a call for a customer the reference data does not have, as notFound', async () => {
    const c = await central(engine);
    const kari = await centralUser(c, { username: 'kari', role: 'agent' });
    const res = await kari.client.sync.push.mutate({
      clientId: uuidv7(),
      mutations: [mutation(1, 'call.log', { ...callArgs(), customerId: uuidv7() })],
    });
    expect(verdicts(res.results)).toEqual(['1 notFound']);
    expect(await sqlRows(c, 'SELECT id FROM call')).toEqual([]);
  });

  it('refuses arguments nested 10,000 deep alone and keeps the rest of the batch', async () => {
    const c = await central(engine);
    const kari = await centralUser(c, { username: 'kari', role: 'agent' });
    // Written by hand: JSON.stringify itself cannot write a value this deep.
    const deep = `${'{"a":'.repeat(10_000)}{}${'}'.repeat(10_000)}`;
    const envelope = (m: PushedMutation) => JSON.stringify(m);
    const body = `{"clientId":"${uuidv7()}","mutations":[${envelope(mutation(1, 'call.log', null)).replace('"args":null', `"args":${deep}`)},${envelope(mutation(2, 'call.log', callArgs()))}]}`;
    const response = await fetch(`${c.url}/trpc/sync.push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${kari.token}`, 'content-type': 'application/json' },
      body,
    });
    expect(response.status).toBe(200);
    const res = ((await response.json()) as { result: { data: { results: PushResult[] } } }).result.data;
    expect(verdicts(res.results)).toEqual(['1 invalidArguments', '2 applied']);
    expect(res.results[0]).toMatchObject({ reason: 'args: nested deeper than 32 levels' });
  });

  it('keeps refused arguments as a bounded excerpt with the hash of the whole', async () => {
    const c = await central(engine);
    const kari = await centralUser(c, { username: 'kari', role: 'agent' });
    const big = (n: number) => ({ ...callArgs(), callerName: String(n).repeat(1_000_000) });
    const mutations = [1, 2, 3].map((n) => mutation(n, 'call.log', big(n)));
    const res = await kari.client.sync.push.mutate({ clientId: uuidv7(), mutations });
    expect(res.results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    const rows = await sqlRows(c, `SELECT mutation_id, args FROM audit ORDER BY seq`);
    expect(rows).toHaveLength(3);
    for (const [i, row] of rows.entries()) {
      const stored = String(row.args);
      expect(stored.length).toBeLessThan(AUDIT_ARGS_MAX_CHARS + 200);
      const kept = JSON.parse(stored) as { excerpt: string; chars: number; sha256: string };
      const whole = JSON.stringify(mutations[i]!.args);
      expect(kept.chars).toBe(whole.length);
      expect(kept.sha256).toBe(createHash('sha256').update(whole).digest('hex'));
      expect(whole.startsWith(kept.excerpt)).toBe(true);
    }
  });

  it('refuses a ticket in a year the service calendar does not cover alone, applying the call beside it', async () => {
    // A central store configured to accept very old instants: the calendar is the next guard.
    const c = await central(engine, { clientClock: { pastDays: 365 * 100 } });
    const kari = await centralUser(c, { username: 'kari', role: 'agent' });
    const ticket = {
      id: uuidv7(),
      at: '1969-07-20T20:17:00.000Z',
      callId: null,
      provisionalReference: 'P-ABCD-0001',
      reporterName: 'Per Pleier',
      reporterPhone: '91234567',
      reporterEmail: null,
      customerId: referenceRows().customers[0]!.id,
      workplace: 'Molde legevakt',
      description: 'Journalsystemet svarer ikke',
      priority: 'high',
      system: 'Journalsystem',
      category: 'incident',
      channel: 'phone',
      notifyBy: 'none',
    };
    const res = await kari.client.sync.push.mutate({
      clientId: uuidv7(),
      mutations: [mutation(1, 'call.log', callArgs()), mutation(2, 'ticket.create', ticket)],
    });
    expect(verdicts(res.results)).toEqual(['1 applied', '2 invalidArguments']);
    expect(res.results[1]).toMatchObject({ reason: expect.stringContaining('supported years 1970–2200') });
    expect(await sqlRows(c, 'SELECT id FROM ticket')).toEqual([]);
  });
});

describe.each(ENGINES)('snapshot input on %s', (engine) => {
  it('answers an unknown entity, or bad text in its name, with 400 naming it', async () => {
    const c = await central(engine);
    const kari = await centralUser(c, { username: 'kari', role: 'agent' });
    const unknown = await kari.client.sync.snapshot
      .query({ entity: 'user_account', afterId: null, limit: 10 })
      .then(() => null, trpcError);
    expect(unknown).toMatchObject({ code: 'BAD_REQUEST' });
    expect(unknown!.message).toContain('Unknown entity "user_account"');
    const nul = await kari.client.sync.snapshot
      .query({ entity: 'call', afterId: '\0\0\0', limit: 10 })
      .then(() => null, trpcError);
    expect(nul).toMatchObject({ code: 'BAD_REQUEST' });
    expect(nul!.message).toContain('NUL');
    const page = await kari.client.sync.snapshot.query({ entity: 'customer', afterId: null, limit: 1 });
    expect(page.rows).toHaveLength(1);
  });
});
