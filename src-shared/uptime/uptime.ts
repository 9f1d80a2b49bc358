// Uptime (R20–R23) for one system at one customer over one period: counted
// 24/7, as 1 − counted downtime ÷ (the period − its maintenance windows).
// Downtime inside a window is maintenance, not downtime; overlapping outages
// count once; an outage with an excluded cause (R22) is reported beside the
// figure but not counted. Which outages concern the system (R23: the remote
// access solution's do not count against the systems behind it) is for the
// caller to decide; this is the arithmetic alone.
import { clip, difference, lengthOf, unionOf, type Interval } from './intervals';

/** The agreement's target (R21). */
export const UPTIME_TARGET = 0.998;

export interface OutageSpan {
  startMs: number;
  /** Null while it is still going on (it counts up to now). */
  endMs: number | null;
  /** False for an excluded cause (R22): shown, not counted. */
  counted: boolean;
}

export interface UptimeFigures {
  /** The whole period, and the part of it up to now that the figure is over. */
  periodMs: number;
  elapsedMs: number;
  /** Maintenance windows inside the elapsed part. */
  maintenanceMs: number;
  /** Counted downtime (outside windows, overlaps once). */
  downtimeMs: number;
  /** Downtime with an excluded cause only (outside windows and counted downtime). */
  excludedMs: number;
  /** 1 − downtime ÷ (elapsed − maintenance); null before any time that counts. */
  uptime: number | null;
  target: number;
  /** The downtime the target allows over the whole period (its windows taken out), used and left. */
  budgetMs: number;
  budgetLeftMs: number;
  met: boolean;
}

/** A subject's time as unions (intervals.ts): its windows, its counted and its excluded outages. */
export interface UptimeUnions {
  windows: Interval[];
  counted: Interval[];
  excluded: Interval[];
}

/** The unions of outages and windows, an ongoing outage counted up to `nowMs`. */
export function uptimeUnions(
  outages: readonly OutageSpan[],
  windows: readonly Interval[],
  nowMs: number,
): UptimeUnions {
  const of = (counted: boolean) =>
    unionOf(
      outages
        .filter((o) => o.counted === counted)
        .map((o) => ({ startMs: o.startMs, endMs: o.endMs ?? Math.max(o.startMs, nowMs) })),
    );
  return { windows: unionOf(windows), counted: of(true), excluded: of(false) };
}

export function uptimeOf(args: {
  period: Interval;
  nowMs: number;
  outages: readonly OutageSpan[];
  /** Maintenance windows (fixed and agreed one-off), in any order, overlapping or not. */
  windows: readonly Interval[];
  target?: number;
}): UptimeFigures {
  return uptimeOver(
    args.period,
    args.nowMs,
    uptimeUnions(args.outages, args.windows, args.nowMs),
    args.target,
  );
}

/** The figures over one period from a subject's unions (many periods share them: yearTable.ts). */
export function uptimeOver(
  period: Interval,
  nowMs: number,
  unions: UptimeUnions,
  target = UPTIME_TARGET,
): UptimeFigures {
  const elapsed: Interval = {
    startMs: period.startMs,
    endMs: Math.max(period.startMs, Math.min(period.endMs, nowMs)),
  };
  const windowsAll = clip(unions.windows, period);
  const windows = clip(windowsAll, elapsed);
  const down = difference(clip(unions.counted, elapsed), windows);
  const excluded = difference(difference(clip(unions.excluded, elapsed), windows), down);
  const elapsedMs = elapsed.endMs - elapsed.startMs;
  const maintenanceMs = lengthOf(windows);
  const downtimeMs = lengthOf(down);
  const counting = elapsedMs - maintenanceMs;
  const budgetMs = (1 - target) * (period.endMs - period.startMs - lengthOf(windowsAll));
  const uptime = counting > 0 ? 1 - downtimeMs / counting : null;
  return {
    periodMs: period.endMs - period.startMs,
    elapsedMs,
    maintenanceMs,
    downtimeMs,
    excludedMs: lengthOf(excluded),
    uptime,
    target,
    budgetMs,
    budgetLeftMs: budgetMs - downtimeMs,
    met: uptime === null || uptime >= target,
  };
}
