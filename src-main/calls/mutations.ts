// The call log's mutators (R3): log, take (FIFO-checked), update, finish and
// abandon. Each writes the call row and appends a call_event in the caller's
// transaction; the FIFO decision itself lives in src-shared/calls/fifo.
import type { EntityManager } from 'typeorm';
import {
  callAbandonArgs,
  callCalledBackArgs,
  callFinishArgs,
  callLogArgs,
  callTakeArgs,
  callUpdateArgs,
} from '../../src-shared/calls/schemas';
import { decideTake } from '../../src-shared/calls/fifo';
import { DomainError } from '../../src-shared/errors';
import { CALL_HANDLER_ROLES } from '../../src-shared/roles';
import { Call, type CallEventRow, type CallRow } from '../store/entities';
import { recordCallEvent } from './callEvents';
import { defineMutation, type MutationContext } from '../mutations/define';
import { selectRow, selectRows } from '../store/rowSql';
import { assertCustomerExists } from '../store/referenceData';

async function loadCall(manager: EntityManager, callId: string): Promise<CallRow> {
  const call = await selectRow(manager, Call, { id: callId });
  if (!call) throw new DomainError('notFound', `No call with id ${callId}`, { callId });
  return call;
}

/** The oldest waiting call, by arrival order. */
export async function firstWaitingCall(manager: EntityManager): Promise<CallRow | null> {
  return (
    (await selectRows(manager, Call, { status: 'waiting' }, { orderBy: ['arrivedAt', 'id'], limit: 1 }))[0] ??
    null
  );
}

/** Only whoever took a call works on it: a take rejected by the central store must not let its author edit or end someone else's call. */
function assertTaker(call: CallRow, actor: { userId: string }): void {
  if (call.takenBy !== null && call.takenBy !== actor.userId) {
    throw new DomainError('callTakenByOther', `The call was taken by ${call.takenByName}`, {
      takenByName: call.takenByName,
    });
  }
}

function record(
  ctx: MutationContext,
  callId: string,
  kind: CallEventRow['kind'],
  at: string,
  data: Record<string, unknown>,
): Promise<void> {
  return recordCallEvent(ctx, callId, kind, at, data);
}

/** The detail fields that differ between the call and the update, as {field: [from, to]}. */
function changedDetails(call: CallRow, update: Partial<CallRow>): Record<string, [unknown, unknown]> {
  const changes: Record<string, [unknown, unknown]> = {};
  for (const key of ['callerName', 'callerNumber', 'customerId', 'workplace', 'summary'] as const) {
    const to = update[key];
    if (to !== undefined && to !== call[key]) changes[key] = [call[key], to];
  }
  return changes;
}

function pickDetails(args: {
  callerName?: string | undefined;
  callerNumber?: string | undefined;
  customerId?: string | undefined;
  workplace?: string | undefined;
  summary?: string | undefined;
}): Partial<CallRow> {
  const out: Partial<CallRow> = {};
  if (args.callerName !== undefined) out.callerName = args.callerName;
  if (args.callerNumber !== undefined) out.callerNumber = args.callerNumber;
  if (args.customerId !== undefined) out.customerId = args.customerId;
  if (args.workplace !== undefined) out.workplace = args.workplace;
  if (args.summary !== undefined) out.summary = args.summary;
  return out;
}

/** A waiting call as it enters the queue: what is known on arrival, everything else still empty. */
export function newCallRow(
  known: Pick<
    CallRow,
    | 'id'
    | 'arrivedAt'
    | 'callerNumber'
    | 'callerName'
    | 'customerId'
    | 'workplace'
    | 'loggedBy'
    | 'loggedByName'
    | 'source'
    | 'ctiCallId'
  >,
): CallRow {
  return {
    ...known,
    status: 'waiting',
    takenBy: null,
    takenByName: null,
    takenAt: null,
    summary: null,
    outcome: null,
    endedAt: null,
    overrideReason: null,
    overrideBy: null,
    overrideByName: null,
    updatedAt: known.arrivedAt,
    hangupCause: null,
    calledBackAt: null,
    calledBackByName: null,
  };
}

export const callLog = defineMutation({
  name: 'call.log',
  schemaVersion: 1,
  args: callLogArgs,
  roles: CALL_HANDLER_ROLES,
  async apply(ctx, args) {
    const { write, actor } = ctx;
    await assertCustomerExists(ctx.manager, args.customerId);
    await write.insert(
      Call,
      newCallRow({
        id: args.id,
        arrivedAt: args.arrivedAt,
        callerNumber: args.callerNumber,
        callerName: args.callerName ?? null,
        customerId: args.customerId ?? null,
        workplace: args.workplace ?? null,
        loggedBy: actor.userId,
        loggedByName: actor.name,
        source: 'desk',
        ctiCallId: null,
      }),
    );
    await record(ctx, args.id, 'logged', args.arrivedAt, {});
    return { id: args.id };
  },
});

