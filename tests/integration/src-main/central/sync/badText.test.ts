// Bad bytes at the central store's door (issue 13, item 10): a pushed
// mutation whose text holds NUL, an unpaired surrogate, a control character
// or U+FFFD (what bytes that were not UTF-8 become) is rejected alone as
// invalidArguments naming the field, and nothing of it is stored, on SQLite
// and PostgreSQL (which cannot store NUL at all, and would have turned the
// surrogate into U+FFFD without a word).
import { TRPCClientError } from '@trpc/client';
import { uuidv7 } from 'uuidv7';
import { afterEach, describe, expect, it } from 'vitest';
import type { CentralRouter } from '../../../../../src-main/central/router';
import { referenceRows } from '../../../../../src-main/store/referenceData';
import { createCentralClient } from '../../../../../src-main/sync/centralClient';
import type { PushedMutation, PushResult } from '../../../../../src-shared/sync/protocol';
import { centralUser, ENGINES, startTestCentral, type TestCentral } from '../../../../support/central';
import { sqlRows } from '../../../../support/cti';

let centrals: TestCentral[] = [];
afterEach(async () => {
  for (const c of centrals) await c.dispose();
  centrals = [];
});

const now = () => new Date().toISOString();
const [molde] = referenceRows().customers;
const mutation = (seq: number, name: string, args: unknown): PushedMutation => ({
  mutationId: uuidv7(),
  seq,
  name,
  schemaVersion: 1,
  args,
  createdAt: now(),
});
const callArgs = (extra: Record<string, unknown> = {}) => ({
  id: uuidv7(),
  arrivedAt: now(),
  callerNumber: '91234567',
  ...extra,
});
const ticketArgs = (extra: Record<string, unknown> = {}) => ({
  id: uuidv7(),
  at: now(),
  callId: null,
  provisionalReference: 'P-ABCD-0001',
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
  ...extra,
});

const verdicts = (results: PushResult[]) =>
  results.map((r) => (r.status === 'rejected' ? `${r.code}: ${r.reason}` : r.status));
const count = async (c: TestCentral, table: string) =>
  Number((await sqlRows(c, `SELECT count(*) AS n FROM ${table}`))[0]!.n);

describe.each(ENGINES)('text in pushed mutations on %s', (engine) => {
  it('rejects NUL, unpaired surrogates, control characters and U+FFFD in any text field, naming it; stores nothing of it', async () => {
    const c = await startTestCentral(engine);
    centrals.push(c);
    const kari = await centralUser(c, { username: 'kari', role: 'agent' });
    const tone = await centralUser(c, { username: 'tone', role: 'team_lead' });
    const ada = await centralUser(c, { username: 'ada', role: 'admin' });

    const good = callArgs({ callerName: 'Åse Ødegård 😀', workplace: 'Molde\trådhus' });
    const agent = await kari.client.sync.push.mutate({
      clientId: uuidv7(),
      mutations: [
        mutation(1, 'call.log', callArgs({ callerName: 'Ola\u0000Nordmann' })),
        mutation(2, 'call.log', callArgs({ workplace: 'Molde \uD800rådhus' })),
        mutation(3, 'call.log', callArgs({ callerNumber: '\u0000\u0000\u0000' })),
        mutation(4, 'call.log', good),
        mutation(5, 'ticket.create', ticketArgs({ description: 'Journalsystemet \u0000svarer ikke' })),
        mutation(6, 'ticket.create', ticketArgs({ reporterName: 'Per \uDC00Pleier' })),
        mutation(7, 'ticket.create', ticketArgs({ title: 'Skriver \u001B[31m' })),
        mutation(8, 'ticket.create', ticketArgs({ system: 'Journal\uFFFDsystem' })),
      ],
    });
    expect(verdicts(agent.results)).toEqual([
      'invalidArguments: callerName: contains a NUL character',
      'invalidArguments: workplace: contains an unpaired surrogate (invalid UTF-16)',
      'invalidArguments: callerNumber: contains a NUL character',
      'applied',
      'invalidArguments: description: contains a NUL character',
      'invalidArguments: reporterName: contains an unpaired surrogate (invalid UTF-16)',
      'invalidArguments: title: contains the control character U+001B',
      'invalidArguments: system: contains U+FFFD, the replacement character: the text was not valid UTF-8',
    ]);

    const lead = await tone.client.sync.push.mutate({
      clientId: uuidv7(),
      mutations: [
        mutation(1, 'reporter.import', {
          at: now(),
          reporters: [
            {
              id: uuidv7(),
              name: 'Per\u0000Pleier',
              customerId: molde!.id,
              workplace: 'Molde legevakt',
              email: null,
              phones: ['91234567'],
            },
          ],
        }),
      ],
    });
    expect(verdicts(lead.results)).toEqual(['invalidArguments: reporters.0.name: contains a NUL character']);

    const admin = await ada.client.sync.push.mutate({
      clientId: uuidv7(),
      mutations: [
        mutation(1, 'call.blockNumber', {
          id: uuidv7(),
          number: '91234567',
          reason: 'Trakassering \uD83D',
          expiresAt: null,
          at: now(),
        }),
      ],
    });
    expect(verdicts(admin.results)).toEqual([
      'invalidArguments: reason: contains an unpaired surrogate (invalid UTF-16)',
    ]);

    // Only the good call is stored, as it was sent; nothing else reached a table or the change log.
    const calls = await sqlRows(c, `SELECT id, caller_name, workplace FROM call`);
    expect(calls).toEqual([{ id: good.id, caller_name: 'Åse Ødegård 😀', workplace: 'Molde\trådhus' }]);
    expect(await count(c, 'ticket')).toBe(0);
    expect(await count(c, 'reporter')).toBe(0);
    expect(await count(c, 'blocked_number')).toBe(0);
    const logged = (await sqlRows(c, `SELECT DISTINCT entity FROM change_log`)).map((r) => String(r.entity));
    expect(logged.filter((e) => !e.startsWith('call'))).toEqual([]);
    // Every refusal is in the audit, with its reason.
    const audit = await sqlRows(c, `SELECT status, reason FROM audit WHERE status = 'rejected'`);
    expect(audit).toHaveLength(9);
    expect(audit.every((a) => String(a.reason).startsWith('invalidArguments: '))).toBe(true);
  });

  it('answers NUL in a sign-in name or an audit filter with a typed 400 naming the field, not a database error', async () => {
    const c = await startTestCentral(engine);
    centrals.push(c);
    const ada = await centralUser(c, { username: 'ada', role: 'admin' });
    const dataOf = async (p: Promise<unknown>) => {
      try {
        await p;
      } catch (e) {
        if (e instanceof TRPCClientError) return (e as TRPCClientError<CentralRouter>).data!;
        throw e;
      }
      throw new Error('expected the call to fail');
    };
    const anon = createCentralClient(c.url, () => null);
    const login = await dataOf(anon.auth.login.mutate({ username: 'ada\u0000', password: 'x' }));
    expect(login.code).toBe('BAD_REQUEST');
    expect(login.fieldErrors?.username?.[0]?.message).toBe('contains a NUL character');
    for (const filter of [{ name: '\0\0\0' }, { clientId: 'x\uD800' }, { userId: '\u0000' }]) {
      const data = await dataOf(ada.client.admin.audit.query(filter));
      expect(data.code, JSON.stringify(filter)).toBe('BAD_REQUEST');
      expect(Object.keys(data.fieldErrors ?? {})).toEqual(Object.keys(filter));
    }
  });
});
