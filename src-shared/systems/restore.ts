// Data restores (R13): only a system's owner may order one. A ticket of kind
// "data restore" names its system and cannot leave "new" before the owner's
// approval is recorded.
import { z } from 'zod';
import { DomainError } from '../errors';
import { clientInstantSchema, instantSchema } from '../time';
import { textSchema } from '../text';

export const TICKET_KINDS = ['standard', 'dataRestore'] as const;
export type TicketKind = (typeof TICKET_KINDS)[number];

export const APPROVAL_METHODS = ['email', 'phone', 'writing'] as const;

export const restoreApprovalSchema = z.object({
  approvedByName: textSchema.trim().min(1, 'Name the system owner who approved').max(120),
  approvedAt: instantSchema,
  method: z.enum(APPROVAL_METHODS),
  note: textSchema
    .trim()
    .max(1000)
    .nullish()
    .transform((v) => (v ? v : null)),
});
export type RestoreApproval = z.output<typeof restoreApprovalSchema> & {
  recordedByName: string;
  recordedAt: string;
};

export const restoreApprovalArgs = z.object({
  at: clientInstantSchema,
  ticketId: z.uuid(),
  approval: restoreApprovalSchema,
});

/** R13: the step out of "new" a data restore may not take without its owner's approval. */
export function checkRestoreMayProceed(
  ticket: {
    kind: string;
    status: string;
    systemId: string | null;
    restoreApproval: string | null;
  },
  nextStatus: string,
): void {
  if (ticket.kind !== 'dataRestore' || ticket.status !== 'new' || nextStatus === 'new') return;
  if (!ticket.systemId) {
    throw new DomainError('restoreNeedsSystem', 'A data restore must name its system (R13)', {
      field: 'systemId',
    });
  }
  if (!ticket.restoreApproval) {
    throw new DomainError(
      'restoreNotApproved',
      "A data restore cannot start before the system owner's approval is recorded (R13)",
      { field: 'restoreApproval' },
    );
  }
}
