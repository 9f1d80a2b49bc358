// The shift's figures (issue 15): calls, people, tickets and today's response
// compliance, computed from the synced rows every time they are asked for,
// never kept as counters that could drift. Pure: the caller reads the rows
// and passes "now"; the SLA clock is src-shared/sla's (through the tickets'
// lifecycle), the day is Oslo's (a DST day has 23 or 25 hours).
//
// The call-centre words, as counted here:
// - offered today: calls that arrived today;
// - answered: offered calls an agent took; their wait is arrival → taken;
// - abandoned: offered calls that ended unanswered with the caller gone
//   (missed on the phone system, or marked abandoned by an agent); calls sent
//   elsewhere (transferred before anyone took them) are neither;
// - share answered in time: answered within the threshold ÷ (answered + abandoned);
// - share abandoned: abandoned ÷ (answered + abandoned);
// - median and 90th percentile wait: over today's answered calls, nearest rank.
import { DateTime } from 'luxon';
import { SERVICE_TIME_ZONE } from '../serviceTimeZone';
import { PRIORITIES, type Priority, type ServiceCalendar, type SlaSettings } from '../sla';
import {
  clockInstants,
  flagsAt,
  isOpenTicket,
  nextChangeAt,
  type ClockInstants,
  type StoredClockFields,
} from '../tickets/lifecycle';
import { CLOCK_FILTERS, type ClockFilter } from '../tickets/schemas';
import type { PresenceNow } from './presence';
import type { Duty } from './roster';

/** One day in Oslo: its date and its instants [startMs, endMs). */
export interface DayBounds {
  day: string;
  startMs: number;
  endMs: number;
}

/** The Oslo day an instant falls in. */
export function osloDayBounds(atMs: number): DayBounds {
  const start = DateTime.fromMillis(atMs, { zone: SERVICE_TIME_ZONE }).startOf('day');
  return { day: start.toISODate()!, startMs: start.toMillis(), endMs: start.plus({ days: 1 }).toMillis() };
}

/** The Oslo day named YYYY-MM-DD. */
export function osloDayOf(day: string): DayBounds {
  const start = DateTime.fromISO(day, { zone: SERVICE_TIME_ZONE }).startOf('day');
  if (!start.isValid) throw new RangeError(`Not a day: ${day}`);
  return { day: start.toISODate()!, startMs: start.toMillis(), endMs: start.plus({ days: 1 }).toMillis() };
}

/** What the figures read of a call row. */
export interface CallFacts {
  id: string;
  arrivedAt: string;
  status: 'waiting' | 'taken' | 'finished';
  takenBy: string | null;
  takenAt: string | null;
  endedAt: string | null;
  outcome: string | null;
  calledBackAt: string | null;
  /** The recognised caller's name (from the reporter directory), if any. */
  callerName: string | null;
  customerId: string | null;
}

export interface WaitingCaller {
  id: string;
  arrivedAt: string;
  waitMs: number;
  callerName: string | null;
  customerId: string | null;
}

export interface CallFigures {
  /** Everyone in the queue now, longest wait first (arrival order, R3). */
  waiting: WaitingCaller[];
  longestWaitMs: number | null;
  offered: number;
  answered: number;
  abandoned: number;
  /** Abandoned today and not yet called back. */
  missedNotCalledBack: number;
  medianWaitMs: number | null;
  p90WaitMs: number | null;
  answeredInTime: number;
  /** answeredInTime ÷ (answered + abandoned); null before any call has been answered or abandoned. */
  answeredInTimeShare: number | null;
  abandonedShare: number | null;
}

/** Code-point order: instants and ids sort so (and much faster than localeCompare, on thousands). */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const ABANDONED_OUTCOMES = new Set(['missed', 'abandoned']);

export function isAbandoned(call: Pick<CallFacts, 'takenAt' | 'outcome'>): boolean {
  return call.takenAt === null && call.outcome !== null && ABANDONED_OUTCOMES.has(call.outcome);
}

