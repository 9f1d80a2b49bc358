// Owns service time: which instants the desk is open (R1, exceptions, public holidays) and the
// arithmetic on service time over them. Knows nothing of tickets, priorities, targets or pauses.
import { DateTime } from 'luxon';
import { SlaError } from './errors';
import { publicHolidayDates } from './holidays';
import { parseSlaSettings, type CalendarSettings, type SlaSettingsInput } from './settings';

/**
 * A clock's view of time. Instants are epoch milliseconds; durations are milliseconds.
 * Open time is a union of half-open intervals [opening, closing): an instant exactly at closing
 * (15:30) is closed, an instant exactly at opening (08:00) is open.
 */
export interface ServiceCalendar {
  /** 'service-hours' for the R1 calendar, '24x7' for a clock that always runs. */
  readonly kind: 'service-hours' | '24x7';
  /** Open time between two instants; 0 when endMs ≤ startMs. */
  elapsed(startMs: number, endMs: number): number;
  /**
   * The earliest instant t ≥ startMs with elapsed(startMs, t) === durationMs. For durationMs > 0
   * it is inside open time or exactly at a closing (never rolled to the next opening); for 0 it is
   * startMs itself. Throws SlaError for a negative or non-finite duration.
   */
  addServiceTime(startMs: number, durationMs: number): number;
  /** True when the desk is open at the instant (opening inclusive, closing exclusive). */
  isOpen(ms: number): boolean;
  /** ms itself when open at ms, else the next opening after it (R2: the clock starts there). */
  nextOpening(ms: number): number;
  /** The open intervals overlapping [fromMs, toMs), clipped to it (for display and tests). */
  openIntervals(fromMs: number, toMs: number): { startMs: number; endMs: number }[];
}

/** Earliest and latest local years the calendar will build; instants outside are refused. */
export const MIN_YEAR = 1970;
export const MAX_YEAR = 2200;

const AVG_YEAR_MS = 365.2425 * 86_400_000;

interface YearData {
  readonly year: number;
  readonly startMs: number; // local 1 January 00:00
  readonly endMs: number; // local 1 January 00:00 of the next year
  readonly starts: Float64Array; // openings, ascending
  readonly ends: Float64Array; // closings, ends[i] > starts[i], ends[i] <= starts[i + 1]
  readonly cumEnd: Float64Array; // open ms in this year up to ends[i]
  readonly total: number; // open ms in the whole year
}

function checkInstant(ms: number, what: string): void {
  if (typeof ms !== 'number' || !Number.isFinite(ms)) {
    throw new SlaError(
      'invalid-input',
      `${what} must be a finite epoch-millisecond number, got ${String(ms)}`,
    );
  }
}

function checkDuration(ms: number, what: string): void {
  if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) {
    throw new SlaError(
      'invalid-input',
      `${what} must be a finite, non-negative number of ms, got ${String(ms)}`,
    );
  }
}

