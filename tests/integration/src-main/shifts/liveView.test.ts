// The live view's figures, recomputed independently. A real desk store (SQLite
// file) is seeded with a random but reproducible day of calls, tickets, roster
// duties and presence; shifts' liveView reads it; then every figure is worked
// out again here with plain loops over the raw rows (the Oslo day found with
// Intl, not luxon; percentiles by sorting and indexing; groups by counting),
// with only the SLA clock itself taken from src-shared, and the two compared.
// Three days: an ordinary Wednesday, and the two days the clocks change.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { daySummary, daySummaryCsv } from '../../../../src-main/shifts/daySummary';
import { openDesk } from '../../../../src-main/desk/openDesk';
import { liveView } from '../../../../src-main/shifts/liveView';
import { listTickets } from '../../../../src-main/tickets/queries';
import {
  Call,
  Presence,
  RosterEntry,
  Ticket,
  type CallRow,
  type TicketRow,
} from '../../../../src-main/store/entities';
import { openLocalStore, type LocalStore } from '../../../../src-main/store/openLocalStore';
import { createServiceCalendar, DEFAULT_SLA_SETTINGS, PRIORITIES } from '../../../../src-shared/sla';
import {
  clockFacts,
  storedDeadlines,
  ticketClocks,
  type TicketPause,
} from '../../../../src-shared/tickets/lifecycle';
import { CLOCK_FILTERS } from '../../../../src-shared/tickets/schemas';
import { removeDir, tempDir } from '../../../support/tempDesk';

const settings = DEFAULT_SLA_SETTINGS;
const calendar = createServiceCalendar(settings);
const ANSWER_WITHIN_S = 60; // the default shift setting
const STAFF = [
  { id: 'u-kari', displayName: 'Kari Nordvik', role: 'agent' as const },
  { id: 'u-jonas', displayName: 'Jonas Bergheim', role: 'agent' as const },
  { id: 'u-ingrid', displayName: 'Ingrid Sæther', role: 'agent' as const },
  { id: 'u-tone', displayName: 'Tone Aasen', role: 'team_lead' as const },
  { id: 'u-siri', displayName: 'Siri Malmedal', role: 'technician' as const },
];
const MIN = 60_000;

/** Oslo's calendar date of an instant, by Intl (the code under test uses luxon). */
const osloDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Oslo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const dayOf = (iso: string) => osloDate.format(new Date(iso));

/** mulberry32: a small seeded generator, so a failure can be replayed. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!,
    chance: (p: number) => next() < p,
  };
}

const iso = (ms: number) => new Date(ms).toISOString();
/** A UUID-shaped id (the lists' cursors check them), in the order of `kind` and `n`. */
const uid = (seed: number, kind: number, n: number) =>
  `${String(seed).padStart(8, '0')}-000${kind}-4000-8000-${String(n).padStart(12, '0')}`;

interface Seeded {
  calls: CallRow[];
  tickets: TicketRow[];
}

/**
 * A day's worth of rows around `day` (the UTC instants from 30 h before its Oslo midnight to 30 h
 * after, so the day's edges are crossed), with `nowMs` inside it: waiting calls arrive before now.
 */
