// Weekday names in the user's language, ISO order (1 = Monday).
import { Info } from 'luxon';
import { numberLocale } from './numbers';

export function weekdayNames(language: string): string[] {
  return Info.weekdays('long', { locale: numberLocale(language) });
}
