// Schema versions of mutation arguments: the central store upgrades arguments
// of the last accepted versions, and answers versionNotSupported to newer or
// too old ones (the desk then keeps its outbox).
import { afterEach, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { defineMutation, type Mutation } from '../../../../../src-main/mutations/define';
import { pushMutations, SCHEMA_VERSIONS_ACCEPTED } from '../../../../../src-main/central/sync/push';
import { Call } from '../../../../../src-main/store/entities';
import { callLog } from '../../../../../src-main/calls/mutations';
import { startTestCentral, type TestCentral } from '../../../../support/central';

let central: TestCentral | null = null;
afterEach(async () => {
  await central?.dispose();
  central = null;
});

/** call.log at schema version 3, whose v2 called the number "phone" and v1 had no workplace. */
const callLogV3: Mutation = defineMutation({
  ...callLog,
  schemaVersion: 3,
  upgrade(args, from) {
    const a = { ...(args as Record<string, unknown>) };
    if (from <= 2 && 'phone' in a) {
      a.callerNumber = a.phone;
      delete a.phone;
    }
    return a;
  },
}) as Mutation;

describe('schema versions on push', () => {
  it('upgrades accepted older arguments and refuses newer and too old ones', async () => {
    central = await startTestCentral('sqlite');
    const registry = new Map([['call.log', callLogV3]]);
    const actor = { userId: uuidv7(), name: 'Kari Agent', role: 'agent' as const };
    const clientId = uuidv7();
    // Near the central store's clock, as a desk's instants must be (issue 13, item 2).
    const arrived = new Date(Date.now() - 3_600_000).toISOString();
    const mutation = (seq: number, schemaVersion: number, args: Record<string, unknown>) => ({
      mutationId: uuidv7(),
      seq,
      name: 'call.log',
      schemaVersion,
      args: { id: uuidv7(), arrivedAt: arrived, ...args },
      createdAt: arrived,
    });
    expect(SCHEMA_VERSIONS_ACCEPTED).toBe(2);
    const res = await pushMutations(
      central.server.store,
      actor,
      {
        clientId,
        mutations: [
          mutation(1, 3, { callerNumber: '91111111' }),
          mutation(2, 2, { phone: '92222222' }),
          mutation(3, 4, { callerNumber: '93333333' }),
          mutation(4, 3, { callerNumber: '94444444' }),
        ],
      },
      () => undefined,
      { session: { clientId }, registry },
    );
    expect(res.results.map((r) => r.status)).toEqual(['applied', 'applied', 'versionNotSupported']);
    expect(res.lastSeq).toBe(2);
    const numbers = (await central.server.store.dataSource.manager.find(Call))
      .map((c) => c.callerNumber)
      .sort();
    expect(numbers).toEqual(['+4791111111', '+4792222222']);

    const old = await pushMutations(
      central.server.store,
      actor,
      { clientId, mutations: [mutation(3, 1, { phone: '95555555' })] },
      () => undefined,
      { session: { clientId }, registry },
    );
    expect(old.results[0]).toMatchObject({ status: 'versionNotSupported' });
    expect(old.lastSeq).toBe(2);
  });
});
