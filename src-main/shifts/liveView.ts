// The team lead's live view (issue 15) as the desk reads it from its own
// store: today's calls and the queue, the open tickets, the tickets whose
// response was settled around today, today's roster and everyone's presence;
// the figures themselves are src-shared/shifts/liveFigures.ts. Raw SQL on the
// hot reads, with the driver's placeholders: the wallboard reads the same rows
// on the central store (SQLite or PostgreSQL). Desk indexes: call_arrival,
// call_waiting, ticket_open_by_breach, ticket_response_due.
import type BetterSqlite3 from 'better-sqlite3';
import type { EntityManager } from 'typeorm';
import type { StaffMember } from '../../src-shared/session';
import {
  callFigures,
  osloDayBounds,
  peopleFigures,
  responseCompliance,
  ticketCounts,
  ticketFigures,
  type CallFacts,
  type CallFigures,
  type ComplianceRow,
  type DayBounds,
  type InstantsOf,
  type PersonFigures,
  type TicketFacts,
  type TicketFigures,
} from '../../src-shared/shifts/liveFigures';
import type { Duty } from '../../src-shared/shifts/roster';
import type { ShiftSettings } from '../../src-shared/shifts/settings';
import { wallboardView, type WallboardView } from '../../src-shared/shifts/wallboard';
import type { ServiceCalendar, SlaSettings } from '../../src-shared/sla';
import { clockInstants, isOpenTicket, type ClockInstants } from '../../src-shared/tickets/lifecycle';
import { slaInForce } from '../sla';
import { RosterEntry } from '../store/entities';
import { placeholder } from '../store/rowSql';
import { presenceNow } from './presence';
import { shiftSettings } from './settings';

export interface LiveView {
  day: string;
  /** The instant the figures are for. */
  at: string;
  settings: ShiftSettings;
  calls: CallFigures;
  people: PersonFigures[];
  tickets: TicketFigures;
  compliance: ComplianceRow[];
  customers: Array<{ id: string; name: string }>;
  /** Whether the staff list is the last one seen (the central store could not be reached). */
  staffOffline: boolean;
}

/** What the figures need of today's calls and the queue (calls still waiting from before today too). */
export async function callFacts(manager: EntityManager, day: DayBounds): Promise<CallFacts[]> {
  const p = placeholder(manager);
  const [start, end] = [new Date(day.startMs).toISOString(), new Date(day.endMs).toISOString()];
  const rows = (await manager.query(
    `SELECT id, arrived_at, status, taken_by, taken_at, ended_at, outcome, called_back_at, caller_name, customer_id
     FROM call WHERE arrived_at >= ${p(0)} AND arrived_at < ${p(1)}
     UNION ALL SELECT id, arrived_at, status, taken_by, taken_at, ended_at, outcome, called_back_at, caller_name, customer_id
     FROM call WHERE status = 'waiting' AND (arrived_at < ${p(2)} OR arrived_at >= ${p(3)})
     ORDER BY arrived_at, id`,
    [start, end, start, end],
  )) as Array<Record<string, string | null>>;
  return rows.map((r) => ({
    id: r.id!,
    arrivedAt: r.arrived_at!,
    status: r.status as CallFacts['status'],
    takenBy: r.taken_by ?? null,
    takenAt: r.taken_at ?? null,
    endedAt: r.ended_at ?? null,
    outcome: r.outcome ?? null,
    calledBackAt: r.called_back_at ?? null,
    callerName: r.caller_name ?? null,
    customerId: r.customer_id ?? null,
  }));
}

/** What the figures read of a ticket; its summary text is read only for the few listed (withSummaries). */
const TICKET_COLUMNS = `id, reference, provisional_reference, customer_id, assignee_id, assignee_name, priority,
  status, created_at, responded_at, resolved_at, pauses`;

function toTicketFacts(r: Record<string, string | null>): TicketFacts {
  return {
    id: r.id!,
    reference: r.reference ?? null,
    provisionalReference: r.provisional_reference ?? null,
    customerId: r.customer_id!,
    assigneeId: r.assignee_id ?? null,
    assigneeName: r.assignee_name ?? null,
    summary: '',
    priority: r.priority!,
    status: r.status!,
    createdAt: r.created_at!,
    respondedAt: r.responded_at ?? null,
    resolvedAt: r.resolved_at ?? null,
    pauses: r.pauses!,
  };
}