/** The value at rank ⌈p·n⌉ of the sorted values (nearest rank); null for none. */
export function nearestRank(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.max(1, Math.ceil(p * sorted.length)) - 1]!;
}

const within = (iso: string | null, day: DayBounds) => {
  if (!iso) return false;
  const ms = Date.parse(iso);
  return ms >= day.startMs && ms < day.endMs;
};

export function callFigures(
  calls: readonly CallFacts[],
  day: DayBounds,
  nowMs: number,
  answerWithinSeconds: number,
): CallFigures {
  const waiting = calls
    .filter((c) => c.status === 'waiting')
    .sort((a, b) => byText(a.arrivedAt, b.arrivedAt) || byText(a.id, b.id))
    .map((c) => ({
      id: c.id,
      arrivedAt: c.arrivedAt,
      waitMs: Math.max(0, nowMs - Date.parse(c.arrivedAt)),
      callerName: c.callerName,
      customerId: c.customerId,
    }));
  const today = calls.filter((c) => within(c.arrivedAt, day));
  const waits = today
    .filter((c) => c.takenAt !== null)
    .map((c) => Math.max(0, Date.parse(c.takenAt!) - Date.parse(c.arrivedAt)))
    .sort((a, b) => a - b);
  const abandoned = today.filter(isAbandoned);
  const ended = waits.length + abandoned.length;
  const answeredInTime = waits.filter((w) => w <= answerWithinSeconds * 1000).length;
  return {
    waiting,
    longestWaitMs: waiting.length ? Math.max(...waiting.map((w) => w.waitMs)) : null,
    offered: today.length,
    answered: waits.length,
    abandoned: abandoned.length,
    missedNotCalledBack: abandoned.filter((c) => c.calledBackAt === null).length,
    medianWaitMs: nearestRank(waits, 0.5),
    p90WaitMs: nearestRank(waits, 0.9),
    answeredInTime,
    answeredInTimeShare: ended ? answeredInTime / ended : null,
    abandonedShare: ended ? abandoned.length / ended : null,
  };
}

/** What the figures read of a ticket row. */
export interface TicketFacts extends StoredClockFields {
  id: string;
  reference: string | null;
  provisionalReference: string | null;
  customerId: string;
  assigneeId: string | null;
  assigneeName: string | null;
  /** The title, or the description's first words. */
  summary: string;
}

export interface FlaggedTicket {
  id: string;
  reference: string | null;
  priority: Priority;
  flags: ClockFilter[];
}

/** A ticket the team lead may want to act on: at risk, breached or unassigned. */
export interface AttentionTicket {
  id: string;
  reference: string | null;
  priority: Priority;
  summary: string;
  customerId: string;
  assigneeId: string | null;
  assigneeName: string | null;
  createdAt: string;
  flags: ClockFilter[];
}

/** How many tickets the live view lists for action (the counts are always whole). */
export const ATTENTION_LIMIT = 200;

const FLAG_RANK: Record<ClockFilter, number> = {
  responseBreached: 0,
  resolutionBreached: 1,
  responseAtRisk: 2,
  resolutionAtRisk: 3,
};
/** Breached first, then at risk, then the unassigned rest (no flag). */
function rankOf(flags: readonly ClockFilter[]): number {
  let rank = 4;
  for (const f of flags) if (FLAG_RANK[f] < rank) rank = FLAG_RANK[f];
  return rank;
}

/** The counts of the open tickets now (the wallboard shows these alone). */
export interface TicketCounts {
  open: number;
  byPriority: Record<Priority, number>;
  byClock: Record<ClockFilter, number>;
  unassigned: number;
  /** Open tickets per customer municipality, most first. */
  byCustomer: Array<{ customerId: string; count: number }>;
  /** The next instant a ticket enters at risk or breaches by the clock alone (the view looks again then). */
  nextChangeAt: string | null;
}

