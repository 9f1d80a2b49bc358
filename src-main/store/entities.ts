// Table mappings of the desk's local store, as TypeORM EntitySchemas (no
// decorators, so any TypeScript transpiler builds them). The tables themselves
// are created by the migrations, never by `synchronize`.
import { EntitySchema } from 'typeorm';

export interface CustomerRow {
  id: string;
  name: string;
}
export const Customer = new EntitySchema<CustomerRow>({
  name: 'customer',
  columns: { id: { type: 'text', primary: true }, name: { type: 'text' } },
});

export interface WorkplaceRow {
  id: string;
  customerId: string;
  name: string;
}
export const Workplace = new EntitySchema<WorkplaceRow>({
  name: 'workplace',
  columns: {
    id: { type: 'text', primary: true },
    customerId: { type: 'text', name: 'customer_id' },
    name: { type: 'text' },
  },
});

export interface CallRow {
  id: string;
  arrivedAt: string;
  callerNumber: string;
  callerName: string | null;
  customerId: string | null;
  workplace: string | null;
  status: 'waiting' | 'taken' | 'finished';
  loggedBy: string;
  loggedByName: string;
  takenBy: string | null;
  takenByName: string | null;
  takenAt: string | null;
  summary: string | null;
  outcome: string | null;
  endedAt: string | null;
  overrideReason: string | null;
  overrideBy: string | null;
  overrideByName: string | null;
  updatedAt: string;
  /** 'desk' (logged by an agent) or 'phone' (from the phone system's events, issue 6). */
  source: string;
  /** The phone system's id of the call (its callId). */
  ctiCallId: string | null;
  /** The phone system's hangup cause (normalClearing, cancel, noAnswer, …). */
  hangupCause: string | null;
  /** A missed call's call-back: when, and by whom. */
  calledBackAt: string | null;
  calledBackByName: string | null;
}
const text = (name: string, nullable = false) => ({ type: 'text' as const, name, nullable });
export const Call = new EntitySchema<CallRow>({
  name: 'call',
  columns: {
    id: { type: 'text', primary: true },
    arrivedAt: text('arrived_at'),
    callerNumber: text('caller_number'),
    callerName: text('caller_name', true),
    customerId: text('customer_id', true),
    workplace: text('workplace', true),
    status: text('status'),
    loggedBy: text('logged_by'),
    loggedByName: text('logged_by_name'),
    takenBy: text('taken_by', true),
    takenByName: text('taken_by_name', true),
    takenAt: text('taken_at', true),
    summary: text('summary', true),
    outcome: text('outcome', true),
    endedAt: text('ended_at', true),
    overrideReason: text('override_reason', true),
    overrideBy: text('override_by', true),
    overrideByName: text('override_by_name', true),
    updatedAt: text('updated_at'),
    source: text('source'),
    ctiCallId: text('cti_call_id', true),
    hangupCause: text('hangup_cause', true),
    calledBackAt: text('called_back_at', true),
    calledBackByName: text('called_back_by_name', true),
  },
});

/** Append-only history of a call: logged, taken (with any override), updated, finished. */
export interface CallEventRow {
  id: string;
  callId: string;
  kind: 'logged' | 'taken' | 'updated' | 'finished' | 'abandoned' | 'hungUp' | 'calledBack';
  at: string;
  actorId: string;
  actorName: string;
  data: string;
}
export const CallEvent = new EntitySchema<CallEventRow>({
  name: 'call_event',
  columns: {
    id: { type: 'text', primary: true },
    callId: text('call_id'),
    kind: text('kind'),
    at: text('at'),
    actorId: text('actor_id'),
    actorName: text('actor_name'),
    data: text('data'),
  },
});

/** The directory of reporters (issue 6): who calls, from which numbers, where they work. */
export interface ReporterRow {
  id: string;
  name: string;
  customerId: string;
  workplace: string;
  email: string | null;
  /** JSON array of E.164 numbers. */
  phones: string;
  updatedAt: string;
}
export const Reporter = new EntitySchema<ReporterRow>({
  name: 'reporter',
  columns: {
    id: { type: 'text', primary: true },
    name: text('name'),
    customerId: text('customer_id'),
    workplace: text('workplace'),
    email: text('email', true),
    phones: text('phones'),
    updatedAt: text('updated_at'),
  },
});

/** One reporter's number (E.164), for finding the caller of an arriving call by index. */
export interface ReporterPhoneRow {
  phone: string;
  reporterId: string;
}
export const ReporterPhone = new EntitySchema<ReporterPhoneRow>({
  name: 'reporter_phone',
  columns: { phone: { type: 'text', primary: true }, reporterId: text('reporter_id') },
});

