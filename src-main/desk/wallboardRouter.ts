// The wall screens (issue 15) from the team lead's desk: list, name a new
// screen (its URL, with its token, is shown this once) and revoke one, all
// forwarded to the central store, which serves the screens and checks roles.
import { z } from 'zod';
import { textSchema } from '../../src-shared/text';
import { actorProcedure, router } from '../local/trpc';
import { forwardCentralError } from '../sync/forwardError';
import { asSignedIn } from './centralAsUser';

export const wallboardRouter = router({
  list: actorProcedure.query(async ({ ctx }) =>
    (await asSignedIn(ctx.desk)).wallboards.list.query().catch(forwardCentralError),
  ),
  /** A new screen: its full URL on the central store (the desk knows the store's address). */
  create: actorProcedure
    .input(z.object({ name: textSchema.trim().min(1).max(80) }))
    .mutation(async ({ ctx, input }) => {
      const made = await (
        await asSignedIn(ctx.desk)
      ).wallboards.create
        .mutate(input)
        .catch(forwardCentralError);
      return { ...made, url: new URL(made.path, ctx.desk.sync!.centralUrl).toString() };
    }),
  revoke: actorProcedure
    .input(z.object({ id: z.uuid() }))
    .mutation(async ({ ctx, input }) =>
      (await asSignedIn(ctx.desk)).wallboards.revoke.mutate(input).catch(forwardCentralError),
    ),
});