export interface TicketFigures extends TicketCounts {
  /** Every open ticket at risk or breached now, with its groups (for the alerts). */
  flagged: FlaggedTicket[];
  /** Breached, then at risk, then unassigned tickets, oldest first within each; at most ATTENTION_LIMIT. */
  attention: AttentionTicket[];
  /** How many tickets are breached, at risk or unassigned in all. */
  attentionTotal: number;
}

/** A ticket's clock instants: computed, or kept by the caller between looks (they do not depend on now). */
export type InstantsOf = (t: TicketFacts) => ClockInstants;

/** Counts the open tickets at nowMs; `each` sees every open ticket with its SLA groups. */
export function ticketCounts(
  openTickets: readonly TicketFacts[],
  nowMs: number,
  instantsOf: InstantsOf,
  each?: (t: TicketFacts, flags: ClockFilter[]) => void,
): TicketCounts {
  const byPriority = Object.fromEntries(PRIORITIES.map((p) => [p, 0])) as Record<Priority, number>;
  const byClock = Object.fromEntries(CLOCK_FILTERS.map((f) => [f, 0])) as Record<ClockFilter, number>;
  const customers = new Map<string, number>();
  let open = 0;
  let unassigned = 0;
  let nextChange: number | null = null;
  for (const t of openTickets) {
    if (!isOpenTicket(t)) continue;
    open++;
    byPriority[t.priority as Priority]++;
    if (t.assigneeId === null) unassigned++;
    customers.set(t.customerId, (customers.get(t.customerId) ?? 0) + 1);
    const instants = instantsOf(t);
    const flags = flagsAt(instants, t, nowMs);
    for (const f of flags) byClock[f]++;
    const change = nextChangeAt(instants, t, nowMs);
    if (change !== null && (nextChange === null || change < nextChange)) nextChange = change;
    each?.(t, flags);
  }
  const byCustomer = [...customers]
    .map(([customerId, count]) => ({ customerId, count }))
    .sort((a, b) => b.count - a.count || byText(a.customerId, b.customerId));
  return {
    open,
    byPriority,
    byClock,
    unassigned,
    byCustomer,
    nextChangeAt: nextChange === null ? null : new Date(nextChange).toISOString(),
  };
}

/**
 * The counts, and the tickets at risk or breached and those to act on. Tickets given oldest first
 * (by opening, then id, as the readers give them) are listed without sorting all of them.
 */
export function ticketFigures(
  openTickets: readonly TicketFacts[],
  nowMs: number,
  calendar: ServiceCalendar,
  settings: SlaSettings,
  instantsOf: InstantsOf = (t) => clockInstants(t, calendar, settings),
): TicketFigures {
  const flagged: FlaggedTicket[] = [];
  // The candidates to act on by rank (breached, at risk, unassigned), in the order given.
  const byRank: Array<Array<{ t: TicketFacts; flags: ClockFilter[] }>> = [[], [], [], [], []];
  let attentionTotal = 0;
  const counts = ticketCounts(openTickets, nowMs, instantsOf, (t, flags) => {
    if (flags.length || t.assigneeId === null) {
      byRank[rankOf(flags)]!.push({ t, flags });
      attentionTotal++;
    }
    if (flags.length)
      flagged.push({
        id: t.id,
        reference: t.reference ?? t.provisionalReference,
        priority: t.priority as Priority,
        flags,
      });
  });
  const attention: AttentionTicket[] = [];
  for (const bucket of byRank) {
    if (attention.length >= ATTENTION_LIMIT) break;
    // Already in order when the tickets came oldest first (the sort then only checks it).
    bucket.sort((a, b) => byText(a.t.createdAt, b.t.createdAt) || byText(a.t.id, b.t.id));
    for (const { t, flags } of bucket.slice(0, ATTENTION_LIMIT - attention.length))
      attention.push({
        id: t.id,
        reference: t.reference ?? t.provisionalReference,
        priority: t.priority as Priority,
        summary: t.summary,
        customerId: t.customerId,
        assigneeId: t.assigneeId,
        assigneeName: t.assigneeName,
        createdAt: t.createdAt,
        flags,
      });
  }
  return { ...counts, flagged, attention, attentionTotal };
}

