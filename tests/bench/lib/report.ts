// Shared helpers for the benchmarks: percentiles over measured samples and the
// one-JSON-line-per-figure output that `npm run bench` prints.
import { performance } from 'node:perf_hooks';

export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) throw new Error('percentile of no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export function emit(name: string, value: number, unit: string, extra: Record<string, unknown> = {}): void {
  console.log(JSON.stringify({ name, value: Number(value.toFixed(4)), unit, ...extra }));
}

/** Emits `<name>.p50` and `<name>.p95` (and p99 when asked) for millisecond samples. */
export function emitLatency(
  name: string,
  samplesMs: number[],
  target?: { p: 50 | 95 | 99; maxMs: number },
): void {
  emit(`${name}.p50`, percentile(samplesMs, 50), 'ms');
  emit(`${name}.p95`, percentile(samplesMs, 95), 'ms', target?.p === 95 ? { target: target.maxMs } : {});
  if (target?.p === 99) emit(`${name}.p99`, percentile(samplesMs, 99), 'ms', { target: target.maxMs });
}

/** Runs `fn` `count` times (after `warmup` runs) and returns each run's duration in ms. */
export async function sample(
  count: number,
  fn: (i: number) => unknown,
  warmup = Math.min(50, count),
): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn(-1 - i);
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    await fn(i);
    out.push(performance.now() - t0);
  }
  return out;
}
