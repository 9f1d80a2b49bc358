// The central store's intake mutations (issue 17: R2, R5–R7): an e-mail from
// the mailbox becomes a ticket or a reporter's message on its ticket, or is
// recorded as noise, throttled or set aside; a web form becomes a ticket; a
// signed-in reporter's answer becomes a message on their own ticket.
//
// SERVER-ONLY (listed as the domain's serverMutations): they run as the
// central store, through the push path, so every desk sees the ticket, the
// message and the inbound record, and the audit trail has them.
//
// Exactly once: `mail.receive` is keyed on the message's Message-ID (the
// inbound_mail row, unique, written in the same transaction as the ticket or
// the message). The mailbox's "processed" flag is set only after this
// commits; a crash in between makes the reader hand the message in again,
// and the second run finds the row and changes nothing.
//
// Not here: reading the mailbox, parsing MIME and storing attachment bytes
// (central/mail/inbound), the web pages and their sessions (central/intake).
import { z } from 'zod';
import { DomainError } from '../../src-shared/errors';
import {
  DEFAULT_MAX_MESSAGE_BYTES,
  MAX_ATTACHMENTS,
  mailReceiveArgs,
  mailSetAsideArgs,
  reporterReplyArgs,
  SENDER_LIMIT_PER_MINUTE,
  webTicketArgs,
  type InboundOutcome,
} from '../../src-shared/intake/schemas';
import { defineMutation, type MutationContext } from '../mutations/define';
import {
  InboundMail,
  Reporter,
  Ticket,
  TicketAttachment,
  TicketEvent,
  TicketMessage,
  type TicketRow,
} from '../store/entities';
import { selectRow } from '../store/rowSql';
import { assertCustomerExists } from '../store/referenceData';
import { insertTicket, queueMessage } from '../tickets';

/** Only the central store runs these (as CENTRAL_ACTOR, role admin). */
const SERVER_ONLY: readonly ['admin'] = ['admin'];

const MINUTE = 60_000;

type Attachments = z.output<typeof mailReceiveArgs>['attachments'];

async function attach(
  ctx: MutationContext,
  ticketId: string,
  eventId: string,
  at: string,
  attachments: Attachments,
): Promise<void> {
  for (const a of attachments) {
    await ctx.write.insert(TicketAttachment, {
      id: a.id,
      ticketId,
      eventId,
      filename: a.filename,
      contentType: a.contentType,
      size: a.size,
      sha256: a.sha256,
      role: a.role,
      createdAt: at,
    });
  }
}

/** The reporter's message on a ticket's timeline (R7), with its files; the ticket moves up the lists. */
async function reporterMessage(
  ctx: MutationContext,
  ticket: TicketRow,
  at: string,
  message: {
    channel: 'email' | 'web';
    from: string | null;
    text: string;
    subject?: string;
    attachments: Attachments;
    inboundId?: string;
  },
): Promise<string> {
  const eventId = ctx.newId();
  await attach(ctx, ticket.id, eventId, at, message.attachments);
  const fromOther =
    message.from !== null && (ticket.reporterEmail ?? '').toLowerCase() !== message.from.toLowerCase();
  await ctx.write.insert(TicketEvent, {
    id: eventId,
    ticketId: ticket.id,
    kind: 'reporterMessage',
    at,
    actorId: ctx.actor.userId,
    actorName: ticket.reporterName || message.from || '',
    data: JSON.stringify({
      channel: message.channel,
      from: message.from,
      fromOther,
      subject: message.subject ?? null,
      text: message.text,
      attachments: message.attachments
        .filter((a) => a.role === 'attachment')
        .map((a) => ({ id: a.id, filename: a.filename, size: a.size })),
      htmlBodyId: message.attachments.find((a) => a.role === 'htmlBody')?.id ?? null,
      inboundId: message.inboundId ?? null,
    }),
  });
  if (at > ticket.updatedAt) await ctx.write.update(Ticket, ticket.id, { updatedAt: at });
  return eventId;
}

/**
 * Which ticket an answer belongs to: the reference in the subject, from the ticket's own reporter;
 * else one of our messages it answers (whoever answers it was sent that message). A reference alone
 * from another address does not thread: references are easy to guess, and the message would show
 * on someone else's ticket.
 */
async function threadedTicket(
  ctx: MutationContext,
  from: string,
  reference: string | null,
  repliedTo: readonly string[],
): Promise<{ ticket: TicketRow; mentioned: null } | { ticket: null; mentioned: string | null }> {
  let mentioned: string | null = null;
  if (reference) {
    const byReference = await selectRow(ctx.manager, Ticket, { reference });
    if (byReference && (byReference.reporterEmail ?? '').toLowerCase() === from)
      return { ticket: byReference, mentioned: null };
    if (byReference) mentioned = byReference.reference;
  }
  for (const messageId of repliedTo) {
    const message = await ctx.manager.findOneBy(TicketMessage, { id: messageId });
    if (message) {
      const ticket = await selectRow(ctx.manager, Ticket, { id: message.ticketId });
      if (ticket) return { ticket, mentioned: null };
    }
  }
  return { ticket: null, mentioned };
}