/** First index i with arr[i] > x (arr ascending), arr.length if none. */
function upperBound(arr: Float64Array, x: number): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (arr[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index i with arr[i] >= x (arr ascending), arr.length if none. */
function lowerBound(arr: Float64Array, x: number): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (arr[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Open ms of the year before the instant (ms may lie outside the year; it is clamped). */
function openBefore(y: YearData, ms: number): number {
  const i = upperBound(y.starts, ms) - 1;
  if (i < 0) return 0;
  const end = y.ends[i]!;
  const before = i > 0 ? y.cumEnd[i - 1]! : 0;
  return before + (ms < end ? ms : end) - y.starts[i]!;
}

/** The instant at which the year's open time reaches `cum` (0 < cum ≤ total). */
function instantAt(y: YearData, cum: number): number {
  const i = lowerBound(y.cumEnd, cum);
  return y.ends[i]! - (y.cumEnd[i]! - cum);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** ISO weekday (1 = Monday … 7 = Sunday) of a civil date, by Sakamoto's method. */
function isoWeekday(year: number, month: number, day: number): number {
  const t = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
  const y = month < 3 ? year - 1 : year;
  const dow = (y + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) + t[month - 1]! + day) % 7;
  return dow === 0 ? 7 : dow;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * Builds the calendar for service hours from settings (validated here; throws SlaError on bad
 * settings). Years are built lazily on first use into sorted epoch-ms arrays with prefix sums, so
 * queries are binary searches on numbers. Precedence for a day: a public holiday, an extra closed
 * date or a weekday outside `openWeekdays` closes it; otherwise a shortened day's hours, else a
 * covering period's hours, else the ordinary hours apply. A year without any open time is an error.
 */
export function createServiceCalendar(settings: SlaSettingsInput): ServiceCalendar {
  const cal: CalendarSettings = parseSlaSettings(settings).calendar;
  const zone = cal.timeZone;
  const openWeekdays = new Set(cal.openWeekdays);
  const closedDates = new Set(cal.closedDates);
  const shortened = new Map(cal.shortenedDays.map((d) => [d.date, d]));
  const periods = [...cal.periods].sort((a, b) => (a.from < b.from ? -1 : 1));

  const years: (YearData | undefined)[] = new Array(MAX_YEAR - MIN_YEAR + 1);
  const yearStarts = new Float64Array(MAX_YEAR - MIN_YEAR + 2).fill(NaN);
  let last: YearData | undefined;

  function yearStart(year: number): number {
    const k = year - MIN_YEAR;
    let v = yearStarts[k]!;
    if (Number.isNaN(v)) {
      v = DateTime.fromObject({ year, month: 1, day: 1 }, { zone }).toMillis();
      yearStarts[k] = v;
    }
    return v;
  }

  /** Epoch ms of a local wall-clock time ('HH:mm') on a civil date in the calendar's zone. */
  function localMs(year: number, month: number, day: number, time: string): number {
    const hour = Number(time.slice(0, 2));
    const minute = Number(time.slice(3, 5));
    return DateTime.fromObject({ year, month, day, hour, minute }, { zone }).toMillis();
  }

  function hoursFor(date: string): { open: string; close: string } {
    const s = shortened.get(date);
    if (s) return s;
    for (const p of periods) {
      if (p.from > date) break;
      if (date <= p.to) return p;
    }
    return cal;
  }

  function buildYear(year: number): YearData {
    const holidays = cal.holidayCountry ? publicHolidayDates(cal.holidayCountry, year) : new Set<string>();
    const starts: number[] = [];
    const ends: number[] = [];
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    let weekday = isoWeekday(year, 1, 1);
    for (let month = 1; month <= 12; month++) {
      const days = month === 2 ? (leap ? 29 : 28) : DAYS_IN_MONTH[month - 1]!;
      for (let day = 1; day <= days; day++, weekday = weekday === 7 ? 1 : weekday + 1) {
        const date = `${year}-${pad2(month)}-${pad2(day)}`;
        if (!openWeekdays.has(weekday) || holidays.has(date) || closedDates.has(date)) continue;
        const hours = hoursFor(date);
        const s = localMs(year, month, day, hours.open);
        const e = localMs(year, month, day, hours.close);
        if (e > s) {
          starts.push(s);
          ends.push(e);
        }
      }
    }
    if (starts.length === 0) {
      throw new SlaError(
        'no-open-time',
        `the service calendar has no open time in ${year}; check calendar settings`,
      );
    }
    const cumEnd = new Float64Array(starts.length);
    let total = 0;
    for (let i = 0; i < starts.length; i++) {
      total += ends[i]! - starts[i]!;
      cumEnd[i] = total;
    }
    return {
      year,
      startMs: yearStart(year),
      endMs: yearStart(year + 1),
      starts: Float64Array.from(starts),
      ends: Float64Array.from(ends),
      cumEnd,
      total,
    };
  }

  function yearByNumber(year: number): YearData {
    if (year < MIN_YEAR || year > MAX_YEAR) {
      throw new SlaError(
        'out-of-range',
        `the service calendar covers ${MIN_YEAR}–${MAX_YEAR}; ${year} is outside`,
      );
    }
    let y = years[year - MIN_YEAR];
    if (!y) {
      y = buildYear(year);
      years[year - MIN_YEAR] = y;
    }
    return y;
  }

  function yearOf(ms: number): YearData {
    if (last && ms >= last.startMs && ms < last.endMs) return last;
    if (ms < yearStart(MIN_YEAR) || ms >= yearStart(MAX_YEAR + 1)) {
      throw new SlaError(
        'out-of-range',
        `instant ${String(ms)} is outside the supported years ${MIN_YEAR}–${MAX_YEAR} of the service calendar`,
      );
    }
    let year = MIN_YEAR + Math.floor((ms - yearStart(MIN_YEAR)) / AVG_YEAR_MS);
    if (year > MAX_YEAR) year = MAX_YEAR;
    while (ms < yearStart(year)) year--;
    while (ms >= yearStart(year + 1)) year++;
    last = yearByNumber(year);
    return last;
  }

  return {
    kind: 'service-hours',

    elapsed(startMs, endMs) {
      checkInstant(startMs, 'elapsed: startMs');
      checkInstant(endMs, 'elapsed: endMs');
      if (!(endMs > startMs)) return 0;
      const a = yearOf(startMs);
      if (endMs < a.endMs) return openBefore(a, endMs) - openBefore(a, startMs);
      let sum = a.total - openBefore(a, startMs);
      const b = yearOf(endMs);
      for (let year = a.year + 1; year < b.year; year++) sum += yearByNumber(year).total;
      return sum + openBefore(b, endMs);
    },

    addServiceTime(startMs, durationMs) {
      checkInstant(startMs, 'addServiceTime: startMs');
      checkDuration(durationMs, 'addServiceTime: durationMs');
      if (durationMs === 0) return startMs;
      let y = yearOf(startMs);
      if (durationMs > (MAX_YEAR - y.year + 1) * 366 * 86_400_000) {
        throw new SlaError('out-of-range', `addServiceTime: ${durationMs} ms would end after ${MAX_YEAR}`);
      }
      let cum = openBefore(y, startMs) + durationMs;
      while (cum > y.total) {
        cum -= y.total;
        y = yearByNumber(y.year + 1);
      }
      return instantAt(y, cum);
    },

    isOpen(ms) {
      checkInstant(ms, 'isOpen: ms');
      const y = yearOf(ms);
      const i = upperBound(y.starts, ms) - 1;
      return i >= 0 && ms < y.ends[i]!;
    },

    nextOpening(ms) {
      checkInstant(ms, 'nextOpening: ms');
      const y = yearOf(ms);
      const i = upperBound(y.ends, ms);
      if (i < y.starts.length) {
        const s = y.starts[i]!;
        return s > ms ? s : ms;
      }
      return yearByNumber(y.year + 1).starts[0]!;
    },

    openIntervals(fromMs, toMs) {
      checkInstant(fromMs, 'openIntervals: fromMs');
      checkInstant(toMs, 'openIntervals: toMs');
      const out: { startMs: number; endMs: number }[] = [];
      if (!(toMs > fromMs)) return out;
      const last = yearOf(toMs).year;
      for (let year = yearOf(fromMs).year; year <= last; year++) {
        const y = yearByNumber(year);
        for (let i = upperBound(y.ends, fromMs); i < y.starts.length && y.starts[i]! < toMs; i++) {
          out.push({ startMs: Math.max(y.starts[i]!, fromMs), endMs: Math.min(y.ends[i]!, toMs) });
        }
      }
      return out;
    },
  };
}

/** A clock that runs 24/7 (R4 extended cover): service time is wall-clock time. */
export const CONTINUOUS_CALENDAR: ServiceCalendar = Object.freeze({
  kind: '24x7' as const,
  elapsed(startMs: number, endMs: number) {
    checkInstant(startMs, 'elapsed: startMs');
    checkInstant(endMs, 'elapsed: endMs');
    return endMs > startMs ? endMs - startMs : 0;
  },
  addServiceTime(startMs: number, durationMs: number) {
    checkInstant(startMs, 'addServiceTime: startMs');
    checkDuration(durationMs, 'addServiceTime: durationMs');
    return startMs + durationMs;
  },
  isOpen(ms: number) {
    checkInstant(ms, 'isOpen: ms');
    return true;
  },
  nextOpening(ms: number) {
    checkInstant(ms, 'nextOpening: ms');
    return ms;
  },
  openIntervals(fromMs: number, toMs: number) {
    checkInstant(fromMs, 'openIntervals: fromMs');
    checkInstant(toMs, 'openIntervals: toMs');
    return toMs > fromMs ? [{ startMs: fromMs, endMs: toMs }] : [];
  },
});
