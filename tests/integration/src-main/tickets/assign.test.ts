// Who a ticket is assigned to is the central store's to say (issue 13, item 6):
// a pushed ticket.assign must name an active account of a role that works
// tickets, and the name stored is the account's own, whatever the desk sent.
// An unknown, deactivated or admin account is refused with `invalidAssignee`
// and nothing of it is stored. SQLite always, PostgreSQL when
// TEST_DATABASE_URL is set.
import { uuidv7 } from 'uuidv7';
import { afterEach, describe, expect, it } from 'vitest';
import { UserAccount } from '../../../../src-main/central/store/entities';
import { referenceRows } from '../../../../src-main/store/referenceData';
import { provisionalReference } from '../../../../src-shared/references';
import type { PushedMutation, PushResult } from '../../../../src-shared/sync/protocol';
import { centralUser, ENGINES, startTestCentral, type TestCentral } from '../../../support/central';
import { sqlRows } from '../../../support/cti';
import { removeDir, startDesk, TEST_PASSWORD, tempDir, type RunningDesk } from '../../../support/tempDesk';

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
const mutation = (seq: number, name: string, args: unknown): PushedMutation => ({
  mutationId: uuidv7(),
  seq,
  name,
  schemaVersion: 1,
  args,
  createdAt: now(),
});
const ticketArgs = (id: string, clientId: string) => ({
  id,
  at: now(),
  callId: null,
  provisionalReference: provisionalReference(clientId, 1),
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
const assign = (ticketId: string, assigneeId: string, assigneeName: string | null) => ({
  ticketId,
  at: now(),
  assigneeId,
  assigneeName,
});

/** The people of the test: who pushes, who may be given tickets, and three who may not. */
async function staff(c: TestCentral) {
  const kari = await centralUser(c, { username: 'kari', role: 'agent', displayName: 'Kari Agent' });
  const tore = await centralUser(c, { username: 'tore', role: 'technician', displayName: 'Tore Tekniker' });
  const gone = await centralUser(c, { username: 'gone', role: 'agent', displayName: 'Gunn Sluttet' });
  await c.server.store.dataSource.manager.update(UserAccount, { id: gone.userId }, { active: 0 });
  const ada = await centralUser(c, { username: 'ada', role: 'admin', displayName: 'Ada Admin' });
  return { kari, tore, gone, ada };
}

const ticketRow = async (c: TestCentral, id: string) =>
  (await sqlRows(c, `SELECT assignee_id, assignee_name FROM ticket WHERE id = ?`, [id]))[0];
const assignedEvents = async (c: TestCentral, id: string) =>
  (
    await sqlRows(c, `SELECT data FROM ticket_event WHERE ticket_id = ? AND kind = 'assigned' ORDER BY id`, [
      id,
    ])
  ).map((r) => JSON.parse(r.data as string) as unknown);

describe.each(ENGINES)('ticket.assign on the central store (%s)', (engine) => {
  it('stores the name the central store knows, not the one the desk sent', async () => {
    const c = await startTestCentral(engine);
    centrals.push(c);
    const { kari, tore } = await staff(c);
    const clientId = uuidv7();
    const t = uuidv7();
    const res = await kari.client.sync.push.mutate({
      clientId,
      mutations: [
        mutation(1, 'ticket.create', ticketArgs(t, clientId)),
        mutation(2, 'ticket.assign', assign(t, tore.userId, 'Sjefen Selv')),
      ],
    });
    expect(res.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    expect(await ticketRow(c, t)).toEqual({ assignee_id: tore.userId, assignee_name: 'Tore Tekniker' });
    // The history says so too (R7), and so does what every desk pulls.
    expect(await assignedEvents(c, t)).toEqual([{ changes: { assignee: [null, 'Tore Tekniker'] } }]);
    const pulled = await kari.client.sync.pull.query({ cursor: 0 });
    if (pulled.kind !== 'changes') throw new Error('expected changes');
    const rows = pulled.changes.filter((ch) => ch.entity === 'ticket').map((ch) => ch.row);
    expect(rows.at(-1)).toMatchObject({ assigneeId: tore.userId, assigneeName: 'Tore Tekniker' });
    expect(JSON.stringify(pulled)).not.toContain('Sjefen Selv');
  });

  it('refuses an unknown account, a deactivated one and one whose role does not work tickets; nothing is stored', async () => {
    const c = await startTestCentral(engine);
    centrals.push(c);
    const { kari, tore, gone, ada } = await staff(c);
    const clientId = uuidv7();
    const t = uuidv7();
    const first = await kari.client.sync.push.mutate({
      clientId,
      mutations: [
        mutation(1, 'ticket.create', ticketArgs(t, clientId)),
        mutation(2, 'ticket.assign', assign(t, tore.userId, 'Tore Tekniker')),
      ],
    });
    const eventsBefore = await assignedEvents(c, t);
    const ticketBefore = await sqlRows(c, `SELECT * FROM ticket WHERE id = ?`, [t]);
    const auditBefore = await sqlRows(c, `SELECT count(*) AS n FROM audit WHERE status = 'applied'`);
    const stranger = uuidv7();

    const res = await kari.client.sync.push.mutate({
      clientId,
      mutations: [
        mutation(3, 'ticket.assign', assign(t, stranger, 'Ukjent Person')),
        mutation(4, 'ticket.assign', assign(t, gone.userId, 'Gunn Sluttet')),
        mutation(5, 'ticket.assign', assign(t, ada.userId, 'Ada Admin')),
      ],
    });
    const refused = res.results.map((r: PushResult) =>
      r.status === 'rejected' ? { code: r.code, reason: r.reason, problem: r.details.problem } : r.status,
    );
    expect(refused).toEqual([
      {
        code: 'invalidAssignee',
        problem: 'unknown',
        reason: `No account with id ${stranger}: a ticket can only be assigned to an account of the central store`,
      },
      {
        code: 'invalidAssignee',
        problem: 'inactive',
        reason:
          'The account of Gunn Sluttet is deactivated: a ticket can only be assigned to an active account',
      },
      {
        code: 'invalidAssignee',
        problem: 'role',
        reason: 'Ada Admin has the role admin, which does not work tickets (agent, technician, team_lead do)',
      },
    ]);
    // Nothing of them is stored: the ticket, its history and the applied changes are as they were.
    expect(await sqlRows(c, `SELECT * FROM ticket WHERE id = ?`, [t])).toEqual(ticketBefore);
    expect(await assignedEvents(c, t)).toEqual(eventsBefore);
    expect(await sqlRows(c, `SELECT count(*) AS n FROM audit WHERE status = 'applied'`)).toEqual(auditBefore);
    expect(res.serverVersion).toBe(first.serverVersion); // no change reached the change log
  });

  it('a desk shows the name it chose at once and the central store’s after syncing', async () => {
    const c = await startTestCentral(engine);
    centrals.push(c);
    const { tore } = await staff(c);
    const d = await startDesk(tempDir(), { centralUrl: c.url });
    desks.push(d);
    await d.client.account.login.mutate({ username: 'kari', password: TEST_PASSWORD });
    const customer = (await d.client.calls.customers.query())[0]!;
    const { id } = await d.client.tickets.create.mutate({
      ...ticketArgs(uuidv7(), d.desk.clientId),
      customerId: customer.id,
      workplace: customer.workplaces[0] ?? 'Rådhuset',
    } as never);
    await d.client.tickets.assign.mutate({
      ticketId: id,
      assigneeId: tore.userId,
      assigneeName: 'Sjefen Selv',
    });
    // Optimistic: the desk has no accounts; it shows what it sent until the central store answers.
    expect((await d.client.tickets.get.query({ id })).ticket.assigneeName).toBe('Sjefen Selv');
    await d.desk.sync!.syncNow();
    expect((await d.client.tickets.get.query({ id })).ticket).toMatchObject({
      assigneeId: tore.userId,
      assigneeName: 'Tore Tekniker',
    });
    expect(await d.client.sync.rejected.query()).toEqual([]);
  });
});
