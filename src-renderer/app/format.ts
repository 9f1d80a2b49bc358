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

/** An HH:mm typed by the user, as today's instant in Oslo time; null for what is no time of day ("25:99"). */
export function todayAt(hhmm: string, now = Date.now()): string | null {
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(hhmm.trim());
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59 || Number(m[3] ?? 0) > 59) return null;
  const dt = DateTime.fromMillis(now, { zone: SERVICE_TIME_ZONE }).set({
    hour: Number(m[1]),
    minute: Number(m[2]),
    second: Number(m[3] ?? 0),
    millisecond: 0,
  });
  return dt.isValid ? dt.toUTC().toISO() : null;
}

const RECENT_MS = 12 * 3_600_000;

/**
 * An HH:mm typed for something that has already happened (a call's arrival or end, a visit):
 * today's instant, or yesterday's when today's is still ahead of the clock and yesterday's is
 * less than 12 hours ago ("23:40" typed at 00:15 is 35 minutes ago, not tomorrow night's).
 * Otherwise a time ahead stays ahead, for the check that refuses it (a typo at 10:00, "10:30").
 */
export function recentAt(hhmm: string, now = Date.now()): string | null {
  const today = todayAt(hhmm, now);
  if (today === null || Date.parse(today) <= now + 60_000) return today;
  const yesterday = DateTime.fromISO(today, { zone: SERVICE_TIME_ZONE }).minus({ days: 1 });
  return now - yesterday.toMillis() < RECENT_MS ? yesterday.toUTC().toISO() : today;
}

export function nowHHmm(now = Date.now()): string {
  return DateTime.fromMillis(now, { zone: SERVICE_TIME_ZONE }).toFormat('HH:mm');
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
