// The phone-call log's vocabulary (R3): call states, outcomes and the argument
// schemas of the call mutations. Both the desk and (later) the central store
// validate with these; nothing here touches a database.
import { z } from 'zod';
import { clientInstantSchema, instantSchema } from '../time';
import { textSchema } from '../text';
import { phoneSchema } from '../phone';
import type { RecognizedCaller } from '../reporters/schemas';

export const CALL_STATUSES = ['waiting', 'taken', 'finished'] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];

export const CALL_OUTCOMES = ['solved', 'ticket_needed', 'transferred', 'abandoned', 'missed'] as const;
/** What an agent may choose when finishing a call ('missed' comes only from the phone system). */
export const FINISH_OUTCOMES = ['solved', 'ticket_needed', 'transferred', 'abandoned'] as const;
export const callOutcomeSchema = z.enum(FINISH_OUTCOMES);
export type CallOutcome = (typeof CALL_OUTCOMES)[number];
export type FinishOutcome = (typeof FINISH_OUTCOMES)[number];

const idSchema = z.uuid();

const optionalText = (max: number) =>
  textSchema
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : undefined));

export const callLogArgs = z.object({
  id: idSchema,
  arrivedAt: clientInstantSchema,
  callerNumber: phoneSchema,
  callerName: optionalText(120),
  customerId: idSchema.optional(),
  workplace: optionalText(160),
});
export type CallLogArgs = z.output<typeof callLogArgs>;

export const callOverrideSchema = z.object({
  reason: textSchema.trim().min(3, 'Give a reason for the override').max(500),
});

export const callTakeArgs = z.object({
  callId: idSchema,
  at: clientInstantSchema,
  override: callOverrideSchema.optional(),
});
export type CallTakeArgs = z.output<typeof callTakeArgs>;

/** Details an agent fills in while on the call; omitted fields are left as they are. */
export const callDetailsSchema = z.object({
  callerName: optionalText(120),
  callerNumber: phoneSchema.optional(),
  customerId: idSchema.optional(),
  workplace: optionalText(160),
  summary: optionalText(4000),
});

export const callUpdateArgs = callDetailsSchema.extend({ callId: idSchema, at: clientInstantSchema });
export type CallUpdateArgs = z.output<typeof callUpdateArgs>;

export const callFinishArgs = callDetailsSchema.extend({
  callId: idSchema,
  outcome: callOutcomeSchema,
  endedAt: clientInstantSchema,
});
export type CallFinishArgs = z.output<typeof callFinishArgs>;

/** A waiting caller hung up before anyone answered: the call leaves the queue. */
export const callAbandonArgs = z.object({ callId: idSchema, at: clientInstantSchema });
export type CallAbandonArgs = z.output<typeof callAbandonArgs>;

/** A missed call was called back (it leaves the call-back list). */
export const callCalledBackArgs = z.object({ callId: idSchema, at: clientInstantSchema });

export const callHistoryQuery = z.object({
  search: textSchema.trim().max(100).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  order: z.enum(['asc', 'desc']).default('desc'),
  /** Keyset cursor: the last row of the previous page. */
  cursor: z.object({ arrivedAt: instantSchema, id: idSchema }).nullish(),
  limit: z.number().int().min(1).max(200).default(50),
});
export type CallHistoryQuery = z.input<typeof callHistoryQuery>;

/** A call as every layer sees it. */
export interface CallView {
  id: string;
  arrivedAt: string;
  callerNumber: string;
  callerName: string | null;
  customerId: string | null;
  customerName: string | null;
  workplace: string | null;
  status: CallStatus;
  loggedByName: string;
  takenBy: string | null;
  takenByName: string | null;
  takenAt: string | null;
  summary: string | null;
  outcome: CallOutcome | null;
  endedAt: string | null;
  overrideReason: string | null;
  overrideByName: string | null;
  /** 'desk' (logged by an agent) or 'phone' (from the phone system). */
  source: 'desk' | 'phone';
  hangupCause: string | null;
  calledBackAt: string | null;
  calledBackByName: string | null;
  /** The caller recognised by number, where the directory knows it (waiting queue and current call). */
  caller: RecognizedCaller | null;
}
