// The SLA clocks of tickets as the renderer shows them: the settings in force
// (sla.settings), one service calendar per settings object, and which clock a
// list should count down to. The clock arithmetic is src-shared's
// (ticketClocks); nothing here computes service time itself.
import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import {
  createServiceCalendar,
  type ClockState,
  type ServiceCalendar,
  type SlaSettings,
  type TicketClockState,
} from '../../../src-shared/sla';
import {
  clockFacts,
  ticketClocks,
  type StoredClockFields,
  type TicketPause,
} from '../../../src-shared/tickets/lifecycle';
import { useTRPC } from '../../app/trpc';

export interface Sla {
  settings: SlaSettings;
  calendar: ServiceCalendar;
}

const calendars = new WeakMap<SlaSettings, ServiceCalendar>();

/** One calendar per settings object (building one computes a year of openings). */
function calendarFor(settings: SlaSettings): ServiceCalendar {
  let calendar = calendars.get(settings);
  if (!calendar) {
    calendar = createServiceCalendar(settings);
    calendars.set(settings, calendar);
  }
  return calendar;
}

/** The SLA settings in force on this desk and their calendar; null until loaded. */
export function useSla(): Sla | null {
  const trpc = useTRPC();
  const q = useQuery(trpc.sla.settings.queryOptions(undefined, { staleTime: 60_000 }));
  const settings = q.data?.settings as SlaSettings | undefined;
  return useMemo(() => (settings ? { settings, calendar: calendarFor(settings) } : null), [settings]);
}

export type ClockFields = StoredClockFields;
export { clockFacts };

export function clocksOf(t: ClockFields, nowMs: number, sla: Sla): TicketClockState {
  return ticketClocks(clockFacts(t), nowMs, sla.calendar, sla.settings);
}

export type Which = 'response' | 'resolution';

/** What a list shows in its deadline column. */
export type NextDeadline =
  | { kind: 'clock'; which: Which; clock: ClockState }
  | { kind: 'paused'; pause: TicketPause['kind'] | null; clock: ClockState }
  | { kind: 'done'; status: 'resolved' | 'closed'; clock: ClockState };

/**
 * The next deadline of a ticket: of the clocks still running (response not given, resolution not
 * reached; overdue ones included), the one due first. A ticket whose only running clock is paused
 * shows as paused; a resolved or closed one shows how its resolution went.
 */
export function nextDeadline(t: ClockFields, clocks: TicketClockState): NextDeadline {
  if (t.status === 'resolved' || t.status === 'closed') {
    return { kind: 'done', status: t.status, clock: clocks.resolution };
  }
  const running: Array<{ which: Which; clock: ClockState }> = [];
  if (!t.respondedAt) running.push({ which: 'response', clock: clocks.response });
  const paused = clocks.resolution.status === 'paused';
  if (!paused && !t.resolvedAt) running.push({ which: 'resolution', clock: clocks.resolution });
  running.sort((a, b) => (a.clock.dueMs ?? Infinity) - (b.clock.dueMs ?? Infinity));
  const first = running[0];
  if (first) return { kind: 'clock', which: first.which, clock: first.clock };
  const open = (JSON.parse(t.pauses) as TicketPause[]).find((p) => p.end === null);
  return { kind: 'paused', pause: open?.kind ?? null, clock: clocks.resolution };
}

/** The tone a clock is shown in: text and colour say the same. */
export function clockTone(clock: ClockState): 'breached' | 'atRisk' | 'paused' | 'met' | 'running' {
  if (clock.status === 'breached') return 'breached';
  if (clock.status === 'paused') return 'paused';
  if (clock.atRisk) return 'atRisk';
  if (clock.status === 'met') return 'met';
  return 'running';
}
