// The register's history (R27): every change to a model, device or batch is
// one equipment_event row, written by the mutator that made the change.
import type { MutationContext } from '../mutations/define';
import { EquipmentEvent } from '../store/entities';

export type EquipmentEventKind =
  | 'created'
  | 'changed'
  | 'registered'
  | 'replacementRecommended'
  | 'replacementWithdrawn'
  | 'delivered'
  | 'handedIn'
  | 'keptByCustomer'
  | 'batched'
  | 'wipeConfirmed'
  | 'recycled'
  | 'batchSent'
  | 'batchClosed'
  | 'settingsChanged';

export async function recordEvent(
  ctx: MutationContext,
  subjectId: string,
  kind: EquipmentEventKind,
  at: string,
  data: Record<string, unknown> = {},
): Promise<void> {
  await ctx.write.insert(EquipmentEvent, {
    id: ctx.newId(),
    subjectId,
    at,
    actorId: ctx.actor.userId,
    actorName: ctx.actor.name,
    kind,
    data: JSON.stringify(data),
  });
}

export { changesOf } from '../mutations/changes';
