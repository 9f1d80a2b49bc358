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
  /** The register's device this ticket is about (issue 14), if one is linked. */
  deviceId: string | null;
  /** The register's business system (issue 16), if one is chosen; `system` keeps its name as typed. */
  systemId: string | null;
  /** 'standard' or 'dataRestore' (R13). */
  kind: string;
  /** JSON RestoreApproval (R13), once the system owner's approval is recorded. */
  restoreApproval: string | null;
  outageId: string | null;
  noticeId: string | null;
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
    deviceId: text('device_id', true),
    systemId: text('system_id', true),
    kind: text('kind'),
    restoreApproval: text('restore_approval', true),
    outageId: text('outage_id', true),
    noticeId: text('notice_id', true),
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

/** R15: an approved model (the catalogue). Approval runs from approvedFrom to approvedUntil, both included. */
export interface EquipmentModelRow {
  id: string;
  category: string;
  maker: string;
  name: string;
  supplier: string | null;
  frameworkAgreement: string | null;
  approvedFrom: string;
  approvedUntil: string | null;
  /** 1 when it must be ordered through the service desk (orderReason says why). */
  orderViaDesk: number;
  orderReason: string | null;
  createdAt: string;
  updatedAt: string;
  updatedByName: string;
}
export const EquipmentModel = new EntitySchema<EquipmentModelRow>({
  name: 'equipment_model',
  columns: {
    id: { type: 'text', primary: true },
    category: text('category'),
    maker: text('maker'),
    name: text('name'),
    supplier: text('supplier', true),
    frameworkAgreement: text('framework_agreement', true),
    approvedFrom: text('approved_from'),
    approvedUntil: text('approved_until', true),
    orderViaDesk: { type: 'integer', name: 'order_via_desk' },
    orderReason: text('order_reason', true),
    createdAt: text('created_at'),
    updatedAt: text('updated_at'),
    updatedByName: text('updated_by_name'),
  },
});

/** A registered device (R15–R19), from stock to the recycler. */
export interface DeviceRow {
  id: string;
  serial: string;
  serialKey: string;
  assetTag: string | null;
  assetTagKey: string | null;
  modelId: string;
  customerId: string;
  workplace: string;
  assignedUser: string | null;
  assignedReporterId: string | null;
  network: string;
  setupDate: string | null;
  deliveredDate: string | null;
  status: string;
  replacementReason: string | null;
  notes: string | null;
  handoverId: string | null;
  handedInAt: string | null;
  handedInByName: string | null;
  condition: string | null;
  diskRemoved: number | null;
  batchId: string | null;
  wipeMethod: string | null;
  wipeTool: string | null;
  wipedBy: string | null;
  wipedOn: string | null;
  recycledAt: string | null;
  createdAt: string;
  createdByName: string;
  updatedAt: string;
  updatedByName: string;
}
export const Device = new EntitySchema<DeviceRow>({
  name: 'device',
  columns: {
    id: { type: 'text', primary: true },
    serial: text('serial'),
    serialKey: text('serial_key'),
    assetTag: text('asset_tag', true),
    assetTagKey: text('asset_tag_key', true),
    modelId: text('model_id'),
    customerId: text('customer_id'),
    workplace: text('workplace'),
    assignedUser: text('assigned_user', true),
    assignedReporterId: text('assigned_reporter_id', true),
    network: text('network'),
    setupDate: text('setup_date', true),
    deliveredDate: text('delivered_date', true),
    status: text('status'),
    replacementReason: text('replacement_reason', true),
    notes: text('notes', true),
    handoverId: text('handover_id', true),
    handedInAt: text('handed_in_at', true),
    handedInByName: text('handed_in_by_name', true),
    condition: text('condition', true),
    diskRemoved: { type: 'integer', name: 'disk_removed', nullable: true },
    batchId: text('batch_id', true),
    wipeMethod: text('wipe_method', true),
    wipeTool: text('wipe_tool', true),
    wipedBy: text('wiped_by', true),
    wipedOn: text('wiped_on', true),
    recycledAt: text('recycled_at', true),
    createdAt: text('created_at'),
    createdByName: text('created_by_name'),
    updatedAt: text('updated_at'),
    updatedByName: text('updated_by_name'),
  },
});