async function seed(store: LocalStore, seedNo: number, dayStartMs: number, nowMs: number): Promise<Seeded> {
  const r = random(seedNo);
  const m = store.dataSource.manager;
  // The municipalities of the desk's reference data (calls and tickets name one of them).
  const CUSTOMERS = (
    (await m.query(`SELECT id FROM customer ORDER BY id LIMIT 5`)) as Array<{ id: string }>
  ).map((c) => c.id);
  const calls: CallRow[] = [];
  for (let i = 0; i < 160; i++) {
    const arrived = dayStartMs - 6 * 3_600_000 + r.int(0, 36 * 3_600) * 1000;
    if (arrived > nowMs) continue;
    const agent = r.pick(STAFF.slice(0, 4));
    const kind = r.next();
    const base: CallRow = {
      id: uid(seedNo, 1, i),
      arrivedAt: iso(arrived),
      callerNumber: `9${String(r.int(1_000_000, 9_999_999))}`,
      callerName: r.chance(0.6) ? `Innringer ${i}` : null,
      customerId: r.chance(0.8) ? r.pick(CUSTOMERS) : null,
      workplace: null,
      status: 'finished',
      loggedBy: agent.id,
      loggedByName: agent.displayName,
      takenBy: null,
      takenByName: null,
      takenAt: null,
      summary: null,
      outcome: null,
      endedAt: null,
      overrideReason: null,
      overrideBy: null,
      overrideByName: null,
      updatedAt: iso(arrived),
      source: r.chance(0.5) ? 'phone' : 'desk',
      ctiCallId: null,
      hangupCause: null,
      calledBackAt: null,
      calledBackByName: null,
    };
    // Waits from a second to six minutes, with some exactly at the 60 s threshold.
    const wait = r.chance(0.1) ? ANSWER_WITHIN_S * 1000 : r.int(1, 360) * 1000;
    const end = arrived + wait;
    if (kind < 0.08 && nowMs - arrived < 3_600_000) {
      calls.push({ ...base, status: 'waiting' });
    } else if (kind < 0.7 && end <= nowMs) {
      const talk = end + r.int(30, 900) * 1000;
      const finished = talk <= nowMs && r.chance(0.9);
      calls.push({
        ...base,
        status: finished ? 'finished' : 'taken',
        takenBy: agent.id,
        takenByName: agent.displayName,
        takenAt: iso(end),
        endedAt: finished ? iso(talk) : null,
        outcome: finished ? r.pick(['solved', 'ticket_needed', 'transferred']) : null,
      });
    } else if (end <= nowMs) {
      const outcome = r.pick(['missed', 'abandoned', 'transferred']);
      const calledBack = outcome !== 'transferred' && r.chance(0.4) && end + 10 * MIN <= nowMs;
      calls.push({
        ...base,
        endedAt: iso(end),
        outcome,
        calledBackAt: calledBack ? iso(end + 10 * MIN) : null,
        calledBackByName: calledBack ? agent.displayName : null,
      });
    }
  }
  const tickets: TicketRow[] = [];
  for (let i = 0; i < 220; i++) {
    const created = dayStartMs - r.int(0, 6 * 24 * 60) * MIN + r.int(0, 23 * 60) * MIN;
    if (created > nowMs) continue;
    const priority = r.pick(PRIORITIES);
    const assignee = r.chance(0.7) ? r.pick(STAFF) : null;
    let status = r.pick(['new', 'in_progress', 'in_progress', 'agreed_plan', 'resolved', 'closed'] as const);
    if (status === 'agreed_plan' && priority === 'critical') status = 'in_progress';
    const responded =
      status !== 'new' || r.chance(0.3) ? Math.min(nowMs, created + r.int(1, 8 * 60) * MIN) : null;
    const pauses: TicketPause[] = [];
    let resolved: number | null = null;
    if (status === 'agreed_plan')
      pauses.push({ kind: 'agreed_plan', start: iso(Math.min(nowMs, created + 2 * 3_600_000)), end: null });
    if (status === 'resolved' || status === 'closed')
      resolved = Math.min(nowMs, created + r.int(10, 3 * 24 * 60) * MIN);
    const facts = {
      createdAt: iso(created),
      priority,
      status,
      respondedAt: responded === null ? null : iso(responded),
      resolvedAt: resolved === null ? null : iso(resolved),
      pauses,
    };
    const due = storedDeadlines(facts, calendar, settings);
    tickets.push({
      id: uid(seedNo, 2, i),
      reference: `2026-${String(i).padStart(6, '0')}`,
      provisionalReference: null,
      callId: null,
      channel: 'phone',
      reporterName: `Innmelder ${i}`,
      reporterPhone: '91234567',
      reporterEmail: null,
      customerId: r.pick(CUSTOMERS),
      workplace: 'Rådhuset',
      title: r.chance(0.5) ? `Sak ${i}` : null,
      description: `Beskrivelse av sak ${i}\nmed flere linjer`,
      priority,
      system: 'Visma',
      category: 'fault',
      device: null,
      deviceId: null,
      systemId: null,
      kind: 'standard',
      restoreApproval: null,
      outageId: null,
      noticeId: null,
      notifyBy: 'email',
      status,
      assigneeId: assignee?.id ?? null,
      assigneeName: assignee?.displayName ?? null,
      respondedAt: facts.respondedAt,
      responseChannel: responded === null ? null : 'phone',
      resolvedAt: facts.resolvedAt,
      closedAt: null,
      resolution: null,
      pauses: JSON.stringify(pauses),
      agreedWith: null,
      agreedWithName: null,
      agreedPlan: null,
      agreedTargetDate: null,
      temporarySolution: null,
      ...due,
      createdAt: facts.createdAt,
      createdBy: 'u-tone',
      createdByName: 'Tone Aasen',
      updatedAt: facts.createdAt,
      updatedByName: 'Tone Aasen',
    });
  }
  for (const c of calls) await m.insert(Call, c);
  for (const t of tickets) await m.insert(Ticket, t);
  return { calls, tickets };
}

