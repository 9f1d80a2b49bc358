// Uptime (R20–R23) on hand-computed months, and against a minute-by-minute
// reference over random months (DST months included).
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  difference,
  intersection,
  osloMonth,
  osloWallToMs,
  osloYear,
  unionOf,
  uptimeOf,
  uptimeYearTable,
  weeklyWindowsIn,
  type Interval,
  type OutageSpan,
} from '../../../../src-shared/uptime';

const MIN = 60_000;
const at = (local: string) => DateTime.fromISO(local, { zone: 'Europe/Oslo' }).toMillis();
const span = (from: string, to: string): Interval => ({ startMs: at(from), endMs: at(to) });
const outage = (from: string, to: string | null, counted = true): OutageSpan => ({
  startMs: at(from),
  endMs: to === null ? null : at(to),
  counted,
});

describe('periods', () => {
  it('gives months and years their true length across DST', () => {
    const hours = (i: Interval) => (i.endMs - i.startMs) / 3_600_000;
    expect(hours(osloMonth(2026, 11))).toBe(30 * 24);
    expect(hours(osloMonth(2026, 10))).toBe(31 * 24 + 1); // clocks back on 25 October
    expect(hours(osloMonth(2026, 3))).toBe(31 * 24 - 1); // clocks forward on 29 March
    expect(hours(osloYear(2026))).toBe(365 * 24);
    expect(osloMonth(2026, 12).startMs).toBe(Date.parse('2026-11-30T23:00:00Z'));
  });

  it('lays a weekly window over a month in Oslo time, past midnight and over a DST night', () => {
    const tuesdays = weeklyWindowsIn({ weekday: 2, start: '21:00', end: '23:00' }, osloMonth(2026, 10));
    expect(tuesdays).toEqual(
      ['06', '13', '20', '27'].map((d) => span(`2026-10-${d}T21:00`, `2026-10-${d}T23:00`)),
    );
    // Sunday 29 March 2026 01:00–04:00 loses the hour from 02:00 to 03:00: two hours long.
    const night = weeklyWindowsIn({ weekday: 7, start: '01:00', end: '04:00' }, osloMonth(2026, 3));
    expect(night.find((w) => w.startMs === at('2026-03-29T01:00'))).toEqual({
      startMs: at('2026-03-29T01:00'),
      endMs: at('2026-03-29T01:00') + 2 * 3_600_000,
    });
    // Saturdays 22:00–02:00: the one starting on 31 October runs into November.
    const late = weeklyWindowsIn({ weekday: 6, start: '22:00', end: '02:00' }, osloMonth(2026, 11));
    expect(late[0]).toEqual(span('2026-10-31T22:00', '2026-11-01T02:00'));
  });
});

describe('Oslo wall-clock time', () => {
  const utc = (iso: string) => Date.parse(iso);
  it('is the instant luxon gives wherever the time is unambiguous', () => {
    // Any day of 2024–2028; the two change days' 02:00–02:59 are ambiguous or skipped (below).
    const day = fc.record({
      year: fc.integer({ min: 2024, max: 2028 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 31 }),
    });
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 1439 }), (d, minute) => {
        const local = DateTime.fromObject(
          { ...d, hour: Math.floor(minute / 60), minute: minute % 60 },
          { zone: 'Europe/Oslo' },
        );
        fc.pre(local.isValid && local.day === d.day && local.hour === Math.floor(minute / 60));
        const dayStart = local.startOf('day');
        fc.pre(dayStart.offset === dayStart.plus({ days: 1 }).offset || Math.floor(minute / 60) !== 2);
        expect(osloWallToMs(d.year, d.month, d.day, minute)).toBe(local.toMillis());
      }),
      { numRuns: 3000 },
    );
  });

  it('takes the first of a repeated time and moves a skipped one an hour on', () => {
    // 25 October 2026: 03:00 summer time becomes 02:00 winter time; 29 March: 02:00 becomes 03:00.
    expect(osloWallToMs(2026, 10, 25, 2 * 60 + 30)).toBe(utc('2026-10-25T00:30:00Z'));
    expect(osloWallToMs(2026, 10, 25, 60 + 59)).toBe(utc('2026-10-24T23:59:00Z'));
    expect(osloWallToMs(2026, 10, 25, 3 * 60)).toBe(utc('2026-10-25T02:00:00Z'));
    expect(osloWallToMs(2026, 3, 29, 2 * 60 + 30)).toBe(utc('2026-03-29T01:30:00Z'));
    expect(osloWallToMs(2026, 3, 29, 60 + 59)).toBe(utc('2026-03-29T00:59:00Z'));
    expect(osloWallToMs(2026, 3, 29, 3 * 60)).toBe(utc('2026-03-29T01:00:00Z'));
  });

  it('refuses a window it cannot lay out', () => {
    const month = osloMonth(2026, 11);
    expect(() => weeklyWindowsIn({ weekday: 8, start: '21:00', end: '23:00' }, month)).toThrow(/weekday/);
    expect(() => weeklyWindowsIn({ weekday: 2, start: '9:00', end: '23:00' }, month)).toThrow(/HH:mm/);
  });
});

