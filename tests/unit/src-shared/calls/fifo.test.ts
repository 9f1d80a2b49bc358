// R3: the FIFO rule alone.
import { describe, expect, it } from 'vitest';
import { compareArrival, decideTake } from '../../../../src-shared/calls/fifo';

describe('decideTake', () => {
  it('allows the oldest waiting call', () => {
    expect(decideTake({ callId: 'a', firstWaitingId: 'a', role: 'agent' })).toEqual({
      ok: true,
      overridden: false,
    });
  });

  it('allows any call when none waits ahead (already gone from the queue)', () => {
    expect(decideTake({ callId: 'a', firstWaitingId: null, role: 'agent' })).toEqual({
      ok: true,
      overridden: false,
    });
  });

  it('refuses a later call and names the first', () => {
    expect(decideTake({ callId: 'c', firstWaitingId: 'a', role: 'agent' })).toEqual({
      ok: false,
      code: 'notFirstInQueue',
      firstCallId: 'a',
    });
  });

  it('refuses an override from anyone but a team lead', () => {
    for (const role of ['agent', 'technician', 'admin'] as const) {
      expect(
        decideTake({ callId: 'c', firstWaitingId: 'a', role, override: { reason: 'urgent' } }),
      ).toMatchObject({
        ok: false,
        code: 'overrideNotAllowed',
      });
    }
  });

  it('lets a team lead override, marking it as an override', () => {
    expect(
      decideTake({ callId: 'c', firstWaitingId: 'a', role: 'team_lead', override: { reason: 'Legevakt' } }),
    ).toEqual({
      ok: true,
      overridden: true,
    });
  });

  it('does not count taking the first call as an override even with a reason', () => {
    expect(
      decideTake({ callId: 'a', firstWaitingId: 'a', role: 'team_lead', override: { reason: 'x' } }),
    ).toEqual({
      ok: true,
      overridden: false,
    });
  });
});

describe('compareArrival', () => {
  it('orders by arrival instant, then by id', () => {
    const calls = [
      { id: '2', arrivedAt: '2026-01-01T08:00:01.000Z' },
      { id: '3', arrivedAt: '2026-01-01T08:00:00.000Z' },
      { id: '1', arrivedAt: '2026-01-01T08:00:00.000Z' },
    ];
    expect([...calls].sort(compareArrival).map((c) => c.id)).toEqual(['1', '3', '2']);
  });
});
