// The intake domain on the desk's local router (issue 17): the inbound
// mailbox's record for admins (set aside, throttled, ignored: what needs a
// look), and a ticket's attachments. Opening an attachment's bytes needs the
// central store and is the desk's forwarding procedure (desk/router.ts).
import { z } from 'zod';
import type { EntityManager } from 'typeorm';
import { INBOUND_OUTCOMES } from '../../src-shared/intake/schemas';
import { actorProcedure, rolesProcedure, router } from '../local/trpc';
import { inboundMail, ticketAttachments } from './queries';

const manager = (ctx: { desk: { store: { dataSource: { manager: EntityManager } } } }) =>
  ctx.desk.store.dataSource.manager;

export const intakeRouter = router({
  inbound: rolesProcedure(['admin', 'team_lead'], 'The inbound mailbox')
    .input(
      z.object({
        outcomes: z.array(z.enum(INBOUND_OUTCOMES)).max(INBOUND_OUTCOMES.length).optional(),
        limit: z.number().int().min(1).max(500).default(200),
      }),
    )
    .query(({ ctx, input }) => inboundMail(manager(ctx), input.outcomes, input.limit)),
  attachments: actorProcedure
    .input(z.object({ ticketId: z.uuid() }))
    .query(({ ctx, input }) => ticketAttachments(manager(ctx), input.ticketId)),
});