async function recordInbound(
  ctx: MutationContext,
  args: {
    id: string;
    messageKey: string;
    receivedAt: string;
    fromAddress: string | null;
    subject: string | null;
  },
  outcome: InboundOutcome,
  reason: string | null,
  ticketId: string | null,
): Promise<void> {
  await ctx.write.insert(InboundMail, {
    id: args.id,
    messageKey: args.messageKey,
    receivedAt: args.receivedAt,
    fromAddress: args.fromAddress,
    subject: args.subject,
    outcome,
    reason,
    ticketId,
    createdAt: args.receivedAt,
  });
}

async function sendersRecentCount(ctx: MutationContext, from: string, receivedAt: string): Promise<number> {
  const since = new Date(Date.parse(receivedAt) - MINUTE).toISOString();
  const rows = await ctx.manager
    .getRepository(InboundMail)
    .createQueryBuilder('m')
    .where('m.fromAddress = :from AND m.receivedAt > :since AND m.receivedAt <= :until', {
      from,
      since,
      until: receivedAt,
    })
    .andWhere('m.outcome IN (:...counted)', { counted: ['ticket', 'reply', 'throttled'] })
    .getCount();
  return rows;
}

function refusedNote(refused: ReadonlyArray<{ filename: string; size: number }>, limitBytes: number): string {
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;
  const names = refused.map((r) => `«${r.filename}» (${mb(r.size)})`).join(', ');
  return `Vedlegg som ikke ble tatt imot (grensen er ${mb(limitBytes)} og ${MAX_ATTACHMENTS} filer per melding): ${names}. Send dem gjerne i flere meldinger, eller del dem på annen måte.`;
}

export interface MailReceiveResult {
  outcome: InboundOutcome | 'duplicate';
  ticketId: string | null;
  reference: string | null;
}

/** One e-mail from the mailbox (issue 17): a ticket, a reporter's message, or a recorded non-ticket. Exactly once. */
export const mailReceive = defineMutation({
  name: 'mail.receive',
  schemaVersion: 1,
  args: mailReceiveArgs.extend({
    /** The size limit the refused parts broke, for the note to the sender. */
    limitBytes: z.number().int().positive().default(DEFAULT_MAX_MESSAGE_BYTES),
  }),
  roles: SERVER_ONLY,
  async apply(ctx, args): Promise<MailReceiveResult> {
    const seen = await ctx.manager.findOneBy(InboundMail, { messageKey: args.messageKey });
    if (seen) {
      const ticket = seen.ticketId ? await selectRow(ctx.manager, Ticket, { id: seen.ticketId }) : null;
      return { outcome: 'duplicate', ticketId: seen.ticketId, reference: ticket?.reference ?? null };
    }
    const subject = args.subject.trim();
    if (args.noise) {
      await recordInbound(ctx, args, 'ignored', `${args.noise.kind}: ${args.noise.because}`, null);
      return { outcome: 'ignored', ticketId: null, reference: null };
    }
    if (!args.fromAddress) {
      await recordInbound(ctx, args, 'ignored', 'no sender address', null);
      return { outcome: 'ignored', ticketId: null, reference: null };
    }
    if ((await sendersRecentCount(ctx, args.fromAddress, args.receivedAt)) >= SENDER_LIMIT_PER_MINUTE) {
      await recordInbound(
        ctx,
        args,
        'throttled',
        `more than ${SENDER_LIMIT_PER_MINUTE} messages in a minute`,
        null,
      );
      return { outcome: 'throttled', ticketId: null, reference: null };
    }

    const thread = await threadedTicket(ctx, args.fromAddress, args.reference, args.repliedTo);
    const threaded = thread.ticket;
    if (threaded && threaded.status !== 'closed') {
      await reporterMessage(ctx, threaded, args.receivedAt, {
        channel: 'email',
        from: args.fromAddress,
        text: args.text,
        subject,
        attachments: args.attachments,
        inboundId: args.id,
      });
      if (args.refused.length > 0)
        await queueMessage(
          ctx,
          { ...threaded, notifyBy: 'email', reporterEmail: args.fromAddress },
          'update',
          args.receivedAt,
          refusedNote(args.refused, args.limitBytes),
        );
      await recordInbound(ctx, args, 'reply', null, threaded.id);
      return { outcome: 'reply', ticketId: threaded.id, reference: threaded.reference };
    }

    // A new ticket: the sender as the directory knows them, or as the message names them (R5's
    // missing fields are for an agent to complete; the clock runs from arrival all the same).
    const reporter = await ctx.manager
      .getRepository(Reporter)
      .createQueryBuilder('r')
      .where('LOWER(r.email) = :email', { email: args.fromAddress })
      .orderBy('r.updatedAt', 'DESC')
      .getOne();
    const phones = reporter ? (JSON.parse(reporter.phones) as string[]) : [];
    const firstLine = args.text.split(/\r?\n/).find((l) => l.trim()) ?? '';
    const followUp = threaded
      ? `Svar på lukket sak ${threaded.reference ?? ''}`.trim()
      : thread.mentioned
        ? `Nevner sak ${thread.mentioned} (fra en annen avsender enn innmelderen)`
        : null;
    const ticket = await insertTicket(ctx, {
      id: ctx.newId(),
      at: args.receivedAt,
      channel: 'email',
      reporterName: reporter?.name ?? args.fromName?.trim() ?? args.fromAddress,
      reporterPhone: phones[0] ?? '',
      reporterEmail: args.fromAddress,
      customerId: reporter?.customerId ?? '',
      workplace: reporter?.workplace ?? '',
      title: (subject || firstLine).slice(0, 160) || null,
      description: [followUp, args.text.trim() || subject || '(tom melding)'].filter(Boolean).join('\n\n'),
      priority: 'medium',
      system: '',
      category: 'incident',
      device: null,
      deviceId: null,
      systemId: null,
      kind: 'standard',
      noticeId: null,
      notifyBy: 'email',
      callId: null,
      provisionalReference: null,
      respondedAt: null,
    });
    await attach(ctx, ticket.id, ticket.id, args.receivedAt, args.attachments);
    if (args.refused.length > 0)
      await queueMessage(ctx, ticket, 'update', args.receivedAt, refusedNote(args.refused, args.limitBytes));
    await recordInbound(ctx, args, 'ticket', reporter ? null : 'unknown sender', ticket.id);
    return { outcome: 'ticket', ticketId: ticket.id, reference: ticket.reference };
  },
});

