// Phone numbers as callers give them: the one phone-number rule of the app.
// Norwegian numbers are 8 digits (first digit 2–9), with or without +47 / 0047
// and spaces; foreign numbers are written with + (or 00) and 7–15 digits; short
// numbers (3–6 digits: extensions, service numbers such as 113 or 1881) only
// where they are meant (the phone system's numbers). Normalising and formatting
// only; whether a number is required is the schema's business.

import { z } from 'zod';
import { textSchema } from './text';

export type PhoneParse = { ok: true; e164: string; digits: string } | { ok: false };

export interface PhoneRule {
  /** Accept short numbers (3–6 digits: extensions, service numbers); only where they are meant. */
  short?: boolean;
}

/** Normalises to "+47XXXXXXXX" for Norwegian numbers, "+<digits>" for foreign, or digits for short numbers. */
export function parsePhone(input: string, rule: PhoneRule = {}): PhoneParse {
  const compact = input.replace(/[\s\-().]/g, '');
  if (!/^(\+|00)?\d+$/.test(compact)) return { ok: false };
  let digits = compact.replace(/^\+/, '').replace(/^00/, '');
  const international = compact.startsWith('+') || compact.startsWith('00');
  if (international) {
    if (digits.startsWith('47') && digits.length === 10) digits = digits.slice(2);
    else
      return digits.length >= 7 && digits.length <= 15
        ? { ok: true, e164: `+${digits}`, digits }
        : { ok: false };
  }
  // Norwegian numbers never start with 0 or 1 (those are prefixes and short numbers).
  if (/^[2-9]\d{7}$/.test(digits)) return { ok: true, e164: `+47${digits}`, digits };
  // Short numbers (internal extensions, service numbers, 3–6 digits) come from the switchboard.
  if (rule.short && !international && digits.length >= 3 && digits.length <= 6)
    return { ok: true, e164: digits, digits };
  return { ok: false };
}

/** "+4771111166" -> "71 11 11 66"; other forms are shown as stored. */
export function formatPhone(stored: string): string {
  const m = /^\+47(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(stored);
  return m ? `${m[1]} ${m[2]} ${m[3]} ${m[4]}` : stored;
}

/** The digits a search term should match against stored numbers (no country prefix). */
export function phoneSearchDigits(term: string): string {
  const compact = term.replace(/[^\d+]/g, '');
  const digits = compact.replace(/\D/g, '');
  if (compact.startsWith('+47') || compact.startsWith('0047')) return compact.replace(/^(\+|00)47/, '');
  return digits.length > 8 && digits.startsWith('47') ? digits.slice(2) : digits;
}

/**
 * A number as a phone system sends it: like parsePhone, and also international numbers written
 * without "+" or "00" (Zammad's CTI examples: "4791234567"). Null when it is not a number
 * ("anonymous").
 */
export function parsePhoneSystemNumber(raw: string): string | null {
  const parsed = parsePhone(raw, { short: true });
  if (parsed.ok) return parsed.e164;
  const compact = raw.replace(/[\s\-().]/g, '');
  if (/^\d{9,15}$/.test(compact)) {
    const international = parsePhone(`+${compact}`);
    if (international.ok) return international.e164;
  }
  return null;
}

/** A phone number as typed; stored normalised (+47XXXXXXXX for Norwegian numbers). */
export const phoneSchema = textSchema
  .trim()
  .min(1, 'Phone number is required')
  .max(40)
  .transform((value, ctx) => {
    const parsed = parsePhone(value);
    if (!parsed.ok) {
      ctx.addIssue({ code: 'custom', message: 'Not a valid phone number', params: { reason: 'phone' } });
      return z.NEVER;
    }
    return parsed.e164;
  });
