// The e-mail and web channels' vocabulary (issue 17: R2, R5–R7): the web
// form (R5's fields, the priority suggested in plain words), a reporter's
// answer, an attachment's description, and the central store's record of an
// inbound e-mail. The central store's intake mutations and the web intake's
// pages validate with these.
import { z } from 'zod';
import { phoneSchema } from '../phone';
import { PRIORITIES } from '../sla/settings';
import { instantSchema } from '../time';
import { textSchema } from '../text';

/** How much one message may bring in attachments (issue 17, item 4); a setting, this is its default. */
export const DEFAULT_MAX_MESSAGE_BYTES = 20 * 1024 * 1024;
/** The longest message text kept on a ticket (longer bodies are kept whole as an attachment). */
export const MAX_MESSAGE_TEXT = 50_000;
export const MAX_ATTACHMENTS = 50;

const idSchema = z.uuid();
const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'Not a SHA-256 hex digest');
const emailSchema = z.email('Not a valid e-mail address').max(200).toLowerCase();

export const ATTACHMENT_ROLES = ['attachment', 'htmlBody'] as const;

/** An attachment whose bytes are stored already (by its SHA-256), as a message names it. */
export const attachmentRefSchema = z.object({
  id: idSchema,
  filename: textSchema.trim().min(1).max(255),
  contentType: z
    .string()
    .max(200)
    .regex(/^[\w.+-]+\/[\w.+-]+$/, 'Not a content type'),
  size: z.number().int().min(0),
  sha256: sha256Schema,
  role: z.enum(ATTACHMENT_ROLES).default('attachment'),
});
export type AttachmentRef = z.input<typeof attachmentRefSchema>;

/** A file refused for its size: the sender is told (issue 17, item 4). */
export const refusedPartSchema = z.object({
  filename: textSchema.max(255),
  size: z.number().int().min(0),
});

/** What the web intake's form sends (R5): everything a ticket needs, the priority as the reporter sees it. */
export const webTicketForm = z.object({
  reporterName: textSchema.trim().min(1, 'Reporter name is required').max(120),
  reporterPhone: phoneSchema,
  reporterEmail: emailSchema,
  customerId: z.uuid('Choose your municipality'),
  workplace: textSchema.trim().min(1, 'Workplace is required').max(160),
  title: textSchema
    .trim()
    .max(160)
    .optional()
    .transform((v) => (v ? v : null)),
  system: textSchema
    .trim()
    .max(120)
    .optional()
    .transform((v) => v ?? ''),
  description: textSchema
    .trim()
    .min(10, 'Describe the need or fault in a few words (at least 10 characters)')
    .max(8000),
  priority: z.enum(PRIORITIES),
});
export type WebTicketForm = z.output<typeof webTicketForm>;

/** The central store's web-intake ticket: the form, with its id, instant and attachments. */
export const webTicketArgs = webTicketForm.extend({
  id: idSchema,
  at: instantSchema,
  attachments: z.array(attachmentRefSchema).max(MAX_ATTACHMENTS).default([]),
});

/** A reporter's answer on the web intake (R7), as the signed-in address. */
export const reporterReplyArgs = z.object({
  id: idSchema,
  ticketId: idSchema,
  at: instantSchema,
  fromEmail: emailSchema,
  text: textSchema.trim().min(1, 'Write an answer').max(MAX_MESSAGE_TEXT),
  attachments: z.array(attachmentRefSchema).max(MAX_ATTACHMENTS).default([]),
});

/** One e-mail from the mailbox, as the central store parsed it (issue 17, items 1–5). */
export const mailReceiveArgs = z.object({
  /** The inbound_mail row's id (and the ticket's or the event's, derived from it). */
  id: idSchema,
  /** The Message-ID, or a hash of the message when it has none. */
  messageKey: z.string().min(1).max(998),
  /** When the mailbox got it: the SLA clock runs from here. */
  receivedAt: instantSchema,
  fromAddress: emailSchema.nullable(),
  fromName: textSchema.max(200).nullable(),
  subject: textSchema.max(998),
  text: textSchema.max(MAX_MESSAGE_TEXT),
  /** The ticket reference in the subject's brackets. */
  reference: z.string().max(40).nullable(),
  /** Our messages' ids named by In-Reply-To / References, newest first. */
  repliedTo: z.array(idSchema).max(100),
  /** Why it is no person's message (auto-reply, bounce, list, our own), or null. */
  noise: z.object({ kind: z.string().max(20), because: textSchema.max(200) }).nullable(),
  attachments: z.array(attachmentRefSchema).max(MAX_ATTACHMENTS),
  refused: z.array(refusedPartSchema).max(MAX_ATTACHMENTS),
});
export type MailReceiveArgs = z.input<typeof mailReceiveArgs>;

/** A message that could not be read, set aside in its folder for an admin (issue 17, item 5). */
export const mailSetAsideArgs = z.object({
  id: idSchema,
  messageKey: z.string().min(1).max(998),
  receivedAt: instantSchema,
  fromAddress: z.string().max(320).nullable(),
  subject: textSchema.max(998).nullable(),
  reason: textSchema.min(1).max(1000),
});

export const INBOUND_OUTCOMES = ['ticket', 'reply', 'ignored', 'throttled', 'setAside'] as const;
export type InboundOutcome = (typeof INBOUND_OUTCOMES)[number];

/** A sender who writes more than this many messages in a minute is throttled and reported (issue 17, item 3). */
export const SENDER_LIMIT_PER_MINUTE = 20;
