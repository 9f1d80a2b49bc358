// The shift roster on the desk's local router: everyone signed in reads a
// week; team leads (and admins) save a week or copy the one before onto it.
import { z } from 'zod';
import { mondayAt, mondaySchema } from '../../src-shared/shifts/roster';
import { stampedMutation } from '../local/stampedMutation';
import { actorProcedure, router } from '../local/trpc';
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
      ),
    ),
  setWeek: stampedMutation(rosterSetWeek, { at: 'at' }),
  copyWeek: stampedMutation(rosterCopyWeek, { at: 'at' }),
});
