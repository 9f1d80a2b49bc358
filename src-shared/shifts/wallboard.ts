// The wallboard (issue 15): what the screen on the wall shows, and all it is
// given. Counts, waits and first names only (R27): no reporter, caller or
// ticket is named, no phone number or id leaves the central store this way.
import type { ClockFilter } from '../tickets/schemas';
import type { Priority } from '../sla';
import type { CallFigures, TicketCounts } from './liveFigures';
import type { PresenceState } from './presence';

export interface WallboardView {
  day: string;
  at: string;
  /** The threshold of "answered in time", in seconds, and of a long wait, in minutes. */
  answerWithinSeconds: number;
  longWaitSeconds: number;
  calls: {
    /** Callers waiting now. */
    waiting: number;
    /**
     * When the longest-waiting caller arrived (the screen counts the wait up), null with nobody
     * waiting. One instant, not one per caller: the screen shows the count and the longest wait,
     * and the figures go to every screen on every change, however long the queue grows.
     */
    longestWaitingSince: string | null;
    answered: number;
    abandoned: number;
    missedNotCalledBack: number;
    medianWaitMs: number | null;
    answeredInTimeShare: number | null;
    abandonedShare: number | null;
  };
  /** The people on the shift: first name, state and since when. */
  people: Array<{ firstName: string; state: PresenceState | null; since: string | null }>;
  tickets: { open: number; byPriority: Record<Priority, number>; byClock: Record<ClockFilter, number> };
}

/** "Kari" of "Kari Nordvik"; a one-word name as it is. */
export function firstName(name: string): string {
  return name.trim().split(/\s+/, 1)[0] ?? '';
}

/** The wallboard's share of the live view's figures: nothing that names a caller or a ticket. */
export function wallboardView(
  figures: {
    day: string;
    at: string;
    calls: CallFigures;
    tickets: TicketCounts;
    people: ReadonlyArray<{ name: string; presence: { state: PresenceState; since: string } | null }>;
  },
  settings: { answerWithinSeconds: number; longWaitSeconds: number },
): WallboardView {
  const { calls, tickets } = figures;
  return {
    day: figures.day,
    at: figures.at,
    answerWithinSeconds: settings.answerWithinSeconds,
    longWaitSeconds: settings.longWaitSeconds,
    calls: {
      waiting: calls.waiting.length,
      longestWaitingSince: calls.waiting[0]?.arrivedAt ?? null,
      answered: calls.answered,
      abandoned: calls.abandoned,
      missedNotCalledBack: calls.missedNotCalledBack,
      medianWaitMs: calls.medianWaitMs,
      answeredInTimeShare: calls.answeredInTimeShare,
      abandonedShare: calls.abandonedShare,
    },
    people: figures.people.map((p) => ({
      firstName: firstName(p.name),
      state: p.presence?.state ?? null,
      since: p.presence?.since ?? null,
    })),
    tickets: { open: tickets.open, byPriority: tickets.byPriority, byClock: tickets.byClock },
  };
}
