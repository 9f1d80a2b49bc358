// The register's rules (R15–R17) in src-shared/equipment/rules: approval
// windows (first and last day included, open-ended), the notApproved warning
// only on the main network, the recommended lifetime reached exactly N
// calendar months after delivery (or setup), a technician's mark, and the
// Oslo calendar day of an instant around midnight and the DST switches.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import {
  DEFAULT_EQUIPMENT_SETTINGS,
  DEVICE_CATEGORIES,
  type DeviceCategory,
} from '../../../../src-shared/equipment/catalogue';
import {
  deviceWarnings,
  endOfLifetime,
  isApprovedOn,
  osloDay,
  type DeviceForRules,
} from '../../../../src-shared/equipment/rules';

const settings = DEFAULT_EQUIPMENT_SETTINGS; // laptop 48 months, pc 60, phone 36

function device(over: Partial<DeviceForRules> = {}, model: Partial<DeviceForRules['model']> = {}) {
  return {
    network: 'main',
    status: 'in_use',
    deliveredDate: null,
    setupDate: null,
    replacementReason: null,
    ...over,
    model: { category: 'laptop', approvedFrom: '2020-01-01', approvedUntil: null, ...model },
  } satisfies DeviceForRules;
}
const codes = (d: DeviceForRules, day: string) => deviceWarnings(d, settings, day).map((w) => w.code);

/** The day before / after a 'YYYY-MM-DD' day. */
const shift = (day: string, days: number) => DateTime.fromISO(day).plus({ days }).toISODate()!;

