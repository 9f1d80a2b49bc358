// Uptime (issue 16, R21): a year's table for 500 systems × 12 months and the
// year, from 20,000 outages and agreed windows and each system's fixed weekly
// window (target: under 200 ms for the table).
//   uptime.year_table          the arithmetic of src-shared/uptime alone (uptimeYearTable), its
//                              inputs made up as intervals
//   uptime.systems_year        the report's path (src-shared/systems uptimeYear, as the desk's
//                              systems.uptimeYear runs it after reading the rows): outages and windows
//                              as stored (ISO instants, JSON lists parsed), 16,000 outages (some on two
//                              systems, 30 % scoped to customers, suspected, dismissed and excluded
//                              causes among them) and 4,000 one-off windows (some cancelled), and
//                              weekly windows (some valid from mid-year, some until then, a few
//                              cancelled); one row per system at one customer (500 rows: the table
//                              filtered to a customer), and
//   uptime.systems_year.all    every system at each of the six customers using it (3,000 rows,
//                              printed beside it)
import { mulberry32 } from '../../src-main/demo/generate';
import { referenceRows } from '../../src-main/store/referenceData';
import {
  OUTAGE_CAUSES,
  uptimeYear,
  type OutageFacts,
  type SubjectFacts,
  type WindowFacts,
} from '../../src-shared/systems';
import { osloYear, uptimeYearTable, type UptimeSubject } from '../../src-shared/uptime';
import { emit, emitLatency, sample } from './lib/report';

const SYSTEMS = Number(process.env.BENCH_UPTIME_SYSTEMS ?? 500);
const ITEMS = Number(process.env.BENCH_UPTIME_ITEMS ?? 20_000);
const SAMPLES = Number(process.env.BENCH_UPTIME_SAMPLES ?? 30);

async function main(): Promise<void> {
  const rng = mulberry32(16);
  const year = new Date().getUTCFullYear() - 1; // a whole year behind us
  const { startMs, endMs } = osloYear(year);
  const subjects: UptimeSubject[] = Array.from({ length: SYSTEMS }, (_, i) => ({
    key: `system-${i}`,
    outages: [],
    windows: [],
    weekly:
      rng() < 0.7
        ? [
            {
              weekday: 1 + Math.floor(rng() * 7),
              start: ['06:00', '21:00', '22:00', '23:30'][Math.floor(rng() * 4)]!,
              end: ['07:00', '23:00', '00:00', '01:30'][Math.floor(rng() * 4)]!,
            },
          ]
        : [],
  }));
  for (let i = 0; i < ITEMS; i++) {
    const s = subjects[Math.floor(rng() * SYSTEMS)]!;
    const from = startMs + Math.floor(rng() * (endMs - startMs));
    const minutes = Math.floor(5 + rng() * rng() * rng() * 480);
    const piece = { startMs: from, endMs: from + minutes * 60_000 };
    if (i % 5 === 0) (s.windows as (typeof piece)[]).push(piece);
    else (s.outages as Array<typeof piece & { counted: boolean }>).push({ ...piece, counted: rng() > 0.15 });
  }
  const now = Date.now();
  const t0 = performance.now();
  const table = uptimeYearTable(year, now, subjects);
  emit('uptime.year_table.first', performance.now() - t0, 'ms', {
    systems: SYSTEMS,
    items: ITEMS,
    belowTarget: table.filter((r) => !r.year.met).length,
  });
  emitLatency('uptime.year_table', await sample(SAMPLES, () => uptimeYearTable(year, now, subjects), 3), {
    p: 95,
    maxMs: 200,
  });
  await systemsYear(year, now);
}

/** The report's path: src-shared/systems's uptimeYear over rows as the desk's queries parse them. */
async function systemsYear(year: number, now: number): Promise<void> {
  const rng = mulberry32(1616);
  const { startMs, endMs } = osloYear(year);
  const customers = referenceRows().customers.map((c) => c.id);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rng() * xs.length)]!;
  const iso = (ms: number) => new Date(ms).toISOString();
  const day = (ms: number) => iso(ms).slice(0, 10);
  const systems = Array.from(
    { length: SYSTEMS },
    (_, i) => `01a21bf8-0000-7000-8000-${String(i).padStart(12, '0')}`,
  );
  const outages: OutageFacts[] = [];
  const windows: WindowFacts[] = [];
  for (let i = 0; i < ITEMS; i++) {
    const from = startMs + Math.floor(rng() * (endMs - startMs));
    const minutes = Math.floor(5 + rng() * rng() * rng() * 480);
    const systemId = pick(systems);
    if (i % 5 === 0) {
      windows.push({
        id: `w${i}`,
        systemId,
        kind: 'once',
        startsAt: iso(from),
        endsAt: iso(from + minutes * 60_000),
        cancelled: rng() < 0.05,
      });
      continue;
    }
    const r = rng();
    outages.push({
      id: `o${i}`,
      title: 'Nede',
      startsAt: iso(from),
      endsAt: iso(from + minutes * 60_000),
      systemIds: rng() < 0.1 ? [systemId, pick(systems)] : [systemId],
      customerIds: rng() < 0.3 ? [pick(customers)] : [],
      cause: rng() < 0.8 ? pick(OUTAGE_CAUSES.slice(0, 4)) : pick(OUTAGE_CAUSES),
      state: r < 0.9 ? 'confirmed' : r < 0.95 ? 'suspected' : 'dismissed',
      planned: false,
    });
  }
  for (const [i, systemId] of systems.entries()) {
    if (rng() >= 0.7) continue;
    const midYear = startMs + Math.floor(rng() * (endMs - startMs));
    const r = rng();
    windows.push({
      id: `k${i}`,
      systemId,
      kind: 'weekly',
      weekday: 1 + Math.floor(rng() * 7),
      start: pick(['06:00', '21:00', '22:00', '23:30']),
      end: pick(['07:00', '23:00', '00:00', '01:30']),
      validFrom: r < 0.2 ? day(midYear) : `${year - 2}-01-01`,
      validUntil: r > 0.9 ? day(midYear) : null,
      cancelled: rng() < 0.03,
    });
  }
  const oneEach: SubjectFacts[] = systems.map((systemId, i) => ({
    systemId,
    customerId: customers[i % customers.length]!,
  }));
  const all: SubjectFacts[] = systems.flatMap((systemId) =>
    customers.map((customerId) => ({ systemId, customerId })),
  );
  const t0 = performance.now();
  const table = uptimeYear(year, now, oneEach, outages, windows);
  emit('uptime.systems_year.first', performance.now() - t0, 'ms', {
    rows: table.length,
    outages: outages.length,
    windows: windows.length,
    belowTarget: table.filter((r) => !r.year.met).length,
  });
  const run = (subjects: SubjectFacts[]) => () => uptimeYear(year, now, subjects, outages, windows);
  emitLatency('uptime.systems_year', await sample(SAMPLES, run(oneEach), 3), { p: 95, maxMs: 200 });
  emitLatency('uptime.systems_year.all', await sample(SAMPLES, run(all), 3));
  emit('uptime.systems_year.all.rows', all.length, 'rows');
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1); // a benchmark that fails says so by its exit code (scripts/bench.mjs counts it)
});