export const callTake = defineMutation({
  name: 'call.take',
  schemaVersion: 1,
  args: callTakeArgs,
  roles: CALL_HANDLER_ROLES,
  async apply(ctx, args) {
    const { manager, actor, write } = ctx;
    const call = await loadCall(manager, args.callId);
    if (call.status !== 'waiting') {
      if (call.takenBy && call.takenBy !== actor.userId) {
        throw new DomainError('callTakenByOther', `The call was already taken by ${call.takenByName}`, {
          takenByName: call.takenByName,
        });
      }
      throw new DomainError('callNotWaiting', 'The call is no longer waiting', { status: call.status });
    }
    const onCall = await selectRow(manager, Call, { takenBy: actor.userId, status: 'taken' });
    if (onCall) {
      throw new DomainError('alreadyOnCall', 'Finish your current call before taking another', {
        callId: onCall.id,
      });
    }
    const first = await firstWaitingCall(manager);
    const decision = decideTake({
      callId: call.id,
      firstWaitingId: first?.id ?? null,
      role: actor.role,
      override: args.override,
    });
    if (!decision.ok) {
      const firstCall = {
        id: first!.id,
        arrivedAt: first!.arrivedAt,
        callerNumber: first!.callerNumber,
        callerName: first!.callerName,
      };
      throw new DomainError(
        decision.code,
        decision.code === 'notFirstInQueue'
          ? `Calls are answered in arrival order: the call from ${first!.callerNumber} (arrived ${first!.arrivedAt}) is first`
          : 'Only a team lead may take a call out of arrival order',
        { firstCall },
      );
    }
    const overridden = decision.overridden;
    await write.update(Call, call.id, {
      status: 'taken',
      takenBy: actor.userId,
      takenByName: actor.name,
      takenAt: args.at,
      overrideReason: overridden ? args.override!.reason : null,
      overrideBy: overridden ? actor.userId : null,
      overrideByName: overridden ? actor.name : null,
      updatedAt: args.at,
    });
    await record(
      ctx,
      call.id,
      'taken',
      args.at,
      overridden ? { override: args.override, firstCallId: first!.id } : {},
    );
    return { id: call.id, overridden };
  },
});

export const callUpdate = defineMutation({
  name: 'call.update',
  schemaVersion: 1,
  args: callUpdateArgs,
  roles: CALL_HANDLER_ROLES,
  async apply(ctx, args) {
    const { manager, write } = ctx;
    const call = await loadCall(manager, args.callId);
    if (call.status === 'waiting') throw new DomainError('callNotTaken', 'Take the call before editing it');
    assertTaker(call, ctx.actor);
    const update = pickDetails(args);
    const changes = changedDetails(call, update);
    if (Object.keys(changes).length === 0) return { id: call.id, changed: [] as string[] };
    if (changes.customerId) await assertCustomerExists(manager, update.customerId);
    await write.update(Call, call.id, { ...update, updatedAt: args.at });
    await record(ctx, call.id, 'updated', args.at, { changes });
    return { id: call.id, changed: Object.keys(changes) };
  },
});

export const callFinish = defineMutation({
  name: 'call.finish',
  schemaVersion: 1,
  args: callFinishArgs,
  roles: CALL_HANDLER_ROLES,
  async apply(ctx, args) {
    const { manager, write } = ctx;
    const call = await loadCall(manager, args.callId);
    if (call.status !== 'taken')
      throw new DomainError('callNotTaken', 'Only a call in progress can be finished');
    assertTaker(call, ctx.actor);
    if (call.takenAt && args.endedAt < call.takenAt) {
      throw new DomainError('endBeforeStart', 'The end time is before the call was taken', {
        field: 'endedAt',
        takenAt: call.takenAt,
      });
    }
    const update = pickDetails(args);
    const changes = changedDetails(call, update);
    if (changes.customerId) await assertCustomerExists(manager, update.customerId);
    await write.update(Call, call.id, {
      ...update,
      status: 'finished',
      outcome: args.outcome,
      endedAt: call.endedAt ?? args.endedAt, // the phone system's hang-up time, when it sent one
      updatedAt: args.endedAt,
    });
    await record(ctx, call.id, 'finished', args.endedAt, { outcome: args.outcome, changes });
    return { id: call.id };
  },
});

export const callAbandon = defineMutation({
  name: 'call.abandon',
  schemaVersion: 1,
  args: callAbandonArgs,
  roles: CALL_HANDLER_ROLES,
  async apply(ctx, args) {
    const { manager, write } = ctx;
    const call = await loadCall(manager, args.callId);
    if (call.status !== 'waiting')
      throw new DomainError('callNotWaiting', 'Only a waiting call can be marked as hung up');
    await write.update(Call, call.id, {
      status: 'finished',
      outcome: 'abandoned',
      endedAt: args.at,
      updatedAt: args.at,
    });
    await record(ctx, call.id, 'abandoned', args.at, {});
    return { id: call.id };
  },
});

/** A missed call (hung up before anyone answered) was called back: it leaves the call-back list. */
export const callCalledBack = defineMutation({
  name: 'call.calledBack',
  schemaVersion: 1,
  args: callCalledBackArgs,
  roles: CALL_HANDLER_ROLES,
  async apply(ctx, args) {
    const call = await loadCall(ctx.manager, args.callId);
    if (call.outcome !== 'missed' && call.outcome !== 'abandoned') {
      throw new DomainError('callNotWaiting', 'Only a missed call can be marked as called back', {
        outcome: call.outcome,
      });
    }
    if (call.calledBackAt) return { id: call.id };
    await ctx.write.update(Call, call.id, {
      calledBackAt: args.at,
      calledBackByName: ctx.actor.name,
      updatedAt: args.at,
    });
    await record(ctx, call.id, 'calledBack', args.at, {});
    return { id: call.id };
  },
});

export const CALL_MUTATIONS = [callLog, callTake, callUpdate, callFinish, callAbandon, callCalledBack];