/** Oldest first: the list to act on is then in order without a sort (ticketFigures). */
const OPEN_TICKETS_SQL = `SELECT ${TICKET_COLUMNS} FROM ticket WHERE status NOT IN ('resolved', 'closed') ORDER BY created_at, id`;

export async function openTicketFacts(manager: EntityManager): Promise<TicketFacts[]> {
  const rows = (await manager.query(OPEN_TICKETS_SQL)) as Array<Record<string, string | null>>;
  return rows.map(toTicketFacts);
}

/**
 * The open tickets, kept between looks on a desk: the first look reads them all; each later one
 * reads only the tickets written since (the ticket_touch log the desk's triggers fill), which on
 * a desk with thousands of open tickets is most of the view's time saved. Per store.
 */
interface KeptOpen {
  seq: number;
  trimmedTo: number;
  tickets: Map<string, TicketFacts>;
}
const keptOpenByStore = new WeakMap<object, KeptOpen>();
/** Read touches are trimmed once this many have piled up. */
const TOUCHES_KEPT = 5_000;

export async function keptOpenTickets(manager: EntityManager): Promise<TicketFacts[]> {
  const db = connectionOf(manager);
  // Inside a mutation's or a pull's transaction (reads do not queue behind it on the one
  // connection) the touches might yet be rolled back and their numbers used again: read all, keep
  // nothing. Otherwise everything below is synchronous, so no transaction can begin in between.
  if (!db || db.inTransaction) return openTicketFacts(manager);
  return keptOpenTicketsNow(db, manager.connection);
}

function keptOpenTicketsNow(db: BetterSqlite3.Database, store: object): TicketFacts[] {
  const kept = keptOpenByStore.get(store);
  if (!kept) {
    const { seq } = db.prepare(`SELECT coalesce(max(seq), 0) AS seq FROM ticket_touch`).get() as {
      seq: number;
    };
    const all = (db.prepare(OPEN_TICKETS_SQL).all() as Array<Record<string, string | null>>).map(
      toTicketFacts,
    );
    keptOpenByStore.set(store, { seq, trimmedTo: 0, tickets: new Map(all.map((t) => [t.id, t])) });
    return all;
  }
  const touched = db
    .prepare(`SELECT seq, id FROM ticket_touch WHERE seq > ? ORDER BY seq`)
    .all(kept.seq) as Array<{ seq: number; id: string }>;
  if (touched.length > 0) {
    const ids = [...new Set(touched.map((r) => r.id))];
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      const rows = db
        .prepare(`SELECT ${TICKET_COLUMNS} FROM ticket WHERE id IN (${chunk.map(() => '?').join(', ')})`)
        .all(...chunk) as Array<Record<string, string | null>>;
      const found = new Map(rows.map((r) => [r.id!, toTicketFacts(r)]));
      for (const id of chunk) {
        const t = found.get(id);
        if (t && isOpenTicket(t)) kept.tickets.set(id, t);
        else kept.tickets.delete(id);
      }
    }
    kept.seq = touched[touched.length - 1]!.seq;
    // The read touches go (the newest stays: the next touch numbers on from it, no AUTOINCREMENT).
    if (kept.seq - kept.trimmedTo >= TOUCHES_KEPT) {
      db.prepare(`DELETE FROM ticket_touch WHERE seq < ?`).run(kept.seq);
      kept.trimmedTo = kept.seq;
    }
  }
  return [...kept.tickets.values()];
}

/** The desk's one SQLite connection. */
function connectionOf(manager: EntityManager): BetterSqlite3.Database | undefined {
  return (manager.connection.driver as { databaseConnection?: BetterSqlite3.Database }).databaseConnection;
}

/**
 * Drops the touch log but its newest entry (the numbering goes on from it). For a desk opening:
 * no reader has kept anything yet in this process, and a desk whose view is never looked at (an
 * agent's) would otherwise keep a touch for every ticket write, its own and every pull's.
 */
export async function forgetTicketTouches(manager: EntityManager): Promise<void> {
  await manager.query(`DELETE FROM ticket_touch WHERE seq < (SELECT max(seq) FROM ticket_touch)`);
}