/** A message that could not be read: moved to its folder and listed for an admin (issue 17, item 5). */
export const mailSetAside = defineMutation({
  name: 'mail.setAside',
  schemaVersion: 1,
  args: mailSetAsideArgs,
  roles: SERVER_ONLY,
  async apply(ctx, args) {
    if (await ctx.manager.findOneBy(InboundMail, { messageKey: args.messageKey })) return { id: null };
    await recordInbound(ctx, args, 'setAside', args.reason, null);
    return { id: args.id };
  },
});

/** A ticket filed on the web intake (R2, R5, R6): the reference at once, the acknowledgement by e-mail. */
export const webTicket = defineMutation({
  name: 'intake.webTicket',
  schemaVersion: 1,
  args: webTicketArgs,
  roles: SERVER_ONLY,
  async apply(ctx, args) {
    await assertCustomerExists(ctx.manager, args.customerId);
    const ticket = await insertTicket(ctx, {
      id: args.id,
      at: args.at,
      channel: 'web',
      reporterName: args.reporterName,
      reporterPhone: args.reporterPhone,
      reporterEmail: args.reporterEmail,
      customerId: args.customerId,
      workplace: args.workplace,
      title: args.title,
      description: args.description,
      priority: args.priority,
      system: args.system,
      category: 'incident',
      device: null,
      deviceId: null,
      systemId: null,
      kind: 'standard',
      noticeId: null,
      notifyBy: 'email',
      callId: null,
      provisionalReference: null,
      respondedAt: null,
    });
    await attach(ctx, ticket.id, ticket.id, args.at, args.attachments);
    return { id: ticket.id, reference: ticket.reference };
  },
});

/** A signed-in reporter's answer on their own ticket (R7); never on another's, never on a closed one. */
export const reporterReply = defineMutation({
  name: 'intake.reporterReply',
  schemaVersion: 1,
  args: reporterReplyArgs,
  roles: SERVER_ONLY,
  async apply(ctx, args) {
    const ticket = await selectRow(ctx.manager, Ticket, { id: args.ticketId });
    // The same answer for "no such ticket" and "not yours": nothing to learn from it.
    if (!ticket || (ticket.reporterEmail ?? '').toLowerCase() !== args.fromEmail)
      throw new DomainError('notFound', `No ticket with id ${args.ticketId}`, { ticketId: args.ticketId });
    if (ticket.status === 'closed')
      throw new DomainError('invalidTransition', 'The ticket is closed; file a new one', {
        status: ticket.status,
      });
    const eventId = await reporterMessage(ctx, ticket, args.at, {
      channel: 'web',
      from: args.fromEmail,
      text: args.text,
      attachments: args.attachments,
    });
    return { eventId };
  },
});

export const INTAKE_SERVER_MUTATIONS = [mailReceive, mailSetAside, webTicket, reporterReply];
