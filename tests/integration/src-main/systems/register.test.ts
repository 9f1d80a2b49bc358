// The systems register on desks and a real central store (SQLite and
// PostgreSQL): roles per customer and the lacking-owner report (R26); an
// agent refused the register's upkeep but linking tickets to outages and
// notices (R14); duplicate names refused (on the desk and when two offline
// desks meet on the central store); R13's data restore held in "new" until
// the owner's approval is recorded, on the desk and on the central store;
// R23 and R24 refusals; bad input refused with the field named, and nothing
// saved before it lost.
import { uuidv7 } from 'uuidv7';
import { describe, expect, it } from 'vitest';
import type { PushResult } from '../../../../src-shared/sync/protocol';
import { centralUser, ENGINES, pushedMutation, type Engine } from '../../../support/central';
import { sqlRows } from '../../../support/cti';
import { useDeskCluster } from '../../../support/deskCluster';
import {
  AUKRA,
  DAY,
  fromNow,
  GJEMNES,
  HOUR,
  MOLDE,
  noticeFields,
  outageFields,
  roles,
  saveSystem,
  sync,
  systemEntry,
  ticketAt,
} from '../../../support/systems';
import { errorOf, signIn, type RunningDesk } from '../../../support/tempDesk';

const cluster = useDeskCluster();

/** A team lead's desk and an agent's desk on one central store. */
async function desks(engine: Engine) {
  const { central, desks: list } = await cluster(engine, 2);
  const [lead, agent] = list as [RunningDesk, RunningDesk];
  await signIn(lead.client, { name: 'Tone Teamleder', role: 'team_lead' });
  await signIn(agent.client, { name: 'Arne Agent', role: 'agent' });
  return { central, lead, agent };
}

const domainOf = async (p: Promise<unknown>) => (await errorOf(p)).data?.domain;

