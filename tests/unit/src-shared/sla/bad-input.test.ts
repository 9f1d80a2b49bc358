// Bad input is refused with an SlaError naming what is wrong, and nothing loops forever:
// targets, priorities, pauses, calendars without open time, bad instants and durations.
import { describe, it, expect } from 'vitest';
import { DateTime } from 'luxon';
import {
  clockState,
  computeDeadlines,
  createServiceCalendar,
  DEFAULT_SLA_SETTINGS,
  parseSlaSettings,
  previewDeadlines,
  SlaError,
  type Priority,
  type SlaSettings,
} from '../../../../src-shared/sla';

const ZONE = 'Europe/Oslo';
const oslo = (local: string) => DateTime.fromFormat(local, 'yyyy-MM-dd HH:mm', { zone: ZONE }).toMillis();
const cal = createServiceCalendar(DEFAULT_SLA_SETTINGS);
const opened = oslo('2026-03-10 08:00');

function slaError(fn: () => unknown): SlaError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(SlaError);
    return e as SlaError;
  }
  throw new Error('expected an SlaError, nothing was thrown');
}

describe('bad targets', () => {
  it.each([
    [{ high: { resolutionMinutes: 0 } }, 'targets.high.resolutionMinutes must be positive'],
    [{ low: { responseMinutes: -5 } }, 'targets.low.responseMinutes must be positive'],
    [
      { medium: { resolutionMinutes: 'three days' } },
      'targets.medium.resolutionMinutes must be a number of minutes',
    ],
    [
      { critical: { responseMinutes: Number.NaN } },
      'targets.critical.responseMinutes must be a number of minutes',
    ],
    [{ critical: { clock24x7: 'yes' } }, 'targets.critical.clock24x7 must be true or false'],
  ])('%j is refused', (targets, message) => {
    const e = slaError(() => parseSlaSettings({ targets }));
    expect(e.code).toBe('invalid-settings');
    expect(e.message).toContain(message);
  });
  it('createServiceCalendar and previewDeadlines validate too', () => {
    expect(
      slaError(() => createServiceCalendar({ targets: { high: { resolutionMinutes: 0 } } })).message,
    ).toContain('targets.high.resolutionMinutes must be positive');
    expect(
      slaError(() => previewDeadlines({ targets: { high: { responseMinutes: -1 } } }, 'high', opened))
        .message,
    ).toContain('targets.high.responseMinutes must be positive');
  });
  it('unvalidated settings with a zero target are refused by computeDeadlines', () => {
    const bad = {
      ...DEFAULT_SLA_SETTINGS,
      targets: {
        ...DEFAULT_SLA_SETTINGS.targets,
        high: { responseMinutes: 60, resolutionMinutes: 0, clock24x7: false },
      },
    } as SlaSettings;
    expect(
      slaError(() => computeDeadlines({ openedAtMs: opened, priority: 'high' }, cal, bad)).message,
    ).toContain('targets.high.resolutionMinutes must be positive');
  });
  it('every problem is listed', () => {
    const e = slaError(() =>
      parseSlaSettings({ targets: { high: { resolutionMinutes: 0, responseMinutes: 0 } } }),
    );
    expect(e.issues).toHaveLength(2);
  });
});

describe('unknown priority', () => {
  it.each(['urgent', 'HIGH', 'toString', '__proto__', ''])('"%s" is refused', (p) => {
    const e = slaError(() =>
      computeDeadlines({ openedAtMs: opened, priority: p as Priority }, cal, DEFAULT_SLA_SETTINGS),
    );
    expect(e.code).toBe('invalid-input');
    expect(e.message).toContain(`unknown priority "${p}"`);
  });
  it('in clockState and previewDeadlines too', () => {
    expect(
      slaError(() =>
        clockState({ openedAtMs: opened, priority: 'urgent' as Priority }, opened, cal, DEFAULT_SLA_SETTINGS),
      ).message,
    ).toContain('unknown priority "urgent"');
    expect(slaError(() => previewDeadlines({}, 'urgent' as Priority, opened)).message).toContain(
      'unknown priority',
    );
  });
  it('in settings', () => {
    expect(
      slaError(() => parseSlaSettings({ targets: { urgent: { responseMinutes: 5 } } })).message,
    ).toContain('targets has unknown priority "urgent"');
  });
});

describe('bad pauses', () => {
  const deadlines = (pauses: { startMs: number; endMs?: number | null }[]) =>
    computeDeadlines({ openedAtMs: opened, priority: 'high', pauses }, cal, DEFAULT_SLA_SETTINGS);

  it('a pause that ends before it starts', () => {
    const e = slaError(() =>
      deadlines([{ startMs: oslo('2026-03-10 11:00'), endMs: oslo('2026-03-10 10:00') }]),
    );
    expect(e.message).toMatch(/pauses\[0\] ends \(.*\) before it starts/);
  });
  it('overlapping pauses, naming both', () => {
    const e = slaError(() =>
      deadlines([
        { startMs: oslo('2026-03-10 09:00'), endMs: oslo('2026-03-10 11:00') },
        { startMs: oslo('2026-03-10 10:00'), endMs: oslo('2026-03-10 12:00') },
      ]),
    );
    expect(e.message).toMatch(/pauses\[1\] .* overlaps pauses\[0\]/);
  });
  it('a pause inside another, past an empty pause', () => {
    const e = slaError(() =>
      deadlines([
        { startMs: oslo('2026-03-10 09:00'), endMs: oslo('2026-03-10 14:00') },
        { startMs: oslo('2026-03-10 10:00'), endMs: oslo('2026-03-10 10:00') },
        { startMs: oslo('2026-03-10 11:00'), endMs: oslo('2026-03-10 12:00') },
      ]),
    );
    expect(e.message).toMatch(/pauses\[2\] .* overlaps pauses\[0\]/);
  });
  it('an open-ended pause followed by another pause overlaps', () => {
    const e = slaError(() =>
      deadlines([
        { startMs: oslo('2026-03-10 09:00') },
        { startMs: oslo('2026-03-10 10:00'), endMs: oslo('2026-03-10 11:00') },
      ]),
    );
    expect(e.message).toContain('still paused');
  });
  it('a non-finite pause instant', () => {
    expect(slaError(() => deadlines([{ startMs: Number.NaN }])).message).toContain('pauses[0].startMs');
  });
});

