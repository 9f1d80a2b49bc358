// Instants a client claims (issue 13, item 2): accepted only inside a window
// around the checking machine's clock, with a message naming the window.
import { afterEach, describe, expect, it } from 'vitest';
import {
  clientClockWindow,
  clientInstantProblem,
  clientInstantSchema,
  DEFAULT_CLIENT_CLOCK_WINDOW,
  instantSchema,
  setClientClockWindow,
} from '../../../src-shared/time';
import { callLogArgs } from '../../../src-shared/calls/schemas';
import { ticketStartArgs } from '../../../src-shared/tickets/schemas';

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

afterEach(() => setClientClockWindow(null));

describe('clientInstantProblem', () => {
  const now = Date.parse('2026-12-04T12:00:00.000Z');

  it('accepts the window [now − 30 days, now + 5 minutes], ends included', () => {
    expect(DEFAULT_CLIENT_CLOCK_WINDOW).toEqual({ pastDays: 30, aheadMinutes: 5 });
    for (const ms of [now, now - 30 * DAY, now + 5 * 60_000, now - 29 * DAY]) {
      expect(clientInstantProblem(iso(ms), now)).toBeNull();
    }
  });

  it('refuses older instants, naming the instant and the window', () => {
    expect(clientInstantProblem(iso(now - 30 * DAY - 1), now)?.reason).toBe('clientClockPast');
    expect(clientInstantProblem('2001-01-01T00:00:00.000Z', now)).toEqual({
      reason: 'clientClockPast',
      message:
        "2001-01-01T00:00:00.000Z is more than 30 days before this machine's clock (offline work is accepted for 30 days)",
    });
    for (const old of ['0000-01-01T00:00:00.000Z', '1969-12-31T23:59:59.999Z', '1970-01-01T00:00:00.000Z']) {
      expect(clientInstantProblem(old, now)?.reason, old).toBe('clientClockPast');
    }
  });

  it('refuses instants ahead of the clock, naming the window', () => {
    expect(clientInstantProblem(iso(now + 5 * 60_000 + 1), now)?.reason).toBe('clientClockAhead');
    expect(clientInstantProblem('9999-12-31T23:59:59.999Z', now)).toEqual({
      reason: 'clientClockAhead',
      message:
        "9999-12-31T23:59:59.999Z is more than 5 minutes ahead of this machine's clock (clocks may differ by 5 minutes at most)",
    });
  });

  it('leaves what is no instant to the format check', () => {
    expect(clientInstantProblem('not a time', now)).toBeNull();
  });
});

describe('clientInstantSchema', () => {
  it('checks against the clock when it parses, with the field named by the path', () => {
    expect(clientInstantSchema.parse(iso(Date.now()))).toBeTruthy();
    const r = callLogArgs.safeParse({
      id: '01900000-0000-7000-8000-000000000001',
      arrivedAt: '2001-01-01T00:00:00.000Z',
      callerNumber: '91234567',
    });
    expect(
      r.error?.issues.map((i) => [i.path.join('.'), i.message, 'params' in i ? i.params : null]),
    ).toEqual([
      [
        'arrivedAt',
        "2001-01-01T00:00:00.000Z is more than 30 days before this machine's clock (offline work is accepted for 30 days)",
        { reason: 'clientClockPast' },
      ],
    ]);
    const start = ticketStartArgs.safeParse({
      ticketId: '01900000-0000-7000-8000-000000000001',
      at: '1969-07-20T20:17:00.000Z',
    });
    expect(start.error?.issues[0]?.path).toEqual(['at']);
  });

  it('still refuses what is not an instant, as instantSchema does', () => {
    expect(clientInstantSchema.safeParse('2026-12-04').success).toBe(false);
    expect(instantSchema.safeParse('2001-01-01T00:00:00.000Z').success).toBe(true);
  });

  it('follows the window set for the process; null restores the defaults', () => {
    const old = iso(Date.now() - 100 * DAY);
    expect(clientInstantSchema.safeParse(old).success).toBe(false);
    setClientClockWindow({ pastDays: 365 });
    expect(clientClockWindow()).toEqual({ pastDays: 365, aheadMinutes: 5 });
    expect(clientInstantSchema.safeParse(old).success).toBe(true);
    expect(clientInstantSchema.safeParse(iso(Date.now() + 10 * 60_000)).success).toBe(false);
    setClientClockWindow({ aheadMinutes: 60 });
    expect(clientInstantSchema.safeParse(iso(Date.now() + 10 * 60_000)).success).toBe(true);
    expect(clientInstantSchema.safeParse(old).success).toBe(false);
    setClientClockWindow({ pastDays: 1, aheadMinutes: 1 });
    expect(clientInstantProblem(iso(Date.now() - 2 * DAY))?.message).toContain(
      "more than 1 day before this machine's clock (offline work is accepted for 1 day)",
    );
    setClientClockWindow(null);
    expect(clientClockWindow()).toEqual(DEFAULT_CLIENT_CLOCK_WINDOW);
  });

  it('refuses a window that is not a number ≥ 0', () => {
    expect(() => setClientClockWindow({ pastDays: -1 })).toThrow(/pastDays/);
    expect(() => setClientClockWindow({ aheadMinutes: Number.NaN })).toThrow(/aheadMinutes/);
    expect(clientClockWindow()).toEqual(DEFAULT_CLIENT_CLOCK_WINDOW);
  });
});