/** R18: a delivery with the device it replaces, as one event. */
export interface HandoverRow {
  id: string;
  at: string;
  technicianId: string;
  technicianName: string;
  customerId: string;
  workplace: string;
  assignedUser: string | null;
  newDeviceId: string;
  oldDeviceId: string | null;
  oldOutcome: string | null;
  ticketId: string | null;
  chargeAmount: number | null;
  chargeCategory: string | null;
  chargeMonth: string | null;
  notes: string | null;
}
export const Handover = new EntitySchema<HandoverRow>({
  name: 'handover',
  columns: {
    id: { type: 'text', primary: true },
    at: text('at'),
    technicianId: text('technician_id'),
    technicianName: text('technician_name'),
    customerId: text('customer_id'),
    workplace: text('workplace'),
    assignedUser: text('assigned_user', true),
    newDeviceId: text('new_device_id'),
    oldDeviceId: text('old_device_id', true),
    oldOutcome: text('old_outcome', true),
    ticketId: text('ticket_id', true),
    chargeAmount: { type: 'integer', name: 'charge_amount', nullable: true },
    chargeCategory: text('charge_category', true),
    chargeMonth: text('charge_month', true),
    notes: text('notes', true),
  },
});

/** R19: devices sent to the recycler together; closed only with the recycler's certificate. */
export interface RecyclingBatchRow {
  id: string;
  reference: string;
  sentDate: string;
  recycler: string;
  status: string;
  devices: string;
  certificateReference: string | null;
  destructionMethod: string | null;
  closedAt: string | null;
  closedByName: string | null;
  createdAt: string;
  createdByName: string;
}
export const RecyclingBatch = new EntitySchema<RecyclingBatchRow>({
  name: 'recycling_batch',
  columns: {
    id: { type: 'text', primary: true },
    reference: text('reference'),
    sentDate: text('sent_date'),
    recycler: text('recycler'),
    status: text('status'),
    devices: text('devices'),
    certificateReference: text('certificate_reference', true),
    destructionMethod: text('destruction_method', true),
    closedAt: text('closed_at', true),
    closedByName: text('closed_by_name', true),
    createdAt: text('created_at'),
    createdByName: text('created_by_name'),
  },
});

/** The register's history: one row per change of a model, device or batch (R27). */
export interface EquipmentEventRow {
  id: string;
  subjectId: string;
  at: string;
  actorId: string;
  actorName: string;
  kind: string;
  data: string;
}
export const EquipmentEvent = new EntitySchema<EquipmentEventRow>({
  name: 'equipment_event',
  columns: {
    id: { type: 'text', primary: true },
    subjectId: text('subject_id'),
    at: text('at'),
    actorId: text('actor_id'),
    actorName: text('actor_name'),
    kind: text('kind'),
    data: text('data'),
  },
});

/** One person's duty on one day of the shift roster (issue 15). */
export interface RosterEntryRow {
  id: string;
  day: string;
  userId: string;
  userName: string;
  duty: string;
  updatedAt: string;
  updatedByName: string;
}
export const RosterEntry = new EntitySchema<RosterEntryRow>({
  name: 'roster_entry',
  columns: {
    id: { type: 'text', primary: true },
    day: text('day'),
    userId: text('user_id'),
    userName: text('user_name'),
    duty: text('duty'),
    updatedAt: text('updated_at'),
    updatedByName: text('updated_by_name'),
  },
});

/** The presence state a person last set by hand (issue 15); its id is the person's. */
export interface PresenceRow {
  id: string;
  userName: string;
  state: string;
  since: string;
}
export const Presence = new EntitySchema<PresenceRow>({
  name: 'presence',
  columns: {
    id: { type: 'text', primary: true },
    userName: text('user_name'),
    state: text('state'),
    since: text('since'),
  },
});

/** Whether a person's desk is in touch with the central store (issue 15); written by the central store only. */
export interface DeskLinkRow {
  id: string;
  userId: string;
  userName: string;
  clientId: string;
  online: number;
  since: string;
}
export const DeskLink = new EntitySchema<DeskLinkRow>({
  name: 'desk_link',
  columns: {
    id: { type: 'text', primary: true },
    userId: text('user_id'),
    userName: text('user_name'),
    clientId: text('client_id'),
    online: { type: 'integer' },
    since: text('since'),
  },
});

// The systems register (issue 16): systems, their roles per customer, outages, windows, notices.
const integer = (name: string) => ({ type: 'integer' as const, name });
const stampColumns = {
  createdAt: text('created_at'),
  updatedAt: text('updated_at'),
  updatedByName: text('updated_by_name'),
};
interface Stamps {
  createdAt: string;
  updatedAt: string;
  updatedByName: string;
}

