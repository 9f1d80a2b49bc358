// The one way a call's history grows: an append-only call_event line written
// through the mutation's row writer, so it syncs like every other row. Used by
// the desk's call mutators and by the phone system's events alike.
import { CallEvent, type CallEventRow } from '../store/entities';
import type { MutationContext } from '../mutations/define';

/** Appends an event to the call's history; by default attributed to the mutation's actor. */
export async function recordCallEvent(
  { write, actor, newId }: MutationContext,
  callId: string,
  kind: CallEventRow['kind'],
  at: string,
  data: Record<string, unknown>,
  by: { id: string; name: string } = { id: actor.userId, name: actor.name },
): Promise<void> {
  await write.insert(CallEvent, {
    id: newId(),
    callId,
    kind,
    at,
    actorId: by.id,
    actorName: by.name,
    data: JSON.stringify(data),
  });
}
