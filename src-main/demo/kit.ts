// The demo's small tools, shared by its parts (calls, tickets, equipment):
// seeded randomness, so the same seed and "now" give the same data, and ids
// drawn from it.

/** mulberry32: a tiny, fast 32-bit PRNG; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rng = () => number;

/** A whole number in [min, max]. */
export const int = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));
export const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
export function weighted<T>(rng: Rng, items: ReadonlyArray<readonly [T, number]>): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let r = rng() * total;
  for (const [item, w] of items) {
    r -= w;
    if (r < 0) return item;
  }
  return items[items.length - 1]![0];
}

/** A UUIDv7 for an instant, with its random bits from the seeded PRNG. */
export function seededUuidV7(ms: number, rng: Rng): string {
  const hex = (digits: number) =>
    Array.from({ length: digits }, () => Math.floor(rng() * 16).toString(16)).join('');
  const time = ms.toString(16).padStart(12, '0');
  const variant = (8 + Math.floor(rng() * 4)).toString(16);
  return `${time.slice(0, 8)}-${time.slice(8)}-7${hex(3)}-${variant}${hex(3)}-${hex(12)}`;
}

export type Place = 'health' | 'school' | 'office';
/** The kind of workplace, from its name. */
export const placeOf = (workplace: string): Place =>
  /legevakt|sjukeheim|omsorg|helse|lege|pleie/i.test(workplace)
    ? 'health'
    : /skole|skule/i.test(workplace)
      ? 'school'
      : 'office';
