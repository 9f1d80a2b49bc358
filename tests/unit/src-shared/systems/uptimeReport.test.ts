// The uptime report of the systems register (R20–R24) through
// src-shared/systems: uptimeMonthDetail and uptimeYear on hand-computed months
// (the expected figures written out as arithmetic: DST months of 743 and 745
// hours, Tuesday windows, overlapping outages, excluded causes, a month
// boundary, the remote-access solution, suspected and dismissed outages,
// customer scoping, windows valid from mid-month, cancelled windows), and
// against a minute-by-minute reference over random months with random
// outages and windows; then the rules an outage, a window, a notice and a
// data restore keep (checkOutage, checkWindow, isShortNotice, noticeConcerns,
// checkRestoreMayProceed).
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../../src-shared/errors';
import {
  checkOutage,
  checkRestoreMayProceed,
  checkWindow,
  isShortNotice,
  MIN_NOTICE_MS,
  noticeConcerns,
  OUTAGE_CAUSES,
  OUTAGE_STATES,
  causeCounts,
  uptimeMonthDetail,
  uptimeYear,
  type NoticeFacts,
  type OutageFacts,
  type OutageFields,
  type SubjectFacts,
  type SystemFacts,
  type WindowFacts,
  type WindowFields,
} from '../../../../src-shared/systems';
import { osloMonth } from '../../../../src-shared/uptime';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const ZONE = 'Europe/Oslo';
/** An Oslo wall-clock time ('2026-03-10T20:30', never an ambiguous one) as an instant. */
const at = (local: string) => DateTime.fromISO(local, { zone: ZONE }).toMillis();
const iso = (local: string) => new Date(at(local)).toISOString();

const X = '01a21bf8-0000-7000-8000-00000000aa01'; // Gerica, the system measured
const Y = '01a21bf8-0000-7000-8000-00000000aa02'; // Visma, another system
const VPN = '01a21bf8-0000-7000-8000-00000000aa03'; // the remote-access solution (R23)
const A = '01a21bf8-0000-7000-8000-000001000000'; // Molde
const B = '01a21bf8-0000-7000-8000-000002000000'; // Aukra
const C = '01a21bf8-0000-7000-8000-000003000000'; // Gjemnes
const atA: SubjectFacts = { systemId: X, customerId: A };

let nextId = 0;
const id = () => `id-${++nextId}`;

function outage(
  from: string,
  to: string | null,
  over: Partial<Omit<OutageFacts, 'startsAt' | 'endsAt'>> = {},
): OutageFacts {
  return {
    id: id(),
    title: 'Nede',
    startsAt: iso(from),
    endsAt: to === null ? null : iso(to),
    systemIds: [X],
    customerIds: [],
    cause: 'operations',
    state: 'confirmed',
    planned: false,
    ...over,
  };
}

function weekly(
  weekday: number,
  start: string,
  end: string,
  over: Partial<Extract<WindowFacts, { kind: 'weekly' }>> = {},
): WindowFacts {
  return {
    id: id(),
    systemId: X,
    kind: 'weekly',
    weekday,
    start,
    end,
    validFrom: '2026-01-01',
    validUntil: null,
    cancelled: false,
    ...over,
  };
}

function once(
  from: string,
  to: string,
  over: Partial<Extract<WindowFacts, { kind: 'once' }>> = {},
): WindowFacts {
  return {
    id: id(),
    systemId: X,
    kind: 'once',
    startsAt: iso(from),
    endsAt: iso(to),
    cancelled: false,
    ...over,
  };
}

/** After the whole of 2026: every month has elapsed. */
const AFTER_2026 = at('2027-01-02T00:00');

/** The month's detail, checked against the year table's month (the report's two paths agree). */
function month(
  m: number,
  outages: readonly OutageFacts[],
  windows: readonly WindowFacts[] = [],
  subject: SubjectFacts = atA,
  nowMs = AFTER_2026,
) {
  const detail = uptimeMonthDetail(2026, m, nowMs, subject, outages, windows);
  const [row] = uptimeYear(2026, nowMs, [subject], outages, windows);
  expect(row!.key).toBe(`${subject.systemId}|${subject.customerId}`);
  expect(row!.months[m - 1]).toEqual(detail.figures);
  return detail;
}
const minutes = (ms: number) => ms / MIN;

