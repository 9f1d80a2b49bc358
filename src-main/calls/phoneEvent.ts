// What one phone-system event does (R3, issues 6 and 12): a server mutation,
// applied by the central store only (the calls domain's serverMutations, not
// in the desks' registry; role admin, the central store's own, see
// CENTRAL_ACTOR). The central store's CTI endpoint (central/cti/handler.ts)
// stamps each event when it arrives and hands it here. In one transaction the
// mutator decides what the event is (new, a repeat, a reused call id), changes
// the call log, and writes the event's line in cti_event, so an event and its
// effect commit together, exactly once. (cti_event is the central store's own
// table, never synced: written with the manager, not ctx.write, which feeds
// the change log.)
//
// Whatever order a call's three events come in (newCall, answer, hangup), the
// call ends in the state the natural order gives: each event merges what it
// knows into the call instead of assuming the ones before it came first. A
// call's id is the receipt id (a UUIDv7) of its first event, so calls that
// arrive in one millisecond queue in the order they were received. An answer
// nobody on the desk can be matched to changes nothing (and does not hide a
// later answer that can be matched); a call still waiting when the phone
// system says it ended leaves the queue, missed, or forwarded elsewhere.
import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import { ctiEventSchema, PHONE_EVENT_NOTES, type CtiEvent } from '../../src-shared/calls/cti';
import { phoneSystemAnswer, type PhoneSystemAnswer } from '../../src-shared/calls/phoneRules';
import { instantSchema } from '../../src-shared/time';
import { defineMutation, type MutationContext } from '../mutations/define';
import { recognizeCallers, storedNumber } from '../reporters/recognize';
import { Call, type CallRow } from '../store/entities';
import { insertRow, selectRows } from '../store/rowSql';
import { CtiEvent as CtiEventEntity, UserAccount, type CtiEventRow } from '../store/serverEntities';
import { recordCallEvent } from './callEvents';
import { firstWaitingCall, newCallRow } from './mutations';
import { loadPhoneRules } from './phoneRules';

/** How the call log names the phone system where it names a person. */
export const PHONE_SYSTEM_NAME = 'Telefonsentralen';
const PHONE = { id: 'central', name: PHONE_SYSTEM_NAME };

/**
 * A newCall identical to one already seen for a call, this soon after it, is the phone system
 * sending it again; later, or after the call ended with another caller, it is a new call on a
 * reused id (some PBXs restart their counters).
 */
export const NEWCALL_REPEAT_WINDOW_MS = 2 * 60_000;

export type PhoneEventOutcome = 'applied' | 'duplicate' | 'outOfOrder' | 'ignored' | 'logged' | 'rejected';

/**
 * The note kept on an event (cti_event.note) is its code (a key of PHONE_EVENT_NOTES), which the
 * admin's list words in the user's language; rows from before issue 18 hold the English text.
 */
const NOTE = Object.fromEntries(Object.keys(PHONE_EVENT_NOTES).map((k) => [k, k])) as {
  [K in keyof typeof PHONE_EVENT_NOTES]: K;
};

/** The phone system's unanswered-call causes that do not make a missed call: it went elsewhere. */
const WENT_ELSEWHERE = new Set(['forwarded']);

type Applied = { outcome: PhoneEventOutcome; note: string | null; callId: string | null };
const done = (outcome: PhoneEventOutcome, note: string | null, callId: string | null): Applied => ({
  outcome,
  note,
  callId,
});

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

/** The call the phone system's id names now: the latest one (an id can be reused for a later call). */
async function currentCall(manager: EntityManager, ctiCallId: string): Promise<CallRow | null> {
  return (
    (
      await selectRows(
        manager,
        Call,
        { ctiCallId },
        { orderBy: ['arrivedAt', 'id'], descending: true, limit: 1 },
      )
    )[0] ?? null
  );
}

/** The events already applied to a call, of one kind. */
async function eventsOf(manager: EntityManager, callId: string, event: string): Promise<CtiEventRow[]> {
  return selectRows(manager, CtiEventEntity, { callId, event });
}

/** The phone system was told to reject this call (a blocked caller) after the current call began: its events are not a call. */
async function rejectedSince(
  manager: EntityManager,
  ctiCallId: string,
  call: CallRow | null,
): Promise<boolean> {
  const rows = await selectRows(manager, CtiEventEntity, {
    ctiCallId,
    event: 'newCall',
    outcome: 'rejected',
  });
  return rows.some((r) => call === null || r.receivedAt > call.arrivedAt);
}

const same = (a: string | null | undefined, b: string | null | undefined) => (a ?? null) === (b ?? null);

/** The event as received before: the same fields (the time it came aside). */
function isRepeat(row: CtiEventRow, e: CtiEvent): boolean {
  return (
    same(row.direction, e.direction) &&
    same(row.fromNumber, e.from) &&
    same(row.toNumber, e.to) &&
    row.users === JSON.stringify(e.user) &&
    same(row.queue, e.queue) &&
    same(row.cause, e.cause) &&
    same(row.answeringNumber, e.answeringNumber) &&
    same(row.caller, e.caller)
  );
}