/** The listed tickets' summaries (title, or the description's first line), read for those only. */
async function withSummaries<T extends { id: string; summary: string }>(
  manager: EntityManager,
  list: T[],
): Promise<T[]> {
  if (list.length === 0) return list;
  const p = placeholder(manager);
  const rows = (await manager.query(
    `SELECT id, coalesce(title, substr(description, 1, 160)) AS summary FROM ticket WHERE id IN (${list.map((_, i) => p(i)).join(', ')})`,
    list.map((t) => t.id),
  )) as Array<{ id: string; summary: string }>;
  const summary = new Map(rows.map((r) => [r.id, r.summary.split('\n', 1)[0]!.trim()]));
  return list.map((t) => ({ ...t, summary: summary.get(t.id) ?? '' }));
}

/**
 * Tickets whose response may have been settled on `day`: those whose stored response deadline is
 * from two days before it on (a settings change since moves a deadline by hours, not days).
 */
export async function complianceTicketFacts(manager: EntityManager, day: DayBounds): Promise<TicketFacts[]> {
  const rows = (await manager.query(
    `SELECT ${TICKET_COLUMNS} FROM ticket WHERE response_due_at >= ${placeholder(manager)(0)}`,
    [new Date(day.startMs - 2 * 86_400_000).toISOString()],
  )) as Array<Record<string, string | null>>;
  return rows.map(toTicketFacts);
}

/**
 * Who is on the shift `day`: everyone with a duty other than "off", and anyone else whose presence
 * says they are here (a team lead, someone not on the roster), sorted by name.
 */
async function shiftPeople(
  manager: EntityManager,
  day: DayBounds,
  staff: readonly StaffMember[],
  now: Date,
): Promise<Array<{ userId: string; name: string; duty: Duty | null; presence: PersonFigures['presence'] }>> {
  const entries = await manager.find(RosterEntry, { where: { day: day.day } });
  const names = new Map(staff.map((s) => [s.id, s.displayName]));
  for (const e of entries) if (!names.has(e.userId)) names.set(e.userId, e.userName);
  const duty = new Map(entries.map((e) => [e.userId, e.duty as Duty]));
  const presence = await presenceNow(manager, [...names.keys()], now);
  return [...names]
    .map(([userId, name]) => ({
      userId,
      name,
      duty: duty.get(userId) ?? null,
      presence: presence.get(userId) ?? null,
    }))
    .filter((p) => {
      if (p.duty && p.duty !== 'off') return true;
      return p.presence !== null && p.presence.state !== 'offline';
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'nb'));
}

/**
 * Each ticket's clock instants, kept between looks: they change only with the ticket's opening,
 * priority or pauses (the key) or the SLA settings (slaInForce hands out one object per version).
 * Computing them is most of the view's work on a desk with thousands of open tickets. The facts
 * objects the readers keep between looks are replaced when their row changes, so an instant is
 * found by the object first, and by the key for a facts object read afresh.
 */
const instantsBySettings = new WeakMap<
  SlaSettings,
  { byKey: Map<string, ClockInstants>; byFacts: WeakMap<TicketFacts, ClockInstants> }
>();
const INSTANTS_KEPT_MAX = 100_000;

export function keptInstants(calendar: ServiceCalendar, settings: SlaSettings): InstantsOf {
  let kept = instantsBySettings.get(settings);
  if (!kept) instantsBySettings.set(settings, (kept = { byKey: new Map(), byFacts: new WeakMap() }));
  const { byKey, byFacts } = kept;
  return (t) => {
    let instants = byFacts.get(t);
    if (instants) return instants;
    const key = `${t.id}|${t.createdAt}|${t.priority}|${t.pauses}`;
    instants = byKey.get(key);
    if (!instants) {
      if (byKey.size >= INSTANTS_KEPT_MAX) byKey.clear();
      instants = clockInstants(t, calendar, settings);
      byKey.set(key, instants);
    }
    byFacts.set(t, instants);
    return instants;
  };
}

/**
 * Computes the view once and throws it away: what it keeps between looks (the open tickets, their
 * clock instants, the service calendar's years) is then read, and its code compiled, so a team
 * lead's first look is as quick as the later ones. The desk runs it in the background when a team
 * lead or admin signs in, or opens with one signed in.
 */
