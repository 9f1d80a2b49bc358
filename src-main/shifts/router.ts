// The shifts domain on the desk's local router: everyone signed in reads a
// roster week (with each person's presence now); team leads (and admins) save
// a week or copy the one before onto it; each person sets their own presence.
import { z } from 'zod';
import { mondayAt, mondaySchema } from '../../src-shared/shifts/roster';
import { stampedMutation } from '../local/stampedMutation';
import { actorProcedure, router } from '../local/trpc';
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
  setWeek: stampedMutation(rosterSetWeek, { at: 'at' }),
  copyWeek: stampedMutation(rosterCopyWeek, { at: 'at' }),
});
