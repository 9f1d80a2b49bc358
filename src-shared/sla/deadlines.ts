// Owns a ticket's two SLA clocks (R4, R8, R10, R12): deadlines from opening time, priority and
// pauses, and the clock state at an instant. Does not store tickets or decide when pauses happen.
import { CONTINUOUS_CALENDAR, createServiceCalendar, type ServiceCalendar } from './calendar';
import { SlaError } from './errors';
import {
  isPriority,
  parseSlaSettings,
  type Priority,
  type PriorityTarget,
  type SlaSettings,
  type SlaSettingsInput,
} from './settings';

const MINUTE_MS = 60_000;

/**
 * An interval [startMs, endMs) during which the RESOLUTION clock is stopped: the ticket was in
 * "agreed plan" (R10), had a temporary solution (R12), or was resolved before being reopened (pass
 * the resolved-to-reopened span as a pause so a reopened ticket continues its clock). endMs
 * undefined or null = still paused. The response clock never pauses.
 */
export interface PauseInterval {
  startMs: number;
  endMs?: number | null;
}

export interface TicketClockInput {
  /** When the ticket was filed (any instant; in closed time the clock starts at the next opening, R2). */
  openedAtMs: number;
  /** The current priority. A priority change is just a new call: every clock counts from openedAtMs. */
  priority: Priority;
  /** Resolution pauses, in any order; they must not overlap (touching is fine). */
  pauses?: readonly PauseInterval[];
}

export interface Deadlines {
  priority: Priority;
  /** True when this priority's clocks run 24/7 (extended cover). */
  clock24x7: boolean;
  /** When the clocks start: the next opening at or after openedAtMs (R2), or openedAtMs on 24/7. */
  clockStartMs: number;
  /** Response target and resolution target in (service) ms. */
  responseTargetMs: number;
  resolutionTargetMs: number;
  /** Response due; never affected by pauses. */
  responseDueMs: number;
  /**
   * Resolution due, pushed back by the service time inside pauses. undefined while an open-ended
   * pause that began before the deadline is running (the clock is stopped, nothing is due yet).
   */
  resolutionDueMs: number | undefined;
}

export type ClockStatus = 'running' | 'paused' | 'met' | 'breached';

export interface ClockState {
  status: ClockStatus;
  /** Running or paused, not breached, and shareUsed ≥ settings.atRiskShare. */
  atRisk: boolean;
  /** The instant the clock is due, or undefined while stopped by an open-ended pause. */
  dueMs: number | undefined;
  targetMs: number;
  /** Service time counted (pauses excluded) up to now, or up to the stop event when stopped. */
  elapsedMs: number;
  /** targetMs − elapsedMs; ≤ 0 once the target is used up. */
  remainingMs: number;
  /** elapsedMs / targetMs (1 = whole target used; may exceed 1). */
  shareUsed: number;
}

export interface ClockStateInput extends TicketClockInput {
  /** First answer by an agent (R8); the response clock stops here. */
  respondedAtMs?: number | null;
  /** Resolved (and not reopened); the resolution clock stops here. */
  resolvedAtMs?: number | null;
}

export interface TicketClockState {
  response: ClockState;
  resolution: ClockState;
  deadlines: Deadlines;
}

interface NormalizedPause {
  startMs: number;
  endMs: number; // Infinity when open-ended
}

function isoOf(ms: number): string {
  return Number.isFinite(ms) ? new Date(ms).toISOString() : String(ms);
}

function checkInstant(ms: unknown, what: string): asserts ms is number {
  if (typeof ms !== 'number' || !Number.isFinite(ms)) {
    throw new SlaError(
      'invalid-input',
      `${what} must be a finite epoch-millisecond number, got ${String(ms)}`,
    );
  }
}

const NO_PAUSES: readonly NormalizedPause[] = [];

