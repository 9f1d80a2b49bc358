// The administrator's phone rules, as Zammad's generic CTI answers them: the
// block list (an inbound call from a blocked number is answered
// {"action":"reject","reason":"busy"}) and the outbound caller-ID rules (an
// outbound call whose dialled number starts with a rule's prefix is answered
// {"action":"dial","caller_id":…,"number":…}); anything else is answered {}.
// Schemas, number normalisation and the pure decisions only: where the list
// and the rules are stored and how they change is src-main/calls/phoneRules.ts;
// when the central store answers the phone system is the CTI adapter's.
import { DateTime } from 'luxon';
import { z } from 'zod';
import { parsePhoneSystemNumber } from '../phone';
import type { Role } from '../roles';
import { SERVICE_TIME_ZONE } from '../serviceTimeZone';
import { instantSchema, type Instant } from '../time';
import { textSchema } from '../text';

/** Who keeps the block list and the caller-ID rules. */
export const PHONE_RULES_ROLES: readonly Role[] = ['admin'];

/** How a caller without a number (hidden, withheld) is stored and blocked. */
export const ANONYMOUS = 'anonymous';

/**
 * A number as an administrator types it for the block list, in the stored form: "+4791234567"
 * for "+47 912 34 567", "004791234567", "91234567" and the PBX's "4791234567"; "+<digits>" for
 * foreign numbers; short numbers as they are; "anonymous" (any case) for callers without a number.
 * Null when it is none of these.
 */
export function normalizeBlockedNumber(raw: string): string | null {
  const trimmed = raw.trim();
  if (trimmed.toLowerCase() === ANONYMOUS) return ANONYMOUS;
  return parsePhoneSystemNumber(trimmed);
}

/**
 * The caller of a phone-system event in the block list's form: a missing or empty `from` is an
 * anonymous caller (as the call log records it); a `from` that is no number matches nothing.
 */
export function callerNumberKey(from: string | null | undefined): string | null {
  return from === null || from === undefined || from.trim() === '' ? ANONYMOUS : normalizeBlockedNumber(from);
}

/** A number for the block list as typed: required, stored normalised (normalizeBlockedNumber). */
export const blockedNumberInput = textSchema
  .trim()
  .min(1, 'Phone number is required')
  .max(40)
  .transform((value, ctx) => {
    const stored = normalizeBlockedNumber(value);
    if (stored === null) {
      ctx.addIssue({ code: 'custom', message: 'Not a valid phone number', params: { reason: 'phone' } });
      return z.NEVER;
    }
    return stored;
  });

export const blockReasonSchema = textSchema.trim().min(1, 'Give a reason').max(200);

/** One entry of the block list, as stored (table `blocked_number`) and shown. */
export const blockedNumberSchema = z.object({
  id: z.uuid(),
  /** Normalised (normalizeBlockedNumber): "+4791234567", "+46812345678", "anonymous". */
  number: z.string(),
  reason: blockReasonSchema,
  /** From this instant on the entry no longer blocks; null: never expires. */
  expiresAt: instantSchema.nullable(),
  createdAt: instantSchema,
  createdByName: z.string(),
});
export type BlockedNumber = z.output<typeof blockedNumberSchema>;

/** Digits only, without "+" or "00": how prefixes and dialled numbers are compared. */
function internationalDigits(compact: string): string {
  return compact.replace(/^\+/, '').replace(/^00/, '');
}

/**
 * A caller-ID rule's prefix in the form it is compared in: its digits without a leading "+" or
 * "00", so "+47", "0047" and "47" are one prefix (the country code, as Zammad's routing table
 * writes it). Null when it is not digits with an optional leading "+" or "00".
 */
export function normalizePrefix(prefix: string): string | null {
  const compact = prefix.replace(/[\s\-().]/g, '');
  if (!/^(\+|00)?\d+$/.test(compact)) return null;
  const digits = internationalDigits(compact);
  return digits.length >= 1 && digits.length <= 15 ? digits : null;
}

/**
 * A dialled number's digits as the rules compare them: a phone number in its international
 * digits ("91234567", "+47 912 34 567", "004791234567" and "4791234567" are all "4791234567"),
 * a short number as it is ("1881"); anything else by its digits as sent. Null without digits.
 */
export function dialledDigits(dialled: string): string | null {
  const stored = parsePhoneSystemNumber(dialled);
  if (stored !== null) return internationalDigits(stored);
  const compact = dialled.replace(/[\s\-().]/g, '');
  return /^(\+|00)?\d+$/.test(compact) ? internationalDigits(compact) : null;
}

const compact = (v: string) => v.replace(/[\s\-().]/g, '');

/** An outbound caller-ID rule: a call dialled to a number starting with `prefix` presents `callerId`. */
export const callerIdRuleSchema = z.object({
  /** Digits, optionally with a leading "+" (or "00"); stored as typed, without spaces. */
  prefix: textSchema
    .trim()
    .min(1, 'Give the prefix')
    .max(24)
    .transform(compact)
    .refine((v) => normalizePrefix(v) !== null, {
      message: 'Digits, optionally with a leading +',
      params: { reason: 'prefix' },
    }),
  /** The number the phone system presents; sent to it exactly as stored (digits, optional "+"). */
  callerId: textSchema
    .trim()
    .min(1, 'Give the number to present')
    .max(30)
    .transform(compact)
    .refine((v) => /^\+?\d{3,20}$/.test(v), {
      message: 'Digits, optionally with a leading +',
      params: { reason: 'callerId' },
    }),
});
export type CallerIdRule = z.output<typeof callerIdRuleSchema>;

