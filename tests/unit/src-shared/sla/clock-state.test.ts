// Clock states (running, paused, met, breached, at risk) at hand-chosen instants; expected
// figures are worked out by hand from the calendar, not by the code under test.
import { describe, it, expect } from 'vitest';
import { DateTime } from 'luxon';
import {
  clockState,
  createServiceCalendar,
  DEFAULT_SLA_SETTINGS,
  parseSlaSettings,
  previewDeadlines,
  type ClockStateInput,
} from '../../../../src-shared/sla';

const ZONE = 'Europe/Oslo';
function oslo(local: string): number {
  const fmt = local.length > 16 ? 'yyyy-MM-dd HH:mm:ss.SSS' : 'yyyy-MM-dd HH:mm';
  const dt = DateTime.fromFormat(local, fmt, { zone: ZONE });
  if (!dt.isValid) throw new Error(`bad test instant ${local}`);
  return dt.toMillis();
}
const H = 3_600_000;
const MIN = 60_000;
const cal = createServiceCalendar(DEFAULT_SLA_SETTINGS);
// A High ticket opened Tuesday 2026-03-10 08:00: response due 09:00, resolution due 12:00.
const high: ClockStateInput = { openedAtMs: oslo('2026-03-10 08:00'), priority: 'high' };
const at = (t: ClockStateInput, now: string, settings = DEFAULT_SLA_SETTINGS) =>
  clockState(t, oslo(now), cal, settings);

