// The central store's own mutations for the reporter's messages (R6, R9):
// claiming a queued e-mail before it is sent, and recording the outcome of
// the attempt. They run through serverMutations (the push path: change log,
// audit, pokes), so every desk sees the delivery or the failure.
//
// SERVER-ONLY: the tickets domain lists them as serverMutations, never as
// mutations a desk may push (src-main/domains.ts), so no desk can push one. They allow only the role 'admin' because the
// central store acts as CENTRAL_ACTOR, whose role is admin.
//
// A claim is a lease: the message stays 'queued' (the statuses the desks know
// are queued, sent and failed) while its next_attempt_at moves to the end of
// the lease, so no other sender sees it as due. The lease's end is the claim's
// token: recording an outcome requires next_attempt_at to still equal it, so
// a sender whose lease ran out (and whose message another sender claimed
// since) cannot overwrite that sender's outcome. Pushes on the central store
// run one at a time (the counter row's lock orders them, also across
// processes on one PostgreSQL database), so two claims of one message cannot
// both succeed.
import { z } from 'zod';
import { DomainError } from '../../../src-shared/errors';
import { instantSchema } from '../../../src-shared/time';
import { defineMutation, type MutationContext } from '../../mutations/define';
import { TicketEvent, TicketMessage, type TicketMessageRow } from '../../store/entities';

const idSchema = z.uuid();

/** Only the central store runs these (as CENTRAL_ACTOR, role admin); see above. */
const SERVER_ONLY: readonly ['admin'] = ['admin'];

/** The longest error text kept on a message. */
export const MAX_ERROR_LENGTH = 1000;

async function loadMessage(ctx: MutationContext, messageId: string): Promise<TicketMessageRow> {
  const message = await ctx.manager.findOneBy(TicketMessage, { id: messageId });
  if (!message) throw new DomainError('notFound', `No message with id ${messageId}`, { messageId });
  return message;
}

/** The claim a sender holds must still be in place: queued, with next_attempt_at at its lease's end. */
function requireClaim(message: TicketMessageRow, claimedUntil: string): void {
  if (message.status !== 'queued' || message.nextAttemptAt !== claimedUntil) {
    throw new DomainError('conflict', 'This message is no longer claimed by this sender', {
      messageId: message.id,
      status: message.status,
    });
  }
}

async function timelineEvent(
  ctx: MutationContext,
  message: TicketMessageRow,
  at: string,
  data: Record<string, unknown>,
): Promise<void> {
  await ctx.write.insert(TicketEvent, {
    id: ctx.newId(),
    ticketId: message.ticketId,
    kind: 'message',
    at,
    actorId: ctx.actor.userId,
    actorName: ctx.actor.name,
    data: JSON.stringify({
      messageId: message.id,
      messageKind: message.kind,
      channel: message.channel,
      recipient: message.recipient,
      ...data,
    }),
  });
}

export const messageClaimArgs = z.object({
  messageId: idSchema,
  /** Now, as the sender sees it: the message must be due by then. */
  at: instantSchema,
  /** The end of the lease; another sender may claim the message again after it. */
  leaseUntil: instantSchema,
});

/** A sender takes a due e-mail for one attempt. Refused (conflict) when it is not due or not queued. */
export const ticketMessageClaim = defineMutation({
  name: 'ticket.messageClaim',
  schemaVersion: 1,
  args: messageClaimArgs,
  roles: SERVER_ONLY,
  async apply(ctx, args) {
    const message = await loadMessage(ctx, args.messageId);
    const due = message.nextAttemptAt !== null && message.nextAttemptAt <= args.at;
    if (message.status !== 'queued' || message.channel !== 'email' || !due) {
      throw new DomainError('conflict', 'This message is not due for sending', {
        messageId: message.id,
        status: message.status,
      });
    }
    await ctx.write.update(TicketMessage, message.id, { nextAttemptAt: args.leaseUntil, updatedAt: args.at });
    return { id: message.id, claimedUntil: args.leaseUntil };
  },
});

export const messageSentArgs = z.object({
  messageId: idSchema,
  claimedUntil: instantSchema,
  /** When the SMTP server accepted it. */
  at: instantSchema,
  subject: z.string().max(500),
  body: z.string().max(20_000),
});

/** The SMTP server accepted the message: what was sent, when, and a line in the ticket's timeline. */
export const ticketMessageSent = defineMutation({
  name: 'ticket.messageSent',
  schemaVersion: 1,
  args: messageSentArgs,
  roles: SERVER_ONLY,
  async apply(ctx, args) {
    const message = await loadMessage(ctx, args.messageId);
    requireClaim(message, args.claimedUntil);
    const attempts = message.attempts + 1;
    await ctx.write.update(TicketMessage, message.id, {
      status: 'sent',
      subject: args.subject,
      body: args.body,
      sentAt: args.at,
      attempts,
      lastError: null,
      nextAttemptAt: null,
      updatedAt: args.at,
    });
    await timelineEvent(ctx, message, args.at, { status: 'sent', attempts });
    return { id: message.id };
  },
});

export const messageAttemptFailedArgs = z.object({
  messageId: idSchema,
  claimedUntil: instantSchema,
  at: instantSchema,
  error: z.string().min(1).max(MAX_ERROR_LENGTH),
  /** When to try again (the sender's back-off); null: that was the last attempt, give up. */
  retryAt: instantSchema.nullable(),
});

/**
 * An attempt failed: counted, with its error and the next attempt's time. After the last attempt
 * the message is 'failed' and the ticket's timeline says so, with the error.
 */
export const ticketMessageAttemptFailed = defineMutation({
  name: 'ticket.messageAttemptFailed',
  schemaVersion: 1,
  args: messageAttemptFailedArgs,
  roles: SERVER_ONLY,
  async apply(ctx, args) {
    const message = await loadMessage(ctx, args.messageId);
    requireClaim(message, args.claimedUntil);
    const attempts = message.attempts + 1;
    const gaveUp = args.retryAt === null;
    await ctx.write.update(TicketMessage, message.id, {
      status: gaveUp ? 'failed' : 'queued',
      attempts,
      lastError: args.error,
      nextAttemptAt: args.retryAt,
      updatedAt: args.at,
    });
    if (gaveUp) await timelineEvent(ctx, message, args.at, { status: 'failed', attempts, error: args.error });
    return { id: message.id, status: gaveUp ? 'failed' : 'queued' };
  },
});

export const MESSAGE_MUTATIONS = [ticketMessageClaim, ticketMessageSent, ticketMessageAttemptFailed];
