// The ticket's vocabulary (R4–R12): states, channels, work records and the
// argument schemas of the ticket mutations. The desk's router, the mutators
// (on the desk and on the central store) and the renderer's forms all
// validate with these; nothing here touches a database.
import { z } from 'zod';
import { PRIORITIES } from '../sla/settings';
import { phoneSchema } from '../phone';
import { clientInstantSchema } from '../time';
import { TICKET_KINDS } from '../systems/restore';
import { textSchema } from '../text';

export const TICKET_STATUSES = [
  'new',
  'in_progress',
  /** R10: further plan agreed; the resolution clock is paused. */
  'agreed_plan',
  /** R12: critical/high with a satisfactory temporary solution; the resolution clock is stopped. */
  'temporary_solution',
  'resolved',
  'closed',
] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];
export const OPEN_STATUSES: readonly TicketStatus[] = [
  'new',
  'in_progress',
  'agreed_plan',
  'temporary_solution',
];

/** How the ticket came in (R2). */
export const TICKET_CHANNELS = ['phone', 'email', 'web'] as const;
export type TicketChannel = (typeof TICKET_CHANNELS)[number];

/** How ROR-IKT answered (R8). */
export const RESPONSE_CHANNELS = ['phone', 'email', 'sms'] as const;
export type ResponseChannel = (typeof RESPONSE_CHANNELS)[number];

/** How the reporter is told about the ticket (R6, R9: "or as agreed at registration"). */
export const NOTIFY_CHANNELS = ['email', 'sms', 'none'] as const;
export type NotifyChannel = (typeof NOTIFY_CHANNELS)[number];

export const TICKET_CATEGORIES = [
  'incident',
  'service_request',
  'access',
  'hardware',
  'software',
  'network',
  'other',
] as const;
export type TicketCategory = (typeof TICKET_CATEGORIES)[number];

/** With whom an agreed plan was made (R10). */
export const AGREED_WITH = ['reporter', 'system_owner', 'system_responsible'] as const;

const idSchema = z.uuid();
const requiredText = (max: number, message: string) => textSchema.trim().min(1, message).max(max);
const optionalText = (max: number) =>
  textSchema
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

/** R5: what a ticket must hold, plus what the desk records with it. */
export const ticketFieldsSchema = z.object({
  reporterName: requiredText(120, 'Reporter name is required'),
  reporterPhone: phoneSchema,
  reporterEmail: z
    .email('Not a valid e-mail address')
    .max(200)
    .nullish()
    .or(z.literal('').transform(() => null))
    .transform((v) => v ?? null),
  customerId: z.uuid('Choose the customer municipality'),
  workplace: requiredText(160, 'Workplace is required'),
  description: requiredText(8000, 'A full description is required').refine(
    (v) => v.length >= 10,
    'Describe the need or fault in a few words (at least 10 characters)',
  ),
  title: optionalText(160),
  priority: z.enum(PRIORITIES),
  system: requiredText(120, 'Affected system or service is required'),
  category: z.enum(TICKET_CATEGORIES),
  channel: z.enum(TICKET_CHANNELS),
  device: optionalText(80),
  /** The register's device the ticket is about (issue 14): its warnings (R16, R17) show on the ticket. */
  deviceId: idSchema.nullish().transform((v) => v ?? null),
  notifyBy: z.enum(NOTIFY_CHANNELS),
  /** The register's business system (issue 16); `system` keeps its name. */
  systemId: idSchema.nullish().transform((v) => v ?? null),
  /** R13: a data restore names its system and waits for its owner's approval. */
  kind: z.enum(TICKET_KINDS).default('standard'),
});

function emailWhenNotifiedByEmail(
  v: { notifyBy: string; reporterEmail: string | null },
  ctx: z.core.$RefinementCtx,
): void {
  if (v.notifyBy === 'email' && !v.reporterEmail) {
    ctx.addIssue({
      code: 'custom',
      path: ['reporterEmail'],
      message: 'An e-mail address is needed to notify the reporter by e-mail',
    });
  }
}

/** Who is responsible from the start (issue 18: the agent who makes a ticket of their own call, unless they choose otherwise). */
const createAssignee = {
  assigneeId: idSchema.nullish().transform((v) => v ?? null),
  assigneeName: textSchema
    .trim()
    .max(120)
    .nullish()
    .transform((v) => v || null),
};

/** What the renderer sends; the desk adds the id, the instant and its provisional reference. */
export const ticketCreateInput = ticketFieldsSchema
  .extend({
    /** The taken call this ticket comes from: its details carry over and it counts as the first response (R8). */
    callId: idSchema.nullish().transform((v) => v ?? null),
    /** R14: the operational notice the agent was shown, linked in the same step. */
    noticeId: idSchema.nullish().transform((v) => v ?? null),
    ...createAssignee,
  })
  .superRefine(emailWhenNotifiedByEmail);

