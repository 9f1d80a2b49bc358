// Month names in the user's language ("mars 2026", "March 2026").
import { DateTime, Info } from 'luxon';
import { SERVICE_TIME_ZONE } from '../../../src-shared/serviceTimeZone';
import { numberLocale } from './numbers';

export function shortMonthNames(language: string): string[] {
  return Info.months('short', { locale: numberLocale(language) });
}

export function monthTitle(year: number, month: number, language: string): string {
  return DateTime.fromObject({ year, month, day: 1 }, { zone: SERVICE_TIME_ZONE })
    .setLocale(numberLocale(language))
    .toFormat('LLLL yyyy');
}

export function osloYearNow(nowMs = Date.now()): number {
  return DateTime.fromMillis(nowMs, { zone: SERVICE_TIME_ZONE }).year;
}
