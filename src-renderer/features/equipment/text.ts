// Small wordings shared by the equipment pages.

/** "2026-03-01" → "01.03.2026". */
export const dayText = (day: string | null | undefined): string =>
  day ? day.split('-').reverse().join('.') : '–';

/** Today's Oslo day, 'YYYY-MM-DD'. */
export function todayDay(now = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(now);
}

/** A UUID for an entry the desk creates on its own (a model, a device registered at a handover). */
export const newId = (): string => crypto.randomUUID();
