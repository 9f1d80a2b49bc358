// A ticket's life cycle (R10, R12, reopen) and what each step does to its
// SLA clocks. Which steps are allowed from which state, and the resolution
// pauses they open and close, live here once; the clock arithmetic itself is
// src-shared/sla's (computeDeadlines / clockState), never repeated.
import { DomainError } from '../errors';
import {
  atRiskInstants,
  clockState,
  computeDeadlines,
  type PauseInterval,
  type Priority,
  type ServiceCalendar,
  type SlaSettings,
  type TicketClockState,
} from '../sla';
import { OPEN_STATUSES, type ClockFilter, type TicketStatus } from './schemas';

/** A stretch during which the resolution clock stood still, and why. Instants are ISO strings. */
export interface TicketPause {
  kind: 'agreed_plan' | 'temporary_solution' | 'resolved';
  start: string;
  end: string | null;
}

/** The part of a ticket its clocks depend on. */
export interface TicketClockFacts {
  createdAt: string;
  priority: Priority;
  status: TicketStatus;
  respondedAt: string | null;
  resolvedAt: string | null;
  pauses: readonly TicketPause[];
}

/** What a stored ticket (a row, or a list's summary of one) holds about its clocks. */
export interface StoredClockFields {
  createdAt: string;
  priority: string;
  status: string;
  respondedAt: string | null;
  resolvedAt: string | null;
  /** JSON TicketPause[], as stored. */
  pauses: string;
}

/** The clock facts of a stored ticket: the one reading of its columns, for every layer. */
export function clockFacts(t: StoredClockFields): TicketClockFacts {
  return {
    createdAt: t.createdAt,
    priority: t.priority as Priority,
    status: t.status as TicketStatus,
    respondedAt: t.respondedAt,
    resolvedAt: t.resolvedAt,
    pauses: JSON.parse(t.pauses) as TicketPause[],
  };
}

export type TicketAction =
  'start' | 'agreedPlan' | 'temporarySolution' | 'resume' | 'resolve' | 'close' | 'reopen';

const WORKING: readonly TicketStatus[] = ['new', 'in_progress'];
const ALLOWED_FROM: Record<TicketAction, readonly TicketStatus[]> = {
  start: ['new'],
  agreedPlan: [...WORKING, 'temporary_solution'],
  temporarySolution: [...WORKING, 'agreed_plan'],
  resume: ['agreed_plan', 'temporary_solution'],
  resolve: ['new', 'in_progress', 'agreed_plan', 'temporary_solution'],
  close: ['resolved'],
  reopen: ['resolved'],
};
const TARGET: Record<TicketAction, TicketStatus> = {
  start: 'in_progress',
  agreedPlan: 'agreed_plan',
  temporarySolution: 'temporary_solution',
  resume: 'in_progress',
  resolve: 'resolved',
  close: 'closed',
  reopen: 'in_progress',
};

/** R12: only critical and high tickets may rest on a temporary solution. */
export function allowsTemporarySolution(priority: Priority): boolean {
  return priority === 'critical' || priority === 'high';
}

/** Why `action` is not allowed now, or null when it is. */
export function refusal(facts: TicketClockFacts, action: TicketAction): string | null {
  if (!ALLOWED_FROM[action].includes(facts.status)) {
    if (facts.status === 'closed') return 'The ticket is closed; open a new ticket instead';
    return `A ticket that is ${facts.status.replace('_', ' ')} cannot be ${ACTION_WORDS[action]}`;
  }
  if (action === 'temporarySolution' && !allowsTemporarySolution(facts.priority)) {
    return 'Only critical and high tickets can rest on a temporary solution (R12)';
  }
  return null;
}

const ACTION_WORDS: Record<TicketAction, string> = {
  start: 'started',
  agreedPlan: 'put in agreed plan',
  temporarySolution: 'given a temporary solution',
  resume: 'resumed',
  resolve: 'resolved',
  close: 'closed',
  reopen: 'reopened',
};

/**
 * The ticket after `action` at `at` (ISO): new status, pauses and resolution time. Throws
 * DomainError('invalidTransition') with the reason when the step is not allowed. `at` earlier than
 * the ticket's last pause start or end (desks' clocks differ) is taken as that instant, so pauses
 * never run backwards nor overlap.
 */
export function applyTransition(
  facts: TicketClockFacts,
  action: TicketAction,
  at: string,
): Pick<TicketClockFacts, 'status' | 'pauses' | 'resolvedAt'> {
  const why = refusal(facts, action);
  if (why) throw new DomainError('invalidTransition', why, { status: facts.status, action });
  const latest = [
    facts.createdAt,
    facts.resolvedAt ?? '',
    ...facts.pauses.flatMap((p) => [p.start, p.end ?? '']),
  ].reduce((a, b) => (a > b ? a : b));
  const when = at < latest ? latest : at;
  const pauses = facts.pauses.map((p) => (p.end === null ? { ...p, end: when } : p));
  let resolvedAt = facts.resolvedAt;
  if (action === 'agreedPlan') pauses.push({ kind: 'agreed_plan', start: when, end: null });
  if (action === 'temporarySolution') pauses.push({ kind: 'temporary_solution', start: when, end: null });
  if (action === 'resolve') resolvedAt = when;
  if (action === 'reopen') {
    // The time spent resolved does not count against the target (deadlines.ts, PauseInterval).
    pauses.push({ kind: 'resolved', start: facts.resolvedAt ?? when, end: when });
    resolvedAt = null;
  }
  return { status: TARGET[action], pauses, resolvedAt };
}