/** Every figure again, by plain loops over the raw rows. */
function recompute(rows: Seeded, day: string, nowMs: number, people: ReadonlyArray<{ userId: string }>) {
  const today = rows.calls.filter((c) => dayOf(c.arrivedAt) === day);
  const waiting = rows.calls.filter((c) => c.status === 'waiting');
  waiting.sort((a, b) =>
    a.arrivedAt < b.arrivedAt ? -1 : a.arrivedAt > b.arrivedAt ? 1 : a.id < b.id ? -1 : 1,
  );
  const waits: number[] = [];
  let abandoned = 0;
  let notCalledBack = 0;
  let inTime = 0;
  for (const c of today) {
    if (c.takenAt) {
      const w = Date.parse(c.takenAt) - Date.parse(c.arrivedAt);
      waits.push(w);
      if (w <= ANSWER_WITHIN_S * 1000) inTime++;
    } else if (c.outcome === 'missed' || c.outcome === 'abandoned') {
      abandoned++;
      if (!c.calledBackAt) notCalledBack++;
    }
  }
  waits.sort((a, b) => a - b);
  const rank = (p: number) => (waits.length ? waits[Math.ceil(p * waits.length) - 1]! : null);
  const ended = waits.length + abandoned;

  const open = rows.tickets.filter((t) => !['resolved', 'closed'].includes(t.status));
  const byPriority: Record<string, number> = { critical: 0, high: 0, medium: 0, low: 0 };
  const byClock: Record<string, number> = {
    responseAtRisk: 0,
    responseBreached: 0,
    resolutionAtRisk: 0,
    resolutionBreached: 0,
  };
  const byCustomer = new Map<string, number>();
  const inGroup: Record<string, string[]> = {
    responseAtRisk: [],
    responseBreached: [],
    resolutionAtRisk: [],
    resolutionBreached: [],
  };
  let unassigned = 0;
  for (const t of open) {
    byPriority[t.priority]!++;
    if (!t.assigneeId) unassigned++;
    byCustomer.set(t.customerId, (byCustomer.get(t.customerId) ?? 0) + 1);
    const clocks = ticketClocks(clockFacts(t), nowMs, calendar, settings);
    const groups: string[] = [];
    if (!t.respondedAt && clocks.response.status === 'breached') groups.push('responseBreached');
    if (!t.respondedAt && clocks.response.status !== 'breached' && clocks.response.atRisk)
      groups.push('responseAtRisk');
    if (clocks.resolution.status === 'breached') groups.push('resolutionBreached');
    if (clocks.resolution.status !== 'breached' && clocks.resolution.atRisk) groups.push('resolutionAtRisk');
    for (const g of groups) {
      byClock[g]!++;
      inGroup[g]!.push(t.id);
    }
  }

  const compliance = PRIORITIES.map((priority) => {
    let met = 0;
    let breached = 0;
    for (const t of rows.tickets) {
      if (t.priority !== priority) continue;
      const due = ticketClocks(clockFacts(t), nowMs, calendar, settings).deadlines.responseDueMs;
      const answered = t.respondedAt && Date.parse(t.respondedAt) <= nowMs ? Date.parse(t.respondedAt) : null;
      if (answered !== null && answered <= due) {
        if (dayOf(iso(answered)) === day && answered < nowMs) met++;
      } else if (dayOf(iso(due)) === day && due < nowMs) {
        breached++;
      }
    }
    return { priority, met, breached, share: met + breached ? met / (met + breached) : null };
  });

  const perPerson = people.map((p) => {
    let callsTaken = 0;
    for (const c of today) if (c.takenBy === p.userId) callsTaken++;
    const mine = open.filter((t) => t.assigneeId === p.userId);
    let oldest: TicketRow | null = null;
    for (const t of mine)
      if (!oldest || t.createdAt < oldest.createdAt || (t.createdAt === oldest.createdAt && t.id < oldest.id))
        oldest = t;
    return { userId: p.userId, callsTaken, openTickets: mine.length, oldest: oldest?.id ?? null };
  });

  return {
    calls: {
      waiting: waiting.map((c) => [c.id, nowMs - Date.parse(c.arrivedAt)]),
      offered: today.length,
      answered: waits.length,
      abandoned,
      missedNotCalledBack: notCalledBack,
      medianWaitMs: rank(0.5),
      p90WaitMs: rank(0.9),
      answeredInTime: inTime,
      answeredInTimeShare: ended ? inTime / ended : null,
      abandonedShare: ended ? abandoned / ended : null,
    },
    tickets: {
      open: open.length,
      byPriority,
      byClock,
      unassigned,
      byCustomer: Object.fromEntries(byCustomer),
    },
    compliance,
    perPerson,
    inGroup,
  };
}