export const MAX_CALLER_ID_RULES = 100;

/** The ordered rules (a shared setting; none by default). Two rules for one prefix are refused. */
export const callerIdRulesSchema = z
  .array(callerIdRuleSchema)
  .max(MAX_CALLER_ID_RULES)
  .superRefine((rules, ctx) => {
    const seen = new Map<string, number>();
    rules.forEach((rule, i) => {
      const key = normalizePrefix(rule.prefix);
      if (key === null) return;
      const first = seen.get(key);
      if (first === undefined) seen.set(key, i);
      else
        ctx.addIssue({
          code: 'custom',
          path: [i, 'prefix'],
          message: `The prefix is already in rule ${first + 1}`,
          params: { reason: 'duplicatePrefix', rule: first + 1 },
        });
    });
  });

/** The stored setting's rules; a value that does not parse counts as no rules. */
export function parseCallerIdRules(value: unknown): CallerIdRule[] {
  const parsed = callerIdRulesSchema.safeParse(value);
  return parsed.success ? parsed.data : [];
}

const ms = (at: Instant | Date | number) =>
  typeof at === 'number' ? at : at instanceof Date ? at.getTime() : Date.parse(at);

/** Whether an entry still blocks at `now` (an entry blocks until its expiry, exclusive). */
export function isBlockActive(entry: { expiresAt: string | null }, now: Instant | Date | number): boolean {
  return entry.expiresAt === null || Date.parse(entry.expiresAt) > ms(now);
}

/** The entry that blocks this caller now (a missing `from` is anonymous), or null; expired entries do not count. */
export function blockedEntryFor<E extends { number: string; expiresAt: string | null }>(
  list: readonly E[],
  fromNumber: string | null | undefined,
  now: Instant | Date | number,
): E | null {
  const key = callerNumberKey(fromNumber);
  if (key === null) return null;
  return list.find((e) => e.number === key && isBlockActive(e, now)) ?? null;
}

/**
 * The caller ID for a call dialled to this number: the rule with the longest matching prefix
 * (the first of equals), compared on digits (normalizePrefix, dialledDigits), with the dialled
 * number as it was sent; null when no rule matches.
 */
export function callerIdFor(
  rules: readonly CallerIdRule[],
  dialledNumber: string | null | undefined,
): { callerId: string; number: string } | null {
  if (!dialledNumber) return null;
  const digits = dialledDigits(dialledNumber);
  if (digits === null) return null;
  let best: { rule: CallerIdRule; length: number } | null = null;
  for (const rule of rules) {
    const prefix = normalizePrefix(rule.prefix);
    if (prefix !== null && digits.startsWith(prefix) && prefix.length > (best?.length ?? 0))
      best = { rule, length: prefix.length };
  }
  return best ? { callerId: best.rule.callerId, number: dialledNumber } : null;
}

/** What the central store answers the phone system (Zammad's generic CTI answers). */
export type PhoneSystemAnswer =
  | { action: 'reject'; reason: 'busy' }
  | { action: 'dial'; caller_id: string; number: string }
  | Record<string, never>;

export interface PhoneSystemQuestion {
  event: string;
  direction: string;
  from?: string | null;
  to?: string | null;
  blockList: readonly { number: string; expiresAt: string | null }[];
  callerIdRules: readonly CallerIdRule[];
  now: Instant | Date | number;
}

/**
 * The answer to one event: a reject for an inbound newCall from a blocked number, a caller ID for
 * an outbound newCall a rule matches (`number` is the dialled number as sent), else {}.
 */
export function phoneSystemAnswer(q: PhoneSystemQuestion): PhoneSystemAnswer {
  if (q.event !== 'newCall') return {};
  if (q.direction === 'in')
    return blockedEntryFor(q.blockList, q.from, q.now) ? { action: 'reject', reason: 'busy' } : {};
  if (q.direction === 'out') {
    const dial = callerIdFor(q.callerIdRules, q.to);
    return dial ? { action: 'dial', caller_id: dial.callerId, number: dial.number } : {};
  }
  return {};
}

/**
 * An expiry date an administrator picks ("2026-03-01": blocked through that day) as the instant
 * the entry stops blocking: the following midnight in Oslo. Null for a date that does not exist.
 */
export function expiryAfterDate(date: string): Instant | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  const day = DateTime.fromISO(date, { zone: SERVICE_TIME_ZONE });
  return day.isValid ? day.plus({ days: 1 }).toUTC().toISO() : null;
}

/** The last day (Oslo, "2026-03-01") an entry blocks, from its expiry instant. */
export function lastBlockedDate(expiresAt: Instant): string {
  return DateTime.fromMillis(Date.parse(expiresAt) - 1, { zone: SERVICE_TIME_ZONE }).toFormat('yyyy-MM-dd');
}
