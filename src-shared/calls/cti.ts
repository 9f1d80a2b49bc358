// The phone system's events in Zammad's "generic CTI" format (newCall, answer,
// hangup), as a PBX posts them to /api/v1/cti/:token: JSON, form-encoded or
// multipart, `callId` or Zammad's own `call_id`, numbers as strings or JSON
// numbers. Validation only: what the central store does with them is
// src-main/calls/phoneEvent.ts.
import { z } from 'zod';
import { textProblem, textSchema } from '../text';

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

/** A text field of the event: refused when it holds NUL, unpaired surrogates, control characters or U+FFFD (src-shared/text). */
const field = (max: number) => textSchema.trim().max(max);
/**
 * A string, or a JSON number taken as the digits it is (a whole number: larger ones have already
 * lost digits in JSON). Text that held bytes which are not UTF-8 is refused, never merged with
 * another value through U+FFFD; so is text with NUL, unpaired surrogates (a JSON "\ud800") or
 * control characters, which would be stored as the caller's number.
 */
const digitsOrText = (max: number, name: string) =>
  z
    .union([z.string(), z.number()], { error: () => `${name} must be a string or a number` })
    .transform((v, ctx) => {
      const fail = (message: string) => {
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      };
      if (typeof v === 'number') {
        if (!Number.isInteger(v) || v < 0) return fail(`${name} must be a whole number or a string`);
        if (!Number.isSafeInteger(v))
          return fail(`${name} is too long for a JSON number: send it as a string`);
        return String(v);
      }
      const text = v.trim();
      if (text.length > max) return fail(`${name} is longer than ${max} characters`);
      if (text.includes('\uFFFD')) return fail(`${name} is not valid UTF-8`);
      const problem = textProblem(text);
      if (problem) return fail(`${name} ${problem.message}`);
      return text;
    });
/** A number as the PBX sends it: digits with an optional +, or "anonymous". */
const number = (name: string) => digitsOrText(64, name);

/** `user` or `user[]`: one name or several (a group call rings several agents). */
const users = z
  .union([field(200), z.array(field(200)).max(50)])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter((u) => u.length > 0));

const eventFields = z.object({
  event: z.enum(CTI_EVENTS, { error: () => 'Unknown event: expected newCall, answer or hangup' }),
  from: number('from').optional(),
  to: number('to').optional(),
  direction: z.enum(['in', 'out'], { error: () => 'direction must be "in" or "out"' }),
  callId: digitsOrText(250, 'callId').refine((v) => v.length > 0, 'callId is required'),
  user: users,
  queue: field(200).optional(),
  cause: field(64).optional(),
  answeringNumber: field(200).optional(),
  /** The caller's name as the phone system knows it (shown where the directory knows no one). */
  caller: field(200).optional(),
});

/** Zammad's own spelling `call_id` is the same field as `callId`. */
export const ctiEventSchema = z.preprocess((raw) => {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return raw;
  const { call_id: snake, ...rest } = raw as Record<string, unknown>;
  return rest.callId === undefined && snake !== undefined ? { ...rest, callId: snake } : rest;
}, eventFields);
export type CtiEvent = z.output<typeof ctiEventSchema>;

/**
 * A form's fields (form-encoded or multipart) as the object the schema reads: `user[]` (repeated)
 * becomes the array `user`; any other repeated key keeps its last value.
 */
export function formFields(fields: Iterable<[string, string]>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of fields) {
    if (key === 'user[]') out.user = [...((out.user as string[] | undefined) ?? []), value];
    else out[key] = value;
  }
  return out;
}

/**
 * What the central store notes on an event it did not simply apply: cti_event.note holds the key
 * (a code the admin's event list words in the user's language); the English text here is what rows
 * written before issue 18 hold instead, and what the list shows for them.
 */
export const PHONE_EVENT_NOTES = {
  outbound: 'outbound call: logged, never queued',
  blocked: 'blocked number: rejected, not queued',
  newCallLate: 'newCall after other events of the call',
  reusedCallId: 'the callId was used before: a new call',
  repeatedNewCall: 'a newCall again for a call in progress',
  answerFirst: 'answer before its newCall: the call was created, answered',
  answerAfterHangup: 'answer after its hangup: the call is recorded as answered',
  alreadyTaken: 'the call was already taken or ended',
  answeredAhead: 'answered ahead of an earlier waiting call',
  noAccount: 'no account matches who answered',
  hangupFirst: 'hangup before its newCall: the call is recorded as ended',
  alreadyEnded: 'the call had already ended',
} as const;
/** The admin's list of received events, newest first. */
export const ctiEventsQuery = z.object({
  /** Keyset: events before this one (received earlier, or at the same instant with a smaller id). */
  before: z.object({ receivedAt: z.iso.datetime(), id: z.uuid() }).optional(),
  limit: z.number().int().min(1).max(500).default(100),
});
