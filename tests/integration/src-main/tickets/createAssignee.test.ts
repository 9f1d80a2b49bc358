// Issue 18 on the stores: a ticket can be given its responsible person as it is made (the agent
// who makes a ticket of their own call has it unless they choose otherwise), with the history
// saying so; the central store takes the name from its own accounts, and an assignee it refuses
// leaves the ticket unassigned rather than losing the ticket. The desk's system suggestions hold
// systems only: no empty system and no workplace names. SQLite always, PostgreSQL when
// TEST_DATABASE_URL is set (central store).
import { uuidv7 } from 'uuidv7';
import { afterEach, describe, expect, it } from 'vitest';
import { UserAccount } from '../../../../src-main/central/store/entities';
import { referenceRows } from '../../../../src-main/store/referenceData';
import { provisionalReference } from '../../../../src-shared/references';
import type { PushedMutation } from '../../../../src-shared/sync/protocol';
import { centralUser, ENGINES, startTestCentral, type TestCentral } from '../../../support/central';
import { sqlRows } from '../../../support/cti';
import { removeDir, signIn, startDesk, type RunningDesk } from '../../../support/tempDesk';

let centrals: TestCentral[] = [];
let desks: RunningDesk[] = [];
afterEach(async () => {
  for (const d of desks) await d.stop().catch(() => undefined);
  for (const c of centrals) await c.dispose();
  for (const d of desks) removeDir(d.dataDir);
  desks = [];
  centrals = [];
});

const now = () => new Date().toISOString();
const [molde] = referenceRows().customers;
const mutation = (seq: number, args: unknown): PushedMutation => ({
  mutationId: uuidv7(),
  seq,
  name: 'ticket.create',
  schemaVersion: 1,
  args,
  createdAt: now(),
});
const ticketArgs = (id: string, clientId: string, seq: number, extra: Record<string, unknown> = {}) => ({
  id,
  at: now(),
  callId: null,
  provisionalReference: provisionalReference(clientId, seq),
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
const ticketRow = async (c: TestCentral, id: string) =>
  (await sqlRows(c, `SELECT assignee_id, assignee_name FROM ticket WHERE id = ?`, [id]))[0];
const assignedEvents = async (c: TestCentral, id: string) =>
  (
    await sqlRows(c, `SELECT data FROM ticket_event WHERE ticket_id = ? AND kind = 'assigned' ORDER BY id`, [
      id,
    ])
  ).map((r) => JSON.parse(r.data as string) as unknown);

describe.each(ENGINES)('ticket.create with an assignee on the central store (%s)', (engine) => {
  it('stores the account’s name and says so in the history; a refused assignee leaves the ticket unassigned', async () => {
    const c = await startTestCentral(engine);
    centrals.push(c);
    const kari = await centralUser(c, { username: 'kari', role: 'agent', displayName: 'Kari Agent' });
    const gone = await centralUser(c, { username: 'gone', role: 'agent', displayName: 'Gunn Sluttet' });
    await c.server.store.dataSource.manager.update(UserAccount, { id: gone.userId }, { active: 0 });
    const clientId = uuidv7();
    const [mine, theirs, plain] = [uuidv7(), uuidv7(), uuidv7()];
    const res = await kari.client.sync.push.mutate({
      clientId,
      mutations: [
        mutation(1, ticketArgs(mine, clientId, 1, { assigneeId: kari.userId, assigneeName: 'K.' })),
        mutation(
          2,
          ticketArgs(theirs, clientId, 2, { assigneeId: gone.userId, assigneeName: 'Gunn Sluttet' }),
        ),
        mutation(3, ticketArgs(plain, clientId, 3)),
      ],
    });
    expect(res.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
    expect(await ticketRow(c, mine)).toEqual({ assignee_id: kari.userId, assignee_name: 'Kari Agent' });
    expect(await assignedEvents(c, mine)).toEqual([{ changes: { assignee: [null, 'Kari Agent'] } }]);
    // A deactivated colleague: the ticket is kept, with nobody responsible.
    expect(await ticketRow(c, theirs)).toEqual({ assignee_id: null, assignee_name: null });
    expect(await assignedEvents(c, theirs)).toEqual([]);
    expect(await ticketRow(c, plain)).toEqual({ assignee_id: null, assignee_name: null });
    expect(await assignedEvents(c, plain)).toEqual([]);
  });
});

describe('the desk', () => {
  it('creates a ticket with its responsible person at once, and the history says so', async () => {
    const d = await startDesk();
    desks.push(d);
    await signIn(d.client, { name: 'Kari Agent', role: 'agent' });
    const me = (await d.client.account.status.query()).user!;
    const customers = await d.client.calls.customers.query();
    const customer = customers[0]!;
    const { id } = await d.client.tickets.create.mutate({
      reporterName: 'Per Pleier',
      reporterPhone: '912 34 567',
      customerId: customer.id,
      workplace: customer.workplaces[0] ?? 'Rådhuset',
      description: 'Journalsystemet svarer ikke på legekontoret',
      priority: 'high',
      system: 'Journalsystem',
      category: 'incident',
      channel: 'phone',
      notifyBy: 'none',
      assigneeId: me.id,
      assigneeName: 'Kari Agent',
    } as never);
    const found = await d.client.tickets.get.query({ id });
    expect(found.ticket).toMatchObject({ assigneeId: me.id, assigneeName: 'Kari Agent' });
    expect(found.events.filter((e) => e.kind === 'assigned').map((e) => e.data)).toEqual([
      { changes: { assignee: [null, 'Kari Agent'] } },
    ]);
  });

  it('suggests systems only: no empty system and no workplace names', async () => {
    const d = await startDesk();
    desks.push(d);
    await signIn(d.client, { name: 'Kari Agent', role: 'agent' });
    const customers = await d.client.calls.customers.query();
    const customer = customers.find((c) => c.workplaces.length > 0)!;
    const workplace = customer.workplaces[0]!;
    const base = {
      reporterName: 'Per Pleier',
      reporterPhone: '912 34 567',
      customerId: customer.id,
      workplace,
      description: 'Journalsystemet svarer ikke på legekontoret',
      priority: 'medium',
      category: 'incident',
      channel: 'email',
      notifyBy: 'none',
    };
    await d.client.tickets.create.mutate({ ...base, system: 'Journalsystem' } as never);
    // A workplace typed where the system goes, as a hurried agent does: one the register knows, and
    // one only a ticket names.
    await d.client.tickets.create.mutate({ ...base, system: workplace } as never);
    await d.client.tickets.create.mutate({
      ...base,
      system: 'Sentralbordet',
      workplace: 'Sentralbordet',
    } as never);
    // An e-mail ticket has no system yet.
    await d.client.tickets.create.mutate({ ...base, system: 'Blank snart' } as never);
    await d.desk.store.dataSource.manager.query(`UPDATE ticket SET system = '' WHERE system = 'Blank snart'`);
    expect(await d.client.tickets.systems.query()).toEqual(['Journalsystem']);
  });
});
