// The administrators' phone rules on real desks with a real central store:
// blocking and unblocking a number through the desk's router (the same number
// written another way updates its entry), who may do it, bad input refused by
// field, the block list and caller-ID rules reaching a second desk and the
// central store, and what loadPhoneRules reads there for the phone system.
import { describe, expect, it } from 'vitest';
import { loadPhoneRules } from '../../../../src-main/calls/phoneRules';
import { phoneSystemAnswer } from '../../../../src-shared/calls/phoneRules';
import { ENGINES } from '../../../support/central';
import { useDeskCluster } from '../../../support/deskCluster';
import { signIn, type DeskClient, errorOf } from '../../../support/tempDesk';

const cluster = useDeskCluster();
const ADMIN = { name: 'Ada Admin', role: 'admin' } as const;
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

const blockList = async (client: DeskClient) =>
  (await client.calls.phoneRules.query()).blockList.map(({ number, reason, expiresAt, createdByName }) => ({
    number,
    reason,
    expiresAt,
    createdByName,
  }));

describe.each(ENGINES)('phone rules on %s', (engine) => {
  it('an admin blocks and unblocks numbers; every desk and the central store follow', async () => {
    const {
      central,
      desks: [a, b],
    } = await cluster(engine, 2);
    await signIn(a!.client, ADMIN);
    await signIn(b!.client, ADMIN);

    const first = await a!.client.calls.blockNumber.mutate({
      number: '+47 912 34 567',
      reason: 'Ringer gjentatte ganger uten sak',
    });
    expect(first).toMatchObject({ number: '+4791234567', created: true });
    // The same number as the PBX writes it: the entry is updated, not doubled.
    const expiresAt = inDays(7);
    const again = await a!.client.calls.blockNumber.mutate({
      number: '004791234567',
      reason: 'Trakassering av vakthavende',
      expiresAt,
    });
    expect(again).toEqual({ id: first.id, number: '+4791234567', created: false });
    const anonymous = await a!.client.calls.blockNumber.mutate({
      number: 'Anonymous',
      reason: 'Skjult nummer',
    });
    expect(anonymous).toMatchObject({ number: 'anonymous', created: true });

    const expected = [
      { number: 'anonymous', reason: 'Skjult nummer', expiresAt: null, createdByName: 'Ada Admin' },
      { number: '+4791234567', reason: 'Trakassering av vakthavende', expiresAt, createdByName: 'Ada Admin' },
    ];
    expect(await blockList(a!.client)).toEqual(expected);

    await a!.desk.sync!.syncNow();
    await b!.desk.sync!.syncNow();
    expect(await blockList(b!.client)).toEqual(expected);

    // The central store reads them for the phone system, in its own store.
    const m = central.server.store.dataSource.manager;
    const all = await loadPhoneRules(m);
    expect(all.blockList.map((e) => [e.id, e.number])).toEqual([
      [first.id, '+4791234567'],
      [anonymous.id, 'anonymous'],
    ]);
    expect(all.callerIdRules).toEqual([]);
    const forCaller = await loadPhoneRules(m, { direction: 'in', from: '4791234567' });
    expect(forCaller.blockList.map((e) => e.id)).toEqual([first.id]);
    const now = new Date().toISOString();
    const answer = (from: string | undefined, rules: typeof all) =>
      phoneSystemAnswer({ event: 'newCall', direction: 'in', from, to: '4771111166', now, ...rules });
    expect(answer('4791234567', forCaller)).toStrictEqual({ action: 'reject', reason: 'busy' });
    expect(answer(undefined, await loadPhoneRules(m, { direction: 'in' }))).toStrictEqual({
      action: 'reject',
      reason: 'busy',
    });
    expect(
      answer('4791234568', await loadPhoneRules(m, { direction: 'in', from: '4791234568' })),
    ).toStrictEqual({});

    // Unblocked on the other desk: gone everywhere after a sync.
    expect(await b!.client.calls.unblockNumber.mutate({ id: first.id })).toEqual({
      removed: true,
      number: '+4791234567',
    });
    // Already gone: nothing to do, and no refusal.
    expect(await b!.client.calls.unblockNumber.mutate({ id: first.id })).toEqual({ removed: false });
    await b!.desk.sync!.syncNow();
    await a!.desk.sync!.syncNow();
    expect(await blockList(a!.client)).toEqual([expected[0]]);
    expect((await loadPhoneRules(m)).blockList.map((e) => e.number)).toEqual(['anonymous']);
    expect(
      answer('4791234567', await loadPhoneRules(m, { direction: 'in', from: '4791234567' })),
    ).toStrictEqual({});
    const rows: Array<{ name: string; status: string }> = await m.query(
      `SELECT name, status FROM audit ORDER BY name, status`,
    );
    expect(rows.filter((r) => r.name.startsWith('call.'))).toEqual([
      { name: 'call.blockNumber', status: 'applied' },
      { name: 'call.blockNumber', status: 'applied' },
      { name: 'call.blockNumber', status: 'applied' },
      { name: 'call.unblockNumber', status: 'applied' },
      { name: 'call.unblockNumber', status: 'applied' },
    ]);
  });

  it('keeps the caller-ID rules as a shared setting that reaches the central store', async () => {
    const {
      central,
      desks: [a, b],
    } = await cluster(engine, 2);
    await signIn(a!.client, ADMIN);
    await signIn(b!.client, ADMIN);
    const rules = [
      { prefix: '+47', callerId: '4771111100' },
      { prefix: '4791', callerId: '+47 71 11 11 91' },
    ];
    expect(await a!.client.calls.setCallerIdRules.mutate({ rules })).toMatchObject({ count: 2 });
    const stored = [
      { prefix: '+47', callerId: '4771111100' },
      { prefix: '4791', callerId: '+4771111191' },
    ];
    const mine = await a!.client.calls.phoneRules.query();
    expect(mine).toMatchObject({ callerIdRules: stored, rulesUpdatedBy: 'Ada Admin' });
    await a!.desk.sync!.syncNow();
    await b!.desk.sync!.syncNow();
    expect((await b!.client.calls.phoneRules.query()).callerIdRules).toEqual(stored);

    const m = central.server.store.dataSource.manager;
    expect((await loadPhoneRules(m)).callerIdRules).toEqual(stored);
    const out = await loadPhoneRules(m, { direction: 'out', from: '201' });
    expect(out).toEqual({ blockList: [], callerIdRules: stored });
    expect(
      phoneSystemAnswer({
        event: 'newCall',
        direction: 'out',
        from: '201',
        to: '004791234567',
        now: new Date(),
        ...out,
      }),
    ).toStrictEqual({ action: 'dial', caller_id: '+4771111191', number: '004791234567' });

    // Emptied again: no caller ID for anyone.
    await b!.client.calls.setCallerIdRules.mutate({ rules: [] });
    await b!.desk.sync!.syncNow();
    expect((await loadPhoneRules(m)).callerIdRules).toEqual([]);
  });

  it('refuses everyone but the admin, and names the field of bad input', async () => {
    const {
      desks: [a],
    } = await cluster(engine, 1);
    await signIn(a!.client, ADMIN);
    const { id } = await a!.client.calls.blockNumber.mutate({ number: '91234567', reason: 'Test' });

    for (const who of [
      { name: 'Kari Agent', role: 'agent' },
      { name: 'Tore Tekniker', role: 'technician' },
      { name: 'Tone Teamleder', role: 'team_lead' },
    ] as const) {
      await signIn(a!.client, who);
      for (const call of [
        () => a!.client.calls.phoneRules.query(),
        () => a!.client.calls.blockNumber.mutate({ number: '91234568', reason: 'Test' }),
        () => a!.client.calls.unblockNumber.mutate({ id }),
        () => a!.client.calls.setCallerIdRules.mutate({ rules: [] }),
      ]) {
        const err = await errorOf(call());
        expect(err.data?.code, who.role).toBe('FORBIDDEN');
        expect(err.data?.domain?.code).toBe('forbidden');
      }
    }

    await signIn(a!.client, ADMIN);
    const fields = async (p: Promise<unknown>) => {
      const err = await errorOf(p);
      expect(err.data?.code).toBe('BAD_REQUEST');
      return Object.fromEntries(
        Object.entries(err.data?.fieldErrors ?? {}).map(([path, issues]) => [
          path,
          issues[0]!.reason ?? issues[0]!.code,
        ]),
      );
    };
    expect(await fields(a!.client.calls.blockNumber.mutate({ number: 'ring meg', reason: 'Test' }))).toEqual({
      number: 'phone',
    });
    expect(await fields(a!.client.calls.blockNumber.mutate({ number: '', reason: ' ' }))).toEqual({
      number: 'too_small_string',
      reason: 'too_small_string',
    });
    expect(
      await fields(a!.client.calls.blockNumber.mutate({ number: '91234567', reason: 'x'.repeat(201) })),
    ).toEqual({ reason: 'too_big_string' });
    expect(
      await fields(
        a!.client.calls.blockNumber.mutate({ number: '91234567', reason: 'Test', expiresAt: inDays(-1) }),
      ),
    ).toEqual({ expiresAt: 'past' });
    expect(
      await fields(
        a!.client.calls.blockNumber.mutate({ number: '91234567', reason: 'Test', expiresAt: 'i morgen' }),
      ),
    ).toEqual({ expiresAt: 'invalid_format' });
    expect(await fields(a!.client.calls.unblockNumber.mutate({ id: 'not-an-id' }))).toEqual({
      id: 'invalid_format',
    });
    expect(
      await fields(
        a!.client.calls.setCallerIdRules.mutate({
          rules: [
            { prefix: '+47', callerId: '4771111100' },
            { prefix: '47x', callerId: '4771111100' },
            { prefix: '0047', callerId: 'sentralbord' },
          ],
        }),
      ),
    ).toEqual({
      'rules.1.prefix': 'prefix',
      'rules.2.prefix': 'duplicatePrefix',
      'rules.2.callerId': 'callerId',
    });
    // Nothing of it was saved.
    const rules = await a!.client.calls.phoneRules.query();
    expect(rules.blockList.map((e) => [e.number, e.reason, e.expiresAt])).toEqual([
      ['+4791234567', 'Test', null],
    ]);
    expect(rules.callerIdRules).toEqual([]);
  });
});
