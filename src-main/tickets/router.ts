// The ticket procedures on the desk's local router. Writes go through the
// named mutations; ids, instants and the desk's provisional reference (R6)
// are filled in here, so the outbox holds fully determined arguments.
import { z } from 'zod';
import { uuidv7 } from 'uuidv7';
import { DomainError } from '../../src-shared/errors';
import {
  ticketAgreedPlanArgs,
  ticketAssignArgs,
  ticketCloseArgs,
  ticketCreateInput,
  ticketEditArgs,
  ticketListQuery,
  ticketNoteArgs,
  ticketReopenArgs,
  ticketResolveArgs,
  ticketRespondArgs,
  ticketResumeArgs,
  ticketStartArgs,
  ticketTemporarySolutionArgs,
  ticketWorkArgs,
} from '../../src-shared/tickets/schemas';
import { fieldError } from '../local/fieldError';
import { actorProcedure, router } from '../local/trpc';
import {
  ticketAgreedPlan,
  ticketAssign,
  ticketClose,
  ticketCreate,
  ticketEdit,
  ticketNote,
  ticketReopen,
  ticketResolve,
  ticketRespond,
  ticketResume,
  ticketStart,
  ticketTemporarySolution,
  ticketWork,
} from './mutations';
import { nextProvisionalReference } from './provisionalReferences';
import { knownSystems, listTickets, SearchTooShortError, ticketDetail, ticketForCall } from './queries';
import { staffDirectory } from './staff';

const now = () => new Date().toISOString();
const idParam = z.object({ id: z.uuid() });

export const ticketsRouter = router({
  list: actorProcedure.input(ticketListQuery).query(async ({ ctx, input }) => {
    try {
      return await listTickets(ctx.desk.store.dataSource.manager, input, ctx.actor.userId);
    } catch (e) {
      if (e instanceof SearchTooShortError) throw fieldError('search', e.message, 'tooShort');
      throw e;
    }
  }),
  get: actorProcedure.input(idParam).query(async ({ ctx, input }) => {
    const found = await ticketDetail(ctx.desk.store.dataSource.manager, input.id);
    if (!found) throw new DomainError('notFound', `No ticket with id ${input.id}`);
    return found;
  }),
  forCall: actorProcedure
    .input(z.object({ callId: z.uuid() }))
    .query(({ ctx, input }) => ticketForCall(ctx.desk.store.dataSource.manager, input.callId)),
  systems: actorProcedure.query(({ ctx }) => knownSystems(ctx.desk.store.dataSource.manager)),
  /** People a ticket can be assigned to (from the central store; the last list seen while offline). */
  staff: actorProcedure.query(({ ctx }) => staffDirectory(ctx.desk)),

  create: actorProcedure.input(ticketCreateInput).mutation(({ ctx, input }) =>
    ctx.desk.mutations.run(
      ticketCreate,
      async (manager) => ({
        ...input,
        id: uuidv7(),
        at: now(),
        // In the same commit as the ticket: a refused or failed creation uses no number.
        provisionalReference: await nextProvisionalReference(manager, ctx.desk.clientId),
      }),
      ctx.actor,
    ),
  ),
  edit: actorProcedure
    .input(ticketEditArgs.omit({ at: true }))
    .mutation(({ ctx, input }) => ctx.desk.mutations.run(ticketEdit, { ...input, at: now() }, ctx.actor)),
  assign: actorProcedure
    .input(ticketAssignArgs.omit({ at: true }))
    .mutation(({ ctx, input }) => ctx.desk.mutations.run(ticketAssign, { ...input, at: now() }, ctx.actor)),
  start: actorProcedure
    .input(ticketStartArgs.omit({ at: true }))
    .mutation(({ ctx, input }) => ctx.desk.mutations.run(ticketStart, { ...input, at: now() }, ctx.actor)),
  agreedPlan: actorProcedure
    .input(ticketAgreedPlanArgs.omit({ at: true }))
    .mutation(({ ctx, input }) =>
      ctx.desk.mutations.run(ticketAgreedPlan, { ...input, at: now() }, ctx.actor),
    ),
  temporarySolution: actorProcedure
    .input(ticketTemporarySolutionArgs.omit({ at: true }))
    .mutation(({ ctx, input }) =>
      ctx.desk.mutations.run(ticketTemporarySolution, { ...input, at: now() }, ctx.actor),
    ),
  resume: actorProcedure
    .input(ticketResumeArgs.omit({ at: true }))
    .mutation(({ ctx, input }) => ctx.desk.mutations.run(ticketResume, { ...input, at: now() }, ctx.actor)),
  resolve: actorProcedure
    .input(ticketResolveArgs.omit({ at: true }))
    .mutation(({ ctx, input }) => ctx.desk.mutations.run(ticketResolve, { ...input, at: now() }, ctx.actor)),
  close: actorProcedure
    .input(ticketCloseArgs.omit({ at: true }))
    .mutation(({ ctx, input }) => ctx.desk.mutations.run(ticketClose, { ...input, at: now() }, ctx.actor)),
  reopen: actorProcedure
    .input(ticketReopenArgs.omit({ at: true }))
    .mutation(({ ctx, input }) => ctx.desk.mutations.run(ticketReopen, { ...input, at: now() }, ctx.actor)),
  respond: actorProcedure
    .input(ticketRespondArgs.omit({ at: true }))
    .mutation(({ ctx, input }) => ctx.desk.mutations.run(ticketRespond, { ...input, at: now() }, ctx.actor)),
  note: actorProcedure
    .input(ticketNoteArgs.omit({ at: true }).partial({ noteId: true }))
    .mutation(({ ctx, input }) =>
      ctx.desk.mutations.run(
        ticketNote,
        { ...input, noteId: input.noteId ?? uuidv7(), at: now() },
        ctx.actor,
      ),
    ),
  work: actorProcedure
    .input(ticketWorkArgs.omit({ at: true }).partial({ workId: true }))
    .mutation(({ ctx, input }) =>
      ctx.desk.mutations.run(
        ticketWork,
        { ...input, workId: input.workId ?? uuidv7(), at: now() },
        ctx.actor,
      ),
    ),
});
