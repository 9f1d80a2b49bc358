// Instants cross every boundary as ISO-8601 UTC strings ("2026-11-27T07:40:00.000Z"):
// they sort as text, survive JSON and IPC, and mean the same on SQLite and PostgreSQL.
// An instant a client claims something happened at (a call's arrival, a
// mutation's `at`) must also lie near the clock of the machine that checks it
// (clientInstantSchema, issue 13 item 2): the desk when it records the
// change, the central store when it applies the push, each by its own clock,
// with the same message. Instants that are legitimately far away (an expiry,
// SLA settings, search bounds, imported data) use instantSchema.
import { z } from 'zod';

export const instantSchema = z.iso.datetime({ offset: false, precision: 3 });
export type Instant = string;

export function toInstant(date: Date | number): Instant {
  return new Date(date).toISOString();
}

export function instantMs(instant: Instant): number {
  return Date.parse(instant);
}

/** How far from the checking machine's clock a client's instant may lie. */
export interface ClientClockWindow {
  /** Offline work: how many days back an instant is still accepted. */
  pastDays: number;
  /** Clocks differ a little: how many minutes ahead an instant is still accepted. */
  aheadMinutes: number;
}

export const DEFAULT_CLIENT_CLOCK_WINDOW: Readonly<ClientClockWindow> = Object.freeze({
  pastDays: 30,
  aheadMinutes: 5,
});

let clientClock: Readonly<ClientClockWindow> = DEFAULT_CLIENT_CLOCK_WINDOW;

/**
 * Sets the window for this process (the central store's `clientClock` option, `--client-clock-days`
 * and `--client-clock-ahead-minutes`); omitted parts keep their defaults, null restores them. A desk
 * and its embedded central store share one process, and so one window.
 */
export function setClientClockWindow(window: Partial<ClientClockWindow> | null): void {
  const next = { ...DEFAULT_CLIENT_CLOCK_WINDOW, ...(window ?? {}) };
  for (const [name, value] of Object.entries(next)) {
    if (!Number.isFinite(value) || value < 0)
      throw new RangeError(`The client clock window's ${name} must be a number ≥ 0, got ${value}`);
  }
  clientClock = Object.freeze(next);
}

export function clientClockWindow(): Readonly<ClientClockWindow> {
  return clientClock;
}

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

/**
 * Why a client's instant lies outside the window around `nowMs` (this machine's clock), or null
 * when it is inside (or not an instant at all: that is the format's error).
 */
export function clientInstantProblem(
  instant: string,
  nowMs: number = Date.now(),
  window: Readonly<ClientClockWindow> = clientClock,
): { reason: 'clientClockPast' | 'clientClockAhead'; message: string } | null {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) return null;
  const days = plural(window.pastDays, 'day');
  if (ms < nowMs - window.pastDays * 86_400_000)
    return {
      reason: 'clientClockPast',
      message: `${instant} is more than ${days} before this machine's clock (offline work is accepted for ${days})`,
    };
  const minutes = plural(window.aheadMinutes, 'minute');
  if (ms > nowMs + window.aheadMinutes * 60_000)
    return {
      reason: 'clientClockAhead',
      message: `${instant} is more than ${minutes} ahead of this machine's clock (clocks may differ by ${minutes} at most)`,
    };
  return null;
}

/** An instant a client says something happened at: an instant, inside the window around this machine's clock. */
export const clientInstantSchema = instantSchema.superRefine((value, ctx) => {
  const problem = clientInstantProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem.message, params: { reason: problem.reason } });
});

/** A calendar day, YYYY-MM-DD. */
export const daySchema = z.iso.date('Not a date (YYYY-MM-DD)');
