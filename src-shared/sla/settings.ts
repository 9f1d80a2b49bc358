// Owns the SLA settings: priorities, the zod schema (calendar, exceptions, targets, at-risk share),
// defaults from SLA.md R1/R4, and validation into SlaError naming each problem. Computes no time.
import { IANAZone } from 'luxon';
import { z } from 'zod';
import { SlaError } from './errors';
import { isSupportedHolidayCountry } from './holidays';
import { SERVICE_TIME_ZONE } from '../serviceTimeZone';
import { textSchema } from '../text';

export const PRIORITIES = ['critical', 'high', 'medium', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** True for the four priorities of R4 (and nothing inherited from Object.prototype). */
export function isPriority(value: unknown): value is Priority {
  return value === 'critical' || value === 'high' || value === 'medium' || value === 'low';
}

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;
const YYYY_MM_DD = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written as YYYY-MM-DD (so 2026-02-30 is refused). */
export function isValidIsoDate(value: string): boolean {
  const m = YYYY_MM_DD.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}

const obj = <T extends z.ZodRawShape>(shape: T) => z.strictObject(shape, { error: 'must be an object' });

const timeOfDay = z
  .string({ error: 'must be a time as HH:mm' })
  .regex(HH_MM, { error: 'must be a time as HH:mm (00:00 to 23:59)' });

const isoDate = z
  .string({ error: 'must be a date as YYYY-MM-DD' })
  .refine(isValidIsoDate, { error: 'must be a valid date as YYYY-MM-DD', params: { reason: 'date' } });

const minutes = z.number({ error: 'must be a number of minutes' }).positive({ error: 'must be positive' });

/** Checks close > open on any object with `open` and `close` ('HH:mm' compares as text). */
function closeAfterOpen(value: { open: string; close: string }, ctx: z.RefinementCtx): void {
  if (HH_MM.test(value.open) && HH_MM.test(value.close) && value.close <= value.open) {
    ctx.addIssue({
      code: 'custom',
      path: ['close'],
      message: `must be after open (${value.open})`,
      params: { reason: 'closeAfterOpen' },
    });
  }
}

const shortenedDaySchema = obj({
  date: isoDate,
  open: timeOfDay,
  close: timeOfDay,
  label: textSchema.optional(),
}).superRefine(closeAfterOpen);

const periodSchema = obj({
  from: isoDate,
  to: isoDate,
  open: timeOfDay,
  close: timeOfDay,
  label: textSchema.optional(),
}).superRefine((p, ctx) => {
  closeAfterOpen(p, ctx);
  if (p.to < p.from)
    ctx.addIssue({
      code: 'custom',
      path: ['to'],
      message: `must not be before from (${p.from})`,
      params: { reason: 'toBeforeFrom' },
    });
});

export const calendarSettingsSchema = obj({
  /** IANA zone the service hours are read in (R1: Europe/Oslo, daylight saving included). */
  timeZone: z
    .string({ error: 'must be an IANA time zone such as Europe/Oslo' })
    .refine((zone) => IANAZone.isValidZone(zone), { error: 'must be an IANA time zone such as Europe/Oslo' })
    .default(SERVICE_TIME_ZONE),
  /** Country whose date-holidays holidays of type 'public' are closed days; null = none. */
  holidayCountry: z
    .string({ error: 'must be a country code such as NO, or null' })
    .refine(isSupportedHolidayCountry, { error: 'must be a country known to date-holidays, such as NO' })
    .nullable()
    .default('NO'),
  /** ISO weekdays the desk is open (1 = Monday … 7 = Sunday). */
  openWeekdays: z
    .array(z.int({ error: 'must be an ISO weekday 1 (Monday) to 7 (Sunday)' }).min(1).max(7), {
      error: 'must be a list of ISO weekdays',
    })
    .min(1, { error: 'must contain at least one weekday (a calendar needs open hours)' })
    .refine((days) => new Set(days).size === days.length, { error: 'must not repeat a weekday' })
    .default(() => [1, 2, 3, 4, 5]),
  /** Ordinary opening and closing time on an open weekday. */
  open: timeOfDay.default('08:00'),
  close: timeOfDay.default('15:30'),
  /** Extra whole closed days on top of the public holidays. */
  closedDates: z.array(isoDate, { error: 'must be a list of dates' }).default(() => []),
  /** Single days with other hours (e.g. Christmas Eve 08:00–12:00). They never open a closed day. */
  shortenedDays: z.array(shortenedDaySchema, { error: 'must be a list' }).default(() => []),
  /** Date ranges (inclusive) with other hours on open weekdays (e.g. summer hours). */
  periods: z.array(periodSchema, { error: 'must be a list' }).default(() => []),
})
  .superRefine((cal, ctx) => {
    closeAfterOpen(cal, ctx);
    const seen = new Map<string, number>();
    cal.shortenedDays.forEach((d, i) => {
      const first = seen.get(d.date);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['shortenedDays', i, 'date'],
          message: `repeats shortenedDays[${first}].date (${d.date})`,
          params: { reason: 'repeatedDate' },
        });
      } else seen.set(d.date, i);
    });
    for (let j = 0; j < cal.periods.length; j++) {
      for (let i = 0; i < j; i++) {
        const a = cal.periods[i]!;
        const b = cal.periods[j]!;
        if (a.from <= b.to && b.from <= a.to) {
          ctx.addIssue({
            code: 'custom',
            path: ['periods', j],
            message: `overlaps periods[${i}] (${a.from} to ${a.to})`,
            params: { reason: 'overlappingPeriod' },
          });
        }
      }
    }
  })
  .prefault({});

