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
 * The instants at which a ticket's clocks enter at risk and fall due (sla.atRiskInstants and
 * computeDeadlines). They depend on its opening, priority and pauses and the settings, not on
 * the time now, so a caller that looks at many tickets again and again (the live view) can keep
 * them. Undefined resolution instants: stopped by an open-ended pause before they came.
 */
export interface ClockInstants {
  responseAtRiskMs: number;
  responseDueMs: number;
  resolutionAtRiskMs: number | undefined;
  resolutionDueMs: number | undefined;
}

export function clockInstants(
  ticket: Pick<StoredClockFields, 'createdAt' | 'priority' | 'pauses'>,
  calendar: ServiceCalendar,
  settings: SlaSettings,
): ClockInstants {
  const input = {
    openedAtMs: Date.parse(ticket.createdAt),
    priority: ticket.priority as Priority,
    pauses: pauseIntervals(JSON.parse(ticket.pauses) as TicketPause[]),
  };
  const due = computeDeadlines(input, calendar, settings);
  const risk = atRiskInstants(input, calendar, settings);
  return {
    responseAtRiskMs: risk.responseAtRiskMs,
    responseDueMs: due.responseDueMs,
    resolutionAtRiskMs: risk.resolutionAtRiskMs,
    resolutionDueMs: due.resolutionDueMs,
  };
}

/**
 * The SLA groups an open ticket is in at nowMs, given its clock instants. Response: only while
 * nobody has answered (a late answer cannot be helped any more); resolution: while it is open.
 * Breached just after the due instant (exactly at due is not late); at risk from its at-risk
 * instant until then. The same answer as clockState's (tests/unit/.../nextClockChange.test.ts).
 */
export function flagsAt(
  instants: ClockInstants,
  ticket: Pick<StoredClockFields, 'status' | 'respondedAt'>,
  nowMs: number,
): ClockFilter[] {
  if (!isOpenTicket(ticket)) return [];
  const flags: ClockFilter[] = [];
  if (ticket.respondedAt === null) {
    if (nowMs > instants.responseDueMs) flags.push('responseBreached');
    else if (nowMs >= instants.responseAtRiskMs) flags.push('responseAtRisk');
  }
  if (instants.resolutionDueMs !== undefined && nowMs > instants.resolutionDueMs)
    flags.push('resolutionBreached');
  else if (instants.resolutionAtRiskMs !== undefined && nowMs >= instants.resolutionAtRiskMs)
    flags.push('resolutionAtRisk');
  return flags;
}

/**
 * The next instant after nowMs at which flagsAt changes by the clock alone (a clock entering at
 * risk, or breaching); null when none will.
 */
export function nextChangeAt(
  instants: ClockInstants,
  ticket: Pick<StoredClockFields, 'status' | 'respondedAt'>,
  nowMs: number,
): number | null {
  if (!isOpenTicket(ticket)) return null;
  const candidates = [
    instants.resolutionAtRiskMs,
    instants.resolutionDueMs === undefined ? undefined : instants.resolutionDueMs + 1,
  ];
  if (ticket.respondedAt === null) candidates.push(instants.responseAtRiskMs, instants.responseDueMs + 1);
  let next: number | null = null;
  for (const at of candidates) if (at !== undefined && at > nowMs && (next === null || at < next)) next = at;
  return next;
}

/** The SLA groups an open ticket is in now (flagsAt on its clock instants). */
export function clockFlags(
  ticket: StoredClockFields,
  nowMs: number,
  calendar: ServiceCalendar,
  settings: SlaSettings,
): ClockFilter[] {
  if (!isOpenTicket(ticket)) return [];
  return flagsAt(clockInstants(ticket, calendar, settings), ticket, nowMs);
}

/** The next instant after nowMs at which the ticket's SLA groups change by the clock alone. */
export function nextClockChangeMs(
  ticket: StoredClockFields,
  nowMs: number,
  calendar: ServiceCalendar,
  settings: SlaSettings,
): number | null {
  if (!isOpenTicket(ticket)) return null;
  return nextChangeAt(clockInstants(ticket, calendar, settings), ticket, nowMs);
}
