// Half-open time intervals [startMs, endMs) and the little set algebra the
// uptime needs: the union of many (overlaps count once), and the part of one
// union inside or outside another. A "union" here is always sorted and
// disjoint, as unionOf returns it.

export interface Interval {
  startMs: number;
  endMs: number;
}

/** Sorted, disjoint, non-empty intervals covering exactly what the given ones cover. */
export function unionOf(intervals: Iterable<Interval>): Interval[] {
  const list = [...intervals].filter((i) => i.endMs > i.startMs).sort((a, b) => a.startMs - b.startMs);
  const out: Interval[] = [];
  for (const i of list) {
    const last = out[out.length - 1];
    if (last && i.startMs <= last.endMs) {
      if (i.endMs > last.endMs) last.endMs = i.endMs;
    } else out.push({ startMs: i.startMs, endMs: i.endMs });
  }
  return out;
}

/** The total length of a union, in ms. */
export function lengthOf(union: readonly Interval[]): number {
  let total = 0;
  for (const i of union) total += i.endMs - i.startMs;
  return total;
}

/** What two unions both cover. */
export function intersection(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let j = 0;
  for (const x of a) {
    while (j < b.length && b[j]!.endMs <= x.startMs) j++;
    for (let k = j; k < b.length && b[k]!.startMs < x.endMs; k++) {
      const startMs = Math.max(x.startMs, b[k]!.startMs);
      const endMs = Math.min(x.endMs, b[k]!.endMs);
      if (endMs > startMs) out.push({ startMs, endMs });
    }
  }
  return out;
}

/** What union `a` covers that union `b` does not. */
export function difference(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let j = 0;
  for (const x of a) {
    let cursor = x.startMs;
    while (j < b.length && b[j]!.endMs <= x.startMs) j++;
    for (let k = j; k < b.length && b[k]!.startMs < x.endMs; k++) {
      if (b[k]!.startMs > cursor) out.push({ startMs: cursor, endMs: b[k]!.startMs });
      cursor = Math.max(cursor, b[k]!.endMs);
    }
    if (cursor < x.endMs) out.push({ startMs: cursor, endMs: x.endMs });
  }
  return out;
}

/** The parts of a union inside [period.startMs, period.endMs) (found by binary search). */
export function clip(union: readonly Interval[], period: Interval): Interval[] {
  let lo = 0;
  let hi = union.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (union[mid]!.endMs <= period.startMs) lo = mid + 1;
    else hi = mid;
  }
  const out: Interval[] = [];
  for (let i = lo; i < union.length && union[i]!.startMs < period.endMs; i++) {
    const startMs = Math.max(union[i]!.startMs, period.startMs);
    const endMs = Math.min(union[i]!.endMs, period.endMs);
    if (endMs > startMs) out.push({ startMs, endMs });
  }
  return out;
}
