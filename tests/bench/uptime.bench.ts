// Uptime (issue 16, R21): a year's table for 500 systems × 12 months and the
// year, from 20,000 outages and agreed windows and each system's fixed weekly
// window (target: under 200 ms for the table). The arithmetic of
// src-shared/uptime alone; its inputs made up here.
import { mulberry32 } from '../../src-main/demo/generate';
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
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1); // a benchmark that fails says so by its exit code (scripts/bench.mjs counts it)
});