/** The reporter's and the case's details as the ticket page corrects them (priority has its own form). */
export const ticketDetailsInput = ticketFieldsSchema
  .omit({ priority: true, channel: true })
  .superRefine(emailWhenNotifiedByEmail);
export const TICKET_DETAIL_FIELDS = Object.keys(
  ticketFieldsSchema.omit({ priority: true, channel: true }).shape,
) as Array<keyof z.input<typeof ticketDetailsInput>>;

export const ticketCreateArgs = ticketFieldsSchema
  .extend({
    id: idSchema,
    at: clientInstantSchema,
    callId: idSchema.nullish().transform((v) => v ?? null),
    /** The desk's provisional reference (R6), kept as a searchable alias. */
    provisionalReference: z.string().regex(/^P-[0-9A-Z]{4}-\d{4,}$/),
    /** R14: the operational notice the agent was shown, linked in the same step. */
    noticeId: idSchema.nullish().transform((v) => v ?? null),
    ...createAssignee,
  })
  .superRefine(emailWhenNotifiedByEmail);
export type TicketCreateArgs = z.output<typeof ticketCreateArgs>;

const ticketRef = { ticketId: idSchema, at: clientInstantSchema };

/** Field edits; omitted fields stay as they are. Last writer (in server order) wins per field. */
export const ticketEditArgs = z.object({
  ...ticketRef,
  reporterName: ticketFieldsSchema.shape.reporterName.optional(),
  reporterPhone: phoneSchema.optional(),
  reporterEmail: ticketFieldsSchema.shape.reporterEmail.optional(),
  customerId: ticketFieldsSchema.shape.customerId.optional(),
  workplace: ticketFieldsSchema.shape.workplace.optional(),
  description: ticketFieldsSchema.shape.description.optional(),
  title: ticketFieldsSchema.shape.title.optional(),
  priority: ticketFieldsSchema.shape.priority.optional(),
  system: ticketFieldsSchema.shape.system.optional(),
  category: ticketFieldsSchema.shape.category.optional(),
  device: ticketFieldsSchema.shape.device.optional(),
  deviceId: ticketFieldsSchema.shape.deviceId.optional(),
  notifyBy: ticketFieldsSchema.shape.notifyBy.optional(),
  systemId: ticketFieldsSchema.shape.systemId.optional(),
  kind: z.enum(TICKET_KINDS).optional(),
});
export type TicketEditArgs = z.output<typeof ticketEditArgs>;

export const ticketAssignArgs = z.object({
  ...ticketRef,
  assigneeId: idSchema.nullable(),
  assigneeName: textSchema.trim().min(1).max(120).nullable(),
});

export const ticketStartArgs = z.object(ticketRef);

export const ticketAgreedPlanArgs = z.object({
  ...ticketRef,
  agreedWith: z.enum(AGREED_WITH),
  agreedWithName: requiredText(120, 'Name the person the plan was agreed with'),
  plan: requiredText(4000, 'Describe what was agreed'),
  newTargetDate: z.iso
    .date()
    .nullish()
    .transform((v) => v ?? null),
});

export const ticketTemporarySolutionArgs = z.object({
  ...ticketRef,
  description: requiredText(4000, 'Describe the temporary solution'),
});

/** Leaves agreed plan or temporary solution: work goes on, the resolution clock runs again. */
export const ticketResumeArgs = z.object({ ...ticketRef, reason: optionalText(1000) });

export const ticketResolveArgs = z.object({
  ...ticketRef,
  resolution: requiredText(4000, 'Describe how it was resolved'),
});
export const ticketCloseArgs = z.object(ticketRef);
export const ticketReopenArgs = z.object({
  ...ticketRef,
  reason: requiredText(1000, 'Say why the ticket is reopened'),
});

/** R8: an answer given to the reporter outside the desk's own messages (e.g. a phone call back). */
export const ticketRespondArgs = z.object({
  ...ticketRef,
  channel: z.enum(RESPONSE_CHANNELS),
  text: requiredText(4000, 'Say what the reporter was told'),
});

/** An internal note, or an update the reporter sees (and is sent, R6/R9). */
export const ticketNoteArgs = z.object({
  ...ticketRef,
  noteId: idSchema,
  visibility: z.enum(['internal', 'reporter']),
  text: requiredText(8000, 'The note is empty'),
});

const minutes = z
  .number()
  .int()
  .min(0)
  .max(24 * 60);

