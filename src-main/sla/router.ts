// SLA procedures on the local router: the settings in force, changing them,
// and a preview of the deadlines a priority would get (shown next to every
// priority choice in the UI).
import { z } from 'zod';
import { computeDeadlines, PRIORITIES, publicHolidays, slaSettingsSchema } from '../../src-shared/sla';
import { instantSchema } from '../../src-shared/time';
import { actorProcedure, publicProcedure, router } from '../local/trpc';
import { slaSetSettings } from './mutations';
import { slaInForce } from './settingsStore';

const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());

export const slaRouter = router({
  settings: publicProcedure.query(async ({ ctx }) => {
    const sla = await slaInForce(ctx.desk.store.dataSource.manager);
    return { settings: sla.settings, updatedAt: sla.updatedAt, updatedBy: sla.updatedBy };
  }),
  setSettings: actorProcedure
    .input(z.object({ settings: slaSettingsSchema }))
    .mutation(({ ctx, input }) =>
      ctx.desk.mutations.run(
        slaSetSettings,
        { settings: input.settings, at: new Date().toISOString() },
        ctx.actor,
      ),
    ),
  /** The public holidays the calendar closes for in a year, with their names (for the settings page). */
  holidays: publicProcedure
    .input(
      z.object({ year: z.number().int().min(1970).max(2200), language: z.enum(['nb', 'en']).default('nb') }),
    )
    .query(async ({ ctx, input }) => {
      const country = (await slaInForce(ctx.desk.store.dataSource.manager)).settings.calendar.holidayCountry;
      if (!country) return [];
      return publicHolidays(country, input.year, input.language === 'nb' ? 'no' : 'en');
    }),
  preview: publicProcedure
    .input(z.object({ priority: z.enum(PRIORITIES), openedAt: instantSchema.optional() }))
    .query(async ({ ctx, input }) => {
      const sla = await slaInForce(ctx.desk.store.dataSource.manager);
      const openedAtMs = input.openedAt ? Date.parse(input.openedAt) : Date.now();
      const d = computeDeadlines({ openedAtMs, priority: input.priority }, sla.calendar, sla.settings);
      return {
        priority: input.priority,
        openedAt: new Date(openedAtMs).toISOString(),
        clockStart: iso(d.clockStartMs),
        responseDue: iso(d.responseDueMs)!,
        resolutionDue: iso(d.resolutionDueMs),
        clock24x7: d.clock24x7,
        responseMinutes: sla.settings.targets[input.priority].responseMinutes,
        resolutionMinutes: sla.settings.targets[input.priority].resolutionMinutes,
      };
    }),
});
