// Settings: defaults as written in SLA.md (R1, R4), partial input filled from defaults, and the
// public-holiday list taken from date-holidays (type 'public' only) checked against a hand list.
import { describe, it, expect } from 'vitest';
import {
  DEFAULT_SLA_SETTINGS,
  parseSlaSettings,
  PRIORITIES,
  publicHolidayDates,
  slaSettingsSchema,
} from '../../../../src-shared/sla';

describe('SLA settings', () => {
  it('defaults follow R1 and R4', () => {
    expect(PRIORITIES).toEqual(['critical', 'high', 'medium', 'low']);
    expect(DEFAULT_SLA_SETTINGS).toEqual({
      calendar: {
        timeZone: 'Europe/Oslo',
        holidayCountry: 'NO',
        openWeekdays: [1, 2, 3, 4, 5],
        open: '08:00',
        close: '15:30',
        closedDates: [],
        shortenedDays: [],
        periods: [],
      },
      targets: {
        critical: { responseMinutes: 15, resolutionMinutes: 120, clock24x7: false },
        high: { responseMinutes: 60, resolutionMinutes: 240, clock24x7: false },
        medium: { responseMinutes: 180, resolutionMinutes: 1350, clock24x7: false }, // 22.5 service h
        low: { responseMinutes: 240, resolutionMinutes: 2250, clock24x7: false }, // 37.5 service h
      },
      atRiskShare: 0.75,
    });
  });
  it('defaults are frozen', () => {
    expect(Object.isFrozen(DEFAULT_SLA_SETTINGS.targets.high)).toBe(true);
    expect(Object.isFrozen(DEFAULT_SLA_SETTINGS.calendar.closedDates)).toBe(true);
  });
  it('partial input keeps the other defaults', () => {
    const s = parseSlaSettings({
      targets: { low: { clock24x7: true } },
      calendar: { closedDates: ['2026-12-24'] },
    });
    expect(s.targets.low).toEqual({ responseMinutes: 240, resolutionMinutes: 2250, clock24x7: true });
    expect(s.targets.high.responseMinutes).toBe(60);
    expect(s.calendar.closedDates).toEqual(['2026-12-24']);
    expect(s.calendar.close).toBe('15:30');
  });
  it('the zod schema is usable directly and round-trips its own output', () => {
    expect(slaSettingsSchema.parse(DEFAULT_SLA_SETTINGS)).toEqual(DEFAULT_SLA_SETTINGS);
  });
  it('holidayCountry null means no public holidays', () => {
    expect(parseSlaSettings({ calendar: { holidayCountry: null } }).calendar.holidayCountry).toBeNull();
  });
});

describe('public holidays from date-holidays (NO, type public)', () => {
  it('2026 matches the R1 list', () => {
    expect([...publicHolidayDates('NO', 2026)].sort()).toEqual([
      '2026-01-01', // New Year's Day
      '2026-04-02', // Maundy Thursday
      '2026-04-03', // Good Friday
      '2026-04-05', // Easter Sunday
      '2026-04-06', // Easter Monday
      '2026-05-01', // Labour Day
      '2026-05-14', // Ascension Day
      '2026-05-17', // Constitution Day
      '2026-05-24', // Whit Sunday
      '2026-05-25', // Whit Monday
      '2026-12-25',
      '2026-12-26',
    ]);
  });
  it('2027: Easter 25–29 March, Ascension 6 May, Whit Monday on 17 May', () => {
    expect([...publicHolidayDates('NO', 2027)].sort()).toEqual([
      '2027-01-01',
      '2027-03-25',
      '2027-03-26',
      '2027-03-28',
      '2027-03-29',
      '2027-05-01',
      '2027-05-06',
      '2027-05-16',
      '2027-05-17',
      '2027-12-25',
      '2027-12-26',
    ]);
  });
  it('Christmas Eve and New Year’s Eve are not public holidays', () => {
    expect(publicHolidayDates('NO', 2026).has('2026-12-24')).toBe(false);
    expect(publicHolidayDates('NO', 2026).has('2026-12-31')).toBe(false);
  });
});