describe('clockState', () => {
  it('running, with elapsed, remaining and share used', () => {
    const s = at(high, '2026-03-10 10:00').resolution;
    expect(s).toMatchObject({
      status: 'running',
      atRisk: false,
      elapsedMs: 2 * H,
      remainingMs: 2 * H,
      shareUsed: 0.5,
    });
    expect(s.dueMs).toBe(oslo('2026-03-10 12:00'));
    expect(s.targetMs).toBe(4 * H);
  });
  it('at risk from 75 % used (default), not before', () => {
    expect(at(high, '2026-03-10 10:59').resolution.atRisk).toBe(false);
    expect(at(high, '2026-03-10 11:00').resolution).toMatchObject({
      atRisk: true,
      shareUsed: 0.75,
      status: 'running',
    });
  });
  it('at-risk share is a setting', () => {
    const settings = parseSlaSettings({ atRiskShare: 0.5 });
    expect(at(high, '2026-03-10 10:00', settings).resolution.atRisk).toBe(true);
    expect(at(high, '2026-03-10 09:59', settings).resolution.atRisk).toBe(false);
  });
  it('exactly at the deadline is not late; one ms later is breached', () => {
    expect(at(high, '2026-03-10 12:00').resolution).toMatchObject({ status: 'running', remainingMs: 0 });
    expect(at(high, '2026-03-10 12:00:00.001').resolution.status).toBe('breached');
    expect(at(high, '2026-03-10 12:00:00.001').resolution.atRisk).toBe(false);
  });
  it('breached past a deadline at closing even though no service time passes after it', () => {
    const t: ClockStateInput = { openedAtMs: oslo('2026-03-10 11:30'), priority: 'high' };
    const s = at(t, '2026-03-10 18:00').resolution;
    expect(s).toMatchObject({ status: 'breached', elapsedMs: 4 * H, remainingMs: 0 });
  });
  it('response: met by the first answer at or before due, breached after (R8)', () => {
    expect(
      at({ ...high, respondedAtMs: oslo('2026-03-10 08:45') }, '2026-03-10 10:00').response,
    ).toMatchObject({
      status: 'met',
      elapsedMs: 45 * MIN,
    });
    expect(at({ ...high, respondedAtMs: oslo('2026-03-10 09:00') }, '2026-03-10 10:00').response.status).toBe(
      'met',
    );
    expect(at({ ...high, respondedAtMs: oslo('2026-03-10 09:01') }, '2026-03-10 10:00').response.status).toBe(
      'breached',
    );
    expect(at(high, '2026-03-10 08:30').response).toMatchObject({ status: 'running', remainingMs: 30 * MIN });
  });
  it('an answer later than now is not counted yet', () => {
    expect(at({ ...high, respondedAtMs: oslo('2026-03-10 08:45') }, '2026-03-10 08:30').response.status).toBe(
      'running',
    );
  });
  it('resolution: met when resolved by the deadline, breached when after', () => {
    expect(
      at({ ...high, resolvedAtMs: oslo('2026-03-10 11:59') }, '2026-03-11 10:00').resolution,
    ).toMatchObject({
      status: 'met',
      elapsedMs: 3 * H + 59 * MIN,
    });
    expect(
      at({ ...high, resolvedAtMs: oslo('2026-03-10 12:01') }, '2026-03-11 10:00').resolution.status,
    ).toBe('breached');
  });
  it('paused inside an agreed-plan pause; response clock keeps running', () => {
    const t = { ...high, pauses: [{ startMs: oslo('2026-03-10 09:00'), endMs: oslo('2026-03-10 11:00') }] };
    const s = at(t, '2026-03-10 10:00');
    expect(s.resolution).toMatchObject({ status: 'paused', elapsedMs: 1 * H, remainingMs: 3 * H });
    expect(s.response).toMatchObject({ status: 'breached', elapsedMs: 2 * H });
    expect(at(t, '2026-03-10 11:00').resolution.status).toBe('running');
  });
  it('open-ended pause: paused with no due instant, never breached while paused', () => {
    const t = { ...high, pauses: [{ startMs: oslo('2026-03-10 10:00') }] };
    for (const now of ['2026-03-10 12:00', '2026-03-20 12:00']) {
      expect(at(t, now).resolution).toMatchObject({
        status: 'paused',
        dueMs: undefined,
        elapsedMs: 2 * H,
        remainingMs: 2 * H,
        shareUsed: 0.5,
      });
    }
  });
  it('open-ended pause begun after the deadline: breached', () => {
    const t = { ...high, pauses: [{ startMs: oslo('2026-03-10 13:00'), endMs: null }] };
    expect(at(t, '2026-03-10 14:00').resolution).toMatchObject({
      status: 'breached',
      dueMs: oslo('2026-03-10 12:00'),
    });
  });
  it('filed on Saturday: nothing counts until Monday 08:00', () => {
    const t: ClockStateInput = { openedAtMs: oslo('2026-03-07 10:00'), priority: 'critical' };
    expect(at(t, '2026-03-08 23:00').response).toMatchObject({
      status: 'running',
      elapsedMs: 0,
      remainingMs: 15 * MIN,
    });
    expect(at(t, '2026-03-09 08:10').response).toMatchObject({ elapsedMs: 10 * MIN });
  });
  it('now before the opening counts nothing', () => {
    expect(at(high, '2026-03-09 12:00').resolution).toMatchObject({
      status: 'running',
      elapsedMs: 0,
      shareUsed: 0,
    });
  });
  it('24/7 priority counts wall-clock time', () => {
    const settings = parseSlaSettings({ targets: { critical: { clock24x7: true } } });
    const c = createServiceCalendar(settings);
    const t: ClockStateInput = { openedAtMs: oslo('2026-03-07 10:00'), priority: 'critical' };
    expect(clockState(t, oslo('2026-03-07 11:00'), c, settings).resolution).toMatchObject({
      status: 'running',
      elapsedMs: 1 * H,
      shareUsed: 0.5,
    });
  });
});

describe('previewDeadlines', () => {
  it('gives the R4 example from raw settings', () => {
    expect(previewDeadlines({}, 'high', oslo('2026-03-06 15:20'))).toEqual({
      responseDueMs: oslo('2026-03-09 08:50'),
      resolutionDueMs: oslo('2026-03-09 11:50'),
    });
  });
  it('honours changed targets and exceptions', () => {
    const settings = {
      targets: { high: { responseMinutes: 30 } },
      calendar: { closedDates: ['2026-03-09'] },
    };
    expect(previewDeadlines(settings, 'high', oslo('2026-03-06 15:20'))).toEqual({
      responseDueMs: oslo('2026-03-10 08:20'),
      resolutionDueMs: oslo('2026-03-10 11:50'),
    });
  });
});
