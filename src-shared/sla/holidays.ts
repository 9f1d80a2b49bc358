// Owns access to the maintained holiday library (date-holidays): public holidays per country and year.
// Does not decide opening hours or apply calendar exceptions; calendar.ts does.
import Holidays from 'date-holidays';

const instances = new Map<string, Holidays>();
const yearCache = new Map<string, ReadonlySet<string>>();
let countryCodes: ReadonlySet<string> | undefined;

/** True when date-holidays knows the country (ISO 3166-1 alpha-2, e.g. "NO"). */
export function isSupportedHolidayCountry(country: string): boolean {
  countryCodes ??= new Set(Object.keys(new Holidays().getCountries()));
  return countryCodes.has(country);
}

/**
 * The local dates ("YYYY-MM-DD") of the country's holidays of type 'public' in a year.
 * Only type 'public' counts: for NO that is 1 Jan, Maundy Thursday, Good Friday, Easter Sunday and
 * Monday, 1 May, 17 May, Ascension Day, Whit Sunday and Monday, 25 and 26 Dec. Bank holidays
 * (Christmas Eve, New Year's Eve) and observances are open days unless configured otherwise.
 */
export function publicHolidayDates(country: string, year: number): ReadonlySet<string> {
  const key = `${country}:${year}`;
  let dates = yearCache.get(key);
  if (dates) return dates;
  dates = new Set(publicHolidays(country, year).map((h) => h.date));
  yearCache.set(key, dates);
  return dates;
}

function holidaysOf(country: string): Holidays {
  let hd = instances.get(country);
  if (!hd) {
    hd = new Holidays(country, { types: ['public'] });
    instances.set(country, hd);
  }
  return hd;
}

/**
 * The country's public holidays in a year with their names in a language ("no", "en", …), one line
 * per date: two holidays on one date (Whit Monday on 17 May 2027) share it, their names joined.
 */
export function publicHolidays(
  country: string,
  year: number,
  language?: string,
): Array<{ date: string; name: string }> {
  const byDate = new Map<string, string[]>();
  for (const h of holidaysOf(country).getHolidays(year, language)) {
    if (h.type !== 'public') continue;
    const date = h.date.slice(0, 10);
    byDate.set(date, [...(byDate.get(date) ?? []), h.name]);
  }
  return [...byDate].map(([date, names]) => ({ date, name: names.join(' / ') }));
}
