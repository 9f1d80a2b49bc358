// Presence now, from the state a person set and their calls.
import { describe, expect, it } from 'vitest';
import { currentPresence } from '../../../../src-shared/shifts/presence';

const at = (hhmm: string) => `2026-12-04T${hhmm}:00.000Z`;

describe('presence now', () => {
  it('is none until a state is set or a call taken', () => {
    expect(currentPresence({ stored: null, onCallSince: null, lastCallEndedAt: null })).toBeNull();
  });

  it('is the state set by hand, with its time', () => {
    const stored = { state: 'break' as const, since: at('10:00') };
    expect(currentPresence({ stored, onCallSince: null, lastCallEndedAt: null })).toEqual(stored);
  });

  it('is "on a call" from taking it, whatever was set', () => {
    const stored = { state: 'break' as const, since: at('10:00') };
    expect(currentPresence({ stored, onCallSince: at('10:05'), lastCallEndedAt: at('09:58') })).toEqual({
      state: 'on_call',
      since: at('10:05'),
    });
  });

  it('is wrap-up from the end of a call until a state is set after it', () => {
    const before = { state: 'available' as const, since: at('09:00') };
    expect(currentPresence({ stored: before, onCallSince: null, lastCallEndedAt: at('10:12') })).toEqual({
      state: 'wrap_up',
      since: at('10:12'),
    });
    expect(currentPresence({ stored: null, onCallSince: null, lastCallEndedAt: at('10:12') })).toEqual({
      state: 'wrap_up',
      since: at('10:12'),
    });
    const after = { state: 'available' as const, since: at('10:14') };
    expect(currentPresence({ stored: after, onCallSince: null, lastCallEndedAt: at('10:12') })).toEqual(
      after,
    );
  });

  it('is "frakoblet" once every desk of theirs has fallen silent, from the last one heard', () => {
    const stored = { state: 'available' as const, since: at('09:00') };
    const base = { stored, onCallSince: at('10:05'), lastCallEndedAt: null };
    expect(
      currentPresence({
        ...base,
        links: [
          { online: false, since: at('10:20') },
          { online: false, since: at('10:31') },
        ],
      }),
    ).toEqual({ state: 'offline', since: at('10:31') });
    // One desk still heard from: the person is not offline.
    expect(
      currentPresence({
        ...base,
        links: [
          { online: false, since: at('10:20') },
          { online: true, since: at('10:00') },
        ],
      }),
    ).toEqual({ state: 'on_call', since: at('10:05') });
    // Never linked (no central store, or not yet heard from): what they set.
    expect(currentPresence({ stored, onCallSince: null, lastCallEndedAt: null, links: [] })).toEqual(stored);
  });
});
