// The shift roster (issue 15): who works which duty on each weekday. Team
// leads set it a week at a time and copy it from the week before; everyone
// sees it. Pure: the weeks are ISO weeks in Oslo's calendar, named by their
// Monday, and a roster week is the desk's service days Monday to Friday (R1).
import { DateTime } from 'luxon';
import { z } from 'zod';
import { SERVICE_TIME_ZONE } from '../serviceTimeZone';
import { instantSchema } from '../time';
import type { PresenceNow } from './presence';

/** What a person does that day: answers the phone, works tickets, is out on site, or is off. */
export const DUTIES = ['phone', 'tickets', 'on_site', 'off'] as const;
export const dutySchema = z.enum(DUTIES);
export type Duty = z.infer<typeof dutySchema>;

/** The days of a roster week: Monday to Friday, the desk's service days (R1). */
export const ROSTER_DAYS_PER_WEEK = 5;
/** The most people one week's roster may list (the desk has a few dozen). */
export const ROSTER_MAX_PEOPLE = 200;

const day = (iso: string) => DateTime.fromISO(iso, { zone: SERVICE_TIME_ZONE });

/** The Monday of the ISO week a day (YYYY-MM-DD) falls in. */
export function mondayOf(isoDay: string): string {
  return day(isoDay).startOf('week').toISODate()!;
}

/** The Monday of the week an instant falls in, in Oslo. */
export function mondayAt(instant: Date | string): string {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  return DateTime.fromMillis(ms, { zone: SERVICE_TIME_ZONE }).startOf('week').toISODate()!;
}

/** The Monday `weeks` weeks after (or before) the given Monday. */
export function addWeeks(monday: string, weeks: number): string {
  return day(monday).plus({ weeks }).toISODate()!;
}

/** The roster days of the week that starts on `monday`: Monday to Friday. */
export function rosterDays(monday: string): string[] {
  return Array.from({ length: ROSTER_DAYS_PER_WEEK }, (_, i) => day(monday).plus({ days: i }).toISODate()!);
}

/** ISO week number and week-year, as the week is named on screen ("uke 49, 2026"). */
export function weekNumber(monday: string): { week: number; year: number } {
  const d = day(monday);
  return { week: d.weekNumber, year: d.weekYear };
}

export const mondaySchema = z.iso
  .date('Not a date (YYYY-MM-DD)')
  .refine((d) => day(d).weekday === 1, 'A roster week starts on a Monday');

/** One person's duty on one day. */
export const rosterEntrySchema = z.object({
  userId: z.uuid(),
  /** The name as shown on the roster (kept with the entry: it reads offline and after they leave). */
  userName: z.string().trim().min(1, 'A name is required').max(200),
  day: z.iso.date('Not a date (YYYY-MM-DD)'),
  duty: dutySchema,
});
export type RosterEntryInput = z.infer<typeof rosterEntrySchema>;

/**
 * A whole week as the team lead saves it: every entry of that week. A person-day not listed is
 * cleared (no duty set).
 */
export const rosterSetWeekArgs = z
  .object({
    at: instantSchema,
    monday: mondaySchema,
    entries: z.array(rosterEntrySchema).max(ROSTER_DAYS_PER_WEEK * ROSTER_MAX_PEOPLE),
  })
  .superRefine((args, ctx) => {
    const days = new Set(rosterDays(args.monday));
    const seen = new Set<string>();
    args.entries.forEach((e, i) => {
      if (!days.has(e.day)) {
        ctx.addIssue({
          code: 'custom',
          path: ['entries', i, 'day'],
          message: `${e.day} is not a roster day of the week starting ${args.monday} (Monday to Friday)`,
        });
      }
      const key = `${e.userId}|${e.day}`;
      if (seen.has(key)) {
        ctx.addIssue({
          code: 'custom',
          path: ['entries', i, 'day'],
          message: `${e.userName} is listed twice on ${e.day}`,
        });
      }
      seen.add(key);
    });
  });
export type RosterSetWeekArgs = z.infer<typeof rosterSetWeekArgs>;

/** Copies one week's roster onto another, weekday by weekday, replacing what the target week had. */
export const rosterCopyWeekArgs = z
  .object({ at: instantSchema, from: mondaySchema, to: mondaySchema })
  .refine((a) => a.from !== a.to, { path: ['to'], message: 'A week cannot be copied onto itself' });
export type RosterCopyWeekArgs = z.infer<typeof rosterCopyWeekArgs>;

/** A roster entry as the screens read it. */
export interface RosterEntryView {
  userId: string;
  userName: string;
  day: string;
  duty: Duty;
  updatedAt: string;
  updatedByName: string;
}

/** A roster week as the screens read it. */
export interface RosterWeekView {
  monday: string;
  week: number;
  year: number;
  /** Each roster day, and whether the desk is closed that day (a public holiday or an exception). */
  days: Array<{ day: string; closed: boolean }>;
  /** The people on the roster: the staff directory's, and anyone who has an entry that week. */
  people: Array<{ userId: string; name: string; role: string | null; presence: PresenceNow | null }>;
  entries: RosterEntryView[];
  /** Whether the staff list is the last one seen (the central store could not be reached). */
  staffOffline: boolean;
}