const target = (responseMinutes: number, resolutionMinutes: number) =>
  obj({
    /** Response target (R4, R8), in service minutes (or wall-clock minutes when clock24x7). */
    responseMinutes: minutes.default(responseMinutes),
    /** Resolution target (R4), in service minutes; a "day" is one 7.5 h service day = 450 min. */
    resolutionMinutes: minutes.default(resolutionMinutes),
    /** Extended cover: this priority's clocks run 24/7 instead of in service hours. */
    clock24x7: z.boolean({ error: 'must be true or false' }).default(false),
  }).prefault({});

export const targetsSchema = obj({
  critical: target(15, 2 * 60),
  high: target(60, 4 * 60),
  medium: target(3 * 60, 3 * 450),
  low: target(4 * 60, 5 * 450),
}).prefault({});

export const slaSettingsSchema = obj({
  calendar: calendarSettingsSchema,
  targets: targetsSchema,
  /** A running clock is "at risk" once this share of its target is used (0 < share ≤ 1). */
  atRiskShare: z
    .number({ error: 'must be a number' })
    .gt(0, { error: 'must be greater than 0' })
    .max(1, { error: 'must be at most 1' })
    .default(0.75),
});

/** Settings after validation, with every default filled in. */
export type SlaSettings = z.output<typeof slaSettingsSchema>;
/** Settings as stored or edited: every field optional, defaults fill the gaps. */
export type SlaSettingsInput = z.input<typeof slaSettingsSchema>;
export type CalendarSettings = SlaSettings['calendar'];
export type PriorityTarget = SlaSettings['targets'][Priority];

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const path = formatPath(issue.path);
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((k) => `"${k}"`).join(', ');
    if (path === 'targets')
      return `targets has unknown priority ${keys} (priorities are ${PRIORITIES.join(', ')})`;
    return `${path || 'settings'} has unknown key ${keys}`;
  }
  return `${path || 'settings'} ${issue.message}`;
}

/** Validates settings and fills defaults. Throws SlaError('invalid-settings') listing every problem. */
export function parseSlaSettings(input: unknown): SlaSettings {
  const result = slaSettingsSchema.safeParse(input);
  if (!result.success) throw new SlaError('invalid-settings', result.error.issues.map(describeIssue));
  return result.data;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** R1 calendar with Norwegian public holidays and no exceptions, R4 targets, at risk from 75 %. */
export const DEFAULT_SLA_SETTINGS: SlaSettings = deepFreeze(parseSlaSettings({}));
