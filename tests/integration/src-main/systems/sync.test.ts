// The systems register across desks and a real central store (SQLite and
// PostgreSQL): one outage edited on two offline team leads' desks (different
// fields: both kept, both in its history; the same field: the last in the
// central store's order wins, identically everywhere); a notice published on
// one desk and updated offline on two, its updates in time order everywhere
// and its state the latest update's; an agent's desk receiving the notices
// and finding them for a system and a customer (R14); an outage made from a
// ticket, the ticket linked on every desk.
import { describe, expect, it } from 'vitest';
import { ENGINES, type Engine } from '../../../support/central';
import { sqlRows } from '../../../support/cti';
import { useDeskCluster } from '../../../support/deskCluster';
import {
  AUKRA,
  GJEMNES,
  HOUR,
  MINUTE,
  MOLDE,
  fromNow,
  noticeFields,
  outageFields,
  roles,
  saveSystem,
  sync,
  ticketAt,
} from '../../../support/systems';
import { signIn, type RunningDesk } from '../../../support/tempDesk';

const cluster = useDeskCluster();

/** Two team leads' desks (A and B) and an agent's (C), with Gerica and Visma in the register. */
async function desks(engine: Engine) {
  const { central, desks: list } = await cluster(engine, 3);
  const [a, b, c] = list as [RunningDesk, RunningDesk, RunningDesk];
  await signIn(a.client, { name: 'Tone Teamleder', role: 'team_lead' });
  await signIn(b.client, { name: 'Trine Teamleder', role: 'team_lead' });
  await signIn(c.client, { name: 'Arne Agent', role: 'agent' });
  const gerica = await saveSystem(a.client, 'Gerica');
  const visma = await saveSystem(a.client, 'Visma Flyt Skole');
  await a.client.systems.setRoles.mutate(roles(gerica, MOLDE, { owner: 'Sissel Systemeier' }));
  await a.client.systems.setRoles.mutate(roles(visma, MOLDE, { owner: 'Vidar Visma' }));
  await a.client.systems.setRoles.mutate(roles(visma, AUKRA, { owner: 'Anne Aukra' }));
  await sync(a);
  await sync(b);
  await sync(c);
  return { central, a, b, c, all: [a, b, c], gerica, visma };
}

/** Pause so that two desks' instants differ (the desk stamps each mutation with its clock). */
const tick = () => new Promise((r) => setTimeout(r, 5));

