// A ticket's files (issue 17) from the desk: their bytes stay on the central
// store, so opening one is forwarded there as the signed-in user. Offline, the
// desk still lists them (ticket_attachment is synced) and says it cannot open them.
import { z } from 'zod';
import { actorProcedure, router } from '../local/trpc';
import { forwardCentralError } from '../sync/forwardError';
import { asSignedIn } from './centralAsUser';

export const attachmentRouter = router({
  open: actorProcedure
    .input(z.object({ id: z.uuid() }))
    .query(async ({ ctx, input }) =>
      (await asSignedIn(ctx.desk)).attachments.get.query(input).catch(forwardCentralError),
    ),
});