/**
 * Validates pauses, sorts them and clips them to the opening instant (time before the ticket
 * existed cannot pause it). Throws SlaError for a pause ending before it starts, or overlapping
 * another (pauses that only touch are fine).
 */
function normalizePauses(
  pauses: readonly PauseInterval[] | undefined,
  openedAtMs: number,
): readonly NormalizedPause[] {
  if (!pauses || pauses.length === 0) return NO_PAUSES;
  const list: (NormalizedPause & { index: number })[] = [];
  for (let index = 0; index < pauses.length; index++) {
    const p = pauses[index];
    if (!p || typeof p !== 'object')
      throw new SlaError('invalid-input', `pauses[${index}] must be an object`);
    checkInstant(p.startMs, `pauses[${index}].startMs`);
    let endMs = Infinity;
    if (p.endMs !== undefined && p.endMs !== null) {
      checkInstant(p.endMs, `pauses[${index}].endMs`);
      if (p.endMs < p.startMs) {
        throw new SlaError(
          'invalid-input',
          `pauses[${index}] ends (${isoOf(p.endMs)}) before it starts (${isoOf(p.startMs)})`,
        );
      }
      endMs = p.endMs;
    }
    list.push({ startMs: p.startMs, endMs, index });
  }
  if (list.length > 1) list.sort((a, b) => a.startMs - b.startMs);
  const out: NormalizedPause[] = [];
  let widest: (NormalizedPause & { index: number }) | undefined; // the non-empty pause reaching furthest so far
  for (const p of list) {
    if (p.endMs === p.startMs) continue; // an empty pause pauses nothing
    if (widest && widest.endMs > p.startMs) {
      const [a, b] = widest.index < p.index ? [widest, p] : [p, widest];
      const end = (x: NormalizedPause) => (x.endMs === Infinity ? 'still paused' : isoOf(x.endMs));
      throw new SlaError(
        'invalid-input',
        `pauses[${b.index}] (${isoOf(b.startMs)} to ${end(b)}) overlaps pauses[${a.index}] (${isoOf(a.startMs)} to ${end(a)})`,
      );
    }
    if (!widest || p.endMs > widest.endMs) widest = p;
    if (p.endMs <= openedAtMs) continue;
    out.push({ startMs: p.startMs > openedAtMs ? p.startMs : openedAtMs, endMs: p.endMs });
  }
  return out;
}

function targetFor(settings: SlaSettings, priority: Priority): PriorityTarget {
  if (!isPriority(priority)) {
    throw new SlaError(
      'invalid-input',
      `unknown priority "${String(priority)}" (priorities are critical, high, medium, low)`,
    );
  }
  const t = settings?.targets?.[priority];
  if (!t) throw new SlaError('invalid-settings', `targets.${priority} is missing`);
  if (!(t.responseMinutes > 0) || !Number.isFinite(t.responseMinutes)) {
    throw new SlaError('invalid-settings', `targets.${priority}.responseMinutes must be positive`);
  }
  if (!(t.resolutionMinutes > 0) || !Number.isFinite(t.resolutionMinutes)) {
    throw new SlaError('invalid-settings', `targets.${priority}.resolutionMinutes must be positive`);
  }
  return t;
}

/** The earliest instant the paused clock has counted `targetMs`, or undefined if stopped for good. */
function dueWithPauses(
  cal: ServiceCalendar,
  openedAtMs: number,
  targetMs: number,
  pauses: readonly NormalizedPause[],
): number | undefined {
  let cursor = openedAtMs;
  let remaining = targetMs;
  for (const p of pauses) {
    if (p.startMs > cursor) {
      const available = cal.elapsed(cursor, p.startMs);
      if (remaining <= available) return cal.addServiceTime(cursor, remaining);
      remaining -= available;
    }
    if (p.endMs === Infinity) return undefined;
    if (p.endMs > cursor) cursor = p.endMs;
  }
  return cal.addServiceTime(cursor, remaining);
}