const DAYS = [
  { name: 'an ordinary Wednesday', day: '2026-12-02', now: '2026-12-02T13:17:00.000Z', seed: 2026_12_02 },
  {
    name: 'the day summer time ends (25 h)',
    day: '2026-10-25',
    now: '2026-10-25T22:40:00.000Z',
    seed: 2026_10_25,
  },
  { name: 'the Monday after it', day: '2026-10-26', now: '2026-10-26T11:05:00.000Z', seed: 2026_10_26 },
  {
    name: 'the day summer time starts (23 h)',
    day: '2026-03-29',
    now: '2026-03-29T21:30:00.000Z',
    seed: 2026_03_29,
  },
];

describe('the live view’s figures, recomputed from the raw rows', () => {
  let dir: string;
  let store: LocalStore;
  beforeEach(async () => {
    dir = tempDir();
    store = await openLocalStore(dir);
  });
  afterEach(async () => {
    await store.close();
    removeDir(dir);
  });

  it.each(DAYS)('match on $name', async ({ day, now, seed: seedNo }) => {
    const nowMs = Date.parse(now);
    const midnight = Date.parse(`${day}T00:00:00.000Z`) - 2 * 3_600_000; // within 2 h of Oslo's
    const rows = await seed(store, seedNo, midnight, nowMs);
    const m = store.dataSource.manager;
    // Today's roster: two on the phone, one on tickets, one off; the team lead not on it but present.
    const duties = [
      ['u-kari', 'phone'],
      ['u-jonas', 'phone'],
      ['u-ingrid', 'tickets'],
      ['u-siri', 'off'],
    ] as const;
    for (const [userId, duty] of duties)
      await m.insert(RosterEntry, {
        id: `${userId}-${day}`,
        day,
        userId,
        userName: STAFF.find((s) => s.id === userId)!.displayName,
        duty,
        updatedAt: now,
        updatedByName: 'Tone Aasen',
      });
    await m.insert(Presence, { id: 'u-tone', userName: 'Tone Aasen', state: 'available', since: now });

    const view = await liveView(m, { staff: STAFF, offline: false }, new Date(nowMs));
    expect(view.day).toBe(day);
    const expected = recompute(rows, day, nowMs, view.people);

    // Calls.
    expect(view.calls.waiting.map((w) => [w.id, w.waitMs])).toEqual(expected.calls.waiting);
    const { waiting: _w, longestWaitMs, ...callCounts } = view.calls;
    const { waiting: _e, ...expectedCounts } = expected.calls;
    expect(callCounts).toEqual(expectedCounts);
    expect(longestWaitMs).toBe(
      expected.calls.waiting.length ? Math.max(...expected.calls.waiting.map((w) => w[1] as number)) : null,
    );
    expect(expected.calls.offered).toBeGreaterThan(20); // the seed made a real day of it
    expect(expected.calls.answered).toBeGreaterThan(5);

    // Tickets.
    expect({
      open: view.tickets.open,
      byPriority: view.tickets.byPriority,
      byClock: view.tickets.byClock,
      unassigned: view.tickets.unassigned,
      byCustomer: Object.fromEntries(view.tickets.byCustomer.map((c) => [c.customerId, c.count])),
    }).toEqual(expected.tickets);
    expect(view.tickets.flagged.length).toBe(view.tickets.attention.filter((t) => t.flags.length > 0).length);

    // A click on a group opens the open-tickets list filtered the same way: the same tickets, also
    // when paged three at a time.
    for (const clock of CLOCK_FILTERS) {
      const ids: string[] = [];
      let cursor: { key: string; id: string } | null = null;
      let total: number | null = null;
      do {
        const page = await listTickets(m, { scope: 'open', clock, limit: 3, cursor }, 'u-tone', nowMs);
        total ??= page.total?.count ?? null;
        ids.push(...page.items.map((t) => t.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(ids.sort(), clock).toEqual([...expected.inGroup[clock]!].sort());
      expect(total, clock).toBe(expected.inGroup[clock]!.length);
    }
    expect(Object.values(expected.inGroup).some((ids) => ids.length > 3)).toBe(true);

    // Today's response compliance.
    expect(view.compliance).toEqual(expected.compliance);
    expect(expected.compliance.some((r) => r.met + r.breached > 0)).toBe(true);

    // People: the three on duty and the team lead who is present; Siri is off and has no state.
    expect(view.people.map((p) => p.userId).sort()).toEqual(['u-ingrid', 'u-jonas', 'u-kari', 'u-tone']);
    // (she also takes calls in the seed, so her state may be "on a call" rather than the one she set).
    const lead = view.people.find((p) => p.userId === 'u-tone')!;
    expect(lead.duty).toBeNull();
    expect(lead.presence).not.toBeNull();
    expect(
      view.people.map((p) => ({
        userId: p.userId,
        callsTaken: p.callsTaken,
        openTickets: p.openTickets,
        oldest: p.oldestOpenTicket?.id ?? null,
      })),
    ).toEqual(expected.perPerson);

    // Tickets written after the first look (here by plain SQL, as a pull would write them): the
    // desk reads only those again (keptOpenTickets), and the figures still match the rows.
    const openRows = rows.tickets.filter((t) => !['resolved', 'closed'].includes(t.status));
    const doneRows = rows.tickets.filter((t) => t.status === 'resolved');
    const changedAt = new Date(nowMs - 60_000).toISOString();
    for (const t of openRows.slice(0, 5)) {
      t.status = 'resolved';
      t.resolvedAt = changedAt;
      await m.query(`UPDATE ticket SET status = 'resolved', resolved_at = ? WHERE id = ?`, [changedAt, t.id]);
    }
    for (const t of doneRows.slice(0, 3)) {
      t.status = 'in_progress';
      t.resolvedAt = null;
      await m.query(`UPDATE ticket SET status = 'in_progress', resolved_at = NULL WHERE id = ?`, [t.id]);
    }
    const reassigned = openRows[6]!;
    reassigned.assigneeId = null;
    await m.query(`UPDATE ticket SET assignee_id = NULL, assignee_name = NULL WHERE id = ?`, [reassigned.id]);
    const again = await liveView(m, { staff: STAFF, offline: false }, new Date(nowMs));
    const expectedAgain = recompute(rows, day, nowMs, again.people);
    expect({
      open: again.tickets.open,
      byPriority: again.tickets.byPriority,
      byClock: again.tickets.byClock,
      unassigned: again.tickets.unassigned,
      byCustomer: Object.fromEntries(again.tickets.byCustomer.map((c) => [c.customerId, c.count])),
    }).toEqual(expectedAgain.tickets);
    expect(again.tickets.open).toBe(expected.tickets.open - 5 + 3);

    // The end-of-day summary reads the same: the day's calls and compliance so far, and the
    // tickets filed and resolved that day per priority, counted here by loops.
    const summary = await daySummary(m, STAFF, day, new Date(nowMs));
    expect(summary).toMatchObject({
      day,
      final: false,
      calls: expectedCounts,
      compliance: expected.compliance,
    });
    for (const priority of PRIORITIES) {
      let filed = 0;
      let resolved = 0;
      for (const t of rows.tickets) {
        if (t.priority !== priority) continue;
        if (dayOf(t.createdAt) === day && Date.parse(t.createdAt) < nowMs) filed++;
        if (t.resolvedAt && dayOf(t.resolvedAt) === day && Date.parse(t.resolvedAt) < nowMs) resolved++;
      }
      expect([summary.tickets.filed[priority], summary.tickets.resolved[priority]], priority).toEqual([
        filed,
        resolved,
      ]);
    }
    expect(summary.tickets.openNow?.byClock).toEqual(expectedAgain.tickets.byClock);
    const csv = daySummaryCsv(summary);
    expect(csv.startsWith('\uFEFFDel;Nøkkeltall;Verdi\r\n')).toBe(true);
    expect(csv).toContain(`Telefon;Besvart;${expected.calls.answered}\r\n`);
    expect(csv).toContain(`Telefon;Tapte, ikke ringt tilbake;${expected.calls.missedNotCalledBack}\r\n`);
    // Once the day is over, its figures are final and no longer show the open tickets of "now".
    const after = await daySummary(m, STAFF, day, new Date(nowMs + 3 * 86_400_000));
    expect(after.final).toBe(true);
    expect(after.tickets.openNow).toBeNull();
    expect(after.calls.offered).toBe(expected.calls.offered);
  });

  it('keeps reading the tickets written after the touch log was trimmed', async () => {
    const nowMs = Date.parse('2026-12-02T13:17:00.000Z');
    const rows = await seed(store, 7, Date.parse('2026-12-01T23:00:00.000Z'), nowMs);
    const m = store.dataSource.manager;
    const directory = { staff: STAFF, offline: false };
    const first = await liveView(m, directory, new Date(nowMs));
    // More writes than the log keeps before trimming: the next look reads them and trims.
    const open = rows.tickets.filter((t) => !['resolved', 'closed'].includes(t.status));
    for (let i = 0; i < 5_100; i++)
      await m.query(`UPDATE ticket SET updated_at = ? WHERE id = ?`, [
        new Date(nowMs + i).toISOString(),
        open[0]!.id,
      ]);
    await liveView(m, directory, new Date(nowMs));
    const left = (await m.query(`SELECT count(*) AS n, max(seq) AS top FROM ticket_touch`)) as [
      { n: number; top: number },
    ];
    expect(left[0].n).toBe(1); // the newest stays, so the numbering goes on from it
    // A ticket resolved after the trim is seen: the open count drops by one.
    await m.query(`UPDATE ticket SET status = 'resolved', resolved_at = ? WHERE id = ?`, [
      new Date(nowMs).toISOString(),
      open[1]!.id,
    ]);
    const [{ seq }] = (await m.query(`SELECT max(seq) AS seq FROM ticket_touch`)) as [{ seq: number }];
    expect(seq).toBe(left[0].top + 1);
    const after = await liveView(m, directory, new Date(nowMs));
    expect(after.tickets.open).toBe(first.tickets.open - 1);
  });

  it('forgets the touch log when a desk opens, and its numbering goes on', async () => {
    const nowMs = Date.parse('2026-12-02T13:17:00.000Z');
    const rows = await seed(store, 7, Date.parse('2026-12-01T23:00:00.000Z'), nowMs);
    const open = rows.tickets.filter((t) => !['resolved', 'closed'].includes(t.status));
    for (let i = 0; i < 50; i++)
      await store.dataSource.manager.query(`UPDATE ticket SET updated_at = ? WHERE id = ?`, [
        new Date(nowMs + i).toISOString(),
        open[0]!.id,
      ]);
    const touches = `SELECT count(*) AS n, max(seq) AS top FROM ticket_touch`;
    const [before] = (await store.dataSource.manager.query(touches)) as [{ n: number; top: number }];
    expect(before.n).toBeGreaterThan(50); // the seeding's inserts too: nobody looked at the view
    await store.close();
    // An agent's desk that never looks at the view: what it noted goes when the desk opens.
    const desk = await openDesk(dir, { centralUrl: null });
    const m = desk.store.dataSource.manager;
    expect(await m.query(touches)).toEqual([{ n: 1, top: before.top }]);
    const first = await liveView(m, { staff: STAFF, offline: false }, new Date(nowMs));
    await m.query(`UPDATE ticket SET status = 'resolved', resolved_at = ? WHERE id = ?`, [
      new Date(nowMs).toISOString(),
      open[1]!.id,
    ]);
    expect(await m.query(`SELECT max(seq) AS top FROM ticket_touch`)).toEqual([{ top: before.top + 1 }]);
    const after = await liveView(m, { staff: STAFF, offline: false }, new Date(nowMs));
    expect(after.tickets.open).toBe(first.tickets.open - 1);
    await desk.close();
    store = await openLocalStore(dir); // for afterEach
  });
});
