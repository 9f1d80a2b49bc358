// Presence (issue 15): what each person at the desk is doing now. Some states
// are set by hand (one click or a keyboard shortcut); "i samtale" and
// "etterarbeid" follow from the calls themselves, so taking or finishing a
// call (by hand or from the phone system's events) sets them without anyone
// writing a state: the state shown is derived here from the stored one and
// the person's calls, never kept as a second copy that could drift.
import { z } from 'zod';
import { instantSchema } from '../time';

/** ledig, i samtale, etterarbeid, pause, på oppdrag. */
export const PRESENCE_STATES = ['available', 'on_call', 'wrap_up', 'break', 'on_site'] as const;
export type PresenceState = (typeof PRESENCE_STATES)[number];

/** The states a person sets by hand; "i samtale" comes only from a taken call. */
export const MANUAL_PRESENCE_STATES = ['available', 'wrap_up', 'break', 'on_site'] as const;
export type ManualPresenceState = (typeof MANUAL_PRESENCE_STATES)[number];

/** The keyboard shortcut (with Alt) for each state set by hand: L(edig), E(tterarbeid), P(ause), O(ppdrag). */
export const PRESENCE_SHORTCUTS: Record<ManualPresenceState, string> = {
  available: 'L',
  wrap_up: 'E',
  break: 'P',
  on_site: 'O',
};

export const presenceSetArgs = z.object({ at: instantSchema, state: z.enum(MANUAL_PRESENCE_STATES) });
export type PresenceSetArgs = z.infer<typeof presenceSetArgs>;

export interface PresenceNow {
  state: PresenceState;
  /** When the person entered the state. */
  since: string;
}

/**
 * A person's state now: on a call while one they took is not finished; in wrap-up after a call
 * ends until they set a state; otherwise the state they set last. Null: they have set none and
 * taken no call.
 */
export function currentPresence(facts: {
  stored: { state: ManualPresenceState; since: string } | null;
  /** When they took the call they are on, if any. */
  onCallSince: string | null;
  /** When their latest finished call ended, if any. */
  lastCallEndedAt: string | null;
}): PresenceNow | null {
  const { stored, onCallSince, lastCallEndedAt } = facts;
  if (onCallSince) return { state: 'on_call', since: onCallSince };
  if (lastCallEndedAt && (!stored || Date.parse(lastCallEndedAt) > Date.parse(stored.since)))
    return { state: 'wrap_up', since: lastCallEndedAt };
  return stored;
}