/** Service time between openedAtMs and atMs with the pauses taken out. */
function countedTime(
  cal: ServiceCalendar,
  openedAtMs: number,
  atMs: number,
  pauses: readonly NormalizedPause[],
): number {
  if (!(atMs > openedAtMs)) return 0;
  let t = cal.elapsed(openedAtMs, atMs);
  for (const p of pauses) {
    if (p.startMs >= atMs) break;
    t -= cal.elapsed(p.startMs, p.endMs < atMs ? p.endMs : atMs);
  }
  return t;
}

function pickCalendar(calendar: ServiceCalendar, clock24x7: boolean): ServiceCalendar {
  return clock24x7 ? CONTINUOUS_CALENDAR : calendar;
}

/**
 * Response and resolution deadlines for a ticket (R4). Both targets count service time from
 * openedAtMs (so a ticket filed in closed time starts at the next opening, R2), or wall-clock time
 * when the priority has clock24x7. Pauses (R10 agreed plan, R12 temporary solution, time spent
 * resolved before a reopen) push back only the resolution deadline. After a priority change call
 * again with the new priority and the same pauses: the clock is recomputed from the opening time.
 * `calendar` must be built from the same settings. Throws SlaError on an unknown priority, a
 * non-finite instant, or pauses that end before they start or overlap.
 */
export function computeDeadlines(
  ticket: TicketClockInput,
  calendar: ServiceCalendar,
  settings: SlaSettings,
): Deadlines {
  checkInstant(ticket.openedAtMs, 'openedAtMs');
  const target = targetFor(settings, ticket.priority);
  return deadlinesFor(ticket, target, normalizePauses(ticket.pauses, ticket.openedAtMs), calendar);
}

/**
 * When each clock becomes "at risk": the instant its counted time reaches settings.atRiskShare of
 * its target (the same service time, pauses and calendar as the deadline itself, on a shortened
 * target). clockState's atRisk turns true at exactly these instants; the live view schedules its
 * next look, and the team lead's alerts fire, by them.
 */
export function atRiskInstants(
  ticket: TicketClockInput,
  calendar: ServiceCalendar,
  settings: SlaSettings,
): { responseAtRiskMs: number; resolutionAtRiskMs: number | undefined } {
  checkInstant(ticket.openedAtMs, 'openedAtMs');
  const target = targetFor(settings, ticket.priority);
  const share = settings.atRiskShare;
  const shortened = {
    ...target,
    responseMinutes: target.responseMinutes * share,
    resolutionMinutes: target.resolutionMinutes * share,
  };
  const d = deadlinesFor(ticket, shortened, normalizePauses(ticket.pauses, ticket.openedAtMs), calendar);
  return { responseAtRiskMs: d.responseDueMs, resolutionAtRiskMs: d.resolutionDueMs };
}

function deadlinesFor(
  ticket: TicketClockInput,
  target: PriorityTarget,
  pauses: readonly NormalizedPause[],
  calendar: ServiceCalendar,
): Deadlines {
  const { openedAtMs, priority } = ticket;
  const cal = pickCalendar(calendar, target.clock24x7);
  const responseTargetMs = target.responseMinutes * MINUTE_MS;
  const resolutionTargetMs = target.resolutionMinutes * MINUTE_MS;
  return {
    priority,
    clock24x7: target.clock24x7,
    clockStartMs: cal.nextOpening(openedAtMs),
    responseTargetMs,
    resolutionTargetMs,
    responseDueMs: cal.addServiceTime(openedAtMs, responseTargetMs),
    resolutionDueMs:
      pauses.length === 0
        ? cal.addServiceTime(openedAtMs, resolutionTargetMs)
        : dueWithPauses(cal, openedAtMs, resolutionTargetMs, pauses),
  };
}

