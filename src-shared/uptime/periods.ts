// The periods uptime is measured over (R21: calendar months and years, in
// Europe/Oslo, with their true length across DST) and the fixed weekly
// maintenance windows (R20, R24) laid out over them, in Oslo's wall-clock time.
import { DateTime } from 'luxon';
import { SERVICE_TIME_ZONE } from '../serviceTimeZone';
import type { Interval } from './intervals';

/** A calendar month in Oslo (month 1–12): from its first midnight to the next month's. */
export function osloMonth(year: number, month: number): Interval {
  const start = DateTime.fromObject({ year, month, day: 1 }, { zone: SERVICE_TIME_ZONE });
  return { startMs: start.toMillis(), endMs: start.plus({ months: 1 }).toMillis() };
}

/** A calendar year in Oslo. */
export function osloYear(year: number): Interval {
  const start = DateTime.fromObject({ year, month: 1, day: 1 }, { zone: SERVICE_TIME_ZONE });
  return { startMs: start.toMillis(), endMs: start.plus({ years: 1 }).toMillis() };
}

/**
 * A fixed weekly window, e.g. Tuesdays 21:00–23:00: ISO weekday (1 = Monday) and local times
 * 'HH:mm'. An end at or before the start runs past midnight into the next day.
 */
export interface WeeklyWindow {
  weekday: number;
  start: string;
  end: string;
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * Oslo's UTC offset (minutes) from each of its changes in a year, found once per year: a look at
 * each day, and at each hour of a day whose offset changed (luxon's per-instant conversion is too
 * slow to lay out a year of windows for hundreds of systems).
 */
const changesByYear = new Map<number, { fromMs: Float64Array; offsetMin: Int16Array }>();
function offsetChanges(year: number) {
  let found = changesByYear.get(year);
  if (found) return found;
  const offsetAt = (ms: number) => DateTime.fromMillis(ms, { zone: SERVICE_TIME_ZONE }).offset;
  const start = Date.UTC(year - 1, 11, 31);
  const end = Date.UTC(year + 1, 0, 2);
  const fromMs = [start];
  const offsetMin = [offsetAt(start)];
  for (let day = start; day < end; day += 86_400_000) {
    if (offsetAt(day + 86_400_000) === offsetMin[offsetMin.length - 1]) continue;
    for (let hour = day; hour < day + 86_400_000; hour += 3_600_000) {
      const o = offsetAt(hour + 3_600_000);
      if (o !== offsetMin[offsetMin.length - 1]) {
        fromMs.push(hour + 3_600_000);
        offsetMin.push(o);
      }
    }
  }
  found = { fromMs: Float64Array.from(fromMs), offsetMin: Int16Array.from(offsetMin) };
  changesByYear.set(year, found);
  return found;
}

function offsetAtMs(ms: number): number {
  const c = offsetChanges(new Date(ms).getUTCFullYear());
  let i = c.fromMs.length - 1;
  while (i > 0 && c.fromMs[i]! > ms) i--;
  return c.offsetMin[i]!;
}

/**
 * The instant of an Oslo wall-clock time (month 1–12), disambiguated as Temporal's "compatible"
 * does: a time the autumn change repeats is its first occurrence; one the spring change skips
 * falls as far later as the change (02:30 is 03:30 summer time). (luxon's reading of a repeated
 * time depends on the season it runs in, so it is not the rule here.)
 */
export function osloWallToMs(year: number, month: number, day: number, minuteOfDay: number): number {
  const wall = Date.UTC(year, month - 1, day) + minuteOfDay * 60_000;
  const [a, b] = [offsetAtMs(wall - 12 * 3_600_000), offsetAtMs(wall + 12 * 3_600_000)];
  const [lo, hi] = [Math.min(a, b), Math.max(a, b)];
  const earlier = wall - hi * 60_000;
  if (offsetAtMs(earlier) === hi) return earlier;
  return wall - lo * 60_000; // exists only with the lower offset, or skipped (then an hour on)
}

/** The window's occurrences overlapping `period`, as instants (a DST night gives its true length). */
export function weeklyWindowsIn(window: WeeklyWindow, period: Interval): Interval[] {
  if (!Number.isInteger(window.weekday) || window.weekday < 1 || window.weekday > 7)
    throw new RangeError(`weekday must be 1 (Monday) to 7 (Sunday), got ${window.weekday}`);
  for (const t of [window.start, window.end])
    if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(t)) throw new RangeError(`a window's times are HH:mm, got "${t}"`);
  const out: Interval[] = [];
  const [startMin, endMin] = [minutesOf(window.start), minutesOf(window.end)];
  const spansMidnight = endMin <= startMin;
  // Civil days, from a week before the period (an occurrence may run into it) to its end.
  const first = DateTime.fromMillis(period.startMs, { zone: SERVICE_TIME_ZONE }).minus({ days: 7 });
  let civil = Date.UTC(first.year, first.month - 1, first.day);
  while (((new Date(civil).getUTCDay() + 6) % 7) + 1 !== window.weekday) civil += 86_400_000;
  for (; ; civil += 7 * 86_400_000) {
    const d = new Date(civil);
    const startMs = osloWallToMs(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), startMin);
    if (startMs >= period.endMs) break;
    const e = new Date(civil + (spansMidnight ? 86_400_000 : 0));
    const endMs = osloWallToMs(e.getUTCFullYear(), e.getUTCMonth() + 1, e.getUTCDate(), endMin);
    if (endMs > period.startMs && endMs > startMs) out.push({ startMs, endMs });
  }
  return out;
}