describe.each(ENGINES)('the systems register on %s', (engine) => {
  it('keeps roles per customer and reports the systems in use without an owner (R26)', async () => {
    const { central, lead, agent } = await desks(engine);
    const gerica = await saveSystem(lead.client, 'Gerica');
    const visma = await saveSystem(lead.client, 'Visma Flyt Skole');
    const citrix = await saveSystem(lead.client, 'Citrix', { remoteAccess: true });
    await lead.client.systems.setRoles.mutate(
      roles(gerica, MOLDE, { owner: 'Sissel Systemeier', responsible: 'Rolf Ansvarlig' }),
    );
    await lead.client.systems.setRoles.mutate(roles(gerica, AUKRA, { responsible: 'Anne Aukra' }));
    await lead.client.systems.setRoles.mutate(roles(citrix, MOLDE, { owner: 'Ivar IKT' }));
    await lead.client.systems.setRoles.mutate(roles(citrix, GJEMNES, { owner: 'Ivar IKT' }));

    const lacking = async (d: RunningDesk) =>
      (await d.client.systems.lackingOwner.query())
        .map((l) => `${l.systemName}@${l.customerId ?? 'nowhere'}`)
        .sort();
    expect(await lacking(lead)).toEqual([`Gerica@${AUKRA}`, 'Visma Flyt Skole@nowhere']);
    expect(await lead.client.systems.rolesAt.query({ systemId: gerica, customerId: MOLDE })).toMatchObject({
      owner: { name: 'Sissel Systemeier', contact: 'sissel@kommune.no' },
      responsible: { name: 'Rolf Ansvarlig' },
      securityOfficer: null,
      updatedByName: 'Tone Teamleder',
    });
    expect(await lead.client.systems.rolesAt.query({ systemId: gerica, customerId: AUKRA })).toMatchObject({
      owner: null,
      responsible: { name: 'Anne Aukra' },
    });
    expect(await lead.client.systems.rolesAt.query({ systemId: gerica, customerId: GJEMNES })).toBeNull();

    // Aukra names its owner; Visma is retired; Citrix is no longer used in Gjemnes.
    await lead.client.systems.setRoles.mutate(
      roles(gerica, AUKRA, { owner: 'Asle Eier', responsible: 'Anne Aukra' }),
    );
    await lead.client.systems.save.mutate({
      system: { ...systemEntry('Visma Flyt Skole'), id: visma, retired: true },
    });
    expect(
      await lead.client.systems.removeCustomer.mutate({ systemId: citrix, customerId: GJEMNES }),
    ).toMatchObject({
      removed: true,
    });
    expect(await lacking(lead)).toEqual([]);
    // A customer not in the reference data is refused.
    expect(
      await domainOf(lead.client.systems.setRoles.mutate(roles(gerica, 'ikke-en-kommune', { owner: 'X' }))),
    ).toMatchObject({ code: 'notFound' });

    // The agent's desk sees the same register (reads are everyone's), and the central store has it.
    await sync(lead);
    await sync(agent);
    expect(await lacking(agent)).toEqual([]);
    const list = await agent.client.systems.list.query();
    expect(list.map((s) => [s.name, s.customers.map((c) => c.customerId).sort()])).toEqual([
      ['Citrix', [MOLDE]],
      ['Gerica', [MOLDE, AUKRA].sort()],
      ['Visma Flyt Skole', []],
    ]);
    expect(await agent.client.systems.rolesAt.query({ systemId: gerica, customerId: AUKRA })).toMatchObject({
      owner: { name: 'Asle Eier' },
    });
    const card = await agent.client.systems.card.query({ id: gerica });
    expect(card.history.map((h) => [h.kind, h.actorName])).toEqual(
      expect.arrayContaining([
        ['created', 'Tone Teamleder'],
        ['rolesChanged', 'Tone Teamleder'],
      ]),
    );
    const rolesEvents = card.history.filter((h) => h.kind === 'rolesChanged');
    expect(rolesEvents).toHaveLength(3); // Molde added, Aukra added, Aukra's owner named
    expect(rolesEvents.find((h) => h.data.changes)?.data).toMatchObject({
      customerId: AUKRA,
      changes: { ownerName: [null, 'Asle Eier'] },
    });
    const rows = await sqlRows(
      central,
      `SELECT customer_id, owner_name FROM system_customer WHERE system_id = ? ORDER BY customer_id`,
      [gerica],
    );
    expect(rows).toEqual(
      [
        { customer_id: MOLDE, owner_name: 'Sissel Systemeier' },
        { customer_id: AUKRA, owner_name: 'Asle Eier' },
      ].sort((a, b) => a.customer_id.localeCompare(b.customer_id)),
    );
    for (const d of [lead, agent]) expect(await d.client.sync.rejected.query()).toEqual([]);
  });

  it('refuses an agent the register’s upkeep, but lets the agent link a ticket to an outage and a notice', async () => {
    const { central, lead, agent } = await desks(engine);
    const gerica = await saveSystem(lead.client, 'Gerica');
    const outage = await lead.client.systems.recordOutage.mutate({ outage: outageFields([gerica]) });
    const notice = await lead.client.systems.publishNotice.mutate({
      notice: noticeFields([gerica]),
      outageId: outage.id,
    });
    await sync(lead);
    await sync(agent);

    const refusals = await Promise.all([
      errorOf(agent.client.systems.save.mutate({ system: systemEntry('Agentens system') })),
      errorOf(agent.client.systems.setRoles.mutate(roles(gerica, MOLDE, { owner: 'Arne Agent' }))),
      errorOf(agent.client.systems.recordOutage.mutate({ outage: outageFields([gerica]) })),
      errorOf(agent.client.systems.editOutage.mutate({ outageId: outage.id, patch: { title: 'Endret' } })),
      errorOf(agent.client.systems.publishNotice.mutate({ notice: noticeFields([gerica]) })),
      errorOf(
        agent.client.systems.updateNotice.mutate({ noticeId: notice.id, state: 'resolved', text: 'Løst' }),
      ),
    ]);
    for (const e of refusals) {
      expect(e.data?.code).toBe('FORBIDDEN');
      expect(e.data?.domain?.code).toBe('forbidden');
    }
    expect((await agent.client.systems.list.query()).map((s) => s.name)).toEqual(['Gerica']);
    expect((await agent.client.systems.outage.query({ id: outage.id })).title).toBe('Gerica svarer ikke');

    // The agent's ticket, linked to the outage and to the notice (one action each).
    const ticket = await ticketAt(agent.client, { systemId: gerica });
    expect(
      await agent.client.systems.linkOutage.mutate({ ticketId: ticket.id, outageId: outage.id }),
    ).toEqual({
      id: ticket.id,
      changed: true,
    });
    expect(
      await agent.client.systems.linkNotice.mutate({ ticketId: ticket.id, noticeId: notice.id }),
    ).toEqual({
      id: ticket.id,
      changed: true,
    });
    // Linking again changes nothing; a ticket created with the notice it was shown is linked at once (R14).
    expect(
      (await agent.client.systems.linkOutage.mutate({ ticketId: ticket.id, outageId: outage.id })).changed,
    ).toBe(false);
    const second = await ticketAt(agent.client, { systemId: gerica, noticeId: notice.id });

    const check = async (d: RunningDesk) => {
      const seen = await d.client.tickets.get.query({ id: ticket.id });
      expect(seen.ticket).toMatchObject({ outageId: outage.id, noticeId: notice.id, systemId: gerica });
      expect(
        seen.events.filter((e) => e.kind === 'linked').map((e) => [e.actorName, e.data.changes]),
      ).toEqual([
        ['Arne Agent', { outageId: [null, outage.id] }],
        ['Arne Agent', { noticeId: [null, notice.id] }],
      ]);
      expect((await d.client.tickets.get.query({ id: second.id })).ticket.noticeId).toBe(notice.id);
      const card = await d.client.systems.outage.query({ id: outage.id });
      expect(card.tickets.map((t) => t.id)).toEqual([ticket.id]);
      expect(card.notices.map((n) => n.id)).toEqual([notice.id]);
    };
    await check(agent);
    await sync(agent);
    await sync(lead);
    await check(lead);
    expect(
      await sqlRows(central, `SELECT outage_id, notice_id FROM ticket WHERE id = ?`, [ticket.id]),
    ).toEqual([{ outage_id: outage.id, notice_id: notice.id }]);
    // Nothing the agent was refused reached the central store.
    expect((await sqlRows(central, `SELECT name FROM business_system`)).map((r) => r.name)).toEqual([
      'Gerica',
    ]);
    for (const d of [lead, agent]) expect(await d.client.sync.rejected.query()).toEqual([]);
  });

  it('refuses a second system of the same name, on the desk and when two offline desks meet', async () => {
    const { central, lead, agent } = await desks(engine);
    await signIn(agent.client, { name: 'Trine Teamleder', role: 'team_lead' });
    const other = agent; // a second team lead's desk
    const gerica = await saveSystem(lead.client, 'Gerica');
    const dup = await domainOf(lead.client.systems.save.mutate({ system: systemEntry('  gerica ') }));
    expect(dup).toMatchObject({ code: 'duplicateSystem', details: { field: 'name', systemId: gerica } });
    // Saving the system itself under its own name again is no clash.
    expect(
      await lead.client.systems.save.mutate({
        system: { ...systemEntry('Gerica'), id: gerica, supplier: 'Visma' },
      }),
    ).toMatchObject({ outcome: 'changed' });

    // Both desks offline register "Visma Flyt Skole"; the second to sync is rejected with the reason.
    await saveSystem(lead.client, 'Visma Flyt Skole');
    await saveSystem(other.client, 'Visma  flyt skole');
    await sync(lead);
    await sync(other);
    const [rejected] = await other.client.sync.rejected.query();
    expect(rejected).toMatchObject({
      name: 'systems.save',
      code: 'duplicateSystem',
      actorName: 'Trine Teamleder',
    });
    expect((await other.client.systems.list.query()).map((s) => s.name)).toEqual([
      'Gerica',
      'Visma Flyt Skole',
    ]);
    expect(
      (await sqlRows(central, `SELECT name FROM business_system ORDER BY name`)).map((r) => r.name),
    ).toEqual(['Gerica', 'Visma Flyt Skole']);
  });

  it('R13: a data restore cannot start before the owner’s approval; the approval is in its history everywhere', async () => {
    const { central, lead, agent } = await desks(engine);
    const gerica = await saveSystem(lead.client, 'Gerica');
    await lead.client.systems.setRoles.mutate(roles(gerica, MOLDE, { owner: 'Sissel Systemeier' }));
    await sync(lead);
    await sync(agent);
    // The owner to ask is on the ticket page.
    expect(
      (await agent.client.systems.rolesAt.query({ systemId: gerica, customerId: MOLDE }))?.owner?.name,
    ).toBe('Sissel Systemeier');

    // A data restore names its system.
    expect(await domainOf(ticketAt(agent.client, { kind: 'dataRestore', systemId: null }))).toMatchObject({
      code: 'restoreNeedsSystem',
      details: { field: 'systemId' },
    });
    const restore = await ticketAt(agent.client, { kind: 'dataRestore', systemId: gerica });
    const notYet = await errorOf(agent.client.tickets.start.mutate({ ticketId: restore.id }));
    expect(notYet.data?.domain).toMatchObject({
      code: 'restoreNotApproved',
      details: { field: 'restoreApproval' },
    });
    expect(notYet.message).toMatch(/owner's approval/);
    expect((await agent.client.tickets.get.query({ id: restore.id })).ticket).toMatchObject({
      status: 'new',
      restoreApproval: null,
    });

    const approvedAt = fromNow(-10 * 60_000);
    await agent.client.tickets.approveRestore.mutate({
      ticketId: restore.id,
      approval: { approvedByName: 'Sissel Systemeier', approvedAt, method: 'phone', note: 'Ringte 10:05' },
    });
    await agent.client.tickets.start.mutate({ ticketId: restore.id });

    // No way round it by editing (R13): a standard ticket under way cannot become a data restore, and
    // a restore moved to another system loses the first owner's approval, so it cannot move under way.
    const plain = await ticketAt(agent.client, { kind: 'standard', systemId: gerica });
    await agent.client.tickets.start.mutate({ ticketId: plain.id });
    expect(
      await domainOf(agent.client.tickets.edit.mutate({ ticketId: plain.id, kind: 'dataRestore' })),
    ).toMatchObject({ code: 'restoreNotApproved', details: { field: 'kind' } });
    const visma = await saveSystem(lead.client, 'Visma Enterprise');
    await sync(lead);
    await sync(agent);
    expect(
      await domainOf(agent.client.tickets.edit.mutate({ ticketId: restore.id, systemId: visma })),
    ).toMatchObject({ code: 'restoreNotApproved' });

    const check = async (d: RunningDesk) => {
      const seen = await d.client.tickets.get.query({ id: restore.id });
      expect(seen.ticket).toMatchObject({
        status: 'in_progress',
        kind: 'dataRestore',
        systemId: gerica,
        restoreApproval: {
          approvedByName: 'Sissel Systemeier',
          approvedAt,
          method: 'phone',
          note: 'Ringte 10:05',
          recordedByName: 'Arne Agent',
        },
      });
      const approved = seen.events.find((e) => e.kind === 'restoreApproved');
      expect(approved).toMatchObject({
        actorName: 'Arne Agent',
        data: {
          approvedByName: 'Sissel Systemeier',
          approvedAt,
          method: 'phone',
          recordedByName: 'Arne Agent',
        },
      });
      // The approval comes before the start in the history.
      const kinds = seen.events.map((e) => e.kind);
      expect(kinds.indexOf('restoreApproved')).toBeLessThan(kinds.lastIndexOf('status'));
    };
    await check(agent);
    await sync(agent);
    await sync(lead);
    await check(lead);
    const [row] = await sqlRows(
      central,
      `SELECT status, kind, system_id, restore_approval FROM ticket WHERE id = ?`,
      [restore.id],
    );
    expect(row).toMatchObject({ status: 'in_progress', kind: 'dataRestore', system_id: gerica });
    expect(JSON.parse(row!.restore_approval as string)).toMatchObject({
      approvedByName: 'Sissel Systemeier',
      method: 'phone',
    });
    const events = await sqlRows(
      central,
      `SELECT kind, actor_name, data FROM ticket_event WHERE ticket_id = ? AND kind = 'restoreApproved'`,
      [restore.id],
    );
    expect(events.map((e) => [e.actor_name, JSON.parse(e.data as string).approvedAt])).toEqual([
      ['Arne Agent', approvedAt],
    ]);
    expect(await agent.client.sync.rejected.query()).toEqual([]);

    // The central store holds the rule too: a start pushed without the approval is rejected.
    const pusher = await centralUser(central, {
      username: 'aud.agent',
      role: 'agent',
      displayName: 'Aud Agent',
    });
    const u = uuidv7();
    const res = await pusher.client.sync.push.mutate({
      clientId: uuidv7(),
      mutations: [
        pushedMutation(1, 'ticket.create', {
          id: u,
          at: new Date().toISOString(),
          callId: null,
          provisionalReference: 'P-AB12-0001',
          reporterName: 'Per Pleier',
          reporterPhone: '91234567',
          reporterEmail: 'per.pleier@molde.kommune.no',
          customerId: MOLDE,
          workplace: (await agent.client.calls.customers.query()).find((c) => c.id === MOLDE)!.workplaces[0]!,
          description: 'Gjenopprett slettet mappe',
          priority: 'medium',
          system: 'Gerica',
          category: 'incident',
          channel: 'phone',
          notifyBy: 'email',
          kind: 'dataRestore',
          systemId: gerica,
        }),
        pushedMutation(2, 'ticket.start', { ticketId: u, at: new Date().toISOString() }),
      ],
    });
    expect((res.results as PushResult[]).map((r) => r.status)).toEqual(['applied', 'rejected']);
    expect(res.results[1]).toMatchObject({ code: 'restoreNotApproved' });
    expect(await sqlRows(central, `SELECT status FROM ticket WHERE id = ?`, [u])).toEqual([
      { status: 'new' },
    ]);
  });

  it('R23: the remote-access solution’s outage is recorded on its own', async () => {
    const { lead } = await desks(engine);
    const gerica = await saveSystem(lead.client, 'Gerica');
    const citrix = await saveSystem(lead.client, 'Citrix', { remoteAccess: true });
    const refused = await errorOf(
      lead.client.systems.recordOutage.mutate({ outage: outageFields([citrix, gerica]) }),
    );
    expect(refused.data?.domain).toMatchObject({ code: 'invalidOutage', details: { field: 'systemIds' } });
    expect(refused.message).toMatch(/Citrix is the remote-access solution.*R23/);
    const alone = await lead.client.systems.recordOutage.mutate({
      outage: outageFields([citrix], { title: 'Citrix nede' }),
    });
    // Nor can an edit bring a system in behind it.
    expect(
      await domainOf(
        lead.client.systems.editOutage.mutate({ outageId: alone.id, patch: { systemIds: [citrix, gerica] } }),
      ),
    ).toMatchObject({ code: 'invalidOutage', details: { field: 'systemIds' } });
    expect((await lead.client.systems.outages.query()).map((o) => o.systemIds)).toEqual([[citrix]]);
  });

  it('R24: planned downtime announced under 3 days ahead needs a reason; with one it is kept', async () => {
    const { lead } = await desks(engine);
    const gerica = await saveSystem(lead.client, 'Gerica');
    const startsAt = fromNow(2 * DAY);
    const planned = (over: Record<string, unknown>) =>
      outageFields([gerica], {
        title: 'Oppgradering av Gerica',
        planned: true,
        cause: 'operations',
        startsAt,
        endsAt: fromNow(2 * DAY + 2 * HOUR),
        ...over,
      });
    expect(
      await domainOf(
        lead.client.systems.recordOutage.mutate({ outage: planned({ announcedAt: fromNow(-HOUR) }) }),
      ),
    ).toMatchObject({ code: 'shortNotice', details: { field: 'shortNoticeReason' } });
    expect(
      await domainOf(lead.client.systems.recordOutage.mutate({ outage: planned({ announcedAt: null }) })),
    ).toMatchObject({ code: 'invalidOutage', details: { field: 'announcedAt' } });
    const kept = await lead.client.systems.recordOutage.mutate({
      outage: planned({ announcedAt: fromNow(-HOUR), shortNoticeReason: 'Kritisk sikkerhetsoppdatering' }),
    });
    expect(await lead.client.systems.outage.query({ id: kept.id })).toMatchObject({
      planned: true,
      shortNoticeReason: 'Kritisk sikkerhetsoppdatering',
    });
    // Announced 4 days ahead: no reason needed.
    await lead.client.systems.recordOutage.mutate({
      outage: planned({
        startsAt: fromNow(4 * DAY),
        endsAt: fromNow(4 * DAY + HOUR),
        announcedAt: fromNow(-HOUR),
      }),
    });

    // A one-off maintenance window likewise.
    const window = (over: Record<string, unknown>) => ({
      kind: 'once' as const,
      startsAt,
      endsAt: fromNow(2 * DAY + 2 * HOUR),
      agreedWithName: 'Sissel Systemeier',
      announcedAt: fromNow(-HOUR),
      shortNoticeReason: null,
      note: null,
      ...over,
    });
    expect(
      await domainOf(lead.client.systems.saveWindow.mutate({ systemId: gerica, window: window({}) })),
    ).toMatchObject({ code: 'shortNotice', details: { field: 'shortNoticeReason' } });
    await lead.client.systems.saveWindow.mutate({
      systemId: gerica,
      window: window({ shortNoticeReason: 'Leverandøren krever det' }),
    });
    expect((await lead.client.systems.windows.query()).map((w) => w.shortNoticeReason)).toEqual([
      'Leverandøren krever det',
    ]);
    expect(await lead.client.systems.outages.query()).toHaveLength(2);
  });

  it('refuses bad input naming the field, and loses nothing saved before it', async () => {
    const { central, lead } = await desks(engine);
    const probe = {
      kind: 'http' as const,
      target: 'https://gerica.molde.kommune.no/health',
      intervalSeconds: 60,
      failuresToOpen: 3,
    };
    const gerica = systemEntry('Gerica', { probe });
    await lead.client.systems.save.mutate({ system: gerica });
    const outage = await lead.client.systems.recordOutage.mutate({ outage: outageFields([gerica.id]) });
    const before = await lead.client.systems.card.query({ id: gerica.id });
    const outageBefore = await lead.client.systems.outage.query({ id: outage.id });

    const fields = async (p: Promise<unknown>) => {
      const e = await errorOf(p);
      expect(e.data?.code).toBe('BAD_REQUEST');
      return e.data?.fieldErrors ?? {};
    };
    // A probe whose target is no URL, and a TCP probe with no port.
    expect(
      await fields(
        lead.client.systems.save.mutate({
          system: { ...gerica, probe: { ...probe, target: 'gerica.molde' } },
        }),
      ),
    ).toMatchObject({ 'system.probe.target': [{ message: 'Not an http:// or https:// URL' }] });
    expect(
      await fields(
        lead.client.systems.save.mutate({
          system: { ...gerica, probe: { ...probe, kind: 'tcp', target: 'gerica.molde' } },
        }),
      ),
    ).toMatchObject({ 'system.probe.target': [{ message: 'Give the TCP target as host:port' }] });
    expect(
      await fields(lead.client.systems.save.mutate({ system: { ...gerica, name: '   ' } })),
    ).toMatchObject({
      'system.name': [{ message: 'The system needs a name' }],
    });
    // An outage with no title, no system, or a start that is not an instant.
    expect(
      Object.keys(
        await fields(
          lead.client.systems.recordOutage.mutate({
            outage: outageFields([], { title: '', startsAt: 'i går kveld' }),
          }),
        ),
      ).sort(),
    ).toEqual(['outage.startsAt', 'outage.systemIds', 'outage.title']);
    // An edit with nothing in it, and a weekly window at 25 o'clock.
    expect(
      await fields(lead.client.systems.editOutage.mutate({ outageId: outage.id, patch: {} })),
    ).toMatchObject({ patch: [{ message: 'Nothing to change' }] });
    expect(
      await fields(
        lead.client.systems.saveWindow.mutate({
          systemId: gerica.id,
          window: {
            kind: 'weekly',
            weekday: 2,
            start: '25:00',
            end: '23:00',
            validFrom: '2026-01-01',
            validUntil: null,
            agreedWithName: 'Sissel Systemeier',
            note: null,
          },
        }),
      ),
    ).toMatchObject({ 'window.start': [{ message: 'A time of day, HH:mm' }] });
    // A notice about nothing.
    expect(
      await fields(lead.client.systems.publishNotice.mutate({ notice: noticeFields([]) })),
    ).toMatchObject({
      'notice.systemIds': [{ message: 'Name the systems or customers the notice is about' }],
    });
    // An outage that ends before it starts is a rule's refusal, naming the field too.
    expect(
      await domainOf(
        lead.client.systems.editOutage.mutate({
          outageId: outage.id,
          patch: { endsAt: new Date(Date.parse(outageBefore.startsAt) - HOUR).toISOString() },
        }),
      ),
    ).toMatchObject({ code: 'invalidOutage', details: { field: 'endsAt' } });
    expect(
      await domainOf(
        lead.client.systems.recordOutage.mutate({
          outage: outageFields([gerica.id], { startsAt: fromNow(-HOUR), endsAt: fromNow(-2 * HOUR) }),
        }),
      ),
    ).toMatchObject({ code: 'invalidOutage', details: { field: 'endsAt' } });

    // Nothing saved was lost or changed, and only the good mutations reach the central store.
    expect(await lead.client.systems.card.query({ id: gerica.id })).toEqual(before);
    expect(await lead.client.systems.outage.query({ id: outage.id })).toEqual(outageBefore);
    expect(await lead.client.systems.outages.query()).toHaveLength(1);
    await sync(lead);
    expect(await lead.client.sync.rejected.query()).toEqual([]);
    const [row] = await sqlRows(central, `SELECT name, probe FROM business_system WHERE id = ?`, [gerica.id]);
    expect(row!.name).toBe('Gerica');
    expect(JSON.parse(row!.probe as string)).toEqual(probe);
    expect(await sqlRows(central, `SELECT id, ends_at FROM outage`)).toEqual([
      { id: outage.id, ends_at: null },
    ]);
    expect(await lead.client.systems.card.query({ id: gerica.id })).toEqual(before);
  });
});