describe('uptime per month, computed by hand', () => {
  it('March 2026 has 743 hours; the Tuesday windows are taken out, and the spring night counts its true length', () => {
    const windows = [weekly(2, '21:00', '23:00')];
    const outages = [
      // Tuesday 10 March: 20:30–21:00 is downtime, 21:00–21:30 is inside the window (maintenance).
      outage('2026-03-10T20:30', '2026-03-10T21:30'),
      // Sunday 29 March 01:30–03:30 on the clock: 02:00 became 03:00, so one real hour.
      outage('2026-03-29T01:30', '2026-03-29T03:30', { cause: 'infrastructure' }),
    ];
    const { figures, windows: laid } = month(3, outages, windows);
    expect(figures.periodMs).toBe(743 * HOUR);
    // Tuesdays 3, 10, 17, 24 and 31 March, 2 hours each.
    expect(laid).toHaveLength(5);
    expect(minutes(figures.maintenanceMs)).toBe(5 * 120);
    expect(minutes(figures.downtimeMs)).toBe(30 + 60);
    expect(figures.uptime).toBeCloseTo(1 - 90 / (743 * 60 - 5 * 120), 12);
    // The budget: 0.2 % of the month less its windows, 87.96 minutes; 90 minutes is over it.
    expect(minutes(figures.budgetMs)).toBeCloseTo(0.002 * (743 * 60 - 5 * 120), 9);
    expect(minutes(figures.budgetLeftMs)).toBeCloseTo(0.002 * (743 * 60 - 5 * 120) - 90, 9);
    expect(figures.met).toBe(false);
  });

  it('October 2026 has 745 hours; the autumn night counts its true length', () => {
    const windows = [weekly(2, '21:00', '23:00')];
    const outages = [
      // Sunday 25 October 01:30–03:30 on the clock: 03:00 became 02:00 again, so three real hours.
      outage('2026-10-25T01:30', '2026-10-25T03:30'),
      // Tuesday 27 October 22:30–23:30: only 23:00–23:30 is downtime.
      outage('2026-10-27T22:30', '2026-10-27T23:30'),
    ];
    const { figures } = month(10, outages, windows);
    expect(figures.periodMs).toBe(745 * HOUR);
    // Tuesdays 6, 13, 20 and 27 October.
    expect(minutes(figures.maintenanceMs)).toBe(4 * 120);
    expect(minutes(figures.downtimeMs)).toBe(180 + 30);
    expect(figures.uptime).toBeCloseTo(1 - 210 / (745 * 60 - 4 * 120), 12);
    expect(figures.met).toBe(false);
  });

  it('counts overlapping outages once', () => {
    const outages = [
      outage('2026-11-10T10:00', '2026-11-10T11:00'),
      outage('2026-11-10T10:30', '2026-11-10T12:00'),
      outage('2026-11-10T10:45', '2026-11-10T10:50'), // inside both
    ];
    const { figures, outages: shown } = month(11, outages);
    expect(figures.periodMs).toBe(30 * DAY);
    expect(minutes(figures.downtimeMs)).toBe(120); // 10:00–12:00
    expect(figures.uptime).toBeCloseTo(1 - 120 / (30 * 24 * 60), 12);
    expect(minutes(figures.budgetMs)).toBeCloseTo(86.4, 9);
    expect(figures.met).toBe(false);
    expect(shown.map((o) => o.id)).toEqual(outages.map((o) => o.id));
  });

  it('reports an excluded cause (R22) beside the figure without counting it', () => {
    const line = outage('2026-11-03T08:00', '2026-11-03T10:00', { cause: 'lineOrPower' });
    const counted = outage('2026-11-03T09:00', '2026-11-03T09:30', { cause: 'infrastructure' });
    const bug = outage('2026-11-04T12:00', '2026-11-04T12:20', { cause: 'softwareBug' });
    const { figures, outages: shown } = month(11, [line, counted, bug]);
    expect(minutes(figures.downtimeMs)).toBe(30);
    // 08:00–10:00 less the counted half hour, and the 20-minute software bug.
    expect(minutes(figures.excludedMs)).toBe(120 - 30 + 20);
    expect(figures.uptime).toBeCloseTo(1 - 30 / (30 * 24 * 60), 12);
    expect(figures.met).toBe(true);
    expect(shown.map((o) => [o.id, o.counted])).toEqual([
      [line.id, false],
      [counted.id, true],
      [bug.id, false],
    ]);
  });

  it('splits an outage crossing a month boundary between the two months', () => {
    // 31 October 23:00 to 1 November 01:00 (winter time both sides).
    const crossing = outage('2026-10-31T23:00', '2026-11-01T01:00');
    const oct = month(10, [crossing]);
    const nov = month(11, [crossing]);
    expect(minutes(oct.figures.downtimeMs)).toBe(60);
    expect(minutes(nov.figures.downtimeMs)).toBe(60);
    expect(oct.figures.uptime).toBeCloseTo(1 - 60 / (745 * 60), 12);
    expect(nov.figures.uptime).toBeCloseTo(1 - 60 / (30 * 24 * 60), 12);
    expect(oct.outages[0]).toMatchObject({
      clippedStartMs: at('2026-10-31T23:00'),
      clippedEndMs: osloMonth(2026, 11).startMs,
    });
    expect(nov.outages[0]).toMatchObject({
      clippedStartMs: osloMonth(2026, 11).startMs,
      clippedEndMs: at('2026-11-01T01:00'),
    });
    const [row] = uptimeYear(2026, AFTER_2026, [atA], [crossing], []);
    expect(minutes(row!.year.downtimeMs)).toBe(120);
    expect(row!.year.uptime).toBeCloseTo(1 - 120 / (365 * 24 * 60), 12);
  });

  it('R23: the remote-access solution’s outage does not touch the systems behind it; cause remoteAccess is excluded', () => {
    const vpnDown = outage('2026-11-05T08:00', '2026-11-05T10:00', {
      systemIds: [VPN],
      cause: 'infrastructure',
    });
    const unreachable = outage('2026-11-05T08:00', '2026-11-05T09:00', { cause: 'remoteAccess' });
    const x = month(11, [vpnDown, unreachable]);
    expect(minutes(x.figures.downtimeMs)).toBe(0);
    expect(minutes(x.figures.excludedMs)).toBe(60);
    expect(x.figures.uptime).toBe(1);
    expect(x.outages.map((o) => [o.id, o.counted])).toEqual([[unreachable.id, false]]);
    // The remote-access solution's own figure counts its outage.
    const vpn = month(11, [vpnDown, unreachable], [], { systemId: VPN, customerId: A });
    expect(minutes(vpn.figures.downtimeMs)).toBe(120);
    expect(vpn.figures.uptime).toBeCloseTo(1 - 120 / (30 * 24 * 60), 12);
  });

  it('counts neither suspected nor dismissed outages', () => {
    const suspected = outage('2026-11-12T07:00', null, { state: 'suspected', cause: 'unknown' });
    const dismissed = outage('2026-11-12T08:00', '2026-11-12T09:00', { state: 'dismissed' });
    const confirmed = outage('2026-11-12T10:00', '2026-11-12T10:15', { state: 'confirmed' });
    const { figures, outages: shown } = month(11, [suspected, dismissed, confirmed]);
    expect(minutes(figures.downtimeMs)).toBe(15);
    expect(minutes(figures.excludedMs)).toBe(0);
    expect(figures.uptime).toBeCloseTo(1 - 15 / (30 * 24 * 60), 12);
    expect(shown.map((o) => o.id)).toEqual([confirmed.id]);
  });

  it('scopes an outage to the customers it names; none named is every customer', () => {
    const outages = [
      outage('2026-11-02T10:00', '2026-11-02T11:00', { customerIds: [A] }),
      outage('2026-11-02T13:00', '2026-11-02T13:30', { customerIds: [] }),
      outage('2026-11-02T15:00', '2026-11-02T15:45', { customerIds: [B] }),
    ];
    const down = (customerId: string) =>
      minutes(month(11, outages, [], { systemId: X, customerId }).figures.downtimeMs);
    expect(down(A)).toBe(60 + 30);
    expect(down(B)).toBe(30 + 45);
    expect(down(C)).toBe(30);
    // And it is the system's outage, not another's at the same customer.
    expect(minutes(month(11, outages, [], { systemId: Y, customerId: A }).figures.downtimeMs)).toBe(0);
  });

  it('applies a weekly window only from the day it is valid from, and up to its last day', () => {
    const windows = [
      // Tuesdays 21–23 from Sunday 15 November: the 17th and the 24th, not the 3rd or the 10th.
      weekly(2, '21:00', '23:00', { validFrom: '2026-11-15' }),
      // Thursdays 06–07 until Thursday 12 November (that day included): the 5th and the 12th.
      weekly(4, '06:00', '07:00', { validUntil: '2026-11-12' }),
    ];
    const outages = [
      outage('2026-11-10T21:00', '2026-11-10T22:00'), // before the Tuesday window applies: downtime
      outage('2026-11-17T21:00', '2026-11-17T22:00'), // inside it: maintenance
      outage('2026-11-12T06:30', '2026-11-12T07:30'), // half in the last Thursday window
      outage('2026-11-19T06:00', '2026-11-19T06:20'), // after the Thursday window stopped: downtime
    ];
    const { figures, windows: laid } = month(11, outages, windows);
    expect(laid.map((w) => w.startMs)).toEqual(
      ['2026-11-05T06:00', '2026-11-12T06:00', '2026-11-17T21:00', '2026-11-24T21:00'].map(at),
    );
    expect(minutes(figures.maintenanceMs)).toBe(2 * 120 + 2 * 60);
    expect(minutes(figures.downtimeMs)).toBe(60 + 30 + 20);
    expect(figures.uptime).toBeCloseTo(1 - 110 / (30 * 24 * 60 - 2 * 120 - 2 * 60), 12);
  });

  it('takes no time out for a cancelled window, nor for another system’s', () => {
    const windows = [
      once('2026-11-20T00:00', '2026-11-20T04:00', { cancelled: true }),
      once('2026-11-21T00:00', '2026-11-21T04:00'),
      once('2026-11-22T00:00', '2026-11-22T04:00', { systemId: Y }),
      weekly(1, '05:00', '06:00', { cancelled: true }),
    ];
    const outages = [
      outage('2026-11-20T01:00', '2026-11-20T02:00'), // the window was cancelled: downtime
      outage('2026-11-21T01:00', '2026-11-21T02:00'), // maintenance
      outage('2026-11-22T01:00', '2026-11-22T01:10'), // Visma's window, not Gerica's: downtime
      outage('2026-11-23T05:00', '2026-11-23T05:30'), // a Monday, the weekly window cancelled: downtime
    ];
    const { figures, windows: laid } = month(11, outages, windows);
    expect(laid).toEqual([{ startMs: at('2026-11-21T00:00'), endMs: at('2026-11-21T04:00') }]);
    expect(minutes(figures.maintenanceMs)).toBe(240);
    expect(minutes(figures.downtimeMs)).toBe(60 + 10 + 30);
    expect(figures.uptime).toBeCloseTo(1 - 100 / (30 * 24 * 60 - 240), 12);
  });

  it('counts an ongoing outage up to now, over the part of the month gone', () => {
    const nowMs = at('2026-11-15T12:00');
    const ongoing = outage('2026-11-15T11:15', null);
    const { figures, outages: shown } = month(11, [ongoing], [], atA, nowMs);
    expect(minutes(figures.downtimeMs)).toBe(45);
    expect(figures.elapsedMs).toBe(nowMs - osloMonth(2026, 11).startMs);
    // 14 days and 12 hours of November have gone.
    expect(figures.uptime).toBeCloseTo(1 - 45 / (14 * 24 * 60 + 12 * 60), 12);
    expect(minutes(figures.budgetMs)).toBeCloseTo(86.4, 9); // the whole month's budget
    expect(shown[0]).toMatchObject({ id: ongoing.id, clippedEndMs: nowMs });
    // December has not begun: no figure.
    expect(month(12, [ongoing], [], atA, nowMs).figures.uptime).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------
// Against a minute-by-minute reference

describe('against a minute-by-minute reference', () => {
  /**
   * Random months of 2025–2027 (March and October 2026 more often), outages and windows on whole
   * minutes. The reference looks at every minute: its Oslo wall time decides whether a weekly window
   * covers it (the window's times avoid 02:00–02:59, which a DST change skips or repeats), whole
   * intervals decide the rest.
   */
  const monthArb = fc.oneof(
    fc.constantFrom({ year: 2026, month: 3 }, { year: 2026, month: 10 }),
    fc.record({ year: fc.integer({ min: 2025, max: 2027 }), month: fc.integer({ min: 1, max: 12 }) }),
  );
  const outageArb = fc.record({
    from: fc.integer({ min: -3_000, max: 45_000 }),
    minutes: fc.option(fc.integer({ min: 1, max: 3_000 }), { freq: 6 }),
    systems: fc.constantFrom([X], [Y], [X, Y]),
    customers: fc.constantFrom([], [A], [B], [A, B]),
    cause: fc.constantFrom(...OUTAGE_CAUSES),
    state: fc.constantFrom(...OUTAGE_STATES),
  });
  const onceArb = fc.record({
    from: fc.integer({ min: -1_000, max: 45_000 }),
    minutes: fc.integer({ min: 1, max: 900 }),
    system: fc.constantFrom(X, X, Y),
    cancelled: fc.boolean(),
  });
  const hhmm = fc
    .record({
      hour: fc.integer({ min: 0, max: 22 }).map((h) => (h >= 2 ? h + 1 : h)),
      minute: fc.constantFrom(0, 15, 30, 45),
    })
    .map(({ hour, minute }) => `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`);
  const weeklyArb = fc
    .record({
      weekday: fc.integer({ min: 1, max: 7 }),
      start: hhmm,
      end: hhmm,
      fromDay: fc.integer({ min: -10, max: 35 }),
      days: fc.option(fc.integer({ min: 0, max: 30 })),
      system: fc.constantFrom(X, X, Y),
      cancelled: fc.boolean(),
    })
    .filter((w) => w.start !== w.end);

  const epochDay = (day: string) => Date.parse(`${day}T00:00:00Z`) / DAY;
  const minuteOf = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

  it('agrees on downtime, maintenance, excluded time, the figure, the budget and the outages shown', () => {
    fc.assert(
      fc.property(
        monthArb,
        fc.array(outageArb, { maxLength: 12 }),
        fc.array(onceArb, { maxLength: 5 }),
        fc.array(weeklyArb, { maxLength: 3 }),
        fc.option(fc.integer({ min: 0, max: 44_640 }), { freq: 2 }),
        fc.constantFrom(A, B),
        (m, os, ones, weeklies, nowMinute, customerId) => {
          const period = osloMonth(m.year, m.month);
          const nowMs =
            nowMinute === null
              ? period.endMs + DAY
              : Math.min(period.endMs, period.startMs + nowMinute * MIN);
          const firstDay = DateTime.fromMillis(period.startMs, { zone: ZONE });
          const outages: OutageFacts[] = os.map((o, i) => ({
            id: `o${i}`,
            title: `o${i}`,
            startsAt: new Date(period.startMs + o.from * MIN).toISOString(),
            endsAt:
              o.minutes === null ? null : new Date(period.startMs + (o.from + o.minutes) * MIN).toISOString(),
            systemIds: o.systems,
            customerIds: o.customers,
            cause: o.cause,
            state: o.state,
            planned: false,
          }));
          const windows: WindowFacts[] = [
            ...ones.map((w, i): WindowFacts => ({
              id: `w${i}`,
              systemId: w.system,
              kind: 'once',
              startsAt: new Date(period.startMs + w.from * MIN).toISOString(),
              endsAt: new Date(period.startMs + (w.from + w.minutes) * MIN).toISOString(),
              cancelled: w.cancelled,
            })),
            ...weeklies.map((w, i): WindowFacts => ({
              id: `k${i}`,
              systemId: w.system,
              kind: 'weekly',
              weekday: w.weekday,
              start: w.start,
              end: w.end,
              validFrom: firstDay.plus({ days: w.fromDay }).toISODate()!,
              validUntil: w.days === null ? null : firstDay.plus({ days: w.fromDay + w.days }).toISODate()!,
              cancelled: w.cancelled,
            })),
          ];
          const subject = { systemId: X, customerId };
          const detail = uptimeMonthDetail(m.year, m.month, nowMs, subject, outages, windows);
          const [row] = uptimeYear(m.year, nowMs, [subject], outages, windows);
          expect(row!.months[m.month - 1]).toEqual(detail.figures);

          // The reference.
          const mine = outages.filter(
            (o) =>
              o.state === 'confirmed' &&
              o.systemIds.includes(X) &&
              (o.customerIds.length === 0 || o.customerIds.includes(customerId)),
          );
          const spans = mine.map((o) => {
            const s = Date.parse(o.startsAt);
            return {
              s,
              e: o.endsAt === null ? Math.max(s, nowMs) : Date.parse(o.endsAt),
              counts: causeCounts(o.cause),
            };
          });
          const onceWindows = windows.flatMap((w) =>
            w.kind === 'once' && w.systemId === X && !w.cancelled
              ? [{ s: Date.parse(w.startsAt), e: Date.parse(w.endsAt) }]
              : [],
          );
          const weeklyRules = windows.flatMap((w) =>
            w.kind === 'weekly' && w.systemId === X && !w.cancelled
              ? [
                  {
                    weekday: w.weekday,
                    start: minuteOf(w.start),
                    end: minuteOf(w.end),
                    from: epochDay(w.validFrom),
                    until: w.validUntil === null ? Infinity : epochDay(w.validUntil),
                  },
                ]
              : [],
          );
          // Oslo's offset per hour of the month (it changes on whole UTC hours).
          const hours = (period.endMs - period.startMs) / HOUR;
          const offsets = Array.from(
            { length: hours },
            (_, h) => DateTime.fromMillis(period.startMs + h * HOUR, { zone: ZONE }).offset,
          );
          const inWeekly = (t: number) => {
            const wall = t + offsets[Math.floor((t - period.startMs) / HOUR)]! * MIN;
            const day = Math.floor(wall / DAY);
            const minute = Math.floor((wall - day * DAY) / MIN);
            const weekday = ((day + 3) % 7) + 1; // 1 January 1970 was a Thursday
            return weeklyRules.some((r) => {
              const valid = (d: number) => d >= r.from && d <= r.until;
              if (r.end > r.start)
                return weekday === r.weekday && minute >= r.start && minute < r.end && valid(day);
              return (
                (weekday === r.weekday && minute >= r.start && valid(day)) ||
                (weekday === (r.weekday % 7) + 1 && minute < r.end && valid(day - 1))
              );
            });
          };
          let down = 0;
          let maintenance = 0;
          let excluded = 0;
          let elapsed = 0;
          let maintenanceAll = 0;
          for (let t = period.startMs; t < period.endMs; t += MIN) {
            const inWindow = onceWindows.some((w) => t >= w.s && t < w.e) || inWeekly(t);
            if (inWindow) maintenanceAll++;
            if (t >= nowMs) continue;
            elapsed++;
            if (inWindow) maintenance++;
            else if (spans.some((o) => o.counts && t >= o.s && t < o.e)) down++;
            else if (spans.some((o) => !o.counts && t >= o.s && t < o.e)) excluded++;
          }
          const f = detail.figures;
          expect([f.elapsedMs, f.downtimeMs, f.maintenanceMs, f.excludedMs].map(minutes)).toEqual([
            elapsed,
            down,
            maintenance,
            excluded,
          ]);
          if (elapsed - maintenance > 0) expect(f.uptime).toBeCloseTo(1 - down / (elapsed - maintenance), 12);
          else expect(f.uptime).toBeNull();
          expect(minutes(f.budgetMs)).toBeCloseTo(
            0.002 * ((period.endMs - period.startMs) / MIN - maintenanceAll),
            6,
          );
          // The outages shown: the confirmed ones of this system at this customer that touch the month.
          const shown = mine
            .filter((o, i) => Math.min(spans[i]!.e, period.endMs) > Math.max(spans[i]!.s, period.startMs))
            .map((o) => o.id)
            .sort();
          expect(detail.outages.map((o) => o.id).sort()).toEqual(shown);
        },
      ),
      { numRuns: 40 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// The rules

/** The DomainError `fn` throws, as code and field. */
function refusal(fn: () => void): { code: string; field: unknown } {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return { code: e.code, field: (e.details as { field?: unknown }).field };
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('isShortNotice (R24)', () => {
  const start = '2026-11-20T08:00:00.000Z';
  const before = (ms: number) => new Date(Date.parse(start) - ms).toISOString();
  it('is short under 3 days ahead, not at 3 days or more', () => {
    expect(MIN_NOTICE_MS).toBe(3 * DAY);
    expect(isShortNotice(before(3 * DAY), start)).toBe(false);
    expect(isShortNotice(before(3 * DAY + 1), start)).toBe(false);
    expect(isShortNotice(before(3 * DAY - 1), start)).toBe(true);
    expect(isShortNotice(before(HOUR), start)).toBe(true);
    // Announced after it started: short too.
    expect(isShortNotice(new Date(Date.parse(start) + HOUR).toISOString(), start)).toBe(true);
  });
});

describe('checkOutage', () => {
  const systems: SystemFacts[] = [
    { id: X, name: 'Gerica', remoteAccess: false },
    { id: Y, name: 'Visma', remoteAccess: false },
    { id: VPN, name: 'Citrix', remoteAccess: true },
  ];
  const fields = (over: Partial<OutageFields> = {}): OutageFields => ({
    title: 'Gerica nede',
    description: null,
    startsAt: '2026-11-20T08:00:00.000Z',
    endsAt: '2026-11-20T09:00:00.000Z',
    systemIds: [X],
    customerIds: [],
    planned: false,
    cause: 'operations',
    announcedAt: null,
    shortNoticeReason: null,
    ...over,
  });

  it('accepts an outage that ends after it starts, or has not ended', () => {
    expect(() => checkOutage(fields(), systems)).not.toThrow();
    expect(() => checkOutage(fields({ endsAt: null }), systems)).not.toThrow();
    expect(() => checkOutage(fields({ systemIds: [X, Y], customerIds: [A] }), systems)).not.toThrow();
  });

  it('refuses an end at or before the start', () => {
    expect(refusal(() => checkOutage(fields({ endsAt: '2026-11-20T08:00:00.000Z' }), systems))).toEqual({
      code: 'invalidOutage',
      field: 'endsAt',
    });
    expect(refusal(() => checkOutage(fields({ endsAt: '2026-11-20T07:00:00.000Z' }), systems))).toEqual({
      code: 'invalidOutage',
      field: 'endsAt',
    });
  });

  it('refuses a system not in the register', () => {
    expect(
      refusal(() => checkOutage(fields({ systemIds: [X, '01a21bf8-0000-7000-8000-00000000ffff'] }), systems)),
    ).toEqual({ code: 'notFound', field: 'systemIds' });
  });

  it('R23: the remote-access solution’s outage names it alone', () => {
    expect(() => checkOutage(fields({ systemIds: [VPN] }), systems)).not.toThrow();
    expect(refusal(() => checkOutage(fields({ systemIds: [VPN, X] }), systems))).toEqual({
      code: 'invalidOutage',
      field: 'systemIds',
    });
    expect(refusal(() => checkOutage(fields({ systemIds: [X, VPN] }), systems))).toEqual({
      code: 'invalidOutage',
      field: 'systemIds',
    });
  });

  it('R24: planned downtime says when it was announced, and why when under 3 days ahead', () => {
    const planned = (over: Partial<OutageFields>) => fields({ planned: true, ...over });
    expect(refusal(() => checkOutage(planned({ announcedAt: null }), systems))).toEqual({
      code: 'invalidOutage',
      field: 'announcedAt',
    });
    expect(refusal(() => checkOutage(planned({ announcedAt: '2026-11-18T08:00:00.000Z' }), systems))).toEqual(
      {
        code: 'shortNotice',
        field: 'shortNoticeReason',
      },
    );
    expect(() =>
      checkOutage(
        planned({ announcedAt: '2026-11-18T08:00:00.000Z', shortNoticeReason: 'Sikkerhetsoppdatering' }),
        systems,
      ),
    ).not.toThrow();
    expect(() => checkOutage(planned({ announcedAt: '2026-11-17T08:00:00.000Z' }), systems)).not.toThrow();
    // Unplanned downtime is never announced ahead: no notice asked.
    expect(() => checkOutage(fields({ announcedAt: '2026-11-20T08:30:00.000Z' }), systems)).not.toThrow();
  });
});

describe('checkWindow', () => {
  const weeklyFields = (over: Partial<Extract<WindowFields, { kind: 'weekly' }>> = {}): WindowFields => ({
    kind: 'weekly',
    weekday: 2,
    start: '21:00',
    end: '23:00',
    validFrom: '2026-01-01',
    validUntil: null,
    agreedWithName: 'Sissel Systemeier',
    note: null,
    ...over,
  });
  const onceFields = (over: Partial<Extract<WindowFields, { kind: 'once' }>> = {}): WindowFields => ({
    kind: 'once',
    startsAt: '2026-11-20T20:00:00.000Z',
    endsAt: '2026-11-20T22:00:00.000Z',
    announcedAt: '2026-11-10T08:00:00.000Z',
    shortNoticeReason: null,
    agreedWithName: 'Sissel Systemeier',
    note: null,
    ...over,
  });

  it('accepts a weekly window, past midnight too, valid for one day or open-ended', () => {
    expect(() => checkWindow(weeklyFields())).not.toThrow();
    expect(() => checkWindow(weeklyFields({ start: '23:00', end: '01:00' }))).not.toThrow();
    expect(() =>
      checkWindow(weeklyFields({ validFrom: '2026-03-03', validUntil: '2026-03-03' })),
    ).not.toThrow();
  });

  it('refuses a weekly window of no length, or one that stops before it applies', () => {
    expect(refusal(() => checkWindow(weeklyFields({ end: '21:00' })))).toEqual({
      code: 'invalidWindow',
      field: 'end',
    });
    expect(
      refusal(() => checkWindow(weeklyFields({ validFrom: '2026-03-03', validUntil: '2026-03-02' }))),
    ).toEqual({
      code: 'invalidWindow',
      field: 'validUntil',
    });
  });

  it('refuses a one-off window ending at or before its start', () => {
    expect(refusal(() => checkWindow(onceFields({ endsAt: '2026-11-20T20:00:00.000Z' })))).toEqual({
      code: 'invalidWindow',
      field: 'endsAt',
    });
  });

  it('R24: a one-off window announced under 3 days ahead needs a reason', () => {
    const late = '2026-11-18T21:00:00.000Z'; // 47 hours ahead
    expect(refusal(() => checkWindow(onceFields({ announcedAt: late })))).toEqual({
      code: 'shortNotice',
      field: 'shortNoticeReason',
    });
    expect(() =>
      checkWindow(onceFields({ announcedAt: late, shortNoticeReason: 'Kritisk sikkerhetshull' })),
    ).not.toThrow();
    expect(() => checkWindow(onceFields({ announcedAt: '2026-11-17T20:00:00.000Z' }))).not.toThrow();
  });
});

describe('noticeConcerns (R14)', () => {
  const notice = (over: Partial<NoticeFacts> = {}): NoticeFacts => ({
    id: 'n1',
    title: 'Gerica er nede',
    state: 'ongoing',
    systemIds: [X],
    customerIds: [],
    startsAt: '2026-11-20T08:00:00.000Z',
    endsAt: null,
    ...over,
  });

  it('never shows a resolved notice; shows planned and ongoing ones', () => {
    expect(noticeConcerns(notice({ state: 'resolved' }), { systemId: X, customerId: A })).toBe(false);
    expect(noticeConcerns(notice({ state: 'planned' }), { systemId: X, customerId: A })).toBe(true);
    expect(noticeConcerns(notice(), { systemId: X, customerId: A })).toBe(true);
  });

  it('with a system named: a notice of that system at every customer, at the call’s, or of the customer alone', () => {
    const everywhere = notice();
    const atMolde = notice({ customerIds: [A] });
    const moldeAlone = notice({ systemIds: [], customerIds: [A] });
    const otherSystem = notice({ systemIds: [Y] });
    const otherSystemAtMolde = notice({ systemIds: [Y], customerIds: [A] });
    const q = (customerId: string | null) => ({ systemId: X, customerId });
    expect(
      [everywhere, atMolde, moldeAlone, otherSystem, otherSystemAtMolde].map((n) => noticeConcerns(n, q(A))),
    ).toEqual([true, true, true, false, false]);
    expect(
      [everywhere, atMolde, moldeAlone, otherSystem, otherSystemAtMolde].map((n) => noticeConcerns(n, q(B))),
    ).toEqual([true, false, false, false, false]);
    // No customer yet: the system's notices, wherever they are.
    expect([everywhere, atMolde, moldeAlone, otherSystem].map((n) => noticeConcerns(n, q(null)))).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });

  it('with only a customer named: the customer’s notices, and every-customer notices of the systems it uses', () => {
    const uses = new Set([X]);
    const q = { customerId: A, customerSystemIds: uses };
    expect(noticeConcerns(notice({ customerIds: [A] }), q)).toBe(true);
    expect(noticeConcerns(notice({ systemIds: [], customerIds: [A] }), q)).toBe(true);
    expect(noticeConcerns(notice({ customerIds: [B] }), q)).toBe(false);
    expect(noticeConcerns(notice(), q)).toBe(true);
    expect(noticeConcerns(notice({ systemIds: [Y] }), q)).toBe(false);
    // Without the customer's systems, an every-customer notice cannot be placed.
    expect(noticeConcerns(notice(), { customerId: A })).toBe(false);
  });

  it('with nothing named, shows nothing', () => {
    expect(noticeConcerns(notice(), {})).toBe(false);
    expect(
      noticeConcerns(notice({ systemIds: [], customerIds: [A] }), { systemId: null, customerId: null }),
    ).toBe(false);
  });
});

describe('checkRestoreMayProceed (R13)', () => {
  const approval = JSON.stringify({ approvedByName: 'Sissel Systemeier', method: 'email' });
  const ticket = (over: Partial<Parameters<typeof checkRestoreMayProceed>[0]> = {}) => ({
    kind: 'dataRestore',
    status: 'new',
    systemId: X,
    restoreApproval: null,
    ...over,
  });

  it('keeps a data restore in "new" until the owner’s approval is recorded', () => {
    expect(refusal(() => checkRestoreMayProceed(ticket(), 'in_progress'))).toEqual({
      code: 'restoreNotApproved',
      field: 'restoreApproval',
    });
    expect(refusal(() => checkRestoreMayProceed(ticket(), 'resolved'))).toEqual({
      code: 'restoreNotApproved',
      field: 'restoreApproval',
    });
    expect(() => checkRestoreMayProceed(ticket({ restoreApproval: approval }), 'in_progress')).not.toThrow();
  });

  it('asks for the system before the approval', () => {
    expect(refusal(() => checkRestoreMayProceed(ticket({ systemId: null }), 'in_progress'))).toEqual({
      code: 'restoreNeedsSystem',
      field: 'systemId',
    });
  });

  it('lets every other step through: staying new, a restore already under way, a standard ticket', () => {
    expect(() => checkRestoreMayProceed(ticket(), 'new')).not.toThrow();
    expect(() => checkRestoreMayProceed(ticket({ status: 'in_progress' }), 'resolved')).not.toThrow();
    expect(() =>
      checkRestoreMayProceed(ticket({ kind: 'standard', systemId: null }), 'in_progress'),
    ).not.toThrow();
  });
});
