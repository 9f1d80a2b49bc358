// Maintenance windows (R20, R21, R24): a system's fixed weekly window and the
// one-off windows agreed with its owner. Time inside a window is maintenance,
// not downtime, and is taken out of the period the uptime is counted over.
import { z } from 'zod';
import { DomainError } from '../errors';
import { clientInstantSchema, daySchema, instantSchema } from '../time';
import { optionalText } from './register';
import { isShortNotice } from './outages';
import { textSchema } from '../text';

export const WINDOW_KINDS = ['weekly', 'once'] as const;
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'A time of day, HH:mm');

export const windowFieldsSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('weekly'),
    /** ISO weekday, 1 = Monday. */
    weekday: z.number().int().min(1).max(7),
    start: hhmm,
    /** At or before the start: runs past midnight. */
    end: hhmm,
    validFrom: daySchema,
    validUntil: daySchema.nullish().transform((v) => v ?? null),
    agreedWithName: textSchema.trim().min(1, 'Name the system owner it was agreed with (R24)').max(120),
    note: optionalText(1000),
  }),
  z.object({
    kind: z.literal('once'),
    startsAt: instantSchema,
    endsAt: instantSchema,
    agreedWithName: textSchema.trim().min(1, 'Name the system owner it was agreed with (R24)').max(120),
    announcedAt: instantSchema,
    shortNoticeReason: optionalText(1000),
    note: optionalText(1000),
  }),
]);
export type WindowFields = z.output<typeof windowFieldsSchema>;

export const windowSaveArgs = z.object({
  at: clientInstantSchema,
  id: z.uuid(),
  systemId: z.uuid(),
  window: windowFieldsSchema,
});
export const windowCancelArgs = z.object({ at: clientInstantSchema, windowId: z.uuid() });

/** A one-off window ends after it starts and, announced under 3 days ahead, says why (R24). */
export function checkWindow(w: WindowFields): void {
  if (w.kind === 'weekly') {
    if (w.start === w.end) {
      throw new DomainError('invalidWindow', 'The window must not start and end at the same time', {
        field: 'end',
      });
    }
    if (w.validUntil !== null && w.validUntil < w.validFrom) {
      throw new DomainError('invalidWindow', 'The window cannot end before it begins to apply', {
        field: 'validUntil',
      });
    }
    return;
  }
  if (Date.parse(w.endsAt) <= Date.parse(w.startsAt)) {
    throw new DomainError('invalidWindow', 'The window must end after it starts', { field: 'endsAt' });
  }
  if (isShortNotice(w.announcedAt, w.startsAt) && !w.shortNoticeReason) {
    throw new DomainError(
      'shortNotice',
      'Announced less than 3 days before it starts: record the reason (R24)',
      {
        field: 'shortNoticeReason',
      },
    );
  }
}