describe('uptime of a month', () => {
  const november = osloMonth(2026, 11);
  const october = osloMonth(2026, 10);
  const after = (p: Interval) => p.endMs + 1;

  it('allows 86.4 minutes in a 30-day month, and counts overlapping outages once', () => {
    const f = uptimeOf({
      period: november,
      nowMs: after(november),
      outages: [
        outage('2026-11-10T10:00', '2026-11-10T11:00'),
        outage('2026-11-10T10:30', '2026-11-10T12:00'),
      ],
      windows: [],
    });
    expect(f.budgetMs / MIN).toBeCloseTo(86.4, 9);
    expect(f.downtimeMs / MIN).toBe(120);
    expect(f.budgetLeftMs / MIN).toBeCloseTo(-33.6, 9);
    expect(f.uptime).toBeCloseTo(1 - 120 / (30 * 1440), 12);
    expect(f.met).toBe(false);
  });

  it('takes the windows out of the month, and an outage inside a window is maintenance', () => {
    const windows = weeklyWindowsIn({ weekday: 2, start: '21:00', end: '23:00' }, october);
    const f = uptimeOf({
      period: october,
      nowMs: after(october),
      outages: [outage('2026-10-13T20:00', '2026-10-13T22:00')],
      windows,
    });
    expect(f.maintenanceMs / MIN).toBe(4 * 120);
    expect(f.downtimeMs / MIN).toBe(60);
    const minutes = 31 * 1440 + 60 - 4 * 120; // 25 October has 25 hours
    expect(f.uptime).toBeCloseTo(1 - 60 / minutes, 12);
    expect(f.budgetMs / MIN).toBeCloseTo(0.002 * minutes, 9);
    expect(f.met).toBe(true);
  });

  it('shows an excluded cause beside the figure without counting it', () => {
    const f = uptimeOf({
      period: november,
      nowMs: after(november),
      outages: [
        outage('2026-11-03T08:00', '2026-11-03T10:00', false), // a line fault (R22)
        outage('2026-11-03T09:00', '2026-11-03T09:30'), // counted, inside the excluded one
      ],
      windows: [],
    });
    expect(f.downtimeMs / MIN).toBe(30);
    expect(f.excludedMs / MIN).toBe(90);
  });

  it('splits an outage across the month boundary, and counts an ongoing one up to now', () => {
    const crossing = [outage('2026-10-31T23:00', '2026-11-01T01:00')];
    expect(
      uptimeOf({ period: october, nowMs: after(november), outages: crossing, windows: [] }).downtimeMs / MIN,
    ).toBe(60);
    expect(
      uptimeOf({ period: november, nowMs: after(november), outages: crossing, windows: [] }).downtimeMs / MIN,
    ).toBe(60);
    const now = at('2026-11-15T12:00');
    const f = uptimeOf({
      period: november,
      nowMs: now,
      outages: [outage('2026-11-15T11:15', null)],
      windows: [],
    });
    expect(f.downtimeMs / MIN).toBe(45);
    expect(f.elapsedMs).toBe(now - november.startMs);
    expect(f.budgetMs / MIN).toBeCloseTo(86.4, 9); // the whole month's budget
  });

  it('has no figure before any time that counts', () => {
    const f = uptimeOf({ period: november, nowMs: november.startMs, outages: [], windows: [] });
    expect(f.uptime).toBeNull();
    expect(f.met).toBe(true);
  });
});

