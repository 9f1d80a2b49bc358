// The ids a mutation derives for its new rows: the same on the desk and the central store (derived
// from the mutation id alone), distinct within and across mutations, UUID-shaped (version 8), and
// ordered by the mutation's time, so a commit's new rows sit at the end of their primary-key index.
import { uuidv7 } from 'uuidv7';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { derivedIds } from '../../../../src-main/mutations/derivedId';

describe('derivedIds', () => {
  it('derives the same ids from the same mutation id, in order', () => {
    const id = uuidv7();
    const a = derivedIds(id);
    const b = derivedIds(id);
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
  });

  it('gives distinct, valid UUIDs within a mutation and across many', () => {
    const seen = new Set<string>();
    for (let m = 0; m < 2_000; m++) {
      const next = derivedIds(uuidv7());
      for (let i = 0; i < 5; i++) seen.add(next());
    }
    expect(seen.size).toBe(10_000);
    for (const id of [...seen].slice(0, 50)) expect(z.uuid().safeParse(id).success, id).toBe(true);
  });

  it('sorts a later mutation’s ids after an earlier one’s (the UUIDv7 time comes first)', () => {
    const earlier = derivedIds('019ae8a0-0000-7000-8000-000000000001');
    const later = derivedIds('019ae8a0-0001-7000-8000-000000000000');
    const first = [earlier(), earlier(), earlier()];
    const second = [later(), later(), later()];
    for (const x of first) for (const y of second) expect(x < y, `${x} < ${y}`).toBe(true);
    expect(first.every((x) => x.startsWith('019ae8a0-0000-8'))).toBe(true);
  });
});
