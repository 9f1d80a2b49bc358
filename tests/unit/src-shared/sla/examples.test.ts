// Worked examples for the SLA clock, every expected instant worked out BY HAND from the calendar
// (Mon–Fri 08:00–15:30 Europe/Oslo, Norwegian public holidays closed); none computed by the code.
import { describe, it, expect } from 'vitest';
import { DateTime } from 'luxon';
import {
  computeDeadlines,
  createServiceCalendar,
  DEFAULT_SLA_SETTINGS,
  parseSlaSettings,
  type PauseInterval,
  type Priority,
  type SlaSettingsInput,
} from '../../../../src-shared/sla';

const ZONE = 'Europe/Oslo';
/** 'YYYY-MM-DD HH:mm' (or with :ss.SSS) in Oslo wall-clock time → epoch ms. */
function oslo(local: string): number {
  const fmt = local.length > 16 ? 'yyyy-MM-dd HH:mm:ss.SSS' : 'yyyy-MM-dd HH:mm';
  const dt = DateTime.fromFormat(local, fmt, { zone: ZONE });
  if (!dt.isValid) throw new Error(`bad test instant ${local}`);
  return dt.toMillis();
}
function show(ms: number | undefined): string | undefined {
  return ms === undefined ? undefined : DateTime.fromMillis(ms, { zone: ZONE }).toFormat('yyyy-MM-dd HH:mm');
}
const H = 3_600_000;
const MIN = 60_000;

const christmasEve = { shortenedDays: [{ date: '2026-12-24', open: '08:00', close: '12:00' }] };
const summer = { periods: [{ from: '2026-07-01', to: '2026-07-31', open: '08:00', close: '15:00' }] };

interface Example {
  name: string;
  priority: Priority;
  opened: string;
  response: string;
  resolution: string;
  calendar?: SlaSettingsInput['calendar'];
  clock24x7?: boolean;
}

