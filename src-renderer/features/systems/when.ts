// Instants as the systems forms show and take them: Oslo wall time in a
// datetime-local input ("2026-03-01T22:00"), an ISO instant to the desk.
import { DateTime } from 'luxon';
import { SERVICE_TIME_ZONE } from '../../../src-shared/serviceTimeZone';

/** An instant as a datetime-local input's value, in Oslo time; '' for none. */
export function instantToInput(instant: string | null | undefined): string {
  if (!instant) return '';
  return DateTime.fromISO(instant, { zone: SERVICE_TIME_ZONE }).toFormat("yyyy-MM-dd'T'HH:mm");
}

/** A datetime-local input's value (Oslo time) as an instant; null when empty or unreadable. */
export function inputToInstant(value: string | null | undefined): string | null {
  if (!value || !value.trim()) return null;
  const at = DateTime.fromISO(value.trim(), { zone: SERVICE_TIME_ZONE });
  return at.isValid ? at.toUTC().toISO() : null;
}

/** Now, as a datetime-local input's value. */
export function nowInput(nowMs = Date.now()): string {
  return instantToInput(new Date(nowMs).toISOString());
}

/** "2026-03-01" → "01.03.2026". */
export const dayText = (day: string | null | undefined): string =>
  day ? day.split('-').reverse().join('.') : '–';

/** Today's Oslo day, 'YYYY-MM-DD'. */
export function todayDay(nowMs = Date.now()): string {
  return DateTime.fromMillis(nowMs, { zone: SERVICE_TIME_ZONE }).toISODate()!;
}

/** A UUID for an entry the desk creates (a system, an outage, a window, a notice). */
export const newId = (): string => crypto.randomUUID();
