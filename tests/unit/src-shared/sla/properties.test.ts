// Property-based tests (fast-check) over random instants in 2024–2030: service-time arithmetic
// laws, deadlines only in open time or at a closing, pauses never shorten, and a naive oracle.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import Holidays from 'date-holidays';
import {
  computeDeadlines,
  createServiceCalendar,
  DEFAULT_SLA_SETTINGS,
  PRIORITIES,
  type PauseInterval,
  type ServiceCalendar,
} from '../../../../src-shared/sla';

const ZONE = 'Europe/Oslo';
const FROM = DateTime.fromISO('2024-01-01T00:00', { zone: ZONE }).toMillis();
const TO = DateTime.fromISO('2031-01-01T00:00', { zone: ZONE }).toMillis();
const H = 3_600_000;

const cal = createServiceCalendar(DEFAULT_SLA_SETTINGS);
const instant = fc.integer({ min: FROM, max: TO - 1 });
const duration = fc.integer({ min: 0, max: 300 * H });
const RUNS = { numRuns: 1000 };

/** True when ms is open or exactly a closing instant (open just before, closed at ms). */
function openOrAtClosing(c: ServiceCalendar, ms: number): boolean {
  return c.isOpen(ms) || (c.isOpen(ms - 1) && !c.isOpen(ms));
}

// Naive oracle, independent of the module: walk local days with luxon, holidays straight from
// date-holidays, weekday Mon–Fri 08:00–15:30.
const hd = new Holidays('NO');
const holidayCache = new Map<number, Set<string>>();
function isHoliday(day: DateTime): boolean {
  let set = holidayCache.get(day.year);
  if (!set) {
    set = new Set(
      hd
        .getHolidays(day.year)
        .filter((h) => h.type === 'public')
        .map((h) => h.date.slice(0, 10)),
    );
    holidayCache.set(day.year, set);
  }
  return set.has(day.toISODate()!);
}
function naiveElapsed(a: number, b: number): number {
  let sum = 0;
  for (
    let day = DateTime.fromMillis(a, { zone: ZONE }).startOf('day');
    day.toMillis() < b;
    day = day.plus({ days: 1 })
  ) {
    if (day.weekday > 5 || isHoliday(day)) continue;
    const open = day.set({ hour: 8, minute: 0 }).toMillis();
    const close = day.set({ hour: 15, minute: 30 }).toMillis();
    sum += Math.max(0, Math.min(b, close) - Math.max(a, open));
  }
  return sum;
}

describe('service calendar properties (2024–2030)', () => {
  it('elapsed(start, add(start, d)) === d', () => {
    fc.assert(
      fc.property(instant, duration, (s, d) => {
        expect(cal.elapsed(s, cal.addServiceTime(s, d))).toBe(d);
      }),
      RUNS,
    );
  });
  it('add is additive: add(add(s, a), b) === add(s, a + b)', () => {
    fc.assert(
      fc.property(instant, duration, duration, (s, a, b) => {
        expect(cal.addServiceTime(cal.addServiceTime(s, a), b)).toBe(cal.addServiceTime(s, a + b));
      }),
      RUNS,
    );
  });
  it('add is monotonic in the duration and in the start', () => {
    fc.assert(
      fc.property(instant, instant, duration, duration, (s1, s2, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(cal.addServiceTime(s1, lo)).toBeLessThanOrEqual(cal.addServiceTime(s1, hi));
        const [early, late] = s1 <= s2 ? [s1, s2] : [s2, s1];
        expect(cal.addServiceTime(early, a)).toBeLessThanOrEqual(cal.addServiceTime(late, a));
        expect(cal.addServiceTime(s1, a)).toBeGreaterThanOrEqual(s1);
      }),
      RUNS,
    );
  });
  it('elapsed is additive over a split point', () => {
    fc.assert(
      fc.property(instant, instant, instant, (x, y, z) => {
        const [a, b, c] = [x, y, z].sort((p, q) => p - q) as [number, number, number];
        expect(cal.elapsed(a, b) + cal.elapsed(b, c)).toBe(cal.elapsed(a, c));
      }),
      RUNS,
    );
  });
  it('a positive amount of service time ends in open time or exactly at a closing', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 300 * H }), (s, d) => {
        expect(openOrAtClosing(cal, cal.addServiceTime(s, d))).toBe(true);
      }),
      RUNS,
    );
  });
  it('nextOpening is open, not before ms, and nothing is open in between', () => {
    fc.assert(
      fc.property(instant, (ms) => {
        const n = cal.nextOpening(ms);
        expect(n).toBeGreaterThanOrEqual(ms);
        expect(cal.isOpen(n)).toBe(true);
        expect(cal.elapsed(ms, n)).toBe(0);
      }),
      RUNS,
    );
  });
  it('elapsed agrees with a naive day-by-day oracle over spans up to 20 days', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 20 * 24 * H }), (a, span) => {
        expect(cal.elapsed(a, a + span)).toBe(naiveElapsed(a, a + span));
      }),
      { numRuns: 300 },
    );
  });
});

