// What one phone-system event does (R3, issue 6): a server mutation, applied
// by the central store only (the calls domain's serverMutations, not in the
// desks' registry; role admin, the central store's own, see CENTRAL_ACTOR).
// The central store's CTI endpoint (central/cti/handler.ts) hands each
// event here. In its transaction it checks
// whether the event was seen before, changes the call log, and writes the
// event's line in cti_event — so an event and its effect commit together,
// exactly once. (cti_event is the central store's own table, never synced:
// written with the manager, not ctx.write, which feeds the change log.)
// A repeated event changes nothing; an event out of order is handled as well
// as the facts allow and never refused.
import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import { ctiEventSchema, type CtiEvent } from '../../src-shared/calls/cti';
import { instantSchema } from '../../src-shared/time';
import { defineMutation, type MutationContext } from '../mutations/define';
import { derivedIds } from '../mutations/derivedId';
import { recognizeCallers, storedNumber } from '../reporters/recognize';
import { Call, type CallRow } from '../store/entities';
import { insertRow, selectRow, selectRows } from '../store/rowSql';
import { CtiEvent as CtiEventEntity, UserAccount } from '../store/serverEntities';
import { recordCallEvent } from './callEvents';
import { firstWaitingCall, newCallRow } from './mutations';

/** How the call log names the phone system where it names a person. */
export const PHONE_SYSTEM_NAME = 'Telefonsentralen';
const PHONE = { id: 'central', name: PHONE_SYSTEM_NAME };

export type PhoneEventOutcome = 'applied' | 'duplicate' | 'outOfOrder' | 'ignored' | 'logged';

/** The call-log id of a phone-system call: the same for every event of that call, on every server. */
export function callIdOf(ctiCallId: string): string {
  return derivedIds(`cti:${ctiCallId}`)();
}

/** A call event the phone system caused: attributed to it (or to whoever answered), marked as via the phone. */
function record(
  ctx: MutationContext,
  callId: string,
  kind: 'logged' | 'taken' | 'hungUp' | 'abandoned',
  at: string,
  actor: { id: string; name: string },
  data: Record<string, unknown>,
): Promise<void> {
  return recordCallEvent(ctx, callId, kind, at, { via: 'phone', ...data }, actor);
}

/** The waiting call an inbound event announces, its caller recognised by number where the directory knows it. */
async function newPhoneCall(manager: EntityManager, e: CtiEvent, at: string): Promise<CallRow> {
  const number = storedNumber(e.from);
  const known = number ? (await recognizeCallers(manager, [number])).get(number) : undefined;
  return newCallRow({
    id: callIdOf(e.callId),
    arrivedAt: at,
    callerNumber: number ?? (e.from?.trim() || 'anonymous'),
    callerName: known?.name ?? null,
    customerId: known?.customerId ?? null,
    workplace: known?.workplace ?? null,
    loggedBy: PHONE.id,
    loggedByName: PHONE.name,
    source: 'phone',
    ctiCallId: e.callId,
  });
}

/** The account that answered: by the answering number (phone or user name), else by a user's name. */
async function agentOf(
  manager: EntityManager,
  e: CtiEvent,
): Promise<{ id: string | null; name: string | null }> {
  const accounts = (await selectRows(manager, UserAccount, { active: 1 })).filter((a) => a.role !== 'admin');
  const answering = e.answeringNumber?.trim().toLowerCase();
  const digits = (s: string) => s.replace(/[^\d]/g, '');
  const found =
    (answering &&
      accounts.find(
        (a) =>
          a.username.toLowerCase() === answering ||
          (a.phone !== null && digits(a.phone) !== '' && digits(a.phone) === digits(answering)),
      )) ||
    accounts.find((a) => e.user.some((u) => u.toLowerCase() === a.displayName.toLowerCase()));
  if (found) return { id: found.id, name: found.displayName };
  return { id: null, name: e.user[0] ?? e.answeringNumber ?? null };
}

type Applied = [PhoneEventOutcome, string | null];

async function arrived(ctx: MutationContext, e: CtiEvent, at: string): Promise<Applied> {
  const { manager } = ctx;
  if (await selectRow(manager, Call, { id: callIdOf(e.callId) })) {
    return ['outOfOrder', 'newCall after the call was already known (answered first?)'];
  }
  const call = await newPhoneCall(manager, e, at);
  await ctx.write.insert(Call, call);
  await record(ctx, call.id, 'logged', at, PHONE, { ctiCallId: e.callId });
  // A hang-up that came before this newCall: the call is already over.
  const early = await selectRow(manager, CtiEventEntity, { ctiCallId: e.callId, event: 'hangup' });
  if (early) {
    await hungUp(ctx, { ...e, cause: early.cause ?? undefined }, at); // not before it arrived
    return ['outOfOrder', 'the hangup came before this newCall; the call is recorded as ended'];
  }
  return ['applied', null];
}

