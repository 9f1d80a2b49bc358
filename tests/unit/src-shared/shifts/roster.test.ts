// The roster's week arithmetic (ISO weeks in Oslo, named by their Monday) and
// the checks on a saved or copied week.
import { describe, expect, it } from 'vitest';
import {
  addWeeks,
  mondayAt,
  mondayOf,
  rosterCopyWeekArgs,
  rosterDays,
  rosterSetWeekArgs,
  weekNumber,
} from '../../../../src-shared/shifts/roster';

const AT = '2026-12-04T09:00:00.000Z';
const ANNE = '01a21bf8-0000-7000-8000-00000000a001';
const BJORN = '01a21bf8-0000-7000-8000-00000000a002';

describe('roster weeks', () => {
  it('names a week by its Monday, across month, year and DST changes', () => {
    expect(mondayOf('2026-12-04')).toBe('2026-11-30');
    expect(mondayOf('2026-11-30')).toBe('2026-11-30');
    expect(mondayOf('2026-12-06')).toBe('2026-11-30'); // Sunday belongs to the week before
    expect(mondayOf('2027-01-01')).toBe('2026-12-28');
    expect(addWeeks('2026-12-28', 1)).toBe('2027-01-04');
    expect(addWeeks('2026-11-30', -1)).toBe('2026-11-23');
    // The week summer time ends in (Sunday 25 October 2026) and the one after it.
    expect(addWeeks('2026-10-19', 1)).toBe('2026-10-26');
    expect(addWeeks('2026-03-23', 1)).toBe('2026-03-30');
  });

  it('takes an instant in Oslo time: late Sunday evening UTC is already Monday in Oslo', () => {
    expect(mondayAt('2026-12-06T22:30:00.000Z')).toBe('2026-11-30'); // 23:30 Sunday in Oslo
    expect(mondayAt('2026-12-06T23:30:00.000Z')).toBe('2026-12-07'); // 00:30 Monday in Oslo
    expect(mondayAt('2026-06-28T22:30:00.000Z')).toBe('2026-06-29'); // summer time: 00:30 Monday
  });

  it('lists Monday to Friday and numbers ISO weeks, week 53 included', () => {
    expect(rosterDays('2026-11-30')).toEqual([
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
    ]);
    expect(weekNumber('2026-11-30')).toEqual({ week: 49, year: 2026 });
    expect(weekNumber('2026-12-28')).toEqual({ week: 53, year: 2026 });
    expect(weekNumber('2027-01-04')).toEqual({ week: 1, year: 2027 });
  });
});

describe('a saved week', () => {
  const entry = (userId: string, day: string, duty = 'phone') => ({ userId, userName: 'Anne', day, duty });

  it('is accepted with entries on its weekdays', () => {
    const args = rosterSetWeekArgs.parse({
      at: AT,
      monday: '2026-11-30',
      entries: [
        entry(ANNE, '2026-11-30'),
        entry(BJORN, '2026-11-30', 'on_site'),
        entry(ANNE, '2026-12-04', 'off'),
      ],
    });
    expect(args.entries).toHaveLength(3);
  });

  it('names each problem: not a Monday, a day outside the week or at the weekend, a person twice, a duty unknown', () => {
    const issues = (input: unknown) =>
      rosterSetWeekArgs.safeParse(input).error?.issues.map((i) => [i.path.join('.'), i.message]);
    expect(issues({ at: AT, monday: '2026-12-01', entries: [] })).toEqual([
      ['monday', 'A roster week starts on a Monday'],
    ]);
    expect(
      issues({
        at: AT,
        monday: '2026-11-30',
        entries: [
          entry(ANNE, '2026-12-07'),
          entry(ANNE, '2026-12-05'),
          entry(BJORN, '2026-12-01'),
          entry(BJORN, '2026-12-01'),
        ],
      }),
    ).toEqual([
      ['entries.0.day', '2026-12-07 is not a roster day of the week starting 2026-11-30 (Monday to Friday)'],
      ['entries.1.day', '2026-12-05 is not a roster day of the week starting 2026-11-30 (Monday to Friday)'],
      ['entries.3.day', 'Anne is listed twice on 2026-12-01'],
    ]);
    expect(
      issues({ at: AT, monday: '2026-11-30', entries: [entry(ANNE, '2026-11-30', 'lunch')] })?.[0]?.[0],
    ).toBe('entries.0.duty');
    expect(
      issues({ at: AT, monday: '2026-11-30', entries: [{ ...entry(ANNE, '2026-11-30'), userName: ' ' }] }),
    ).toEqual([['entries.0.userName', 'A name is required']]);
  });

  it('refuses copying a week onto itself or from a day that is not a Monday', () => {
    expect(rosterCopyWeekArgs.safeParse({ at: AT, from: '2026-11-23', to: '2026-11-30' }).success).toBe(true);
    expect(
      rosterCopyWeekArgs.safeParse({ at: AT, from: '2026-11-30', to: '2026-11-30' }).error?.issues[0],
    ).toMatchObject({ path: ['to'], message: 'A week cannot be copied onto itself' });
    expect(rosterCopyWeekArgs.safeParse({ at: AT, from: '2026-11-24', to: '2026-11-30' }).success).toBe(
      false,
    );
  });
});