const priority = fc.constantFrom(...PRIORITIES);
/** Up to 3 disjoint pauses after the opening; the last may be open-ended. */
const pausesAfter = (opened: number) =>
  fc
    .tuple(
      fc.uniqueArray(fc.integer({ min: 0, max: 15 * 24 * H }), { minLength: 0, maxLength: 6 }),
      fc.boolean(),
    )
    .map(([offsets, openEnded]) => {
      const pts = offsets.sort((a, b) => a - b).map((o) => opened + o);
      const pauses: PauseInterval[] = [];
      for (let i = 0; i + 1 < pts.length; i += 2) pauses.push({ startMs: pts[i]!, endMs: pts[i + 1]! });
      if (openEnded && pts.length % 2 === 1) pauses.push({ startMs: pts[pts.length - 1]! });
      return pauses;
    });
const ticket = instant.chain((opened) =>
  fc.record({ openedAtMs: fc.constant(opened), priority, pauses: pausesAfter(opened) }),
);

describe('deadline properties (2024–2030)', () => {
  it('deadlines never fall in closed time except exactly at a closing', () => {
    fc.assert(
      fc.property(ticket, (t) => {
        const d = computeDeadlines(t, cal, DEFAULT_SLA_SETTINGS);
        expect(openOrAtClosing(cal, d.responseDueMs)).toBe(true);
        if (d.resolutionDueMs !== undefined) expect(openOrAtClosing(cal, d.resolutionDueMs)).toBe(true);
        expect(d.responseDueMs).toBeGreaterThan(t.openedAtMs);
      }),
      RUNS,
    );
  });
  it('pauses never shorten a deadline, and the response deadline ignores them', () => {
    fc.assert(
      fc.property(ticket, (t) => {
        const without = computeDeadlines({ ...t, pauses: [] }, cal, DEFAULT_SLA_SETTINGS);
        const withPauses = computeDeadlines(t, cal, DEFAULT_SLA_SETTINGS);
        expect(withPauses.responseDueMs).toBe(without.responseDueMs);
        expect(withPauses.resolutionDueMs ?? Infinity).toBeGreaterThanOrEqual(without.resolutionDueMs!);
      }),
      RUNS,
    );
  });
  it('the resolution deadline is reached after exactly the target of unpaused service time', () => {
    fc.assert(
      fc.property(ticket, (t) => {
        const d = computeDeadlines(t, cal, DEFAULT_SLA_SETTINGS);
        if (d.resolutionDueMs === undefined) return;
        let counted = cal.elapsed(t.openedAtMs, d.resolutionDueMs);
        for (const p of t.pauses) {
          counted -= cal.elapsed(p.startMs, Math.min(p.endMs ?? Infinity, d.resolutionDueMs));
        }
        expect(counted).toBe(d.resolutionTargetMs);
      }),
      RUNS,
    );
  });
});
