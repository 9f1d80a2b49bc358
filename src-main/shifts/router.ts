// The shifts domain on the desk's local router: everyone signed in reads a
// roster week (with each person's presence now); team leads (and admins) save
// a week or copy the one before onto it; each person sets their own presence.
import { z } from 'zod';
import { mondayAt, mondaySchema } from '../../src-shared/shifts/roster';
import { stampedMutation } from '../local/stampedMutation';
import { SHIFT_LEAD_ROLES } from '../../src-shared/roles';
import { actorProcedure, rolesProcedure, router } from '../local/trpc';
import { osloDayBounds } from '../../src-shared/shifts/liveFigures';
import { daySchema } from '../../src-shared/time';
import { daySummary, daySummaryCsv } from './daySummary';
import { liveView, myDay } from './liveView';
import { shiftSetSettings, shiftSettings } from './settings';
import { presenceNow, presenceSet } from './presence';
import { rosterWeek } from './queries';
import { rosterCopyWeek, rosterSetWeek } from './roster';

export const shiftsRouter = router({
  /** A week's roster; without a Monday, this week's (in Oslo). */
  week: actorProcedure
    .input(z.object({ monday: mondaySchema.optional() }))
    .query(async ({ ctx, input }) =>
      rosterWeek(
        ctx.desk.store.dataSource.manager,
        input.monday ?? mondayAt(new Date()),
        await ctx.desk.staffDirectory(),
        new Date(),
      ),
    ),
  /** The signed-in person's presence now (null: none set and no call taken). */
  myPresence: actorProcedure.query(async ({ ctx }) => {
    const now = await presenceNow(ctx.desk.store.dataSource.manager, [ctx.actor.userId], new Date());
    return now.get(ctx.actor.userId) ?? null;
  }),
  setPresence: stampedMutation(presenceSet, { at: 'at' }),
  /** The team lead's live view: today's calls, people, tickets and response compliance. */
  live: rolesProcedure(SHIFT_LEAD_ROLES, 'The live view').query(async ({ ctx }) =>
    liveView(ctx.desk.store.dataSource.manager, await ctx.desk.staffDirectory(), new Date()),
  ),
  /** The signed-in person's own figures today (calls taken, open tickets, the oldest). */
  myDay: actorProcedure.query(({ ctx }) => myDay(ctx.desk.store.dataSource.manager, ctx.actor, new Date())),
  /** The shift's thresholds (answered in time, long wait) and which alerts fire; everyone may read them. */
  /** One Oslo day's figures (default today), for the end-of-day page; and the same as CSV. */
  daySummary: rolesProcedure(SHIFT_LEAD_ROLES, 'The day summary')
    .input(z.object({ day: daySchema.optional() }))
    .query(async ({ ctx, input }) =>
      daySummary(
        ctx.desk.store.dataSource.manager,
        (await ctx.desk.staffDirectory()).staff,
        input.day ?? osloDayBounds(Date.now()).day,
        new Date(),
      ),
    ),
  daySummaryCsv: rolesProcedure(SHIFT_LEAD_ROLES, 'The day summary')
    .input(z.object({ day: daySchema }))
    .mutation(async ({ ctx, input }) => ({
      filename: `dagsrapport-${input.day}.csv`,
      csv: daySummaryCsv(
        await daySummary(
          ctx.desk.store.dataSource.manager,
          (await ctx.desk.staffDirectory()).staff,
          input.day,
          new Date(),
        ),
      ),
    })),
  settings: actorProcedure.query(({ ctx }) => shiftSettings(ctx.desk.store.dataSource.manager)),
  setSettings: stampedMutation(shiftSetSettings, { at: 'at' }),
  setWeek: stampedMutation(rosterSetWeek, { at: 'at' }),
  copyWeek: stampedMutation(rosterCopyWeek, { at: 'at' }),
});