// prettier-ignore
const EXAMPLES: Example[] = [
  // Ordinary days (2026-03-10 is a Tuesday).
  { name: 'opened at 08:00 sharp', priority: 'critical', opened: '2026-03-10 08:00', response: '2026-03-10 08:15', resolution: '2026-03-10 10:00' },
  { name: 'opened before 08:00 starts at 08:00', priority: 'high', opened: '2026-03-10 06:30', response: '2026-03-10 09:00', resolution: '2026-03-10 12:00' },
  { name: 'resolution landing exactly at closing stays 15:30 that day', priority: 'high', opened: '2026-03-10 11:30', response: '2026-03-10 12:30', resolution: '2026-03-10 15:30' },
  { name: 'opened exactly at closing 15:30 starts next morning', priority: 'high', opened: '2026-03-10 15:30', response: '2026-03-11 09:00', resolution: '2026-03-11 12:00' },
  { name: 'opened after 15:30; 3 days = 22.5 h ends at Friday closing', priority: 'medium', opened: '2026-03-10 16:45', response: '2026-03-11 11:00', resolution: '2026-03-13 15:30' },
  { name: 'R4: High Friday 15:20 → Monday 08:50 / 11:50', priority: 'high', opened: '2026-03-06 15:20', response: '2026-03-09 08:50', resolution: '2026-03-09 11:50' },
  { name: 'R4: High Friday 15:20 before Whit Monday 2026 → Tuesday', priority: 'high', opened: '2026-05-22 15:20', response: '2026-05-26 08:50', resolution: '2026-05-26 11:50' },
  { name: 'opened on a Saturday starts Monday 08:00', priority: 'critical', opened: '2026-03-07 10:00', response: '2026-03-09 08:15', resolution: '2026-03-09 10:00' },
  { name: 'opened on a public holiday (1 May 2026, Friday)', priority: 'medium', opened: '2026-05-01 10:00', response: '2026-05-04 11:00', resolution: '2026-05-06 15:30' },
  // Easter 2026: Thu 2 April – Mon 6 April closed.
  { name: 'Easter 2026: High from Wednesday before', priority: 'high', opened: '2026-04-01 14:00', response: '2026-04-01 15:00', resolution: '2026-04-07 10:30' },
  { name: 'Easter 2026: Medium from Wednesday 14:00 spans the holidays', priority: 'medium', opened: '2026-04-01 14:00', response: '2026-04-07 09:30', resolution: '2026-04-09 14:00' },
  // Easter 2027: Thu 25 March – Mon 29 March closed.
  { name: 'Easter 2027: Critical from Wednesday 15:00', priority: 'critical', opened: '2027-03-24 15:00', response: '2027-03-24 15:15', resolution: '2027-03-30 09:30' },
  { name: 'Easter 2027: Low filed on Good Friday', priority: 'low', opened: '2027-03-26 10:00', response: '2027-03-30 12:00', resolution: '2027-04-05 15:30' },
  // Ascension Day.
  { name: 'Ascension 2026 (Thu 14 May): Medium Wed 14:00 spans holiday and weekend', priority: 'medium', opened: '2026-05-13 14:00', response: '2026-05-15 09:30', resolution: '2026-05-19 14:00' },
  { name: 'Ascension 2027 (Thu 6 May): High Wed 13:00', priority: 'high', opened: '2027-05-05 13:00', response: '2027-05-05 14:00', resolution: '2027-05-07 09:30' },
  // Whit Monday 2027 = 17 May (Constitution Day) on a Monday.
  { name: 'filed on Whit Monday / 17 May 2027', priority: 'low', opened: '2027-05-17 09:00', response: '2027-05-18 12:00', resolution: '2027-05-24 15:30' },
  { name: 'High Friday 15:20 before 17 May 2027 → Tuesday', priority: 'high', opened: '2027-05-14 15:20', response: '2027-05-18 08:50', resolution: '2027-05-18 11:50' },
  // Christmas and New Year (Christmas Eve and New Year's Eve are open by default).
  { name: 'Christmas Eve 2026 (open by default), Medium', priority: 'medium', opened: '2026-12-24 12:00', response: '2026-12-24 15:00', resolution: '2026-12-30 12:00' },
  { name: 'filed on Christmas Day 2026', priority: 'critical', opened: '2026-12-25 11:00', response: '2026-12-28 08:15', resolution: '2026-12-28 10:00' },
  { name: 'Low across New Year 2027 (1 Jan Friday closed)', priority: 'low', opened: '2026-12-30 10:00', response: '2026-12-30 14:00', resolution: '2027-01-07 10:00' },
  // Mondays after the clock changes (CET→CEST 29 March 2026, CEST→CET 25 October 2026).
  { name: 'Monday after spring clock change (2026-03-30)', priority: 'high', opened: '2026-03-27 15:00', response: '2026-03-30 08:30', resolution: '2026-03-30 11:30' },
  { name: 'Monday after autumn clock change (2026-10-26)', priority: 'high', opened: '2026-10-23 15:00', response: '2026-10-26 08:30', resolution: '2026-10-26 11:30' },
  // 24/7 clock (wall-clock time, weekends and nights count).
  { name: '24/7 Critical on a Saturday', priority: 'critical', clock24x7: true, opened: '2026-03-07 10:00', response: '2026-03-07 10:15', resolution: '2026-03-07 12:00' },
  { name: '24/7 Critical across the spring-forward gap (02:00→03:00)', priority: 'critical', clock24x7: true, opened: '2026-03-29 01:30', response: '2026-03-29 01:45', resolution: '2026-03-29 04:30' },
  // Shortened day: Christmas Eve 2026 08:00–12:00.
  { name: 'shortened day: Medium 10:00', calendar: christmasEve, priority: 'medium', opened: '2026-12-24 10:00', response: '2026-12-28 09:00', resolution: '2026-12-30 13:30' },
  { name: 'shortened day: response lands exactly at the early closing', calendar: christmasEve, priority: 'high', opened: '2026-12-24 11:00', response: '2026-12-24 12:00', resolution: '2026-12-28 11:00' },
  { name: 'shortened day: filed after the early closing', calendar: christmasEve, priority: 'critical', opened: '2026-12-24 13:00', response: '2026-12-28 08:15', resolution: '2026-12-28 10:00' },
  // Summer hours: 1–31 July 2026 08:00–15:00 (7 h days).
  { name: 'summer hours: Medium from 1 July', calendar: summer, priority: 'medium', opened: '2026-07-01 08:00', response: '2026-07-01 11:00', resolution: '2026-07-06 09:30' },
  { name: 'summer hours: last day closes 15:00, August back to 15:30', calendar: summer, priority: 'high', opened: '2026-07-31 14:00', response: '2026-07-31 15:00', resolution: '2026-08-03 11:00' },
  // Extra closed date.
  { name: 'extra closed Monday pushes R4 example to Tuesday', calendar: { closedDates: ['2026-03-09'] }, priority: 'high', opened: '2026-03-06 15:20', response: '2026-03-10 08:50', resolution: '2026-03-10 11:50' },
];

