// Tickets across desks and a central store on loopback (real HTTP, real
// SQLite files, PostgreSQL when TEST_DATABASE_URL is set): references (R6),
// offline creation, two desks editing one ticket, the life cycle through the
// desk's router, and bad input that names the field.
import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { Ticket, TicketEvent } from '../../../../src-main/store/entities';
import { ticketTemporarySolution } from '../../../../src-main/tickets/mutations';
import { isCanonicalReference } from '../../../../src-shared/references';
import { ENGINES, type TestCentral } from '../../../support/central';
import { useDeskCluster } from '../../../support/deskCluster';
import { signIn, type RunningDesk, errorOf } from '../../../support/tempDesk';

const setup = useDeskCluster();

const sync = (d: RunningDesk) => d.desk.sync!.syncNow();

async function newTicket(d: RunningDesk, overrides: Record<string, unknown> = {}) {
  const customers = await d.client.calls.customers.query();
  const customer = customers[0]!;
  return d.client.tickets.create.mutate({
    reporterName: 'Per Pleier',
    reporterPhone: '912 34 567',
    reporterEmail: 'per.pleier@roros.kommune.no',
    customerId: customer.id,
    workplace: customer.workplaces[0] ?? 'Rådhuset',
    description: 'Journalsystemet svarer ikke på legekontoret',
    priority: 'high',
    system: 'Journalsystem',
    category: 'incident',
    channel: 'email',
    notifyBy: 'email',
    ...overrides,
  } as never);
}

/** The ticket's row and timeline as stored on each desk and on the central store. */
async function everywhere(central: TestCentral, list: RunningDesk[], id: string) {
  const managers = [
    central.server.store.dataSource.manager,
    ...list.map((d) => d.desk.store.dataSource.manager),
  ];
  return Promise.all(
    managers.map(async (m) => ({
      ticket: await m.findOneBy(Ticket, { id }),
      events: await m.find(TicketEvent, { where: { ticketId: id }, order: { id: 'ASC' } }),
    })),
  );
}