/** What is known of the caller on arrival: the directory's entry for the number, else the phone system's name. */
async function callerOf(manager: EntityManager, e: CtiEvent) {
  const number = storedNumber(e.from);
  const known = number ? (await recognizeCallers(manager, [number])).get(number) : undefined;
  return {
    callerNumber: number ?? (e.from?.trim() || 'anonymous'),
    callerName: known?.name ?? e.caller ?? null,
    customerId: known?.customerId ?? null,
    workplace: known?.workplace ?? null,
  };
}

/** A new waiting call, from whichever of its events came first; its id is that event's receipt id. */
async function createCall(ctx: MutationContext, e: CtiEvent, logId: string, at: string): Promise<CallRow> {
  const call = newCallRow({
    id: logId,
    arrivedAt: at,
    ...(await callerOf(ctx.manager, e)),
    loggedBy: PHONE.id,
    loggedByName: PHONE.name,
    source: 'phone',
    ctiCallId: e.callId,
  });
  await ctx.write.insert(Call, call);
  await record(ctx, call.id, 'logged', at, PHONE, {
    ctiCallId: e.callId,
    ...(e.event !== 'newCall' ? { late: true } : {}),
  });
  return call;
}

/** The account that answered: by the answering number (phone or user name), else by a user's name. */
async function agentOf(manager: EntityManager, e: CtiEvent): Promise<{ id: string; name: string } | null> {
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
  return found ? { id: found.id, name: found.displayName } : null;
}

/** Ended on the phone before anyone on the desk had it: it left the queue (missed, or sent elsewhere). */
const endedUnanswered = (call: CallRow) =>
  call.status === 'finished' &&
  call.takenBy === null &&
  call.hangupCause !== null &&
  call.calledBackAt === null &&
  (call.outcome === 'missed' || call.outcome === 'transferred');

async function arrived(ctx: MutationContext, e: CtiEvent, logId: string, at: string, windowMs: number) {
  const { manager } = ctx;
  const call = await currentCall(manager, e.callId);
  if (call) {
    const announced = await eventsOf(manager, call.id, 'newCall');
    const repeat = announced.find((row) => isRepeat(row, e));
    if (repeat && Date.parse(at) - Date.parse(repeat.receivedAt) <= windowMs) {
      return done('duplicate', null, call.id);
    }
    const otherCaller =
      call.callerNumber !== 'anonymous' &&
      storedNumber(e.from) !== null &&
      storedNumber(e.from) !== call.callerNumber;
    if (announced.length === 0 && !otherCaller) {
      // Its answer or hangup came first: this newCall completes what is known of the caller.
      const caller = await callerOf(manager, e);
      const patch: Partial<CallRow> = {};
      if (call.callerNumber === 'anonymous' && caller.callerNumber !== 'anonymous')
        patch.callerNumber = caller.callerNumber;
      if (call.callerName === null && caller.callerName !== null) patch.callerName = caller.callerName;
      if (call.customerId === null && caller.customerId !== null) patch.customerId = caller.customerId;
      if (call.workplace === null && caller.workplace !== null) patch.workplace = caller.workplace;
      if (Object.keys(patch).length) await ctx.write.update(Call, call.id, { ...patch, updatedAt: at });
      return done('outOfOrder', NOTE.newCallLate, call.id);
    }
    const ended = call.status === 'finished' || call.hangupCause !== null;
    if (!ended && !otherCaller) return done('ignored', NOTE.repeatedNewCall, call.id);
    // The id was used before, for a call that is over or came from someone else: this is a new call.
    const created = await createCall(ctx, e, logId, at);
    return done('applied', NOTE.reusedCallId, created.id);
  }
  const created = await createCall(ctx, e, logId, at);
  return done('applied', null, created.id);
}

/**
 * Someone answered on the phone: the call is theirs. The phone system is the fact: an answer to a
 * later call while an earlier one waits is recorded as out of order, and the earlier call keeps its
 * place. An answer for a call never announced creates it, answered; one that came after its
 * hangup makes the call answered, its talk already over.
 */
async function answered(ctx: MutationContext, e: CtiEvent, logId: string, at: string) {
  const { manager } = ctx;
  let call = await currentCall(manager, e.callId);
  let note: string | null = null;
  if (await rejectedSince(manager, e.callId, call)) return done('ignored', NOTE.blocked, null);
  if (call && (await eventsOf(manager, call.id, 'answer')).some((row) => isRepeat(row, e))) {
    return done('duplicate', null, call.id);
  }
  if (!call) {
    call = await createCall(ctx, e, logId, at);
    note = NOTE.answerFirst;
  }
  const agent = await agentOf(manager, e);
  if (!agent) {
    // Voicemail, an IVR, or someone without an account: the call stays where it is; a later answer
    // that names someone on the desk still applies (an answer is a repeat only if identical).
    return done('ignored', NOTE.noAccount, call.id);
  }
  if (call.status === 'waiting') {
    const first = await firstWaitingCall(manager);
    const jumped = first !== null && first.id !== call.id;
    await take(ctx, call, agent, at, jumped ? { outOfOrder: true, firstCallId: first.id } : {});
    if (jumped) return done('outOfOrder', NOTE.answeredAhead, call.id);
    return done(note ? 'outOfOrder' : 'applied', note, call.id);
  }
  if (endedUnanswered(call)) {
    // The hangup came first: in the right order the call was answered, then the talk ended.
    const takenAt = call.endedAt !== null && call.endedAt < at ? call.endedAt : at;
    await take(ctx, call, agent, takenAt, { afterHangup: true });
    return done('outOfOrder', NOTE.answerAfterHangup, call.id);
  }
  return done('ignored', NOTE.alreadyTaken, call.id);
}