/**
 * Someone answered on the phone: the call is theirs. The phone system is the fact: an answer to a
 * later call while an earlier one waits is recorded as out of order, and the earlier call keeps its
 * place. An answer for a call never announced creates it, answered.
 */
async function answered(ctx: MutationContext, e: CtiEvent, at: string): Promise<Applied> {
  const { manager } = ctx;
  let call = await selectRow(manager, Call, { id: callIdOf(e.callId) });
  let note: string | null = null;
  if (!call) {
    call = await newPhoneCall(manager, e, at);
    await ctx.write.insert(Call, call);
    await record(ctx, call.id, 'logged', at, PHONE, { ctiCallId: e.callId, late: true });
    note = 'answer before its newCall: the call was created, answered';
  }
  if (call.status !== 'waiting') return ['ignored', 'the call was already taken or ended'];
  const agent = await agentOf(manager, e);
  if (!agent.id) {
    // Nobody to give it to: it stays in the queue, where whoever answered takes it on the desk.
    return ['ignored', 'no account matches who answered'];
  }
  const first = await firstWaitingCall(manager);
  const jumped = first !== null && first.id !== call.id;
  await ctx.write.update(Call, call.id, {
    status: 'taken',
    takenBy: agent.id,
    takenByName: agent.name,
    takenAt: at,
    updatedAt: at,
  });
  await record(
    ctx,
    call.id,
    'taken',
    at,
    { id: agent.id, name: agent.name ?? PHONE.name },
    jumped ? { outOfOrder: true, firstCallId: first.id } : {},
  );
  if (jumped) return ['outOfOrder', 'answered ahead of an earlier waiting call'];
  return [note ? 'outOfOrder' : 'applied', note];
}

/**
 * The call ended on the phone. Unanswered: it leaves the queue as missed, for a call-back (oldest
 * first). Answered: the talk time ends; the call stays with its agent until they finish it with an
 * outcome on the desk.
 */
async function hungUp(ctx: MutationContext, e: CtiEvent, at: string): Promise<Applied> {
  const call = await selectRow(ctx.manager, Call, { id: callIdOf(e.callId) });
  if (!call) return ['outOfOrder', 'hangup for a call never announced'];
  if (call.hangupCause !== null || call.status === 'finished')
    return ['ignored', 'the call had already ended'];
  const cause = e.cause ?? 'unknown';
  const answered =
    (await selectRows(ctx.manager, CtiEventEntity, { ctiCallId: e.callId, event: 'answer' })).length > 0;
  if (call.status === 'waiting' && !answered) {
    await ctx.write.update(Call, call.id, {
      status: 'finished',
      outcome: 'missed',
      endedAt: at,
      hangupCause: cause,
      updatedAt: at,
    });
    await record(ctx, call.id, 'abandoned', at, PHONE, { cause, missed: true });
  } else {
    // Answered (by an agent, or by someone the desk could not name and who takes it from the queue):
    // the talk ended; the call is finished with its outcome on the desk.
    await ctx.write.update(Call, call.id, { endedAt: at, hangupCause: cause, updatedAt: at });
    await record(ctx, call.id, 'hungUp', at, PHONE, { cause });
  }
  return ['applied', null];
}

export const phoneEvent = defineMutation({
  name: 'call.phoneEvent',
  schemaVersion: 1,
  args: z.object({ logId: z.uuid(), receivedAt: instantSchema, event: ctiEventSchema }),
  roles: ['admin'], // server-only: see the top of this file
  async apply(ctx, { logId, receivedAt, event: e }) {
    const seen = await selectRow(ctx.manager, CtiEventEntity, { ctiCallId: e.callId, event: e.event });
    const [outcome, note]: Applied = seen
      ? ['duplicate', null]
      : e.direction === 'out'
        ? ['logged', 'outbound call: logged, never queued']
        : e.event === 'newCall'
          ? await arrived(ctx, e, receivedAt)
          : e.event === 'answer'
            ? await answered(ctx, e, receivedAt)
            : await hungUp(ctx, e, receivedAt);
    await insertRow(ctx.manager, CtiEventEntity, {
      id: logId,
      ctiCallId: e.callId,
      event: e.event,
      direction: e.direction,
      fromNumber: e.from ?? null,
      toNumber: e.to ?? null,
      users: JSON.stringify(e.user),
      queue: e.queue ?? null,
      cause: e.cause ?? null,
      answeringNumber: e.answeringNumber ?? null,
      receivedAt,
      outcome,
      note,
      callId: e.direction === 'in' ? callIdOf(e.callId) : null,
    });
    return { outcome };
  },
});