describe('R15: isApprovedOn', () => {
  const window = { approvedFrom: '2024-03-01', approvedUntil: '2025-02-28' };

  it('includes the first and the last day, and nothing outside', () => {
    expect(isApprovedOn(window, '2024-02-29')).toBe(false);
    expect(isApprovedOn(window, '2024-03-01')).toBe(true);
    expect(isApprovedOn(window, '2024-09-15')).toBe(true);
    expect(isApprovedOn(window, '2025-02-28')).toBe(true);
    expect(isApprovedOn(window, '2025-03-01')).toBe(false);
  });

  it('an open-ended window is approved from its first day on, for ever', () => {
    const open = { approvedFrom: '2024-03-01', approvedUntil: null };
    expect(isApprovedOn(open, '2024-02-29')).toBe(false);
    expect(isApprovedOn(open, '2024-03-01')).toBe(true);
    expect(isApprovedOn(open, '2099-12-31')).toBe(true);
  });

  it('a one-day window is approved on that day only', () => {
    const oneDay = { approvedFrom: '2024-06-15', approvedUntil: '2024-06-15' };
    expect(['2024-06-14', '2024-06-15', '2024-06-16'].map((d) => isApprovedOn(oneDay, d))).toEqual([
      false,
      true,
      false,
    ]);
  });

  it('property: approved exactly when from ≤ day ≤ until (days compared as dates)', () => {
    const day = fc
      .date({
        min: new Date('2000-01-01T00:00:00Z'),
        max: new Date('2040-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10));
    const ms = (d: string) => Date.parse(`${d}T00:00:00Z`);
    fc.assert(
      fc.property(day, fc.option(day, { nil: null }), day, (from, until, probe) => {
        const expected = ms(probe) >= ms(from) && (until === null || ms(probe) <= ms(until));
        expect(isApprovedOn({ approvedFrom: from, approvedUntil: until }, probe)).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });
});

describe('R16: the notApproved warning', () => {
  const expired = { approvedFrom: '2017-01-01', approvedUntil: '2022-12-31' };

  it('warns on the main network after the last approved day, saying until when it was approved', () => {
    const d = device({}, expired);
    expect(deviceWarnings(d, settings, '2022-12-31')).toEqual([]);
    expect(deviceWarnings(d, settings, '2023-01-01')).toEqual([
      { code: 'notApproved', approvedUntil: '2022-12-31' },
    ]);
  });

  it('warns on the main network before the first approved day', () => {
    const d = device({}, { approvedFrom: '2025-01-01', approvedUntil: null });
    expect(deviceWarnings(d, settings, '2024-12-31')).toEqual([{ code: 'notApproved', approvedUntil: null }]);
    expect(deviceWarnings(d, settings, '2025-01-01')).toEqual([]);
  });

  it('never warns on the guest network (R15: no approval needed there)', () => {
    expect(codes(device({ network: 'guest' }, expired), '2030-01-01')).toEqual([]);
    expect(codes(device({ network: 'guest' }, { approvedFrom: '2099-01-01' }), '2024-01-01')).toEqual([]);
    // The guest network is exempt from approval only, not from the lifetime.
    expect(codes(device({ network: 'guest', deliveredDate: '2015-01-01' }, expired), '2030-01-01')).toEqual([
      'replacementRecommended',
    ]);
  });
});

describe('R17: the recommended lifetime', () => {
  it('is reached exactly N months after delivery: the day before no warning, the day itself a warning', () => {
    const d = device({ deliveredDate: '2020-05-15' }); // laptop: 48 months
    expect(endOfLifetime(d, 48)).toBe('2024-05-15');
    expect(deviceWarnings(d, settings, '2024-05-14')).toEqual([]);
    expect(deviceWarnings(d, settings, '2024-05-15')).toEqual([
      { code: 'replacementRecommended', since: '2024-05-15', reason: null },
    ]);
    expect(deviceWarnings(d, settings, '2026-01-01')).toEqual([
      { code: 'replacementRecommended', since: '2024-05-15', reason: null },
    ]);
  });

  it('uses the lifetime of the model’s category, as the settings say', () => {
    const pc = device({ deliveredDate: '2020-05-15' }, { category: 'pc' }); // 60 months
    expect(codes(pc, '2024-05-15')).toEqual([]);
    expect(codes(pc, '2025-05-15')).toEqual(['replacementRecommended']);
    const short = { lifetimeMonths: { ...settings.lifetimeMonths, pc: 1 } };
    expect(deviceWarnings(pc, short, '2020-06-14')).toEqual([]);
    expect(deviceWarnings(pc, short, '2020-06-15')).toEqual([
      { code: 'replacementRecommended', since: '2020-06-15', reason: null },
    ]);
  });

  it('adds calendar months: 31 January + 1 month is the last day of February', () => {
    expect(endOfLifetime({ deliveredDate: '2023-01-31', setupDate: null }, 1)).toBe('2023-02-28');
    expect(endOfLifetime({ deliveredDate: '2024-01-31', setupDate: null }, 1)).toBe('2024-02-29');
    expect(endOfLifetime({ deliveredDate: '2024-03-31', setupDate: null }, 1)).toBe('2024-04-30');
    expect(endOfLifetime({ deliveredDate: '2020-02-29', setupDate: null }, 48)).toBe('2024-02-29');
    expect(endOfLifetime({ deliveredDate: '2020-02-29', setupDate: null }, 12)).toBe('2021-02-28');
    expect(endOfLifetime({ deliveredDate: '2023-12-31', setupDate: null }, 2)).toBe('2024-02-29');
    // Not 30 days, not 4 weeks: the same day of the month when the month has it.
    expect(endOfLifetime({ deliveredDate: '2024-02-10', setupDate: null }, 1)).toBe('2024-03-10');
  });

  it('counts from the delivered date, or the setup date when the device was never delivered', () => {
    expect(endOfLifetime({ deliveredDate: '2021-01-10', setupDate: '2020-12-01' }, 12)).toBe('2022-01-10');
    expect(endOfLifetime({ deliveredDate: null, setupDate: '2020-12-01' }, 12)).toBe('2021-12-01');
    expect(endOfLifetime({ deliveredDate: null, setupDate: null }, 12)).toBeNull();
    // Set up long ago but delivered recently: not aged.
    const late = device({ setupDate: '2015-01-01', deliveredDate: '2023-06-01' });
    expect(codes(late, '2025-01-01')).toEqual([]);
    // Only set up: aged from the setup.
    expect(deviceWarnings(device({ setupDate: '2019-03-01' }), settings, '2023-03-01')).toEqual([
      { code: 'replacementRecommended', since: '2023-03-01', reason: null },
    ]);
    // Neither known: no age warning at all.
    expect(codes(device(), '2099-01-01')).toEqual([]);
  });

  it('a technician’s mark shows the warning with its reason, without age', () => {
    const marked = device({
      status: 'replacement_recommended',
      replacementReason: 'Hengsel knekt',
      deliveredDate: '2024-01-01',
    });
    expect(deviceWarnings(marked, settings, '2024-02-01')).toEqual([
      { code: 'replacementRecommended', since: null, reason: 'Hengsel knekt' },
    ]);
    // Marked and aged: one warning with both.
    expect(deviceWarnings(marked, settings, '2028-01-01')).toEqual([
      { code: 'replacementRecommended', since: '2028-01-01', reason: 'Hengsel knekt' },
    ]);
    // A reason left on a device no longer marked is not shown.
    expect(
      codes(device({ replacementReason: 'gammel grunn', deliveredDate: '2024-01-01' }), '2024-02-01'),
    ).toEqual([]);
  });

  it('not approved and past its lifetime: both warnings, approval first', () => {
    const d = device(
      { deliveredDate: '2017-06-01' },
      { approvedFrom: '2017-01-01', approvedUntil: '2022-12-31' },
    );
    expect(deviceWarnings(d, settings, '2024-01-01')).toEqual([
      { code: 'notApproved', approvedUntil: '2022-12-31' },
      { code: 'replacementRecommended', since: '2021-06-01', reason: null },
    ]);
  });

  it('property: for every delivery day, category and lifetime, the warning starts exactly at the end', () => {
    const day = fc
      .date({
        min: new Date('2000-01-01T00:00:00Z'),
        max: new Date('2035-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10));
    const category = fc.constantFrom<DeviceCategory>(...DEVICE_CATEGORIES);
    const months = fc.integer({ min: 1, max: 240 });
    fc.assert(
      fc.property(day, category, months, (delivered, cat, n) => {
        const s = { lifetimeMonths: { ...settings.lifetimeMonths, [cat]: n } };
        const d = device({ deliveredDate: delivered }, { category: cat, approvedFrom: '1990-01-01' });
        const end = endOfLifetime(d, n)!;
        // N calendar months later: the same day of the month, or the month's last day if it is shorter.
        const from = DateTime.fromISO(delivered);
        const e = DateTime.fromISO(end);
        expect(e.year * 12 + e.month - (from.year * 12 + from.month)).toBe(n);
        expect(e.day).toBe(Math.min(from.day, e.daysInMonth!));
        expect(deviceWarnings(d, s, shift(end, -1))).toEqual([]);
        expect(deviceWarnings(d, s, end)).toEqual([
          { code: 'replacementRecommended', since: end, reason: null },
        ]);
      }),
      { numRuns: 500 },
    );
  });
});

describe('osloDay', () => {
  it('turns at midnight in Oslo, not in UTC (winter, UTC+1)', () => {
    expect(osloDay('2024-01-15T22:59:59.999Z')).toBe('2024-01-15');
    expect(osloDay('2024-01-15T23:00:00.000Z')).toBe('2024-01-16');
    expect(osloDay('2024-12-31T23:30:00.000Z')).toBe('2025-01-01');
  });

  it('turns at midnight in Oslo in summer (UTC+2)', () => {
    expect(osloDay('2024-06-30T21:59:59.999Z')).toBe('2024-06-30');
    expect(osloDay('2024-06-30T22:00:00.000Z')).toBe('2024-07-01');
  });

  it('follows the DST switches (31 March and 27 October 2024)', () => {
    // The evening before spring forward is still winter time.
    expect(osloDay('2024-03-30T22:59:59.999Z')).toBe('2024-03-30');
    expect(osloDay('2024-03-30T23:00:00.000Z')).toBe('2024-03-31');
    // 31 March ends at 22:00 UTC (summer time).
    expect(osloDay('2024-03-31T21:59:59.999Z')).toBe('2024-03-31');
    expect(osloDay('2024-03-31T22:00:00.000Z')).toBe('2024-04-01');
    // 26 October ends in summer time; 27 October (25 hours long) ends in winter time.
    expect(osloDay('2024-10-26T21:59:59.999Z')).toBe('2024-10-26');
    expect(osloDay('2024-10-26T22:00:00.000Z')).toBe('2024-10-27');
    expect(osloDay('2024-10-27T22:59:59.999Z')).toBe('2024-10-27');
    expect(osloDay('2024-10-27T23:00:00.000Z')).toBe('2024-10-28');
  });

  it('reads an instant with an offset as that instant', () => {
    expect(osloDay('2024-01-16T00:30:00+01:00')).toBe('2024-01-16');
    expect(osloDay('2024-01-15T20:30:00-03:00')).toBe('2024-01-16');
  });
});

describe('warnings only for devices still out there', () => {
  it('a handed-in, batched, recycled or kept device of an unapproved, aged model shows none', () => {
    const old = { deliveredDate: '2015-01-01', network: 'main' as const };
    const ended = { approvedUntil: '2016-12-31' };
    expect(codes(device({ ...old, status: 'in_use' }, ended), '2026-06-01')).toEqual([
      'notApproved',
      'replacementRecommended',
    ]);
    for (const status of ['handed_in', 'in_recycling_batch', 'recycled', 'kept_by_customer'] as const) {
      expect(codes(device({ ...old, status }, ended), '2026-06-01'), status).toEqual([]);
    }
  });
});
