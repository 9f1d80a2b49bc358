// Small display helpers for tickets: the reference shown (canonical, else the
// desk's provisional one), service time as "2 t 15 min", and the date-times
// people type in work records ("14:05" today, or "26.11.2026 14:05").
import { DateTime } from 'luxon';
import type { TFunction } from 'i18next';
import { SERVICE_TIME_ZONE } from '../../../src-shared/serviceTimeZone';
import { formatMinutes } from '../../app/format';

export interface Referenced {
  reference: string | null;
  provisionalReference: string | null;
}

/** The reference to show: the canonical one, else the provisional one. */
export function shownReference(t: Referenced): string {
  return t.reference ?? t.provisionalReference ?? '–';
}

/** The provisional reference as an alias, when the canonical one exists too. */
export function aliasReference(t: Referenced): string | null {
  return t.reference && t.provisionalReference ? t.provisionalReference : null;
}

/**
 * Service time as "2 t 15 min" ("under 1 min" below a minute); `compact` (lists) drops the
 * minutes from 10 hours on ("37 t").
 */
export function formatServiceTime(ms: number, t: TFunction, compact = false): string {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  if (minutes < 1) return t('tickets.clock.underMinute');
  if (compact && minutes >= 600) return `${Math.floor(minutes / 60)} ${t('sla.hourUnit')}`;
  return formatMinutes(minutes, t('sla.hourUnit'));
}

const FORMATS = ['d.M.yyyy H:mm', 'd.M.yy H:mm', 'd.M H:mm', 'yyyy-MM-dd H:mm', "yyyy-MM-dd'T'HH:mm"];

/**
 * A date-time typed in Oslo time: "14:05" is today, else "26.11.2026 14:05" (or "26.11 14:05").
 * (a date without a year is this year). Null when empty or unreadable.
 */
export function parseWhen(text: string, nowMs: number): string | null {
  const v = text
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/ kl\.? /i, ' ');
  if (!v) return null;
  const time = /^(\d{1,2})[:.](\d{2})$/.exec(v);
  if (time) {
    const h = Number(time[1]);
    const m = Number(time[2]);
    if (h > 23 || m > 59) return null;
    const dt = DateTime.fromMillis(nowMs, { zone: SERVICE_TIME_ZONE }).set({
      hour: h,
      minute: m,
      second: 0,
      millisecond: 0,
    });
    return dt.toUTC().toISO();
  }
  for (const f of FORMATS) {
    const dt = DateTime.fromFormat(v, f, { zone: SERVICE_TIME_ZONE });
    if (dt.isValid) return dt.toUTC().toISO();
  }
  return null;
}

/** "14:05" in Oslo time, for prefilling time fields. */
export function hhmm(ms: number): string {
  return DateTime.fromMillis(ms, { zone: SERVICE_TIME_ZONE }).toFormat('HH:mm');
}
