// R6: the central store's counter hands out gap-free, per-year references in
// the writing transaction; a rolled-back transaction gives its number back.
import { afterEach, describe, expect, it } from 'vitest';
import { nextReference } from '../../../../src-main/central/references';
import { withStore } from '../../../../src-main/central/store/serialize';
import {
  canonicalReference,
  isCanonicalReference,
  provisionalReference,
} from '../../../../src-shared/references';
import { ENGINES, startTestCentral, type TestCentral } from '../../../support/central';

let central: TestCentral | null = null;
afterEach(async () => {
  await central?.dispose();
  central = null;
});

describe('reference formats', () => {
  it('canonical: prefix, year, six digits; provisional: desk tag and number', () => {
    expect(canonicalReference(2026, 123)).toBe('RI-2026-000123');
    expect(isCanonicalReference('RI-2026-000123')).toBe(true);
    expect(provisionalReference('01a21bf8-1834-75b2-a497-81435d7eb20a', 7)).toBe('P-B20A-0007');
    expect(isCanonicalReference('P-B20A-0007')).toBe(false);
  });
});

describe.each(ENGINES)('reference counter on %s', (engine) => {
  it('is gap-free per year under concurrent transactions, and a rollback returns its number', async () => {
    central = await startTestCentral(engine);
    const store = central.server.store;
    const take = (year: number, fail = false) =>
      withStore(store, () =>
        store.dataSource.transaction(async (m) => {
          const ref = await nextReference(m, year);
          if (fail) throw new Error('rolled back');
          return ref;
        }),
      );
    const results = await Promise.allSettled(
      Array.from({ length: 40 }, (_, i) => take(i % 4 === 3 ? 2027 : 2026, i % 10 === 5)),
    );
    const refs = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    const failed = results.filter((r) => r.status === 'rejected').length;
    expect(failed).toBe(4);
    const of = (year: number) => refs.filter((r) => r.startsWith(`RI-${year}-`)).sort();
    expect(of(2026)).toEqual(of(2026).map((_, i) => canonicalReference(2026, i + 1)));
    expect(of(2027)).toEqual(of(2027).map((_, i) => canonicalReference(2027, i + 1)));
    expect(of(2026).length + of(2027).length).toBe(36);
  });
});
