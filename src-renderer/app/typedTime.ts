// Times of day typed by the user (HH:mm), as instants in Oslo time, and now
// as one. No DOM here: the unit tests run it under Node.
import { DateTime } from 'luxon';
import { SERVICE_TIME_ZONE } from '../../src-shared/serviceTimeZone';

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
  // The night summer time ends, 02:00–03:00 comes twice: the earlier one may be what is meant.
  const hourBefore = DateTime.fromMillis(Date.parse(today) - 3_600_000, { zone: SERVICE_TIME_ZONE });
  if (hourBefore.toMillis() <= now + 60_000 && hourBefore.toFormat('HH:mm') === toHHmm(today))
    return hourBefore.toUTC().toISO();
  const yesterday = DateTime.fromISO(today, { zone: SERVICE_TIME_ZONE }).minus({ days: 1 });
  return now - yesterday.toMillis() < RECENT_MS ? yesterday.toUTC().toISO() : today;
}

export function nowHHmm(now = Date.now()): string {
  return DateTime.fromMillis(now, { zone: SERVICE_TIME_ZONE }).toFormat('HH:mm');
}

function toHHmm(instant: string): string {
  return DateTime.fromISO(instant, { zone: SERVICE_TIME_ZONE }).toFormat('HH:mm');
}