describe('calendars without open hours', () => {
  it('no open weekday', () => {
    expect(slaError(() => createServiceCalendar({ calendar: { openWeekdays: [] } })).message).toContain(
      'calendar.openWeekdays must contain at least one weekday',
    );
  });
  it('closing not after opening', () => {
    expect(
      slaError(() => createServiceCalendar({ calendar: { open: '15:30', close: '15:30' } })).message,
    ).toContain('calendar.close must be after open (15:30)');
    expect(
      slaError(() =>
        parseSlaSettings({
          calendar: { shortenedDays: [{ date: '2026-12-24', open: '12:00', close: '08:00' }] },
        }),
      ).message,
    ).toContain('calendar.shortenedDays[0].close must be after open');
  });
  it('a whole year closed is an error, not a hang', () => {
    const closedDates: string[] = [];
    for (let d = DateTime.fromISO('2026-01-01'); d.year === 2026; d = d.plus({ days: 1 }))
      closedDates.push(d.toISODate()!);
    const c = createServiceCalendar({ calendar: { closedDates } });
    const e = slaError(() => c.addServiceTime(oslo('2025-12-30 10:00'), 40 * 3_600_000));
    expect(e.code).toBe('no-open-time');
    expect(e.message).toContain('no open time in 2026');
    expect(slaError(() => c.nextOpening(oslo('2026-06-01 10:00'))).code).toBe('no-open-time');
    // 2025 itself is fine.
    expect(c.isOpen(oslo('2025-12-30 10:00'))).toBe(true);
  });
});

describe('other bad settings and inputs', () => {
  it.each([
    [{ calendar: { open: '8:00' } }, 'calendar.open must be a time as HH:mm'],
    [{ calendar: { close: '24:00' } }, 'calendar.close must be a time as HH:mm'],
    [{ calendar: { closedDates: ['2026-02-30'] } }, 'calendar.closedDates[0] must be a valid date'],
    [{ calendar: { openWeekdays: [1, 8] } }, 'calendar.openWeekdays[1]'],
    [{ calendar: { openWeekdays: [1, 1] } }, 'calendar.openWeekdays must not repeat a weekday'],
    [{ calendar: { timeZone: 'Mars/Olympus' } }, 'calendar.timeZone must be an IANA time zone'],
    [
      { calendar: { holidayCountry: 'XX' } },
      'calendar.holidayCountry must be a country known to date-holidays',
    ],
    [
      { calendar: { periods: [{ from: '2026-07-31', to: '2026-07-01', open: '08:00', close: '15:00' }] } },
      'calendar.periods[0].to must not be before from',
    ],
    [
      {
        calendar: {
          periods: [
            { from: '2026-07-01', to: '2026-07-31', open: '08:00', close: '15:00' },
            { from: '2026-07-15', to: '2026-08-15', open: '09:00', close: '15:00' },
          ],
        },
      },
      'calendar.periods[1] overlaps periods[0]',
    ],
    [
      {
        calendar: {
          shortenedDays: [
            { date: '2026-12-24', open: '08:00', close: '12:00' },
            { date: '2026-12-24', open: '08:00', close: '13:00' },
          ],
        },
      },
      'calendar.shortenedDays[1].date repeats shortenedDays[0].date',
    ],
    [{ atRiskShare: 0 }, 'atRiskShare must be greater than 0'],
    [{ atRiskShare: 1.5 }, 'atRiskShare must be at most 1'],
    [{ colour: 'red' }, 'settings has unknown key "colour"'],
    [null, 'settings must be an object'],
  ])('%j is refused', (input, message) => {
    expect(slaError(() => parseSlaSettings(input)).message).toContain(message);
  });

  it('non-finite instants and negative durations', () => {
    expect(slaError(() => cal.elapsed(Number.NaN, 0)).message).toContain('elapsed: startMs');
    expect(slaError(() => cal.addServiceTime(opened, -1)).message).toContain(
      'durationMs must be a finite, non-negative',
    );
    expect(slaError(() => cal.addServiceTime(opened, Infinity)).code).toBe('invalid-input');
    expect(slaError(() => cal.isOpen(Infinity)).code).toBe('invalid-input');
    expect(
      slaError(() =>
        computeDeadlines({ openedAtMs: Number.NaN, priority: 'high' }, cal, DEFAULT_SLA_SETTINGS),
      ).message,
    ).toContain('openedAtMs');
    expect(
      slaError(() =>
        clockState({ openedAtMs: opened, priority: 'high' }, Number.NaN, cal, DEFAULT_SLA_SETTINGS),
      ).message,
    ).toContain('nowMs');
  });
  it('instants outside the supported years', () => {
    expect(slaError(() => cal.isOpen(-1e13)).code).toBe('out-of-range');
    expect(slaError(() => cal.addServiceTime(opened, 1e15)).code).toBe('out-of-range');
  });
});
