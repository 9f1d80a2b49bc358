// The team lead's settings for the shift's figures and alerts (issue 15): what
// counts as answered in time, how long a caller may wait before an alert, and
// which alerts fire. Shared by every desk (one synced setting), changed by team
// leads; each has a default so a fresh desk works without one.
import { z } from 'zod';

export const shiftSettingsSchema = z.object({
  /** A call answered within this many seconds counts as answered in time ("andel besvart innen"). */
  answerWithinSeconds: z.number().int().min(5).max(600).default(60),
  /** A caller waiting longer than this many seconds raises an alert (and shows red). */
  longWaitSeconds: z.number().int().min(10).max(3600).default(180),
  /** Alert when a ticket's clock enters at-risk. */
  alertAtRisk: z.boolean().default(true),
  /** Alert when a ticket's clock breaches. */
  alertBreached: z.boolean().default(true),
  /** Alert when the desk of someone on today's shift goes offline. */
  alertDeskOffline: z.boolean().default(true),
});
export type ShiftSettings = z.output<typeof shiftSettingsSchema>;

export const DEFAULT_SHIFT_SETTINGS: ShiftSettings = Object.freeze(shiftSettingsSchema.parse({}));

/** The stored value (JSON, any older shape) read as settings: unknown fields dropped, gaps defaulted. */
export function parseShiftSettings(value: unknown): ShiftSettings {
  const parsed = shiftSettingsSchema.safeParse(value);
  return parsed.success ? parsed.data : DEFAULT_SHIFT_SETTINGS;
}
