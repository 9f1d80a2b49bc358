// The call log's procedures on the local router. Writes go through the named
// mutations; instants and ids the renderer leaves out are filled in here
// (stampedMutation, or by hand where a time typed in must not lie in the
// future), so the outbox holds fully determined arguments.
import { z } from 'zod';
import { uuidv7 } from 'uuidv7';
import { callFinishArgs, callHistoryQuery, callLogArgs } from '../../src-shared/calls/schemas';
import { DomainError } from '../../src-shared/errors';
import { fieldError } from '../local/fieldError';
import { stampedMutation } from '../local/stampedMutation';
import { customersWithWorkplaces } from '../store/referenceData';
import { actorProcedure, router } from '../local/trpc';
import {
  callAbandon,
  callCalledBack,
  callFinish,
  callLog,
  callTake,
  callUpdate,
  firstWaitingCall,
} from './mutations';
import { callHistory, callWithEvents, currentCall, missedCalls, waitingQueue } from './queries';
import { phoneRulesProcedures } from './phoneRulesRouter';

const now = () => new Date().toISOString();
/** Clocks on desks drift a little; anything further ahead than this is a typing mistake. */
const FUTURE_TOLERANCE_MS = 60_000;

function notInFuture(field: string, instant: string | undefined): void {
  if (instant && Date.parse(instant) > Date.now() + FUTURE_TOLERANCE_MS) {
    throw fieldError(field, 'The time cannot be in the future', 'future');
  }
}
const idParam = z.object({ id: z.uuid() });

export const callsRouter = router({
  queue: actorProcedure.query(({ ctx }) => waitingQueue(ctx.desk.store.dataSource.manager)),
  current: actorProcedure.query(({ ctx }) =>
    currentCall(ctx.desk.store.dataSource.manager, ctx.actor.userId),
  ),
  get: actorProcedure.input(idParam).query(async ({ ctx, input }) => {
    const found = await callWithEvents(ctx.desk.store.dataSource.manager, input.id);
    if (!found) throw new DomainError('notFound', `No call with id ${input.id}`);
    return found;
  }),
  history: actorProcedure
    .input(callHistoryQuery)
    .query(({ ctx, input }) => callHistory(ctx.desk.store.dataSource.manager, input)),
  customers: actorProcedure.query(({ ctx }) => customersWithWorkplaces(ctx.desk.store.dataSource.manager)),
  /** Missed calls waiting for a call-back, newest first (issues 6, 18). */
  missed: actorProcedure.query(({ ctx }) => missedCalls(ctx.desk.store.dataSource.manager)),
  calledBack: stampedMutation(callCalledBack, { at: 'at', clientInstant: true }),

  log: actorProcedure.input(callLogArgs.partial({ id: true, arrivedAt: true })).mutation(({ ctx, input }) => {
    notInFuture('arrivedAt', input.arrivedAt);
    return ctx.desk.mutations.run(
      callLog,
      { ...input, id: input.id ?? uuidv7(), arrivedAt: input.arrivedAt ?? now() },
      ctx.actor,
    );
  }),
  /** Hands the agent the oldest waiting call (R3). */
  takeNext: actorProcedure.mutation(async ({ ctx }) => {
    const first = await firstWaitingCall(ctx.desk.store.dataSource.manager);
    if (!first) return null;
    return ctx.desk.mutations.run(callTake, { callId: first.id, at: now() }, ctx.actor);
  }),
  take: stampedMutation(callTake, { at: 'at', clientInstant: true }),
  update: stampedMutation(callUpdate, { at: 'at', clientInstant: true }),
  finish: actorProcedure.input(callFinishArgs.partial({ endedAt: true })).mutation(({ ctx, input }) => {
    notInFuture('endedAt', input.endedAt);
    return ctx.desk.mutations.run(callFinish, { ...input, endedAt: input.endedAt ?? now() }, ctx.actor);
  }),
  abandon: stampedMutation(callAbandon, { at: 'at', clientInstant: true }),
  ...phoneRulesProcedures,
});