function settingsFor(e: Example) {
  if (!e.calendar && !e.clock24x7) return DEFAULT_SLA_SETTINGS;
  return parseSlaSettings({
    calendar: e.calendar ?? {},
    targets: e.clock24x7 ? { [e.priority]: { clock24x7: true } } : {},
  });
}

describe('worked examples (hand-computed)', () => {
  it.each(EXAMPLES)('$name', (e) => {
    const settings = settingsFor(e);
    const calendar = createServiceCalendar(settings);
    const d = computeDeadlines({ openedAtMs: oslo(e.opened), priority: e.priority }, calendar, settings);
    expect({ response: show(d.responseDueMs), resolution: show(d.resolutionDueMs) }).toEqual({
      response: e.response,
      resolution: e.resolution,
    });
  });

  it('DST Mondays are right in UTC too (CEST +02:00 in March, CET +01:00 in October)', () => {
    const cal = createServiceCalendar(DEFAULT_SLA_SETTINGS);
    const spring = computeDeadlines(
      { openedAtMs: oslo('2026-03-27 15:00'), priority: 'high' },
      cal,
      DEFAULT_SLA_SETTINGS,
    );
    expect(new Date(spring.responseDueMs).toISOString()).toBe('2026-03-30T06:30:00.000Z');
    expect(new Date(spring.resolutionDueMs!).toISOString()).toBe('2026-03-30T09:30:00.000Z');
    const autumn = computeDeadlines(
      { openedAtMs: oslo('2026-10-23 15:00'), priority: 'high' },
      cal,
      DEFAULT_SLA_SETTINGS,
    );
    expect(new Date(autumn.responseDueMs).toISOString()).toBe('2026-10-26T07:30:00.000Z');
    expect(new Date(autumn.resolutionDueMs!).toISOString()).toBe('2026-10-26T10:30:00.000Z');
  });

  it('R2: the clock starts at the next opening for a ticket filed in closed time', () => {
    const cal = createServiceCalendar(DEFAULT_SLA_SETTINGS);
    const start = (opened: string) =>
      show(
        computeDeadlines({ openedAtMs: oslo(opened), priority: 'low' }, cal, DEFAULT_SLA_SETTINGS)
          .clockStartMs,
      );
    expect(start('2026-03-06 15:20')).toBe('2026-03-06 15:20');
    expect(start('2026-03-06 15:30')).toBe('2026-03-09 08:00');
    expect(start('2026-04-01 19:00')).toBe('2026-04-07 08:00');
    expect(start('2026-12-31 16:00')).toBe('2027-01-04 08:00');
  });
});

