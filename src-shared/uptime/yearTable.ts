// A year's uptime table (R21, R25): per system at a customer, each month's
// figure and the year's, from its outages and its maintenance windows.
import { osloMonth, osloYear, weeklyWindowsIn, type WeeklyWindow } from './periods';
import type { Interval } from './intervals';
import { uptimeOver, uptimeUnions, type OutageSpan, type UptimeFigures } from './uptime';

export interface UptimeSubject {
  /** What the row is for (a system at a customer). */
  key: string;
  outages: readonly OutageSpan[];
  /** Agreed one-off windows. */
  windows: readonly Interval[];
  /** Fixed weekly windows, each from and until the instants it applies (its occurrences starting then). */
  weekly: ReadonlyArray<WeeklyWindow & { fromMs?: number; untilMs?: number }>;
}

export interface UptimeRow {
  key: string;
  /** January to December; months after now have elapsedMs 0 and no figure. */
  months: UptimeFigures[];
  year: UptimeFigures;
}

export function uptimeYearTable(
  year: number,
  nowMs: number,
  subjects: readonly UptimeSubject[],
  target?: number,
): UptimeRow[] {
  const yearPeriod = osloYear(year);
  const months = Array.from({ length: 12 }, (_, i) => osloMonth(year, i + 1));
  // A weekly window's occurrences in the year, laid out once per rule for every subject that has it.
  const laidOut = new Map<string, Interval[]>();
  const weeklyIn = (w: UptimeSubject['weekly'][number]) => {
    const key = `${w.weekday}|${w.start}|${w.end}`;
    let list = laidOut.get(key);
    if (!list) laidOut.set(key, (list = weeklyWindowsIn(w, yearPeriod)));
    const from = w.fromMs ?? Number.NEGATIVE_INFINITY;
    const until = w.untilMs ?? Number.POSITIVE_INFINITY;
    return from === Number.NEGATIVE_INFINITY && until === Number.POSITIVE_INFINITY
      ? list
      : list.filter((i) => i.startMs >= from && i.startMs < until);
  };
  return subjects.map((s) => {
    const unions = uptimeUnions(s.outages, [...s.windows, ...s.weekly.flatMap(weeklyIn)], nowMs);
    return {
      key: s.key,
      months: months.map((period) => uptimeOver(period, nowMs, unions, target)),
      year: uptimeOver(yearPeriod, nowMs, unions, target),
    };
  });
}