describe('a year’s table', () => {
  it('gives each month and the year the figures of uptimeOf, weekly windows laid out once', () => {
    const weekly = { weekday: 2, start: '21:00', end: '23:00' };
    const outages = [
      outage('2026-03-03T20:00', '2026-03-03T22:00'),
      outage('2026-10-31T23:00', '2026-11-01T01:00', false),
    ];
    const windows = [span('2026-06-10T06:00', '2026-06-10T08:00')];
    const nowMs = at('2026-11-20T12:00');
    const [row] = uptimeYearTable(2026, nowMs, [
      { key: 'Visma @ Molde', outages, windows, weekly: [weekly] },
    ]);
    const all = [...windows, ...weeklyWindowsIn(weekly, osloYear(2026))];
    expect(row!.key).toBe('Visma @ Molde');
    for (let m = 1; m <= 12; m++)
      expect(row!.months[m - 1]).toEqual(
        uptimeOf({ period: osloMonth(2026, m), nowMs, outages, windows: all }),
      );
    expect(row!.year).toEqual(uptimeOf({ period: osloYear(2026), nowMs, outages, windows: all }));
    expect(row!.months[2]!.downtimeMs / MIN).toBe(60); // 21:00–22:00 was the Tuesday window
    expect(row!.months[11]!.elapsedMs).toBe(0); // December has not begun
  });
});

describe('the interval algebra', () => {
  it('unites, intersects and subtracts', () => {
    const u = unionOf([
      { startMs: 5, endMs: 7 },
      { startMs: 0, endMs: 2 },
      { startMs: 1, endMs: 3 },
      { startMs: 3, endMs: 4 },
    ]);
    expect(u).toEqual([
      { startMs: 0, endMs: 4 },
      { startMs: 5, endMs: 7 },
    ]);
    expect(intersection(u, [{ startMs: 3, endMs: 6 }])).toEqual([
      { startMs: 3, endMs: 4 },
      { startMs: 5, endMs: 6 },
    ]);
    expect(difference(u, [{ startMs: 1, endMs: 6 }])).toEqual([
      { startMs: 0, endMs: 1 },
      { startMs: 6, endMs: 7 },
    ]);
  });
});

describe('against a minute-by-minute reference', () => {
  // Random months of 2025–2027 (both DST months of each year among them), outages and windows on
  // whole minutes, some excluded; the reference looks at every minute of the month.
  const month = fc.record({
    year: fc.integer({ min: 2025, max: 2027 }),
    month: fc.integer({ min: 1, max: 12 }),
  });
  const piece = fc.record({
    from: fc.integer({ min: -600, max: 45_000 }),
    minutes: fc.integer({ min: 0, max: 3_000 }),
  });
  it('agrees on downtime, maintenance, excluded time and the figure', () => {
    fc.assert(
      fc.property(
        month,
        fc.array(fc.record({ piece, counted: fc.boolean() }), { maxLength: 12 }),
        fc.array(piece, { maxLength: 8 }),
        (m, outages, windows) => {
          const period = osloMonth(m.year, m.month);
          const toSpan = (p: { from: number; minutes: number }) => ({
            startMs: period.startMs + p.from * MIN,
            endMs: period.startMs + (p.from + p.minutes) * MIN,
          });
          const o = outages.map((x) => ({ ...toSpan(x.piece), counted: x.counted }));
          const w = windows.map(toSpan);
          const f = uptimeOf({ period, nowMs: period.endMs, outages: o, windows: w });
          let down = 0;
          let maintenance = 0;
          let excluded = 0;
          const inside = (t: number, i: Interval) => t >= i.startMs && t < i.endMs;
          for (let t = period.startMs; t < period.endMs; t += MIN) {
            if (w.some((i) => inside(t, i))) maintenance++;
            else if (o.some((i) => i.counted && inside(t, i))) down++;
            else if (o.some((i) => !i.counted && inside(t, i))) excluded++;
          }
          const minutes = (period.endMs - period.startMs) / MIN;
          expect([f.downtimeMs / MIN, f.maintenanceMs / MIN, f.excludedMs / MIN]).toEqual([
            down,
            maintenance,
            excluded,
          ]);
          expect(f.uptime).toBeCloseTo(1 - down / (minutes - maintenance), 12);
        },
      ),
      { numRuns: 60 },
    );
  });
});