function pauseIntervals(pauses: readonly TicketPause[]): PauseInterval[] {
  return pauses.map((p) => ({ startMs: Date.parse(p.start), endMs: p.end ? Date.parse(p.end) : null }));
}

/** Both clocks of the ticket at nowMs (status, due, remaining, at risk). */
export function ticketClocks(
  facts: TicketClockFacts,
  nowMs: number,
  calendar: ServiceCalendar,
  settings: SlaSettings,
): TicketClockState {
  return clockState(
    {
      openedAtMs: Date.parse(facts.createdAt),
      priority: facts.priority,
      pauses: pauseIntervals(facts.pauses),
      respondedAtMs: facts.respondedAt ? Date.parse(facts.respondedAt) : null,
      resolvedAtMs: facts.resolvedAt ? Date.parse(facts.resolvedAt) : null,
    },
    nowMs,
    calendar,
    settings,
  );
}

/** What the ticket row stores for sorting and filtering by time to breach. */
export interface StoredDeadlines {
  responseDueAt: string;
  /** Null while an open-ended pause stops the resolution clock before its deadline. */
  resolutionDueAt: string | null;
  /** The next deadline still running (response not yet given, resolution not yet reached); null when none. */
  breachAt: string | null;
}

/**
 * The deadlines to store on the ticket row, computed with the settings in force when the ticket
 * last changed (a settings change applies to tickets as they are next changed).
 */
export function storedDeadlines(
  facts: TicketClockFacts,
  calendar: ServiceCalendar,
  settings: SlaSettings,
): StoredDeadlines {
  const d = computeDeadlines(
    {
      openedAtMs: Date.parse(facts.createdAt),
      priority: facts.priority,
      pauses: pauseIntervals(facts.pauses),
    },
    calendar,
    settings,
  );
  const iso = (ms: number) => new Date(ms).toISOString();
  const running: number[] = [];
  const open = facts.status !== 'resolved' && facts.status !== 'closed';
  if (!facts.respondedAt && open) running.push(d.responseDueMs);
  if (open && d.resolutionDueMs !== undefined) running.push(d.resolutionDueMs);
  return {
    responseDueAt: iso(d.responseDueMs),
    resolutionDueAt: d.resolutionDueMs === undefined ? null : iso(d.resolutionDueMs),
    breachAt: running.length ? iso(Math.min(...running)) : null,
  };
}

const OPEN = new Set<string>(OPEN_STATUSES);

export function isOpenTicket(t: Pick<StoredClockFields, 'status'>): boolean {
  return OPEN.has(t.status);
}

/**
 * The SLA groups an open ticket is in now. Response: only while nobody has answered (a late
 * answer cannot be helped any more); resolution: while it is open. At risk and breached exclude
 * each other (src-shared/sla: at risk is "not yet breached").
 */
export function clockFlags(
  ticket: StoredClockFields,
  nowMs: number,
  calendar: ServiceCalendar,
  settings: SlaSettings,
): ClockFilter[] {
  if (!isOpenTicket(ticket)) return [];
  const clocks = ticketClocks(clockFacts(ticket), nowMs, calendar, settings);
  const flags: ClockFilter[] = [];
  if (ticket.respondedAt === null) {
    if (clocks.response.status === 'breached') flags.push('responseBreached');
    else if (clocks.response.atRisk) flags.push('responseAtRisk');
  }
  if (clocks.resolution.status === 'breached') flags.push('resolutionBreached');
  else if (clocks.resolution.atRisk) flags.push('resolutionAtRisk');
  return flags;
}

/**
 * The next instant after nowMs at which the ticket's SLA groups (clockFlags) change by the clock
 * alone: a clock entering at risk, or breaching (just after its due instant: exactly at due is not
 * late). Null when none will (closed, answered and paused, …).
 */
export function nextClockChangeMs(
  ticket: StoredClockFields,
  nowMs: number,
  calendar: ServiceCalendar,
  settings: SlaSettings,
): number | null {
  if (!isOpenTicket(ticket)) return null;
  const facts = clockFacts(ticket);
  const input = {
    openedAtMs: Date.parse(facts.createdAt),
    priority: facts.priority,
    pauses: pauseIntervals(facts.pauses),
  };
  const due = computeDeadlines(input, calendar, settings);
  const risk = atRiskInstants(input, calendar, settings);
  const instants: Array<number | undefined> = [
    risk.resolutionAtRiskMs,
    due.resolutionDueMs && due.resolutionDueMs + 1,
  ];
  if (ticket.respondedAt === null) instants.push(risk.responseAtRiskMs, due.responseDueMs + 1);
  let next: number | null = null;
  for (const at of instants) if (at !== undefined && at > nowMs && (next === null || at < next)) next = at;
  return next;
}
