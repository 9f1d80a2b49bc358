// The team lead's alerts: what holds now under the settings, and each shown once.
import { describe, expect, it } from 'vitest';
import { currentAlerts, newAlerts, type AlertFacts } from '../../../../src-shared/shifts/alerts';
import { DEFAULT_SHIFT_SETTINGS } from '../../../../src-shared/shifts/settings';

const T0 = Date.parse('2026-12-02T10:00:00.000Z');
const at = (s: number) => new Date(T0 + s * 1000).toISOString();

const facts = (over: Partial<AlertFacts> = {}): AlertFacts => ({
  calls: {
    waiting: [
      { id: 'c1', arrivedAt: at(0), callerName: 'Åse Gussiås' },
      { id: 'c2', arrivedAt: at(100), callerName: null },
    ],
  },
  tickets: {
    flagged: [
      {
        id: 't1',
        reference: '2026-000001',
        priority: 'critical',
        flags: ['responseBreached', 'resolutionAtRisk'],
      },
      { id: 't2', reference: null, priority: 'low', flags: ['resolutionAtRisk'] },
    ],
  },
  people: [
    { userId: 'u1', name: 'Kari', duty: 'phone', presence: { state: 'offline', since: at(50) } },
    { userId: 'u2', name: 'Ola', duty: null, presence: { state: 'offline', since: at(50) } },
    { userId: 'u3', name: 'Siri', duty: 'tickets', presence: { state: 'available', since: at(0) } },
  ],
  settings: DEFAULT_SHIFT_SETTINGS,
  ...over,
});

describe('the team lead’s alerts', () => {
  it('hold for a wait past the limit, each flagged clock, and a rostered desk offline', () => {
    // At 181 s the first caller is past the 180 s default; the second (arrived at 100 s) is not.
    expect(currentAlerts(facts(), T0 + 181_000).map((a) => a.key)).toEqual([
      'wait:c1',
      'responseBreached:t1',
      'resolutionAtRisk:t1',
      'resolutionAtRisk:t2',
      `offline:u1:${at(50)}`,
    ]);
    // Exactly at the limit is not past it.
    expect(currentAlerts(facts(), T0 + 180_000).some((a) => a.kind === 'longWait')).toBe(false);
  });

  it('leave out what the team lead turned off', () => {
    const settings = {
      ...DEFAULT_SHIFT_SETTINGS,
      alertAtRisk: false,
      alertDeskOffline: false,
      longWaitSeconds: 60,
    };
    expect(currentAlerts(facts({ settings }), T0 + 181_000).map((a) => a.key)).toEqual([
      'wait:c1',
      'wait:c2',
      'responseBreached:t1',
    ]);
  });

  it('are shown once; a desk that goes offline again is shown again', () => {
    const first = currentAlerts(facts(), T0 + 181_000);
    // Never watched before: what holds is taken as known.
    expect(newAlerts(first, null)).toEqual({ fresh: [], remember: first.map((a) => a.key) });
    const seen = new Set(['wait:c1', 'responseBreached:t1']);
    expect(newAlerts(first, seen).fresh.map((a) => a.key)).toEqual([
      'resolutionAtRisk:t1',
      'resolutionAtRisk:t2',
      `offline:u1:${at(50)}`,
    ]);
    const again = currentAlerts(
      facts({
        people: [
          { userId: 'u1', name: 'Kari', duty: 'phone', presence: { state: 'offline', since: at(900) } },
        ],
      }),
      T0 + 1000_000,
    );
    // (By then the second caller has waited past the limit too.)
    expect(newAlerts(again, new Set(first.map((a) => a.key))).fresh.map((a) => a.key)).toEqual([
      'wait:c2',
      `offline:u1:${at(900)}`,
    ]);
  });
});
