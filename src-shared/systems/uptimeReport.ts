// The uptime report (R21–R23, R25): which outages and windows concern a
// system at a customer, and its figures per month and year. The arithmetic
// is ../uptime's; the choice of what counts is made here, once.
import {
  osloMonth,
  uptimeOf,
  weeklyWindowsIn,
  uptimeYearTable,
  type Interval,
  type OutageSpan,
  type UptimeFigures,
  type UptimeRow,
  type WeeklyWindow,
} from '../uptime';
import { causeCounts, outageHits, type OutageFacts } from './outages';
import { DateTime } from 'luxon';
import { SERVICE_TIME_ZONE } from '../serviceTimeZone';

/** A maintenance window as stored (parsed). */
export type WindowFacts =
  | {
      id: string;
      systemId: string;
      kind: 'weekly';
      weekday: number;
      start: string;
      end: string;
      validFrom: string;
      validUntil: string | null;
      cancelled: boolean;
    }
  | { id: string; systemId: string; kind: 'once'; startsAt: string; endsAt: string; cancelled: boolean };

/**
 * The outages that concern a system at a customer. Suspected and dismissed ones never do (a probe's
 * suspicion is measured, not recorded, until a team lead confirms it). An excluded cause (R22) is
 * kept, not counted. R23 needs nothing here: the remote-access solution's outage names it alone
 * (outages.checkOutage), so it never reaches the systems behind it.
 */
export function outageSpansFor(
  outages: readonly OutageFacts[],
  systemId: string,
  customerId: string,
): OutageSpan[] {
  const spans: OutageSpan[] = [];
  for (const o of outages) {
    if (o.state !== 'confirmed' || !outageHits(o, systemId, customerId)) continue;
    spans.push({
      startMs: Date.parse(o.startsAt),
      endMs: o.endsAt === null ? null : Date.parse(o.endsAt),
      counted: causeCounts(o.cause),
    });
  }
  return spans;
}

/** A weekly window with the days it applies, as instants: its occurrences outside them are dropped. */
export interface ValidWeekly extends WeeklyWindow {
  fromMs: number;
  untilMs: number;
}

/** A system's windows: the one-offs as intervals, the weekly ones with their days of validity. */
export function windowsFor(
  windows: readonly WindowFacts[],
  systemId: string,
): { once: Interval[]; weekly: ValidWeekly[] } {
  const once: Interval[] = [];
  const weekly: ValidWeekly[] = [];
  for (const w of windows) {
    if (w.systemId !== systemId || w.cancelled) continue;
    if (w.kind === 'once') once.push({ startMs: Date.parse(w.startsAt), endMs: Date.parse(w.endsAt) });
    else
      weekly.push({
        weekday: w.weekday,
        start: w.start,
        end: w.end,
        fromMs: osloDayStartMs(w.validFrom),
        untilMs: w.validUntil === null ? Number.POSITIVE_INFINITY : osloDayStartMs(w.validUntil, 1),
      });
  }
  return { once, weekly };
}

function osloDayStartMs(day: string, plusDays = 0): number {
  return DateTime.fromISO(day, { zone: SERVICE_TIME_ZONE }).plus({ days: plusDays }).toMillis();
}

export interface SubjectFacts {
  systemId: string;
  customerId: string;
}

/** A year's table for several systems at their customers (the report's and the benchmark's path). */
export function uptimeYear(
  year: number,
  nowMs: number,
  subjects: readonly SubjectFacts[],
  outages: readonly OutageFacts[],
  windows: readonly WindowFacts[],
): UptimeRow[] {
  const bySystem = new Map<string, OutageFacts[]>();
  for (const o of outages) {
    if (o.state !== 'confirmed') continue;
    for (const s of o.systemIds) {
      let list = bySystem.get(s);
      if (!list) bySystem.set(s, (list = []));
      list.push(o);
    }
  }
  const windowsBySystem = new Map<string, WindowFacts[]>();
  for (const w of windows) {
    let list = windowsBySystem.get(w.systemId);
    if (!list) windowsBySystem.set(w.systemId, (list = []));
    list.push(w);
  }
  // A system's windows laid out once, for each customer it has.
  const windowsOf = new Map<string, ReturnType<typeof windowsFor>>();
  return uptimeYearTable(
    year,
    nowMs,
    subjects.map((s) => {
      let ws = windowsOf.get(s.systemId);
      if (!ws)
        windowsOf.set(s.systemId, (ws = windowsFor(windowsBySystem.get(s.systemId) ?? [], s.systemId)));
      return {
        key: `${s.systemId}|${s.customerId}`,
        outages: outageSpansFor(bySystem.get(s.systemId) ?? [], s.systemId, s.customerId),
        windows: ws.once,
        weekly: ws.weekly,
      };
    }),
  );
}

/** One month at one system and customer: the figure, and the outages and windows behind it ("why"). */
export interface MonthDetail {
  figures: UptimeFigures;
  period: Interval;
  outages: Array<OutageFacts & { counted: boolean; clippedStartMs: number; clippedEndMs: number }>;
  windows: Interval[];
}

export function uptimeMonthDetail(
  year: number,
  month: number,
  nowMs: number,
  subject: SubjectFacts,
  outages: readonly OutageFacts[],
  windows: readonly WindowFacts[],
): MonthDetail {
  const period = osloMonth(year, month);
  const ws = windowsFor(windows, subject.systemId);
  const laid = [...ws.once, ...ws.weekly.flatMap((w) => weeklyIn(w, period))].filter(
    (i) => i.endMs > period.startMs && i.startMs < period.endMs,
  );
  const concerning = outages.filter(
    (o) => o.state === 'confirmed' && outageHits(o, subject.systemId, subject.customerId),
  );
  const figures = uptimeOf({
    period,
    nowMs,
    outages: outageSpansFor(concerning, subject.systemId, subject.customerId),
    windows: laid,
  });
  const shown = concerning
    .map((o) => {
      const s = Date.parse(o.startsAt);
      const e = o.endsAt === null ? Math.max(s, nowMs) : Date.parse(o.endsAt);
      return {
        ...o,
        counted: causeCounts(o.cause),
        clippedStartMs: Math.max(s, period.startMs),
        clippedEndMs: Math.min(e, period.endMs),
      };
    })
    .filter((o) => o.clippedEndMs > o.clippedStartMs)
    .sort((a, b) => a.clippedStartMs - b.clippedStartMs);
  return { figures, period, outages: shown, windows: laid.sort((a, b) => a.startMs - b.startMs) };
}

/** A weekly window's occurrences in a period, within the days it applies. */
export function weeklyIn(w: ValidWeekly, period: Interval): Interval[] {
  return weeklyWindowsIn(w, period).filter((i) => i.startMs >= w.fromMs && i.startMs < w.untilMs);
}