export interface ComplianceRow {
  priority: Priority;
  /** Answered by the response deadline, answered today. */
  met: number;
  /** Response deadline passed today without an answer by it. */
  breached: number;
  /** met ÷ (met + breached); null while none has been settled today. */
  share: number | null;
}

/**
 * Today's response compliance per priority so far (R4, R8). Each ticket counts once, on the day its
 * response target was settled: met on the day it was answered in time, breached on the day its
 * deadline passed unanswered (or answered late). Tickets still within their target are not counted.
 */
export function responseCompliance(
  tickets: readonly TicketFacts[],
  day: DayBounds,
  nowMs: number,
  calendar: ServiceCalendar,
  settings: SlaSettings,
  instantsOf: InstantsOf = (t) => clockInstants(t, calendar, settings),
): ComplianceRow[] {
  const rows = new Map(
    PRIORITIES.map((p) => [p, { priority: p, met: 0, breached: 0, share: null as number | null }]),
  );
  const until = Math.min(nowMs, day.endMs);
  for (const t of tickets) {
    const dueMs = instantsOf(t).responseDueMs;
    const answeredMs = t.respondedAt ? Date.parse(t.respondedAt) : null;
    const answered = answeredMs !== null && answeredMs <= nowMs ? answeredMs : null;
    const row = rows.get(t.priority as Priority)!;
    if (answered !== null && answered <= dueMs) {
      if (answered >= day.startMs && answered < until) row.met++;
    } else if (dueMs >= day.startMs && dueMs < until) {
      row.breached++;
    }
  }
  for (const row of rows.values())
    row.share = row.met + row.breached ? row.met / (row.met + row.breached) : null;
  return [...rows.values()];
}

/** A person on today's shift, as the live view lists them. */
export interface PersonFigures {
  userId: string;
  name: string;
  /** Today's duty on the roster; null when they are not on it (a team lead, say). */
  duty: Duty | null;
  presence: PresenceNow | null;
  callsTaken: number;
  openTickets: number;
  oldestOpenTicket: { id: string; reference: string | null; createdAt: string } | null;
}

/**
 * Per person: calls taken of today's offered calls, open tickets assigned and the oldest of them.
 * People are given in the order to show; their duty and presence come with them.
 */
export function peopleFigures(
  people: ReadonlyArray<{ userId: string; name: string; duty: Duty | null; presence: PresenceNow | null }>,
  calls: readonly CallFacts[],
  openTickets: readonly TicketFacts[],
  day: DayBounds,
): PersonFigures[] {
  const taken = new Map<string, number>();
  for (const c of calls)
    if (c.takenBy && within(c.arrivedAt, day)) taken.set(c.takenBy, (taken.get(c.takenBy) ?? 0) + 1);
  const assigned = new Map<string, TicketFacts[]>();
  for (const t of openTickets) {
    if (!t.assigneeId || !isOpenTicket(t)) continue;
    const list = assigned.get(t.assigneeId) ?? [];
    list.push(t);
    assigned.set(t.assigneeId, list);
  }
  return people.map((p) => {
    const mine = assigned.get(p.userId) ?? [];
    const oldest = mine.reduce<TicketFacts | null>(
      (a, t) => (!a || t.createdAt < a.createdAt || (t.createdAt === a.createdAt && t.id < a.id) ? t : a),
      null,
    );
    return {
      ...p,
      callsTaken: taken.get(p.userId) ?? 0,
      openTickets: mine.length,
      oldestOpenTicket: oldest
        ? {
            id: oldest.id,
            reference: oldest.reference ?? oldest.provisionalReference,
            createdAt: oldest.createdAt,
          }
        : null,
    };
  });
}
