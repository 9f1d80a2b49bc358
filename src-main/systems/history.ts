// The register's history (R27): every change to a system, its roles at a
// customer, an outage, a window or a notice is one system_event row, written
// by the mutator that made the change.
import type { MutationContext } from '../mutations/define';
import { SystemEvent } from '../store/entities';

export type SystemEventKind =
  | 'created'
  | 'changed'
  | 'rolesChanged'
  | 'customerRemoved'
  | 'outageRecorded'
  | 'outageChanged'
  | 'outageSuspected'
  | 'outageConfirmed'
  | 'outageDismissed'
  | 'probeRecovered'
  | 'ticketLinked'
  | 'windowSaved'
  | 'windowCancelled'
  | 'noticePublished'
  | 'noticeUpdated';

export async function recordEvent(
  ctx: MutationContext,
  subjectId: string,
  kind: SystemEventKind,
  at: string,
  data: Record<string, unknown> = {},
): Promise<void> {
  await ctx.write.insert(SystemEvent, {
    id: ctx.newId(),
    subjectId,
    at,
    actorId: ctx.actor.userId,
    actorName: ctx.actor.name,
    kind,
    data: JSON.stringify(data),
  });
}