/** A business system (R21, R23, R26). */
export interface BusinessSystemRow extends Stamps {
  id: string;
  name: string;
  supplier: string | null;
  description: string | null;
  criticality: string;
  continuous: number;
  remoteAccess: number;
  /** JSON Probe, or null. */
  probe: string | null;
  probeSince: string | null;
  retired: number;
}
export const BusinessSystem = new EntitySchema<BusinessSystemRow>({
  name: 'business_system',
  columns: {
    id: { type: 'text', primary: true },
    name: text('name'),
    supplier: text('supplier', true),
    description: text('description', true),
    criticality: text('criticality'),
    continuous: integer('continuous'),
    remoteAccess: integer('remote_access'),
    probe: text('probe', true),
    probeSince: text('probe_since', true),
    retired: integer('retired'),
    ...stampColumns,
  },
});

/** A system in use at a customer, with its roles there (R26). */
export interface SystemCustomerRow extends Stamps {
  id: string;
  systemId: string;
  customerId: string;
  ownerName: string | null;
  ownerReporterId: string | null;
  ownerContact: string | null;
  responsibleName: string | null;
  responsibleReporterId: string | null;
  responsibleContact: string | null;
  securityOfficerName: string | null;
  securityOfficerReporterId: string | null;
  securityOfficerContact: string | null;
  coordinatorName: string | null;
  coordinatorReporterId: string | null;
  coordinatorContact: string | null;
}
export const SystemCustomer = new EntitySchema<SystemCustomerRow>({
  name: 'system_customer',
  columns: {
    id: { type: 'text', primary: true },
    systemId: text('system_id'),
    customerId: text('customer_id'),
    ownerName: text('owner_name', true),
    ownerReporterId: text('owner_reporter_id', true),
    ownerContact: text('owner_contact', true),
    responsibleName: text('responsible_name', true),
    responsibleReporterId: text('responsible_reporter_id', true),
    responsibleContact: text('responsible_contact', true),
    securityOfficerName: text('security_officer_name', true),
    securityOfficerReporterId: text('security_officer_reporter_id', true),
    securityOfficerContact: text('security_officer_contact', true),
    coordinatorName: text('coordinator_name', true),
    coordinatorReporterId: text('coordinator_reporter_id', true),
    coordinatorContact: text('coordinator_contact', true),
    ...stampColumns,
  },
});

/** An outage (R20, R22, R23): lists are JSON arrays of ids. */
export interface OutageRow extends Stamps {
  id: string;
  title: string;
  description: string | null;
  startsAt: string;
  endsAt: string | null;
  systemIds: string;
  customerIds: string;
  planned: number;
  cause: string;
  state: string;
  source: string;
  measuredStart: string | null;
  measuredEnd: string | null;
  announcedAt: string | null;
  shortNoticeReason: string | null;
  createdByName: string;
}
export const Outage = new EntitySchema<OutageRow>({
  name: 'outage',
  columns: {
    id: { type: 'text', primary: true },
    title: text('title'),
    description: text('description', true),
    startsAt: text('starts_at'),
    endsAt: text('ends_at', true),
    systemIds: text('system_ids'),
    customerIds: text('customer_ids'),
    planned: integer('planned'),
    cause: text('cause'),
    state: text('state'),
    source: text('source'),
    measuredStart: text('measured_start', true),
    measuredEnd: text('measured_end', true),
    announcedAt: text('announced_at', true),
    shortNoticeReason: text('short_notice_reason', true),
    createdByName: text('created_by_name'),
    ...stampColumns,
  },
});

/** A maintenance window (R20, R24): weekly (weekday, times, days it applies) or once (instants). */
export interface MaintenanceWindowRow extends Stamps {
  id: string;
  systemId: string;
  kind: string;
  weekday: number | null;
  startTime: string | null;
  endTime: string | null;
  validFrom: string | null;
  validUntil: string | null;
  startsAt: string | null;
  endsAt: string | null;
  agreedWithName: string;
  announcedAt: string | null;
  shortNoticeReason: string | null;
  note: string | null;
  cancelled: number;
}
export const MaintenanceWindow = new EntitySchema<MaintenanceWindowRow>({
  name: 'maintenance_window',
  columns: {
    id: { type: 'text', primary: true },
    systemId: text('system_id'),
    kind: text('kind'),
    weekday: { type: 'integer', name: 'weekday', nullable: true },
    startTime: text('start_time', true),
    endTime: text('end_time', true),
    validFrom: text('valid_from', true),
    validUntil: text('valid_until', true),
    startsAt: text('starts_at', true),
    endsAt: text('ends_at', true),
    agreedWithName: text('agreed_with_name'),
    announcedAt: text('announced_at', true),
    shortNoticeReason: text('short_notice_reason', true),
    note: text('note', true),
    cancelled: integer('cancelled'),
    ...stampColumns,
  },
});

