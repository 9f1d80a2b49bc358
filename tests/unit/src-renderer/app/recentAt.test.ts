// A typed time of day for something that has already happened (format.recentAt): after midnight,
// a time late last evening is last evening, not tonight; otherwise a time ahead stays ahead.
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { recentAt, todayAt } from '../../../../src-renderer/app/typedTime';

const oslo = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/Oslo' }).toMillis();
const inOslo = (instant: string | null) =>
  instant && DateTime.fromISO(instant, { zone: 'Europe/Oslo' }).toFormat('yyyy-MM-dd HH:mm');

describe('recentAt', () => {
  it('is today when the time has passed', () => {
    expect(inOslo(recentAt('09:15', oslo('2026-12-07T10:00')))).toBe('2026-12-07 09:15');
  });

  it('is yesterday evening for a late time typed just after midnight', () => {
    expect(inOslo(recentAt('23:30', oslo('2026-12-08T00:15')))).toBe('2026-12-07 23:30');
    expect(inOslo(todayAt('23:30', oslo('2026-12-08T00:15')))).toBe('2026-12-08 23:30');
  });

  it('keeps a time ahead of the clock ahead when yesterday’s would be half a day ago or more', () => {
    expect(inOslo(recentAt('10:30', oslo('2026-12-07T10:00')))).toBe('2026-12-07 10:30');
    expect(inOslo(recentAt('12:00', oslo('2026-12-08T00:30')))).toBe('2026-12-08 12:00');
  });

  it('takes the current minute as now, and refuses what is no time of day', () => {
    expect(inOslo(recentAt('10:00', oslo('2026-12-07T10:00:30')))).toBe('2026-12-07 10:00');
    expect(recentAt('25:99', oslo('2026-12-07T10:00'))).toBeNull();
  });

  it('takes the first 02:40 on the night summer time ends, when the second is still ahead', () => {
    // 25 October 2026: 03:00 CEST becomes 02:00 CET. At 02:20 CET, 02:40 CEST was 40 minutes ago.
    const at0220cet = Date.parse('2026-10-25T01:20:00Z');
    expect(recentAt('02:40', at0220cet)).toBe('2026-10-25T00:40:00.000Z');
    // At 02:50 CET, the second 02:40 has passed too, and is the one meant.
    expect(recentAt('02:40', Date.parse('2026-10-25T01:50:00Z'))).toBe('2026-10-25T01:40:00.000Z');
  });

  it('keeps the wall time across the change to summer time', () => {
    // 29 March 2026, 02:00 → 03:00: 23:50 on the 28th is still 23:50.
    expect(inOslo(recentAt('23:50', oslo('2026-03-29T03:10')))).toBe('2026-03-28 23:50');
  });
});
