// Presence (issue 15): what each person at the desk is doing now. Some states
// are set by hand (one click or a keyboard shortcut); "i samtale" and
// "etterarbeid" follow from the calls themselves, so taking or finishing a
// call (by hand or from the phone system's events) sets them without anyone
// writing a state: the state shown is derived here from the stored one and
// the person's calls, never kept as a second copy that could drift.
import { z } from 'zod';
import { instantSchema } from '../time';

/** ledig, i samtale, etterarbeid, pause, på oppdrag, frakoblet. */
export const PRESENCE_STATES = ['available', 'on_call', 'wrap_up', 'break', 'on_site', 'offline'] as const;
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

/**
 * A desk the central store has not heard from for this long shows its person as "frakoblet".
 * A desk pulls every 10 s, so this is several missed pulls, not one slow one.
 */
export const DESK_OFFLINE_AFTER_MS = 45_000;

/** The central store's record that a person's desk fell silent or was heard from again. */
export const deskLinkArgs = z.object({
  userId: z.string().min(1).max(100),
  userName: z.string().min(1).max(200),
  clientId: z.uuid(),
  online: z.boolean(),
  at: instantSchema,
});
export type DeskLinkArgs = z.infer<typeof deskLinkArgs>;

export interface PresenceNow {
  state: PresenceState;
  /** When the person entered the state. */
  since: string;
}

/**
 * A person's state now: "frakoblet" when every desk of theirs the central store has heard from
 * has fallen silent (from the last time one was heard); else on a call while one they took is not finished; in wrap-up after a call
 * ends until they set a state; otherwise the state they set last. Null: they have set none and
 * taken no call.
 */
export function currentPresence(facts: {
  stored: { state: ManualPresenceState; since: string } | null;
  /** When they took the call they are on, if any. */
  onCallSince: string | null;
  /** When their latest finished call ended, if any. */
  lastCallEndedAt: string | null;
  /** Their desks' links; empty when the central store has never recorded one. */
  links?: ReadonlyArray<{ online: boolean; since: string }>;
}): PresenceNow | null {
  const { stored, onCallSince, lastCallEndedAt, links = [] } = facts;
  if (links.length > 0 && links.every((l) => !l.online)) {
    const since = links.map((l) => l.since).reduce((a, b) => (a > b ? a : b));
    return { state: 'offline', since };
  }
  if (onCallSince) return { state: 'on_call', since: onCallSince };
  if (lastCallEndedAt && (!stored || Date.parse(lastCallEndedAt) > Date.parse(stored.since)))
    return { state: 'wrap_up', since: lastCallEndedAt };
  return stored;
}