function state(
  cal: ServiceCalendar,
  openedAtMs: number,
  targetMs: number,
  dueMs: number | undefined,
  stoppedAtMs: number | null | undefined,
  nowMs: number,
  pauses: readonly NormalizedPause[],
  atRiskShare: number,
): ClockState {
  const stopped = stoppedAtMs !== undefined && stoppedAtMs !== null && stoppedAtMs <= nowMs;
  const until = stopped ? stoppedAtMs : nowMs;
  const elapsedMs = countedTime(cal, openedAtMs, until, pauses);
  const shareUsed = elapsedMs / targetMs;
  let status: ClockStatus;
  if (dueMs !== undefined && until > dueMs) status = 'breached';
  else if (stopped) status = 'met';
  else if (pauses.some((p) => p.startMs <= nowMs && nowMs < p.endMs)) status = 'paused';
  else status = 'running';
  return {
    status,
    atRisk: (status === 'running' || status === 'paused') && shareUsed >= atRiskShare,
    dueMs,
    targetMs,
    elapsedMs,
    remainingMs: targetMs - elapsedMs,
    shareUsed,
  };
}

/**
 * Both clocks of a ticket at `nowMs`. A clock is 'met' when its stop event (respondedAtMs for
 * response, resolvedAtMs for resolution) is at or before its due instant and at or before now;
 * 'breached' when the stop event or now is after the due instant (exactly at due is not late);
 * else 'paused' when now is inside a pause (resolution only), else 'running'. A clock stopped by an
 * open-ended pause before its deadline has no due instant and is 'paused', never 'breached'.
 * Stop events after nowMs are ignored (not happened yet).
 */
export function clockState(
  ticket: ClockStateInput,
  nowMs: number,
  calendar: ServiceCalendar,
  settings: SlaSettings,
): TicketClockState {
  checkInstant(nowMs, 'nowMs');
  if (ticket.respondedAtMs != null) checkInstant(ticket.respondedAtMs, 'respondedAtMs');
  if (ticket.resolvedAtMs != null) checkInstant(ticket.resolvedAtMs, 'resolvedAtMs');
  checkInstant(ticket.openedAtMs, 'openedAtMs');
  const target = targetFor(settings, ticket.priority);
  const pauses = normalizePauses(ticket.pauses, ticket.openedAtMs);
  const deadlines = deadlinesFor(ticket, target, pauses, calendar);
  const cal = pickCalendar(calendar, target.clock24x7);
  const share = settings.atRiskShare;
  return {
    response: state(
      cal,
      ticket.openedAtMs,
      deadlines.responseTargetMs,
      deadlines.responseDueMs,
      ticket.respondedAtMs,
      nowMs,
      NO_PAUSES,
      share,
    ),
    resolution: state(
      cal,
      ticket.openedAtMs,
      deadlines.resolutionTargetMs,
      deadlines.resolutionDueMs,
      ticket.resolvedAtMs,
      nowMs,
      pauses,
      share,
    ),
    deadlines,
  };
}

const previewCache = new WeakMap<object, { settings: SlaSettings; calendar: ServiceCalendar }>();

/**
 * Deadlines of a fresh ticket (no pauses) for the UI preview. Settings are validated (SlaError on
 * bad settings); the built calendar is cached per settings object, so pass the same object again.
 */
export function previewDeadlines(
  settings: SlaSettingsInput,
  priority: Priority,
  openedAtMs: number,
): { responseDueMs: number; resolutionDueMs: number } {
  let entry = typeof settings === 'object' && settings !== null ? previewCache.get(settings) : undefined;
  if (!entry) {
    const parsed = parseSlaSettings(settings);
    entry = { settings: parsed, calendar: createServiceCalendar(parsed) };
    if (typeof settings === 'object' && settings !== null) previewCache.set(settings, entry);
  }
  const d = computeDeadlines({ openedAtMs, priority }, entry.calendar, entry.settings);
  return { responseDueMs: d.responseDueMs, resolutionDueMs: d.resolutionDueMs! };
}