/** A ticket (R4–R12). Instants are ISO strings; `pauses` is JSON TicketPause[] (src-shared/tickets/lifecycle). */
export interface TicketRow {
  id: string;
  /** Canonical reference from the central store's counter (R6); null until the central store has it. */
  reference: string | null;
  /** The desk's provisional reference, kept as a searchable alias forever. */
  provisionalReference: string | null;
  callId: string | null;
  channel: string;
  reporterName: string;
  reporterPhone: string;
  reporterEmail: string | null;
  customerId: string;
  workplace: string;
  title: string | null;
  description: string;
  priority: string;
  system: string;
  category: string;
  device: string | null;
  notifyBy: string;
  status: string;
  assigneeId: string | null;
  assigneeName: string | null;
  respondedAt: string | null;
  responseChannel: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  resolution: string | null;
  pauses: string;
  agreedWith: string | null;
  agreedWithName: string | null;
  agreedPlan: string | null;
  agreedTargetDate: string | null;
  temporarySolution: string | null;
  responseDueAt: string;
  resolutionDueAt: string | null;
  breachAt: string | null;
  createdAt: string;
  createdBy: string;
  createdByName: string;
  updatedAt: string;
  updatedByName: string;
}
export const Ticket = new EntitySchema<TicketRow>({
  name: 'ticket',
  columns: {
    id: { type: 'text', primary: true },
    reference: text('reference', true),
    provisionalReference: text('provisional_reference', true),
    callId: text('call_id', true),
    channel: text('channel'),
    reporterName: text('reporter_name'),
    reporterPhone: text('reporter_phone'),
    reporterEmail: text('reporter_email', true),
    customerId: text('customer_id'),
    workplace: text('workplace'),
    title: text('title', true),
    description: text('description'),
    priority: text('priority'),
    system: text('system'),
    category: text('category'),
    device: text('device', true),
    notifyBy: text('notify_by'),
    status: text('status'),
    assigneeId: text('assignee_id', true),
    assigneeName: text('assignee_name', true),
    respondedAt: text('responded_at', true),
    responseChannel: text('response_channel', true),
    resolvedAt: text('resolved_at', true),
    closedAt: text('closed_at', true),
    resolution: text('resolution', true),
    pauses: text('pauses'),
    agreedWith: text('agreed_with', true),
    agreedWithName: text('agreed_with_name', true),
    agreedPlan: text('agreed_plan', true),
    agreedTargetDate: text('agreed_target_date', true),
    temporarySolution: text('temporary_solution', true),
    responseDueAt: text('response_due_at'),
    resolutionDueAt: text('resolution_due_at', true),
    breachAt: text('breach_at', true),
    createdAt: text('created_at'),
    createdBy: text('created_by'),
    createdByName: text('created_by_name'),
    updatedAt: text('updated_at'),
    updatedByName: text('updated_by_name'),
  },
});

/** One line of a ticket's timeline (R7): a change, a note, a work record (R11), a response, a message. */
export interface TicketEventRow {
  id: string;
  ticketId: string;
  at: string;
  actorId: string;
  actorName: string;
  kind: string;
  /** JSON: {changes: {field: [from, to]}} for changes, the record itself for notes and work. */
  data: string;
}
export const TicketEvent = new EntitySchema<TicketEventRow>({
  name: 'ticket_event',
  columns: {
    id: { type: 'text', primary: true },
    ticketId: text('ticket_id'),
    at: text('at'),
    actorId: text('actor_id'),
    actorName: text('actor_name'),
    kind: text('kind'),
    data: text('data'),
  },
});

/**
 * A message to the reporter (R6, R9): queued by a ticket mutation, sent by the central store. The
 * text is rendered when it is sent, so it carries the canonical reference even for offline tickets.
 */
export interface TicketMessageRow {
  id: string;
  ticketId: string;
  /** 'created' | 'update' | 'resolved' */
  kind: string;
  /** 'email' | 'sms' */
  channel: string;
  recipient: string;
  /** The update's text (kind 'update'). */
  text: string | null;
  /** 'queued' | 'sent' | 'failed' (gave up) */
  status: string;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string | null;
  subject: string | null;
  body: string | null;
  sentAt: string | null;
  createdAt: string;
  updatedAt: string;
}
export const TicketMessage = new EntitySchema<TicketMessageRow>({
  name: 'ticket_message',
  columns: {
    id: { type: 'text', primary: true },
    ticketId: text('ticket_id'),
    kind: text('kind'),
    channel: text('channel'),
    recipient: text('recipient'),
    text: text('text', true),
    status: text('status'),
    attempts: { type: 'integer' },
    lastError: text('last_error', true),
    nextAttemptAt: text('next_attempt_at', true),
    subject: text('subject', true),
    body: text('body', true),
    sentAt: text('sent_at', true),
    createdAt: text('created_at'),
    updatedAt: text('updated_at'),
  },
});