describe.each(ENGINES)('tickets on %s', (engine) => {
  it('gives an offline ticket its canonical reference on sync and keeps the provisional one searchable', async () => {
    const {
      desks: [a, b],
    } = await setup(engine, 2);
    await signIn(a!.client, { name: 'Kari Agent', role: 'agent' });
    await signIn(b!.client, { name: 'Ola Agent', role: 'agent' });
    // Not synced yet: as far as the central store knows, desk A is offline.
    const created = await newTicket(a!);
    expect(created.reference).toBeNull();
    expect(created.provisionalReference).toMatch(/^P-[0-9A-Z]{4}-0001$/);
    await sync(a!);
    const ticket = (await a!.client.tickets.get.query({ id: created.id })).ticket;
    expect(isCanonicalReference(ticket.reference!)).toBe(true);
    expect(ticket.provisionalReference).toBe(created.provisionalReference);
    await sync(b!);
    for (const term of [ticket.reference!, created.provisionalReference, '91234567', 'Pleier']) {
      const found = await b!.client.tickets.list.query({ scope: 'all', search: term });
      expect(
        found.items.map((t) => t.id),
        term,
      ).toEqual([created.id]);
    }
  });

  it('two desks editing one ticket converge: every note kept, fields last-writer-wins in server order', async () => {
    const { central, desks: list } = await setup(engine, 2);
    const [a, b] = list as [RunningDesk, RunningDesk];
    await signIn(a.client, { name: 'Kari Agent', role: 'agent' });
    await signIn(b.client, { name: 'Ola Agent', role: 'agent' });
    const { id } = await newTicket(a);
    const before = (await a.client.tickets.get.query({ id })).ticket;
    await sync(a);
    await sync(b);
    // Both edit while apart (neither has synced the other's change).
    await a.client.tickets.edit.mutate({ ticketId: id, system: 'Visma', priority: 'critical' });
    await a.client.tickets.note.mutate({ ticketId: id, visibility: 'internal', text: 'Notat fra Kari' });
    await b.client.tickets.edit.mutate({ ticketId: id, system: 'Citrix', workplace: 'Legekontoret' });
    await b.client.tickets.note.mutate({ ticketId: id, visibility: 'internal', text: 'Notat fra Ola' });
    await b.client.tickets.start.mutate({ ticketId: id });
    // A reaches the server first, then B: B's system wins; each desk's other fields stay.
    await sync(a);
    await sync(b);
    await sync(a);
    const [onCentral, onA, onB] = await everywhere(central, [a, b], id);
    expect(onCentral!.ticket).toMatchObject({
      system: 'Citrix',
      priority: 'critical',
      workplace: 'Legekontoret',
      status: 'in_progress',
      updatedByName: 'Ola Agent',
    });
    expect(onA).toEqual(onCentral);
    expect(onB).toEqual(onCentral);
    const notes = onCentral!.events.filter((e) => e.kind === 'note').map((e) => JSON.parse(e.data).text);
    expect(notes.sort()).toEqual(['Notat fra Kari', 'Notat fra Ola']);
    // The history says who changed what (R7, R27).
    const changes = onCentral!.events
      .filter((e) => e.kind === 'changed')
      .map((e) => [e.actorName, Object.keys(JSON.parse(e.data).changes).sort()]);
    expect(changes).toEqual(
      expect.arrayContaining([
        ['Kari Agent', ['priority', 'system']],
        ['Ola Agent', ['system', 'workplace']],
      ]),
    );
    // The priority change recomputed the deadlines (critical: 15 min instead of an hour to respond).
    expect(onCentral!.ticket!.responseDueAt < before.responseDueAt).toBe(true);
    for (const d of [a, b]) expect((await d.client.sync.rejected.query()).length).toBe(0);
  });

  it('a note made on desk B to a ticket desk A closed meanwhile is kept, and B then shows it closed', async () => {
    const { central, desks: list } = await setup(engine, 2);
    const [a, b] = list as [RunningDesk, RunningDesk];
    await signIn(a.client, { name: 'Kari Agent', role: 'agent' });
    await signIn(b.client, { name: 'Ola Agent', role: 'agent' });
    const { id } = await newTicket(a);
    await sync(a);
    await sync(b);
    await a.client.tickets.resolve.mutate({ ticketId: id, resolution: 'Startet tjenesten på nytt' });
    await a.client.tickets.close.mutate({ ticketId: id });
    await sync(a);
    const note = await b.client.tickets.note.mutate({
      ticketId: id,
      visibility: 'internal',
      text: 'Brukeren ringte igjen, alt virker',
    });
    expect((await b.client.tickets.get.query({ id })).ticket.status).toBe('new'); // B has not heard yet
    await sync(b);
    await sync(a);
    expect(await b.client.sync.rejected.query()).toEqual([]);
    for (const d of [a, b]) {
      const detail = await d.client.tickets.get.query({ id });
      expect(detail.ticket.status).toBe('closed');
      expect(detail.events.find((e) => e.id === note.id)).toMatchObject({
        kind: 'note',
        actorName: 'Ola Agent',
        data: { text: 'Brukeren ringte igjen, alt virker' },
      });
    }
    const [onCentral, onA, onB] = await everywhere(central, [a, b], id);
    expect(onA).toEqual(onCentral);
    expect(onB).toEqual(onCentral);
  });

  it('an offline edit of a ticket closed meanwhile is rejected and listed as needing attention; nothing else is lost', async () => {
    const { central, desks: list } = await setup(engine, 2);
    const [a, b] = list as [RunningDesk, RunningDesk];
    await signIn(a.client, { name: 'Kari Agent', role: 'agent' });
    await signIn(b.client, { name: 'Ola Agent', role: 'agent' });
    const { id } = await newTicket(a);
    await sync(a);
    await sync(b);
    await a.client.tickets.resolve.mutate({ ticketId: id, resolution: 'Byttet passord' });
    await a.client.tickets.close.mutate({ ticketId: id });
    await sync(a);
    // B, not yet aware: edits the ticket, then notes on it, logs a call and makes another ticket.
    await b.client.tickets.edit.mutate({
      ticketId: id,
      system: 'Visma',
      description: 'Visma-feil, ikke journal',
    });
    const note = await b.client.tickets.note.mutate({
      ticketId: id,
      visibility: 'internal',
      text: 'Sjekket',
    });
    const call = await b.client.calls.log.mutate({ callerNumber: '41234567', callerName: 'Siri Sykepleier' });
    const other = await newTicket(b, { reporterName: 'Siri Sykepleier', reporterPhone: '41234567' });
    await sync(b);

    const rejected = await b.client.sync.rejected.query();
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toMatchObject({
      name: 'ticket.edit',
      code: 'invalidTransition',
      reason: 'The ticket is closed; editing it is no longer possible',
      actorName: 'Ola Agent',
      args: { ticketId: id, system: 'Visma' },
    });
    expect((await b.client.sync.status.query())!).toMatchObject({ pending: 0, rejected: 1 });
    // The edit is undone on B; the note, the call and the other ticket are kept everywhere.
    const detail = await b.client.tickets.get.query({ id });
    expect(detail.ticket).toMatchObject({ status: 'closed', system: 'Journalsystem' });
    expect(detail.events.some((e) => e.id === note.id)).toBe(true);
    expect(detail.events.filter((e) => e.kind === 'changed')).toEqual([]);
    expect((await b.client.calls.get.query({ id: call.id })).call).toMatchObject({
      callerName: 'Siri Sykepleier',
    });
    expect(isCanonicalReference((await b.client.tickets.get.query({ id: other.id })).ticket.reference!)).toBe(
      true,
    );
    await sync(a);
    const [onCentral, onA, onB] = await everywhere(central, [a, b], id);
    expect(onCentral!.ticket!.system).toBe('Journalsystem');
    expect(onA).toEqual(onCentral);
    expect(onB).toEqual(onCentral);
    const audit: Array<{ name: string; status: string }> =
      await central.server.store.dataSource.manager.query(
        `SELECT name, status FROM audit WHERE user_name = 'Ola Agent' AND name <> 'call.log' ORDER BY applied_at, name`,
      );
    expect(audit.map((r) => `${r.name}:${r.status}`).sort()).toEqual(
      ['ticket.create:applied', 'ticket.edit:rejected', 'ticket.note:applied'].sort(),
    );
    // Dismissed, it leaves the needs-attention list.
    await b.client.sync.dismissRejected.mutate({ mutationId: rejected[0]!.mutationId });
    expect(await b.client.sync.rejected.query()).toEqual([]);
  });

  it('a ticket from a call: the call must be answered first, one ticket per call, response met at creation (R8)', async () => {
    const { central, desks: list } = await setup(engine, 2);
    const [a, b] = list as [RunningDesk, RunningDesk];
    await signIn(a.client, { name: 'Kari Agent', role: 'agent' });
    await signIn(b.client, { name: 'Ola Agent', role: 'agent' });
    const call = await a.client.calls.log.mutate({ callerNumber: '912 34 567', callerName: 'Per Pleier' });
    const notTaken = await errorOf(newTicket(a, { callId: call.id, channel: 'phone' }));
    expect(notTaken.data!.domain?.code).toBe('callNotTaken');
    expect(await a.client.tickets.list.query({ scope: 'all' })).toMatchObject({ items: [] });

    await a.client.calls.take.mutate({ callId: call.id });
    await sync(a);
    await sync(b); // B knows the call is taken, but not (yet) of any ticket for it
    const created = await newTicket(a, { callId: call.id, channel: 'phone' });
    const t = (await a.client.tickets.get.query({ id: created.id })).ticket;
    // The answered call is the first response: met at creation, by phone.
    expect(t).toMatchObject({ callId: call.id, respondedAt: t.createdAt, responseChannel: 'phone' });
    expect(t.breachAt).toBe(t.resolutionDueAt);
    const { events } = await a.client.tickets.get.query({ id: created.id });
    expect(events.map((e) => [e.kind, e.data.viaCall ?? null])).toEqual([
      ['created', null],
      ['responded', true],
    ]);
    expect(await a.client.tickets.forCall.query({ callId: call.id })).toMatchObject({ id: created.id });

    // A second ticket for the same call is refused on the desk that knows of the first...
    const second = await errorOf(newTicket(a, { callId: call.id, channel: 'phone' }));
    expect(second.data!.domain).toMatchObject({ code: 'callHasTicket', details: { ticketId: created.id } });
    // ...and by the central store when another desk made one before it heard.
    const onB = await newTicket(b, { callId: call.id, channel: 'phone', reporterName: 'Per P.' });
    await sync(a);
    await sync(b);
    const [r] = await b.client.sync.rejected.query();
    expect(r).toMatchObject({
      name: 'ticket.create',
      code: 'callHasTicket',
      details: { ticketId: created.id },
    });
    expect((await b.client.tickets.list.query({ scope: 'all' })).items.map((x) => x.id)).toEqual([
      created.id,
    ]);
    expect(await b.client.tickets.forCall.query({ callId: call.id })).toMatchObject({ id: created.id });
    const m = central.server.store.dataSource.manager;
    expect(await m.findOneBy(Ticket, { id: onB.id })).toBeNull();
    expect(await m.count(Ticket)).toBe(1);
  });

  it('canonical references are gap-free per year and unique across desks, whatever is refused', async () => {
    const { central, desks: list } = await setup(engine, 2);
    const [a, b] = list as [RunningDesk, RunningDesk];
    await signIn(a.client, { name: 'Kari Agent', role: 'agent' });
    await signIn(b.client, { name: 'Ola Agent', role: 'agent' });
    // A call both desks make a ticket of offline: one of the two creations is refused by the server.
    const call = await a.client.calls.log.mutate({ callerNumber: '90000001' });
    await a.client.calls.take.mutate({ callId: call.id });
    await sync(a);
    await sync(b);
    const made: string[] = [];
    for (let round = 0; round < 3; round++) {
      for (const d of [a, b]) {
        made.push((await newTicket(d, { reporterName: `Reporter ${round}` })).id);
        made.push((await newTicket(d, { reporterName: `Reporter ${round}b`, priority: 'low' })).id);
      }
      if (round === 1) {
        // B syncs first this round: its ticket for the call gets there first, A's is refused.
        await newTicket(a, { callId: call.id, channel: 'phone' });
        made.push((await newTicket(b, { callId: call.id, channel: 'phone' })).id);
      }
      await sync(round % 2 ? b : a);
      await sync(round % 2 ? a : b);
    }
    await sync(a);
    await sync(b);
    expect(await a.client.sync.rejected.query()).toMatchObject([
      { name: 'ticket.create', code: 'callHasTicket' },
    ]);
    expect(await b.client.sync.rejected.query()).toEqual([]);
    const m = central.server.store.dataSource.manager;
    const rows = await m.find(Ticket);
    expect(rows.map((r) => r.id).sort()).toEqual([...made].sort());
    const year = DateTime.fromISO(rows[0]!.createdAt, { zone: 'Europe/Oslo' }).year;
    const refs = rows.map((r) => r.reference!).sort();
    expect(refs).toEqual(made.map((_, i) => `RI-${year}-${String(i + 1).padStart(6, '0')}`));
    // Every desk shows the same reference for the same ticket, and can find it by it.
    for (const d of [a, b]) {
      const all = await d.client.tickets.list.query({ scope: 'all', limit: 500 });
      expect(new Map(all.items.map((t) => [t.id, t.reference]))).toEqual(
        new Map(rows.map((r) => [r.id, r.reference])),
      );
    }
    const found = await b.client.tickets.list.query({ scope: 'all', search: refs[3]! });
    expect(found.items.map((t) => t.reference)).toEqual([refs[3]]);
  });

  it("a step stamped by a desk whose clock is behind is applied after the other desk's pause, never overlapping it", async () => {
    const { central, desks: list } = await setup(engine, 2);
    const [a, b] = list as [RunningDesk, RunningDesk];
    await signIn(a.client, { name: 'Kari Agent', role: 'agent' });
    await signIn(b.client, { name: 'Ola Agent', role: 'agent' });
    const { id } = await newTicket(a);
    await sync(a);
    await sync(b);
    await a.client.tickets.agreedPlan.mutate({
      ticketId: id,
      agreedWith: 'reporter',
      agreedWithName: 'Per Pleier',
      plan: 'Venter på leverandøren',
    });
    await a.client.tickets.resume.mutate({ ticketId: id, reason: 'Leverandøren har svart' });
    await sync(a);
    // B's clock is behind: its temporary solution is stamped before A's plan even began.
    const createdAt = (await b.client.tickets.get.query({ id })).ticket.createdAt;
    const actor = (await b.desk.profile())!;
    await b.desk.mutations.run(
      ticketTemporarySolution,
      { ticketId: id, at: createdAt, description: 'Bruker reserveløsning' },
      actor,
    );
    await sync(b);
    await sync(a);
    expect(await b.client.sync.rejected.query()).toEqual([]);
    expect((await b.client.sync.status.query())!.pending).toBe(0);
    const [onCentral, onA, onB] = await everywhere(central, [a, b], id);
    const pauses = JSON.parse(onCentral!.ticket!.pauses) as Array<{
      kind: string;
      start: string;
      end: string | null;
    }>;
    expect(pauses.map((p) => p.kind)).toEqual(['agreed_plan', 'temporary_solution']);
    expect(pauses[1]!.start).toBe(pauses[0]!.end);
    expect(onCentral!.ticket).toMatchObject({ status: 'temporary_solution', resolutionDueAt: null });
    expect(onA).toEqual(onCentral);
    expect(onB).toEqual(onCentral);
  });
});