/** An operational notice (R14). */
export interface NoticeRow extends Stamps {
  id: string;
  title: string;
  body: string;
  state: string;
  systemIds: string;
  customerIds: string;
  startsAt: string;
  endsAt: string | null;
  outageId: string | null;
  windowId: string | null;
}
export const Notice = new EntitySchema<NoticeRow>({
  name: 'notice',
  columns: {
    id: { type: 'text', primary: true },
    title: text('title'),
    body: text('body'),
    state: text('state'),
    systemIds: text('system_ids'),
    customerIds: text('customer_ids'),
    startsAt: text('starts_at'),
    endsAt: text('ends_at', true),
    outageId: text('outage_id', true),
    windowId: text('window_id', true),
    ...stampColumns,
  },
});

export interface NoticeUpdateRow {
  id: string;
  noticeId: string;
  at: string;
  state: string;
  text: string;
  createdByName: string;
}
export const NoticeUpdate = new EntitySchema<NoticeUpdateRow>({
  name: 'notice_update',
  columns: {
    id: { type: 'text', primary: true },
    noticeId: text('notice_id'),
    at: text('at'),
    state: text('state'),
    text: text('text'),
    createdByName: text('created_by_name'),
  },
});

/** The register's history (R27). */
export interface SystemEventRow {
  id: string;
  subjectId: string;
  at: string;
  actorId: string;
  actorName: string;
  kind: string;
  data: string;
}
export const SystemEvent = new EntitySchema<SystemEventRow>({
  name: 'system_event',
  columns: {
    id: { type: 'text', primary: true },
    subjectId: text('subject_id'),
    at: text('at'),
    actorId: text('actor_id'),
    actorName: text('actor_name'),
    kind: text('kind'),
    data: text('data'),
  },
});

/** Tables whose rows the central store owns and desks replicate (sync pulls these). */
/** One e-mail the mailbox gave the central store, and what became of it (issue 17): the exactly-once key. */
export interface InboundMailRow {
  id: string;
  messageKey: string;
  receivedAt: string;
  fromAddress: string | null;
  subject: string | null;
  /** ticket, reply, ignored, throttled, setAside */
  outcome: string;
  reason: string | null;
  ticketId: string | null;
  createdAt: string;
}
export const InboundMail = new EntitySchema<InboundMailRow>({
  name: 'inbound_mail',
  columns: {
    id: { type: 'text', primary: true },
    messageKey: text('message_key'),
    receivedAt: text('received_at'),
    fromAddress: text('from_address', true),
    subject: text('subject', true),
    outcome: text('outcome'),
    reason: text('reason', true),
    ticketId: text('ticket_id', true),
    createdAt: text('created_at'),
  },
});

/** A file that came with a ticket or a reporter's message (issue 17); its bytes stay on the central store. */
export interface TicketAttachmentRow {
  id: string;
  ticketId: string;
  eventId: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  /** attachment, or htmlBody (the message's sanitised HTML) */
  role: string;
  createdAt: string;
}
export const TicketAttachment = new EntitySchema<TicketAttachmentRow>({
  name: 'ticket_attachment',
  columns: {
    id: { type: 'text', primary: true },
    ticketId: text('ticket_id'),
    eventId: text('event_id'),
    filename: text('filename'),
    contentType: text('content_type'),
    size: integer('size'),
    sha256: text('sha256'),
    role: text('role'),
    createdAt: text('created_at'),
  },
});

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
  EquipmentModel,
  Device,
  Handover,
  RecyclingBatch,
  EquipmentEvent,
  RosterEntry,
  Presence,
  DeskLink,
  BusinessSystem,
  SystemCustomer,
  Outage,
  MaintenanceWindow,
  Notice,
  NoticeUpdate,
  SystemEvent,
  InboundMail,
  TicketAttachment,
];

export const ENTITIES = [...SYNCED_ENTITIES, Outbox, LocalSetting, RejectedMutation];
