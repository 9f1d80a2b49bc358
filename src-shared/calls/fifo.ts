// R3: phone calls are answered in the order they arrive. The rule alone: given
// the call an agent wants and the oldest waiting call, may they take it? Where
// the queue comes from (local store, central store) is the caller's business.
import { canOverrideCallOrder, type Role } from '../roles';

export interface TakeRequest {
  callId: string;
  /** The oldest waiting call (arrival order), or null when none waits. */
  firstWaitingId: string | null;
  role: Role;
  override?: { reason: string } | undefined;
}

export type TakeDecision =
  | { ok: true; overridden: boolean }
  | { ok: false; code: 'notFirstInQueue' | 'overrideNotAllowed'; firstCallId: string };

export function decideTake(req: TakeRequest): TakeDecision {
  if (req.firstWaitingId === null || req.firstWaitingId === req.callId)
    return { ok: true, overridden: false };
  if (!req.override) return { ok: false, code: 'notFirstInQueue', firstCallId: req.firstWaitingId };
  if (!canOverrideCallOrder(req.role)) {
    return { ok: false, code: 'overrideNotAllowed', firstCallId: req.firstWaitingId };
  }
  return { ok: true, overridden: true };
}

/** Arrival order: arrival instant, then id (UUIDv7, so creation order) to break ties. */
export function compareArrival(
  a: { arrivedAt: string; id: string },
  b: { arrivedAt: string; id: string },
): number {
  if (a.arrivedAt !== b.arrivedAt) return a.arrivedAt < b.arrivedAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
