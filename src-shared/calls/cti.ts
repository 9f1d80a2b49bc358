// The phone system's events in Zammad's "generic CTI" format (newCall, answer,
// hangup), as a PBX posts them to /api/v1/cti/:token, JSON or form-encoded.
// Validation only: what the central store does with them is src-main/calls/cti*.
import { z } from 'zod';

export const CTI_EVENTS = ['newCall', 'answer', 'hangup'] as const;
export type CtiEventName = (typeof CTI_EVENTS)[number];

/** Zammad's documented hangup causes; others are accepted and kept as sent. */
export const CTI_HANGUP_CAUSES = [
  'normalClearing',
  'busy',
  'cancel',
  'noAnswer',
  'congestion',
  'notFound',
  'forwarded',
] as const;

const field = (max: number) => z.string().trim().max(max);
/** A number as the PBX sends it: digits with an optional +, or "anonymous". */
const number = field(64);

/** `user` or `user[]`: one name or several (a group call rings several agents). */
const users = z
  .union([field(200), z.array(field(200)).max(50)])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter((u) => u.length > 0));

export const ctiEventSchema = z.object({
  event: z.enum(CTI_EVENTS, { error: () => 'Unknown event: expected newCall, answer or hangup' }),
  from: number.optional(),
  to: number.optional(),
  direction: z.enum(['in', 'out'], { error: () => 'direction must be "in" or "out"' }),
  callId: field(250).min(1, 'callId is required'),
  user: users,
  queue: field(200).optional(),
  cause: field(64).optional(),
  answeringNumber: field(200).optional(),
});
export type CtiEvent = z.output<typeof ctiEventSchema>;

/**
 * A form-encoded body as the object the schema reads: `user[]` (repeated) becomes the array
 * `user`; any other repeated key keeps its last value.
 */
export function formFields(body: URLSearchParams): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of body) {
    if (key === 'user[]') out.user = [...((out.user as string[] | undefined) ?? []), value];
    else out[key] = value;
  }
  return out;
}

/** The admin's list of received events, newest first. */
export const ctiEventsQuery = z.object({
  /** Keyset: events before this one (received earlier, or at the same instant with a smaller id). */
  before: z.object({ receivedAt: z.iso.datetime(), id: z.uuid() }).optional(),
  limit: z.number().int().min(1).max(500).default(100),
});