describe.each(ENGINES)('the systems register across desks on %s', (engine) => {
  it('an outage edited on two offline desks keeps both edits, on every desk and the central store', async () => {
    const { central, a, b, all, gerica } = await desks(engine);
    const outage = await a.client.systems.recordOutage.mutate({
      outage: outageFields([gerica], { title: 'Gerica nede', startsAt: fromNow(-2 * HOUR) }),
    });
    await sync(a);
    await sync(b);
    expect((await b.client.systems.outage.query({ id: outage.id })).title).toBe('Gerica nede');

    // Offline: A corrects the title, B sets the end and the cause.
    const endsAt = fromNow(-30 * MINUTE);
    await a.client.systems.editOutage.mutate({
      outageId: outage.id,
      patch: { title: 'Gerica: innlogging feiler' },
    });
    await b.client.systems.editOutage.mutate({
      outageId: outage.id,
      patch: { endsAt, cause: 'infrastructure' },
    });
    for (const d of [a, b, a]) await sync(d);
    for (const d of all) await sync(d);

    for (const d of all) {
      const card = await d.client.systems.outage.query({ id: outage.id });
      expect(card).toMatchObject({
        title: 'Gerica: innlogging feiler',
        endsAt,
        cause: 'infrastructure',
        counted: true,
      });
      expect(card.history.map((h) => [h.kind, h.actorName])).toEqual([
        ['outageRecorded', 'Tone Teamleder'],
        ['outageChanged', 'Tone Teamleder'],
        ['outageChanged', 'Trine Teamleder'],
      ]);
      expect(card.history.filter((h) => h.kind === 'outageChanged').map((h) => h.data.changes)).toEqual([
        { title: ['Gerica nede', 'Gerica: innlogging feiler'] },
        { endsAt: [null, endsAt], cause: ['unknown', 'infrastructure'] },
      ]);
      expect(await d.client.sync.rejected.query()).toEqual([]);
    }
    expect(
      await sqlRows(central, `SELECT title, ends_at, cause FROM outage WHERE id = ?`, [outage.id]),
    ).toEqual([{ title: 'Gerica: innlogging feiler', ends_at: endsAt, cause: 'infrastructure' }]);
    expect(
      (
        await sqlRows(central, `SELECT kind, actor_name FROM system_event WHERE subject_id = ? ORDER BY at`, [
          outage.id,
        ])
      ).map((r) => [r.kind, r.actor_name]),
    ).toEqual([
      ['outageRecorded', 'Tone Teamleder'],
      ['outageChanged', 'Tone Teamleder'],
      ['outageChanged', 'Trine Teamleder'],
    ]);
  });

  it('the same field edited on two offline desks: the last in the central store’s order wins everywhere', async () => {
    const { central, a, b, all, gerica } = await desks(engine);
    const outage = await a.client.systems.recordOutage.mutate({ outage: outageFields([gerica]) });
    await sync(a);
    await sync(b);
    // B edits first (by the clock), A after; A reaches the central store first, so B's edit is the last.
    await b.client.systems.editOutage.mutate({ outageId: outage.id, patch: { title: 'Tittel fra B' } });
    await tick();
    await a.client.systems.editOutage.mutate({ outageId: outage.id, patch: { title: 'Tittel fra A' } });
    // Before syncing each desk sees its own.
    expect((await a.client.systems.outage.query({ id: outage.id })).title).toBe('Tittel fra A');
    expect((await b.client.systems.outage.query({ id: outage.id })).title).toBe('Tittel fra B');
    await sync(a);
    await sync(b);
    for (const d of all) await sync(d);
    const seen = await Promise.all(
      all.map(async (d) => {
        const card = await d.client.systems.outage.query({ id: outage.id });
        return { title: card.title, history: card.history.map((h) => [h.actorName, h.data.changes ?? null]) };
      }),
    );
    expect(seen[0]!.title).toBe('Tittel fra B');
    for (const s of seen) expect(s).toEqual(seen[0]);
    // Both edits are in the history, each with what it replaced when it was applied.
    const [row] = await sqlRows(central, `SELECT title FROM outage WHERE id = ?`, [outage.id]);
    expect(row!.title).toBe('Tittel fra B');
    const changes = (
      await sqlRows(
        central,
        `SELECT actor_name, data FROM system_event WHERE subject_id = ? AND kind = 'outageChanged'`,
        [outage.id],
      )
    ).map((r) => [r.actor_name, JSON.parse(r.data as string).changes.title[1]]);
    expect(changes.sort()).toEqual([
      ['Tone Teamleder', 'Tittel fra A'],
      ['Trine Teamleder', 'Tittel fra B'],
    ]);
    for (const d of all) expect(await d.client.sync.rejected.query()).toEqual([]);
  });

  it('a notice published on one desk and updated offline on two shows its updates in time order everywhere', async () => {
    const { central, a, b, c, all, gerica } = await desks(engine);
    // A publishes while offline, and syncs later.
    const notice = await a.client.systems.publishNotice.mutate({
      notice: noticeFields([gerica], { title: 'Gerica er treg', body: 'Innlogging tar lang tid.' }),
    });
    expect(await c.client.systems.noticesFor.query({ systemId: gerica, customerId: MOLDE })).toEqual([]);
    await sync(a);
    await sync(b);
    await sync(c);
    expect(
      (await c.client.systems.noticesFor.query({ systemId: gerica, customerId: MOLDE })).map((n) => n.id),
    ).toEqual([notice.id]);

    // Offline again: A writes an update, then B (later by the clock) says it is resolved. B syncs first.
    await a.client.systems.updateNotice.mutate({
      noticeId: notice.id,
      state: 'ongoing',
      text: 'Leverandøren er varslet.',
    });
    await tick();
    await b.client.systems.updateNotice.mutate({ noticeId: notice.id, state: 'resolved', text: 'Løst.' });
    await sync(b);
    await sync(a);
    for (const d of all) await sync(d);

    for (const d of all) {
      const card = await d.client.systems.notice.query({ id: notice.id });
      expect(card.updates.map((u) => [u.text, u.state, u.createdByName])).toEqual([
        ['Innlogging tar lang tid.', 'ongoing', 'Tone Teamleder'],
        ['Leverandøren er varslet.', 'ongoing', 'Tone Teamleder'],
        ['Løst.', 'resolved', 'Trine Teamleder'],
      ]);
      const times = card.updates.map((u) => u.at);
      expect([...times].sort()).toEqual(times);
      // The notice is what its latest update says: resolved, ended then, and no longer shown (R14).
      expect(card.state).toBe('resolved');
      expect(card.endsAt).toBe(times[2]);
      expect(await d.client.systems.noticesFor.query({ systemId: gerica, customerId: MOLDE })).toEqual([]);
    }
    expect(await sqlRows(central, `SELECT state FROM notice WHERE id = ?`, [notice.id])).toEqual([
      { state: 'resolved' },
    ]);
  });

  it('an agent’s desk receives the notices and finds them for a system and a customer (R14)', async () => {
    const { a, c, gerica, visma } = await desks(engine);
    const publish = (fields: Parameters<typeof noticeFields>[1], systemIds: string[]) =>
      a.client.systems.publishNotice.mutate({ notice: noticeFields(systemIds, fields) });
    const everywhere = await publish({ title: 'Gerica nede overalt' }, [gerica]);
    const aukra = await publish({ title: 'Visma i Aukra', state: 'planned', customerIds: [AUKRA] }, [visma]);
    const molde = await publish({ title: 'Nettverket i Molde', customerIds: [MOLDE] }, []);
    const over = await publish({ title: 'Gammel Gerica-feil' }, [gerica]);
    await a.client.systems.updateNotice.mutate({ noticeId: over.id, state: 'resolved', text: 'Løst.' });
    await sync(a);
    await sync(c);

    const found = async (q: { systemId?: string; customerId?: string }) =>
      (await c.client.systems.noticesFor.query(q)).map((n) => n.title).sort();
    expect(await found({ systemId: gerica, customerId: MOLDE })).toEqual([
      'Gerica nede overalt',
      'Nettverket i Molde',
    ]);
    expect(await found({ systemId: visma, customerId: MOLDE })).toEqual(['Nettverket i Molde']);
    expect(await found({ systemId: visma, customerId: AUKRA })).toEqual(['Visma i Aukra']);
    expect(await found({ systemId: gerica })).toEqual(['Gerica nede overalt']);
    // A customer alone: its own notices, and every-customer notices of the systems it uses.
    expect(await found({ customerId: MOLDE })).toEqual(['Gerica nede overalt', 'Nettverket i Molde']);
    expect(await found({ customerId: AUKRA })).toEqual(['Visma i Aukra']);
    expect(await found({ customerId: GJEMNES })).toEqual([]);
    expect(await found({})).toEqual([]);
    expect(
      (await c.client.systems.notices.query({ includeResolved: false })).map((n) => n.id).sort(),
    ).toEqual([everywhere.id, aukra.id, molde.id].sort());

    // The agent creates the ticket linked to the notice shown, and the team lead sees it.
    const ticket = await ticketAt(c.client, { systemId: gerica, noticeId: everywhere.id });
    await sync(c);
    await sync(a);
    expect((await a.client.tickets.get.query({ id: ticket.id })).ticket.noticeId).toBe(everywhere.id);
  });

  it('an outage made from a ticket links the ticket on every desk', async () => {
    const { central, a, b, c, all, gerica } = await desks(engine);
    const ticket = await ticketAt(c.client, { systemId: gerica });
    await sync(c);
    await sync(a);
    const outage = await a.client.systems.recordOutage.mutate({
      outage: outageFields([gerica], { title: 'Gerica nede (fra sak)', customerIds: [MOLDE] }),
      fromTicketId: ticket.id,
    });
    expect((await a.client.tickets.get.query({ id: ticket.id })).ticket.outageId).toBe(outage.id);
    await sync(a);
    await sync(b);
    await sync(c);
    for (const d of all) {
      const seen = await d.client.tickets.get.query({ id: ticket.id });
      expect(seen.ticket.outageId).toBe(outage.id);
      expect(seen.events.filter((e) => e.kind === 'linked')).toMatchObject([
        { actorName: 'Tone Teamleder', data: { changes: { outageId: [null, outage.id] } } },
      ]);
      const card = await d.client.systems.outage.query({ id: outage.id });
      expect(card.tickets.map((t) => t.id)).toEqual([ticket.id]);
      expect(card.history[0]).toMatchObject({ kind: 'outageRecorded', data: { fromTicketId: ticket.id } });
    }
    expect(await sqlRows(central, `SELECT outage_id FROM ticket WHERE id = ?`, [ticket.id])).toEqual([
      { outage_id: outage.id },
    ]);
    // A ticket that does not exist is refused, and no outage is left behind.
    const before = (await a.client.systems.outages.query()).length;
    await expect(
      a.client.systems.recordOutage.mutate({
        outage: outageFields([gerica]),
        fromTicketId: '01a21bf8-0000-7000-8000-00000000dead',
      }),
    ).rejects.toMatchObject({ data: { domain: { code: 'notFound' } } });
    expect(await a.client.systems.outages.query()).toHaveLength(before);
  });
});
