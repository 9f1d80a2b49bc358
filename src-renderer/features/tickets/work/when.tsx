// Work times as typed in Oslo time ("14:05", "26.11.2026 14:05"): their checks, instants and field.
import type { FieldValues, Path, UseFormRegisterReturn, UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FormField } from '../../../app/forms';
import { parseWhen } from '../text';

/** A time as typed: required, readable as "14:05" or "26.11.2026 14:05". */
export const whenText = z
  .string()
  .trim()
  .min(1)
  .refine((v) => parseWhen(v, Date.now()) !== null);
/** Like whenText, but empty means now. */
export const whenOrNow = z
  .string()
  .trim()
  .refine((v) => v === '' || parseWhen(v, Date.now()) !== null);

/** The two instants of a work record, or the field to blame. */
function timeSpan(
  start: string,
  end: string,
): { ok: true; start: string; end: string } | { ok: false; field: 'start' | 'end'; type: string } {
  const nowMs = Date.now();
  const s = parseWhen(start, nowMs)!;
  const e = end ? parseWhen(end, nowMs)! : new Date(nowMs).toISOString();
  if (Date.parse(s) > nowMs + 60_000) return { ok: false, field: 'start', type: 'future' };
  if (Date.parse(e) > nowMs + 60_000) return { ok: false, field: 'end', type: 'future' };
  if (e < s) return { ok: false, field: 'end', type: 'order' };
  return { ok: true, start: s, end: e };
}

/** The typed start and end as instants; when they will not do, the field to blame says why, and null. */
export function checkedSpan<T extends FieldValues>(
  form: UseFormReturn<T>,
  [startField, endField]: [Path<T>, Path<T>],
  start: string,
  end: string,
): { start: string; end: string } | null {
  const span = timeSpan(start, end);
  if (span.ok) return span;
  form.setError(span.field === 'start' ? startField : endField, { type: span.type });
  return null;
}

/** A start (required) or an end (empty means now). */
export function WhenField({
  label,
  required = false,
  registration,
}: {
  label: string;
  required?: boolean;
  registration: UseFormRegisterReturn;
}) {
  const { t } = useTranslation();
  const placeholder = t(required ? 'tickets.work.timePlaceholder' : 'tickets.work.nowPlaceholder');
  return (
    <FormField label={label} required={required} messages="tickets.errors.when" registration={registration}>
      {(c) => <input {...c} placeholder={placeholder} />}
    </FormField>
  );
}