/** DESIGN.md "Data and sync": every mutation applied on this desk, in order, for the central store to read. */
export interface OutboxRow {
  seq: number;
  mutationId: string;
  clientId: string;
  name: string;
  args: string;
  schemaVersion: number;
  actorId: string;
  actorName: string;
  actorRole: string;
  /** JSON TouchedRow[]: the rows' images before this mutation, to undo it locally on rebase. */
  undo: string;
  createdAt: string;
}
export const Outbox = new EntitySchema<OutboxRow>({
  name: 'outbox',
  columns: {
    seq: { type: 'integer', primary: true },
    mutationId: text('mutation_id'),
    clientId: text('client_id'),
    name: text('name'),
    args: text('args'),
    schemaVersion: { type: 'integer', name: 'schema_version' },
    actorId: text('actor_id'),
    actorName: text('actor_name'),
    actorRole: text('actor_role'),
    undo: text('undo'),
    createdAt: text('created_at'),
  },
});

/** A mutation the central store refused: kept for the "needs attention" list until dismissed. */
export interface RejectedMutationRow {
  mutationId: string;
  seq: number;
  name: string;
  args: string;
  actorId: string;
  actorName: string;
  createdAt: string;
  rejectedAt: string;
  code: string;
  reason: string;
  details: string;
  dismissedAt: string | null;
}
export const RejectedMutation = new EntitySchema<RejectedMutationRow>({
  name: 'rejected_mutation',
  columns: {
    mutationId: { type: 'text', primary: true, name: 'mutation_id' },
    seq: { type: 'integer' },
    name: text('name'),
    args: text('args'),
    actorId: text('actor_id'),
    actorName: text('actor_name'),
    createdAt: text('created_at'),
    rejectedAt: text('rejected_at'),
    code: text('code'),
    reason: text('reason'),
    details: text('details'),
    dismissedAt: text('dismissed_at', true),
  },
});

/** Settings that belong to this desk only (its client id, the local profile); never synced. */
export interface LocalSettingRow {
  key: string;
  value: string;
}
export const LocalSetting = new EntitySchema<LocalSettingRow>({
  name: 'local_setting',
  columns: { key: { type: 'text', primary: true }, value: { type: 'text' } },
});

/** Settings every desk shares (e.g. key 'sla'); written only by named mutations. */
export interface SharedSettingRow {
  key: string;
  value: string;
  updatedAt: string;
  updatedBy: string;
}
export const SharedSetting = new EntitySchema<SharedSettingRow>({
  name: 'shared_setting',
  columns: {
    key: { type: 'text', primary: true },
    value: { type: 'text' },
    updatedAt: text('updated_at'),
    updatedBy: text('updated_by'),
  },
});

/**
 * The administrators' block list (src-shared/calls/phoneRules.ts): an inbound call from `number`
 * (normalised; "anonymous" for callers without one) is rejected until `expiresAt` (null: never).
 * One entry per number, kept so by the mutation (call.blockNumber updates the existing entry).
 */
export interface BlockedNumberRow {
  id: string;
  number: string;
  reason: string;
  expiresAt: string | null;
  createdAt: string;
  createdByName: string;
}
export const BlockedNumber = new EntitySchema<BlockedNumberRow>({
  name: 'blocked_number',
  columns: {
    id: { type: 'text', primary: true },
    number: text('number'),
    reason: text('reason'),
    expiresAt: text('expires_at', true),
    createdAt: text('created_at'),
    createdByName: text('created_by_name'),
  },
});

/** Tables whose rows the central store owns and desks replicate (sync pulls these). */
export const SYNCED_ENTITIES = [
  Customer,
  Workplace,
  Call,
  CallEvent,
  SharedSetting,
  Ticket,
  TicketEvent,
  TicketMessage,
  Reporter,
  ReporterPhone,
  BlockedNumber,
];

export const ENTITIES = [...SYNCED_ENTITIES, Outbox, LocalSetting, RejectedMutation];
