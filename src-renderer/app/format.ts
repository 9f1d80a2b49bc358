// Display formats for instants: Oslo time, Norwegian conventions in both languages.
import { DateTime } from 'luxon';
import { SERVICE_TIME_ZONE } from '../../src-shared/serviceTimeZone';

export function formatClock(instant: string): string {
  return DateTime.fromISO(instant, { zone: SERVICE_TIME_ZONE }).toFormat('HH:mm:ss');
}

export function formatDateTime(instant: string): string {
  return DateTime.fromISO(instant, { zone: SERVICE_TIME_ZONE }).toFormat('dd.MM.yyyy HH:mm');
}

export function formatDateTimeSeconds(instant: string): string {
  return DateTime.fromISO(instant, { zone: SERVICE_TIME_ZONE }).toFormat('dd.MM.yyyy HH:mm:ss');
}

/** Today's instants by the clock ("14:05:09"), earlier ones with their date ("27.11.2026 14:05"). */
export function formatClockOrDate(instant: string, nowMs: number): string {
  const at = DateTime.fromISO(instant, { zone: SERVICE_TIME_ZONE });
  return at.hasSame(DateTime.fromMillis(nowMs, { zone: SERVICE_TIME_ZONE }), 'day')
    ? at.toFormat('HH:mm:ss')
    : at.toFormat('dd.MM.yyyy HH:mm');
}

/** "fre. 27.11. kl. 09:15" style: weekday, date and time of a deadline, in the UI's language. */
export function formatDeadline(instant: string, locale = document.documentElement.lang || 'nb'): string {
  return DateTime.fromISO(instant, { zone: SERVICE_TIME_ZONE })
    .setLocale(locale === 'en' ? 'en-GB' : 'nb-NO')
    .toFormat('ccc dd.MM.yyyy HH:mm');
}

/** A deadline in a list: "14:30" today, "fre. 28.11. 09:15" within a week, else "09.11.26 08:15". */
export function formatDeadlineShort(
  instant: string,
  nowMs: number,
  locale = document.documentElement.lang || 'nb',
): string {
  const at = DateTime.fromISO(instant, { zone: SERVICE_TIME_ZONE }).setLocale(
    locale === 'en' ? 'en-GB' : 'nb-NO',
  );
  const now = DateTime.fromMillis(nowMs, { zone: SERVICE_TIME_ZONE });
  if (at.hasSame(now, 'day')) return at.toFormat('HH:mm');
  if (Math.abs(at.diff(now, 'days').days) < 6) return at.toFormat('ccc dd.MM. HH:mm');
  return at.toFormat('dd.MM.yy HH:mm');
}

/** "2 t 30 min" / "2 h 30 min" for a number of minutes. */
export function formatMinutes(total: number, hourUnit: string): string {
  const h = Math.floor(total / 60);
  const m = Math.round(total % 60);
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} ${hourUnit}` : `${h} ${hourUnit} ${m} min`;
}

/** A count with the language's digit grouping (bokmål: 4 188). */
export function formatCount(n: number, locale = document.documentElement.lang || 'nb'): string {
  return new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'nb-NO').format(n);
}