describe('service calendar (hand-computed)', () => {
  const cal = createServiceCalendar(DEFAULT_SLA_SETTINGS);

  it('elapsed: over a weekend and the spring clock change', () => {
    expect(cal.elapsed(oslo('2026-03-27 15:00'), oslo('2026-03-30 09:00'))).toBe(1.5 * H);
  });
  it('elapsed: over Easter 2026 and over an ordinary week', () => {
    expect(cal.elapsed(oslo('2026-04-01 08:00'), oslo('2026-04-07 08:00'))).toBe(7.5 * H);
    expect(cal.elapsed(oslo('2026-03-09 00:00'), oslo('2026-03-16 00:00'))).toBe(37.5 * H);
  });
  it('elapsed: whole of 2026 is 253 working days × 7.5 h', () => {
    // 261 weekdays minus 8 weekday public holidays (1/1, 2/4, 3/4, 6/4, 1/5, 14/5, 25/5, 25/12).
    expect(cal.elapsed(oslo('2026-01-01 00:00'), oslo('2027-01-01 00:00'))).toBe(253 * 7.5 * H);
  });
  it('elapsed: across a year boundary and backwards', () => {
    expect(cal.elapsed(oslo('2026-12-31 15:00'), oslo('2027-01-04 08:30'))).toBe(60 * MIN);
    expect(cal.elapsed(oslo('2026-03-10 12:00'), oslo('2026-03-10 10:00'))).toBe(0);
  });
  it('isOpen: opening inclusive, closing exclusive; weekends and holidays closed', () => {
    expect(cal.isOpen(oslo('2026-03-10 08:00'))).toBe(true);
    expect(cal.isOpen(oslo('2026-03-10 07:59:59.999'))).toBe(false);
    expect(cal.isOpen(oslo('2026-03-10 15:29:59.999'))).toBe(true);
    expect(cal.isOpen(oslo('2026-03-10 15:30'))).toBe(false);
    expect(cal.isOpen(oslo('2026-03-07 10:00'))).toBe(false);
    expect(cal.isOpen(oslo('2026-05-14 10:00'))).toBe(false);
    expect(cal.isOpen(oslo('2026-12-24 10:00'))).toBe(true);
  });
  it('nextOpening', () => {
    expect(show(cal.nextOpening(oslo('2026-03-10 10:00')))).toBe('2026-03-10 10:00');
    expect(show(cal.nextOpening(oslo('2026-03-06 15:30')))).toBe('2026-03-09 08:00');
    expect(show(cal.nextOpening(oslo('2026-03-10 07:00')))).toBe('2026-03-10 08:00');
  });
  it('addServiceTime: zero is the start itself; a full day from opening ends at closing', () => {
    expect(cal.addServiceTime(oslo('2026-03-07 10:00'), 0)).toBe(oslo('2026-03-07 10:00'));
    expect(show(cal.addServiceTime(oslo('2026-03-10 08:00'), 7.5 * H))).toBe('2026-03-10 15:30');
    expect(show(cal.addServiceTime(oslo('2026-03-10 08:00'), 7.5 * H + 1))).toBe('2026-03-11 08:00');
  });
  it('openIntervals lists the open hours of a week with a holiday', () => {
    const list = cal.openIntervals(oslo('2026-05-11 00:00'), oslo('2026-05-16 00:00'));
    expect(list.map((i) => `${show(i.startMs)}–${show(i.endMs)!.slice(11)}`)).toEqual([
      '2026-05-11 08:00–15:30',
      '2026-05-12 08:00–15:30',
      '2026-05-13 08:00–15:30',
      '2026-05-15 08:00–15:30',
    ]);
  });
});

