// The ticket procedures on the desk's local router. Writes go through the
// named mutations; ids, instants and the desk's provisional reference (R6)
// are filled in here, so the outbox holds fully determined arguments.
import { z } from 'zod';
import { uuidv7 } from 'uuidv7';
import { DomainError } from '../../src-shared/errors';
import { ticketCreateInput, ticketListQuery } from '../../src-shared/tickets/schemas';
import { fieldError } from '../local/fieldError';
import { stampedMutation } from '../local/stampedMutation';
import { actorProcedure, router } from '../local/trpc';
import {
  ticketAgreedPlan,
  ticketApproveRestore,
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
  staff: actorProcedure.query(({ ctx }) => ctx.desk.staffDirectory()),

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
  edit: stampedMutation(ticketEdit, { at: 'at' }),
  assign: stampedMutation(ticketAssign, { at: 'at' }),
  start: stampedMutation(ticketStart, { at: 'at' }),
  agreedPlan: stampedMutation(ticketAgreedPlan, { at: 'at' }),
  temporarySolution: stampedMutation(ticketTemporarySolution, { at: 'at' }),
  resume: stampedMutation(ticketResume, { at: 'at' }),
  resolve: stampedMutation(ticketResolve, { at: 'at' }),
  close: stampedMutation(ticketClose, { at: 'at' }),
  reopen: stampedMutation(ticketReopen, { at: 'at' }),
  respond: stampedMutation(ticketRespond, { at: 'at' }),
  note: stampedMutation(ticketNote, { at: 'at', id: 'noteId' }),
  work: stampedMutation(ticketWork, { at: 'at', id: 'workId' }),
  /** R13: the system owner's approval of a data restore. */
  approveRestore: stampedMutation(ticketApproveRestore, { at: 'at' }),
});