/** R11: a remote session. */
export const remoteSessionSchema = z
  .object({
    tool: requiredText(80, 'Name the remote tool'),
    startedAt: clientInstantSchema,
    endedAt: clientInstantSchema,
    work: requiredText(4000, 'Describe what was done'),
    result: requiredText(1000, 'Give the result'),
  })
  .refine((v) => v.endedAt >= v.startedAt, {
    path: ['endedAt'],
    message: 'The session ends before it starts',
  });

/** R11: an on-site visit. */
export const onSiteVisitSchema = z
  .object({
    technicianName: requiredText(120, 'Name the technician'),
    location: requiredText(200, 'Give the location'),
    arrivedAt: clientInstantSchema,
    departedAt: clientInstantSchema,
    travelMinutes: minutes,
    work: requiredText(4000, 'Describe what was done'),
  })
  .refine((v) => v.departedAt >= v.arrivedAt, {
    path: ['departedAt'],
    message: 'The departure is before the arrival',
  });

export const ticketWorkArgs = z.object({
  ...ticketRef,
  workId: idSchema,
  work: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('remote_session'), remote: remoteSessionSchema }),
    z.object({ kind: z.literal('on_site_visit'), visit: onSiteVisitSchema }),
  ]),
});

/** The assignee filter's value for tickets nobody has taken. */
export const UNASSIGNED = 'unassigned';

/** Open-tickets list and search. */
/** The SLA groups an open ticket can be in now (lifecycle.clockFlags), as the lists filter them. */
export const CLOCK_FILTERS = [
  'responseAtRisk',
  'responseBreached',
  'resolutionAtRisk',
  'resolutionBreached',
] as const;
export type ClockFilter = (typeof CLOCK_FILTERS)[number];

export const ticketListQuery = z.object({
  scope: z.enum(['open', 'mine', 'all']).default('open'),
  priority: z.enum(PRIORITIES).optional(),
  status: z.enum(TICKET_STATUSES).optional(),
  customerId: z.uuid().optional(),
  /** An account's id, or UNASSIGNED for the tickets nobody has taken yet. */
  assigneeId: z.union([z.uuid(), z.literal('unassigned')]).optional(),
  system: textSchema.trim().max(120).optional(),
  /** Reference (canonical or provisional), reporter name or phone number. */
  search: textSchema.trim().max(100).optional(),
  /** Open tickets in one SLA group now (at risk or breached, response or resolution; the live view's). */
  clock: z.enum(CLOCK_FILTERS).optional(),
  /** Keyset cursor: the sort key and id of the previous page's last row. */
  cursor: z.object({ key: textSchema.max(200), id: z.uuid() }).nullish(),
  limit: z.number().int().min(1).max(500).default(100),
});
export type TicketListQuery = z.input<typeof ticketListQuery>;

export type TicketEventKind =
  | 'created'
  | 'changed'
  | 'assigned'
  | 'status'
  | 'responded'
  | 'note'
  | 'remote_session'
  | 'on_site_visit'
  | 'message'
  | 'restoreApproved'
  | 'linked'
  /** The reporter's e-mail or web answer (issue 17, R7). */
  | 'reporterMessage';

/** A ticket as the lists show it (enough for live countdowns: see lifecycle.ticketClocks). */
export interface TicketSummary {
  id: string;
  reference: string | null;
  provisionalReference: string | null;
  title: string | null;
  /** The description's first line, shortened. */
  excerpt: string;
  reporterName: string;
  reporterPhone: string;
  customerId: string;
  customerName: string | null;
  workplace: string;
  /** How it came in (R2): the lists show e-mail and web tickets as such. */
  channel: TicketChannel;
  system: string;
  category: string;
  priority: (typeof PRIORITIES)[number];
  status: TicketStatus;
  assigneeId: string | null;
  assigneeName: string | null;
  createdAt: string;
  respondedAt: string | null;
  resolvedAt: string | null;
  /** JSON TicketPause[]. */
  pauses: string;
  responseDueAt: string;
  resolutionDueAt: string | null;
  breachAt: string | null;
  /** The reporter's latest answer when nobody at the desk has acted on the ticket since (newReply.ts). */
  newReplyAt: string | null;
  /** The keyset cursor of this row in its list. */
  cursor: { key: string; id: string };
}

export interface TicketEventView {
  id: string;
  at: string;
  actorName: string;
  kind: TicketEventKind;
  data: Record<string, unknown>;
}

export interface TicketMessageView {
  id: string;
  kind: 'created' | 'update' | 'resolved';
  channel: 'email' | 'sms';
  recipient: string;
  status: 'queued' | 'sent' | 'failed';
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string | null;
  subject: string | null;
  body: string | null;
  sentAt: string | null;
  createdAt: string;
}