export async function prepareLiveView(manager: EntityManager): Promise<void> {
  await liveView(manager, { staff: [], offline: false }, new Date());
}

export async function liveView(
  manager: EntityManager,
  staff: { staff: StaffMember[]; offline: boolean },
  now: Date,
): Promise<LiveView> {
  const nowMs = now.getTime();
  const day = osloDayBounds(nowMs);
  const [{ settings: sla, calendar }, settings, calls, open, settled, people, customers] = await Promise.all([
    slaInForce(manager),
    shiftSettings(manager),
    callFacts(manager, day),
    keptOpenTickets(manager),
    complianceTicketFacts(manager, day),
    shiftPeople(manager, day, staff.staff, now),
    manager.query(`SELECT id, name FROM customer ORDER BY name`) as Promise<
      Array<{ id: string; name: string }>
    >,
  ]);
  const kept = keptInstants(calendar, sla);
  const tickets = ticketFigures(open, nowMs, calendar, sla, kept);
  return {
    day: day.day,
    at: now.toISOString(),
    settings,
    calls: callFigures(calls, day, nowMs, settings.answerWithinSeconds),
    people: peopleFigures(people, calls, open, day),
    tickets: { ...tickets, attention: await withSummaries(manager, tickets.attention) },
    compliance: responseCompliance(settled, day, nowMs, calendar, sla, kept),
    customers,
    staffOffline: staff.offline,
  };
}

/** One person's own figures today (an agent sees theirs; R27: not the others'). */
export async function myDay(
  manager: EntityManager,
  actor: { userId: string; name: string },
  now: Date,
): Promise<PersonFigures> {
  const day = osloDayBounds(now.getTime());
  const [calls, open, entry, presence] = await Promise.all([
    callFacts(manager, day),
    manager.query(
      `SELECT ${TICKET_COLUMNS} FROM ticket WHERE assignee_id = ${placeholder(manager)(0)} AND status NOT IN ('resolved', 'closed')`,
      [actor.userId],
    ) as Promise<Array<Record<string, string | null>>>,
    manager.findOne(RosterEntry, { where: { day: day.day, userId: actor.userId } }),
    presenceNow(manager, [actor.userId], now),
  ]);
  const person = {
    userId: actor.userId,
    name: actor.name,
    duty: (entry?.duty as Duty | undefined) ?? null,
    presence: presence.get(actor.userId) ?? null,
  };
  return peopleFigures([person], calls, open.map(toTicketFacts), day)[0]!;
}

/** Runs one read on the store (the central store queues it between pushes on SQLite). */
export type StoreReads = <T>(work: (manager: EntityManager) => Promise<T>) => Promise<T>;

/** The rows the figures of a day are computed from: today's calls and any waiting, the open tickets. */
export type FigureRows = (
  manager: EntityManager,
  day: DayBounds,
) => Promise<{ calls: CallFacts[]; open: TicketFacts[] }>;

/** Reads the rows afresh each time. */
export const readFigureRows: FigureRows = async (manager, day) => ({
  calls: await callFacts(manager, day),
  open: await openTicketFacts(manager),
});

/**
 * The wallboard's figures (src-shared/shifts/wallboard.ts), read on the central store: the same
 * rows and rules as the live view, without the compliance and the tickets to act on. `rows`: how
 * the calls and open tickets are read (the central store's feed keeps them between changes).
 */
export async function wallboardFigures(
  read: StoreReads,
  staff: readonly StaffMember[],
  now: Date,
  rows: FigureRows = readFigureRows,
): Promise<WallboardView> {
  const nowMs = now.getTime();
  const day = osloDayBounds(nowMs);
  // One read at a time, each its own turn on the store: a push waits for one small read, not all.
  const { settings: sla, calendar } = await read(slaInForce);
  const settings = await read(shiftSettings);
  const { calls, open } = await read((m) => rows(m, day));
  const people = await read((m) => shiftPeople(m, day, staff, now));
  return wallboardView(
    {
      day: day.day,
      at: now.toISOString(),
      calls: callFigures(calls, day, nowMs, settings.answerWithinSeconds),
      tickets: ticketCounts(open, nowMs, keptInstants(calendar, sla)),
      people,
    },
    settings,
  );
}