describe('pauses (R10 agreed plan, R12 temporary solution, reopen)', () => {
  const cal = createServiceCalendar(DEFAULT_SLA_SETTINGS);
  const due = (priority: Priority, opened: string, pauses: PauseInterval[]) => {
    const d = computeDeadlines({ openedAtMs: oslo(opened), priority, pauses }, cal, DEFAULT_SLA_SETTINGS);
    return { response: show(d.responseDueMs), resolution: show(d.resolutionDueMs) };
  };
  const p = (from: string, to?: string): PauseInterval => ({
    startMs: oslo(from),
    endMs: to ? oslo(to) : undefined,
  });

  it('agreed plan 09:00–11:00 pushes resolution 2 h; response never pauses', () => {
    expect(due('high', '2026-03-10 08:00', [p('2026-03-10 09:00', '2026-03-10 11:00')])).toEqual({
      response: '2026-03-10 09:00',
      resolution: '2026-03-10 14:00',
    });
  });
  it('an overnight pause only removes its service time (Tue 15:00–Wed 09:00 = 1.5 h)', () => {
    expect(due('medium', '2026-03-10 08:00', []).resolution).toBe('2026-03-12 15:30');
    expect(due('medium', '2026-03-10 08:00', [p('2026-03-10 15:00', '2026-03-11 09:00')]).resolution).toBe(
      '2026-03-13 09:30',
    );
  });
  it('a pause wholly in closed time changes nothing', () => {
    expect(due('high', '2026-03-10 08:00', [p('2026-03-10 18:00', '2026-03-11 07:00')]).resolution).toBe(
      '2026-03-10 12:00',
    );
  });
  it('touching and unsorted pauses are fine', () => {
    const pauses = [p('2026-03-10 10:00', '2026-03-10 11:00'), p('2026-03-10 09:00', '2026-03-10 10:00')];
    expect(due('high', '2026-03-10 08:00', pauses).resolution).toBe('2026-03-10 14:00');
  });
  it('the part of a pause before the ticket was opened is ignored', () => {
    expect(due('high', '2026-03-10 08:00', [p('2026-03-09 10:00', '2026-03-10 09:00')]).resolution).toBe(
      '2026-03-10 13:00',
    );
  });
  it('open-ended pause (temporary solution): resolution has no deadline', () => {
    expect(due('critical', '2026-03-10 08:00', [p('2026-03-10 09:00')])).toEqual({
      response: '2026-03-10 08:15',
      resolution: undefined,
    });
    const nullEnd = computeDeadlines(
      {
        openedAtMs: oslo('2026-03-10 08:00'),
        priority: 'high',
        pauses: [{ startMs: oslo('2026-03-10 09:00'), endMs: null }],
      },
      cal,
      DEFAULT_SLA_SETTINGS,
    );
    expect(nullEnd.resolutionDueMs).toBeUndefined();
  });
  it('open-ended pause begun after the deadline keeps the (passed) deadline', () => {
    expect(due('high', '2026-03-10 08:00', [p('2026-03-10 13:00')]).resolution).toBe('2026-03-10 12:00');
  });
  it('reopened ticket continues its clock: resolved Tue 09:00, reopened Wed 08:00', () => {
    expect(due('high', '2026-03-10 08:00', [p('2026-03-10 09:00', '2026-03-11 08:00')]).resolution).toBe(
      '2026-03-11 11:00',
    );
  });
  it('priority change recomputes from the opening time and keeps every pause', () => {
    const pauses = [p('2026-03-10 09:00', '2026-03-10 11:00')];
    // Medium: 22.5 h + 2 h paused; Tue gives 5.5 h, Wed 13, Thu 20.5, Fri 10:00 reaches 22.5.
    expect(due('medium', '2026-03-10 08:00', pauses)).toEqual({
      response: '2026-03-10 11:00',
      resolution: '2026-03-13 10:00',
    });
    expect(due('high', '2026-03-10 08:00', pauses)).toEqual({
      response: '2026-03-10 09:00',
      resolution: '2026-03-10 14:00',
    });
    expect(due('critical', '2026-03-10 08:00', pauses)).toEqual({
      response: '2026-03-10 08:15',
      resolution: '2026-03-10 12:00',
    });
  });
  it('24/7 clock: pauses count in wall-clock time', () => {
    const settings = parseSlaSettings({ targets: { critical: { clock24x7: true } } });
    const d = computeDeadlines(
      {
        openedAtMs: oslo('2026-03-07 10:00'),
        priority: 'critical',
        pauses: [p('2026-03-07 10:30', '2026-03-07 11:30')],
      },
      createServiceCalendar(settings),
      settings,
    );
    expect(show(d.resolutionDueMs)).toBe('2026-03-07 13:00');
    expect(d.clock24x7).toBe(true);
  });
});