async function take(
  ctx: MutationContext,
  call: CallRow,
  agent: { id: string; name: string },
  at: string,
  data: Record<string, unknown>,
): Promise<void> {
  await ctx.write.update(Call, call.id, {
    status: 'taken',
    takenBy: agent.id,
    takenByName: agent.name,
    takenAt: at,
    outcome: null,
    updatedAt: at,
  });
  await record(ctx, call.id, 'taken', at, agent, data);
}

/**
 * The call ended on the phone. Not taken by anyone on the desk: it leaves the queue, missed (for a
 * call-back, oldest first; voicemail counts: the caller reached no person), or forwarded elsewhere.
 * Taken: the talk time ends; the call stays with its agent until they finish it on the desk.
 */
async function hungUp(ctx: MutationContext, e: CtiEvent, logId: string, at: string) {
  const { manager } = ctx;
  let call = await currentCall(manager, e.callId);
  let note: string | null = null;
  if (await rejectedSince(manager, e.callId, call)) return done('ignored', NOTE.blocked, null);
  if (call && (await eventsOf(manager, call.id, 'hangup')).some((row) => isRepeat(row, e))) {
    return done('duplicate', null, call.id);
  }
  if (!call) {
    call = await createCall(ctx, e, logId, at);
    note = NOTE.hangupFirst;
  }
  if (call.hangupCause !== null) return done('ignored', NOTE.alreadyEnded, call.id);
  const cause = e.cause ?? 'unknown';
  if (call.status === 'waiting') {
    const elsewhere = WENT_ELSEWHERE.has(cause);
    // Who the phone system said answered, when it was no one on the desk (voicemail, someone without an account).
    const answeredOnPhoneBy = (await eventsOf(manager, call.id, 'answer'))
      .map((row) => (JSON.parse(row.users) as string[])[0] ?? row.answeringNumber)
      .find((name) => !!name);
    await ctx.write.update(Call, call.id, {
      status: 'finished',
      outcome: elsewhere ? 'transferred' : 'missed',
      endedAt: at,
      hangupCause: cause,
      updatedAt: at,
    });
    await record(ctx, call.id, 'abandoned', at, PHONE, {
      cause,
      missed: !elsewhere,
      ...(answeredOnPhoneBy ? { answeredOnPhoneBy } : {}),
    });
  } else {
    // Taken (or already finished on the desk): the talk ended; its outcome is the desk's.
    await ctx.write.update(Call, call.id, {
      endedAt: call.endedAt ?? at,
      hangupCause: cause,
      updatedAt: at,
    });
    await record(ctx, call.id, 'hungUp', at, PHONE, { cause });
  }
  return done(note ? 'outOfOrder' : 'applied', note, call.id);
}

export const phoneEventArgs = z.object({
  /** The event's receipt id (a UUIDv7 stamped on arrival): its cti_event id, and the id of a call it creates. */
  logId: z.uuid(),
  receivedAt: instantSchema,
  event: ctiEventSchema,
  /** How long an identical newCall counts as the phone system's repeat (central-store setting). */
  repeatWindowMs: z.number().int().min(0).max(86_400_000).default(NEWCALL_REPEAT_WINDOW_MS),
});

export const phoneEvent = defineMutation({
  name: 'call.phoneEvent',
  schemaVersion: 1,
  args: phoneEventArgs,
  roles: ['admin'], // server-only: see the top of this file
  async apply(ctx, { logId, receivedAt, event: e, repeatWindowMs }) {
    // Zammad's answers to a newCall: reject a blocked caller, or the caller ID an outbound call dials with.
    const answer: PhoneSystemAnswer =
      e.event === 'newCall'
        ? phoneSystemAnswer({ ...e, now: receivedAt, ...(await loadPhoneRules(ctx.manager, e)) })
        : {};
    let applied: Applied;
    if ('action' in answer && answer.action === 'reject') applied = done('rejected', NOTE.blocked, null);
    else if (e.direction === 'out') applied = done('logged', NOTE.outbound, null);
    else if (e.event === 'newCall') applied = await arrived(ctx, e, logId, receivedAt, repeatWindowMs);
    else if (e.event === 'answer') applied = await answered(ctx, e, logId, receivedAt);
    else applied = await hungUp(ctx, e, logId, receivedAt);
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
      caller: e.caller ?? null,
      receivedAt,
      outcome: applied.outcome,
      note: applied.note,
      callId: applied.callId,
    });
    return { outcome: applied.outcome, answer };
  },
});
