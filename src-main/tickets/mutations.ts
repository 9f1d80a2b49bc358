// The ticket's mutators (R4–R12): create (from a call or a message), edit,
// assign, the life-cycle steps, first response, notes and work records. Each
// writes the ticket row with its freshly computed deadlines, appends to the
// ticket's timeline, and queues the reporter's messages, all in the caller's
// transaction. Which steps are allowed, and what they do to the clocks, is
// src-shared/tickets/lifecycle's; the clock arithmetic is src-shared/sla's.
import type { EntityManager } from 'typeorm';
import type { z } from 'zod';
import { DateTime } from 'luxon';
import { DomainError } from '../../src-shared/errors';
import {
  checkRestoreMayProceed,
  restoreApprovalArgs,
  type RestoreApproval,
} from '../../src-shared/systems/restore';
import { TICKET_ROLES, whyNotAssignable } from '../../src-shared/roles';
import { SERVICE_TIME_ZONE } from '../../src-shared/serviceTimeZone';
import {
  applyTransition,
  clockFacts,
  storedDeadlines,
  type TicketAction,
} from '../../src-shared/tickets/lifecycle';
import {
  ticketAgreedPlanArgs,
  ticketAssignArgs,
  ticketCloseArgs,
  ticketCreateArgs,
  ticketEditArgs,
  ticketNoteArgs,
  ticketReopenArgs,
  ticketResolveArgs,
  ticketRespondArgs,
  ticketResumeArgs,
  ticketStartArgs,
  ticketTemporarySolutionArgs,
  ticketWorkArgs,
  type TicketEventKind,
} from '../../src-shared/tickets/schemas';
import { defineMutation, type MutationContext } from '../mutations/define';
import { slaInForce } from '../sla/settingsStore';
import {
  BusinessSystem,
  Call,
  Device,
  Notice,
  Ticket,
  TicketEvent,
  TicketMessage,
  type TicketRow,
} from '../store/entities';
import { selectRow } from '../store/rowSql';
import { assertCustomerExists } from '../store/referenceData';
import { UserAccount } from '../store/serverEntities';

export async function loadTicket(manager: EntityManager, ticketId: string): Promise<TicketRow> {
  const ticket = await selectRow(manager, Ticket, { id: ticketId });
  if (!ticket) throw new DomainError('notFound', `No ticket with id ${ticketId}`, { ticketId });
  return ticket;
}

/** The deadline columns for the ticket as it will be after `patch`. */
async function deadlinesAfter(
  manager: EntityManager,
  ticket: TicketRow,
  patch: Partial<TicketRow>,
): Promise<Pick<TicketRow, 'responseDueAt' | 'resolutionDueAt' | 'breachAt'>> {
  const sla = await slaInForce(manager);
  return storedDeadlines(clockFacts({ ...ticket, ...patch }), sla.calendar, sla.settings);
}

export async function event(
  { write, actor, newId }: MutationContext,
  ticketId: string,
  kind: TicketEventKind,
  at: string,
  data: Record<string, unknown>,
): Promise<void> {
  await write.insert(TicketEvent, {
    id: newId(),
    ticketId,
    kind,
    at,
    actorId: actor.userId,
    actorName: actor.name,
    data: JSON.stringify(data),
  });
}

/** Queues a message to the reporter (R6, R9), unless they asked not to be told. */
export async function queueMessage(
  { write, newId }: MutationContext,
  ticket: Pick<TicketRow, 'id' | 'notifyBy' | 'reporterEmail' | 'reporterPhone'>,
  kind: 'created' | 'update' | 'resolved',
  at: string,
  text: string | null = null,
): Promise<void> {
  if (ticket.notifyBy === 'none') return;
  const email = ticket.notifyBy === 'email';
  if (email && !ticket.reporterEmail) return; // refused at creation; an edit may have cleared it
  await write.insert(TicketMessage, {
    id: newId(),
    ticketId: ticket.id,
    kind,
    channel: ticket.notifyBy,
    recipient: email ? ticket.reporterEmail! : ticket.reporterPhone,
    text,
    status: 'queued',
    attempts: 0,
    lastError: null,
    nextAttemptAt: at,
    subject: null,
    body: null,
    sentAt: null,
    createdAt: at,
    updatedAt: at,
  });
}

/** Writes `patch` with recomputed deadlines and the actor's name. */
async function saveTicket(
  ctx: MutationContext,
  ticket: TicketRow,
  patch: Partial<TicketRow>,
  at: string,
): Promise<TicketRow> {
  const full = {
    ...patch,
    ...(await deadlinesAfter(ctx.manager, ticket, patch)),
    updatedAt: at > ticket.updatedAt ? at : ticket.updatedAt,
    updatedByName: ctx.actor.name,
  };
  await ctx.write.update(Ticket, ticket.id, full);
  return { ...ticket, ...full };
}

/** The year a reference belongs to: the ticket's creation date in Oslo. */
function referenceYear(at: string): number {
  return DateTime.fromISO(at, { zone: SERVICE_TIME_ZONE }).year;
}

/** What a new ticket is made of, whichever channel brought it (phone on a desk; e-mail and web on the central store). */
export type NewTicket = Pick<
  TicketRow,
  | 'id'
  | 'channel'
  | 'reporterName'
  | 'reporterPhone'
  | 'reporterEmail'
  | 'customerId'
  | 'workplace'
  | 'title'
  | 'description'
  | 'priority'
  | 'system'
  | 'category'
  | 'device'
  | 'deviceId'
  | 'systemId'
  | 'kind'
  | 'noticeId'
  | 'notifyBy'
  | 'callId'
  | 'provisionalReference'
  | 'respondedAt'
> & { at: string };

/**
 * Writes a new ticket with its deadlines (the SLA clock starts at `at`, or at the next opening:
 * R2), its canonical reference where the central store gives one, the 'created' line, and the
 * automatic acknowledgement with the reference (R6), which does not count as a response (R8).
 */
export async function insertTicket(ctx: MutationContext, t: NewTicket): Promise<TicketRow> {
  const { manager, actor } = ctx;
  const reference = ctx.nextReference ? await ctx.nextReference(referenceYear(t.at)) : null;
  const base: TicketRow = {
    id: t.id,
    reference,
    provisionalReference: t.provisionalReference,
    callId: t.callId,
    channel: t.channel,
    reporterName: t.reporterName,
    reporterPhone: t.reporterPhone,
    reporterEmail: t.reporterEmail,
    customerId: t.customerId,
    workplace: t.workplace,
    title: t.title,
    description: t.description,
    priority: t.priority,
    system: t.system,
    category: t.category,
    device: t.device,
    deviceId: t.deviceId,
    systemId: t.systemId,
    kind: t.kind,
    restoreApproval: null,
    outageId: null,
    noticeId: t.noticeId,
    notifyBy: t.notifyBy,
    status: 'new',
    assigneeId: null,
    assigneeName: null,
    respondedAt: t.respondedAt,
    responseChannel: t.respondedAt ? 'phone' : null,
    resolvedAt: null,
    closedAt: null,
    resolution: null,
    pauses: '[]',
    agreedWith: null,
    agreedWithName: null,
    agreedPlan: null,
    agreedTargetDate: null,
    temporarySolution: null,
    responseDueAt: '',
    resolutionDueAt: null,
    breachAt: null,
    createdAt: t.at,
    createdBy: actor.userId,
    createdByName: actor.name,
    updatedAt: t.at,
    updatedByName: actor.name,
  };
  const row = { ...base, ...(await deadlinesAfter(manager, base, {})) };
  await ctx.write.insert(Ticket, row);
  await event(ctx, row.id, 'created', t.at, {
    channel: t.channel,
    priority: t.priority,
    callId: t.callId,
    provisionalReference: t.provisionalReference,
  });
  if (t.noticeId) await event(ctx, row.id, 'linked', t.at, { changes: { noticeId: [null, t.noticeId] } });
  if (t.respondedAt) await event(ctx, row.id, 'responded', t.at, { channel: 'phone', viaCall: true });
  await queueMessage(ctx, row, 'created', t.at);
  return row;
}

export const ticketCreate = defineMutation({
  name: 'ticket.create',
  schemaVersion: 1,
  args: ticketCreateArgs,
  roles: TICKET_ROLES,
  async apply(ctx, args) {
    const { manager } = ctx;
    let respondedAt: string | null = null;
    if (args.callId) {
      const call = await selectRow(manager, Call, { id: args.callId });
      if (!call) throw new DomainError('notFound', `No call with id ${args.callId}`, { callId: args.callId });
      if (!call.takenBy) {
        throw new DomainError('callNotTaken', 'Answer the call before making a ticket of it', {
          callId: call.id,
        });
      }
      const existing = await selectRow(manager, Ticket, { callId: call.id });
      if (existing) {
        throw new DomainError('callHasTicket', 'This call already has a ticket', {
          ticketId: existing.id,
          reference: existing.reference ?? existing.provisionalReference,
        });
      }
      respondedAt = args.at; // R8: the answered call is the first response
    }
    await assertCustomerExists(manager, args.customerId);
    await assertDeviceExists(manager, args.deviceId);
    await assertSystemExists(manager, args.systemId);
    if (args.noticeId && !(await selectRow(manager, Notice, { id: args.noticeId })))
      throw new DomainError('notFound', `No notice with id ${args.noticeId}`, { field: 'noticeId' });
    if (args.kind === 'dataRestore' && !args.systemId) {
      throw new DomainError('restoreNeedsSystem', 'A data restore must name its system (R13)', {
        field: 'systemId',
      });
    }
    const assignee = args.assigneeId
      ? await assigneeAtCreation(ctx, args.assigneeId, args.assigneeName)
      : null;
    const row = await insertTicket(ctx, { ...args, respondedAt });
    if (assignee?.assigneeId) {
      await saveTicket(ctx, row, assignee, args.at);
      await event(ctx, row.id, 'assigned', args.at, { changes: { assignee: [null, assignee.assigneeName] } });
    }
    const reference = row.reference;
    return { id: row.id, reference, provisionalReference: args.provisionalReference };
  },
});

/**
 * Who is responsible for a new ticket. An assignee the central store refuses (deactivated or
 * without a ticket role since the desk last saw the staff list) leaves the ticket unassigned: the
 * ticket itself is never lost for it.
 */
async function assigneeAtCreation(
  ctx: MutationContext,
  assigneeId: string,
  assigneeName: string | null,
): Promise<{ assigneeId: string | null; assigneeName: string | null } | null> {
  try {
    return await resolveAssignee(ctx, { assigneeId, assigneeName });
  } catch (e) {
    if (e instanceof DomainError && e.code === 'invalidAssignee') return null;
    throw e;
  }
}

/** A chosen system must be one the register has. */
async function assertSystemExists(
  manager: EntityManager,
  systemId: string | null | undefined,
): Promise<void> {
  if (systemId == null) return;
  if (!(await selectRow(manager, BusinessSystem, { id: systemId })))
    throw new DomainError('notFound', `No system with id ${systemId}`, { field: 'systemId', systemId });
}

/** A linked device must be one the register has (on this desk, or on the central store in push order). */
async function assertDeviceExists(
  manager: EntityManager,
  deviceId: string | null | undefined,
): Promise<void> {
  if (deviceId == null) return;
  if (!(await selectRow(manager, Device, { id: deviceId })))
    throw new DomainError('notFound', `No device with id ${deviceId}`, { field: 'deviceId', deviceId });
}

const EDITABLE = [
  'reporterName',
  'reporterPhone',
  'reporterEmail',
  'customerId',
  'workplace',
  'description',
  'title',
  'priority',
  'system',
  'category',
  'device',
  'deviceId',
  'notifyBy',
  'systemId',
  'kind',
] as const;

function refuseIfClosed(ticket: TicketRow, what: string): void {
  if (ticket.status === 'closed') {
    throw new DomainError('invalidTransition', `The ticket is closed; ${what} is no longer possible`, {
      status: ticket.status,
    });
  }
}

export const ticketEdit = defineMutation({
  name: 'ticket.edit',
  schemaVersion: 1,
  args: ticketEditArgs,
  roles: TICKET_ROLES,
  async apply(ctx, args) {
    const ticket = await loadTicket(ctx.manager, args.ticketId);
    refuseIfClosed(ticket, 'editing it');
    const changes: Record<string, [unknown, unknown]> = {};
    const patch: Partial<TicketRow> = {};
    for (const key of EDITABLE) {
      const to = args[key];
      if (to !== undefined && to !== ticket[key]) {
        changes[key] = [ticket[key], to];
        (patch as Record<string, unknown>)[key] = to;
      }
    }
    const after = { ...ticket, ...patch };
    if (after.notifyBy === 'email' && !after.reporterEmail) {
      throw new DomainError('conflict', 'An e-mail address is needed to notify the reporter by e-mail', {
        field: 'reporterEmail',
      });
    }
    if (after.status === 'temporary_solution' && (after.priority === 'medium' || after.priority === 'low')) {
      throw new DomainError(
        'invalidTransition',
        'A ticket resting on a temporary solution must stay critical or high (R12); resume it first',
        { field: 'priority' },
      );
    }
    if (Object.keys(changes).length === 0) return { id: ticket.id, changed: [] as string[] };
    if (changes.customerId) await assertCustomerExists(ctx.manager, patch.customerId);
    if (changes.deviceId) await assertDeviceExists(ctx.manager, patch.deviceId);
    if (changes.systemId) await assertSystemExists(ctx.manager, patch.systemId);
    if (after.kind === 'dataRestore' && !after.systemId) {
      throw new DomainError('restoreNeedsSystem', 'A data restore must name its system (R13)', {
        field: 'systemId',
      });
    }
    // R13: a ticket becomes a data restore past "new" only with its owner's approval, and an approval
    // is for the system it was given for: another system needs its own owner's.
    if (changes.systemId && ticket.restoreApproval) {
      patch.restoreApproval = null;
      changes.restoreApproval = [ticket.restoreApproval, null];
    }
    if (
      after.kind === 'dataRestore' &&
      after.status !== 'new' &&
      !(patch.restoreApproval === undefined ? ticket.restoreApproval : patch.restoreApproval)
    ) {
      throw new DomainError(
        'restoreNotApproved',
        "A data restore cannot be under way before the system owner's approval is recorded (R13)",
        { field: 'kind' },
      );
    }
    await saveTicket(ctx, ticket, patch, args.at);
    await event(ctx, ticket.id, 'changed', args.at, { changes });
    return { id: ticket.id, changed: Object.keys(changes) };
  },
});

/**
 * Who a ticket goes to. The central store resolves the assignee from its own accounts (issue 13,
 * item 6): the id must name an account that can be given tickets (roles.ts whyNotAssignable), and
 * the name stored is the account's, whatever name the desk sent. A desk has no accounts: it takes
 * the name it sent (from its staff directory) optimistically, and the server's row replaces it.
 */
async function resolveAssignee(
  ctx: MutationContext,
  args: Pick<z.output<typeof ticketAssignArgs>, 'assigneeId' | 'assigneeName'>,
): Promise<{ assigneeId: string | null; assigneeName: string | null }> {
  if (args.assigneeId === null) return { assigneeId: null, assigneeName: null };
  if (!ctx.authoritative) return { assigneeId: args.assigneeId, assigneeName: args.assigneeName };
  const account = await selectRow(ctx.manager, UserAccount, { id: args.assigneeId });
  const refuse = (
    problem: 'unknown' | 'inactive' | 'role',
    message: string,
    known: Record<string, unknown> = {},
  ): never => {
    throw new DomainError('invalidAssignee', message, {
      field: 'assigneeId',
      assigneeId: args.assigneeId,
      problem,
      assigneeName: args.assigneeName,
      ...known,
    });
  };
  if (!account) {
    return refuse(
      'unknown',
      `No account with id ${args.assigneeId}: a ticket can only be assigned to an account of the central store`,
    );
  }
  const known = { assigneeName: account.displayName, role: account.role };
  switch (whyNotAssignable(account)) {
    case 'inactive':
      return refuse(
        'inactive',
        `The account of ${account.displayName} is deactivated: a ticket can only be assigned to an active account`,
        known,
      );
    case 'role':
      return refuse(
        'role',
        `${account.displayName} has the role ${account.role}, which does not work tickets (${TICKET_ROLES.join(', ')} do)`,
        known,
      );
    case null:
      return { assigneeId: account.id, assigneeName: account.displayName };
  }
}

export const ticketAssign = defineMutation({
  name: 'ticket.assign',
  schemaVersion: 1,
  args: ticketAssignArgs,
  roles: TICKET_ROLES,
  async apply(ctx, args) {
    const ticket = await loadTicket(ctx.manager, args.ticketId);
    refuseIfClosed(ticket, 'assigning it');
    if (ticket.assigneeId === args.assigneeId) return { id: ticket.id };
    const assignee = await resolveAssignee(ctx, args);
    await saveTicket(ctx, ticket, assignee, args.at);
    await event(ctx, ticket.id, 'assigned', args.at, {
      changes: { assignee: [ticket.assigneeName, assignee.assigneeName] },
    });
    return { id: ticket.id };
  },
});

/** One life-cycle step: status, pauses and resolution time from lifecycle.ts, plus the step's own fields. */
async function step(
  ctx: MutationContext,
  ticketId: string,
  action: TicketAction,
  at: string,
  fields: Partial<TicketRow>,
  detail: Record<string, unknown> = {},
): Promise<TicketRow> {
  const ticket = await loadTicket(ctx.manager, ticketId);
  const next = applyTransition(clockFacts(ticket), action, at);
  checkRestoreMayProceed(ticket, next.status);
  const saved = await saveTicket(
    ctx,
    ticket,
    { ...fields, status: next.status, resolvedAt: next.resolvedAt, pauses: JSON.stringify(next.pauses) },
    at,
  );
  await event(ctx, ticketId, 'status', at, {
    action,
    changes: { status: [ticket.status, next.status] },
    ...detail,
  });
  return saved;
}

export const ticketStart = defineMutation({
  name: 'ticket.start',
  schemaVersion: 1,
  args: ticketStartArgs,
  roles: TICKET_ROLES,
  async apply(ctx, args) {
    await step(ctx, args.ticketId, 'start', args.at, {});
    return { id: args.ticketId };
  },
});

export const ticketAgreedPlan = defineMutation({
  name: 'ticket.agreedPlan',
  schemaVersion: 1,
  args: ticketAgreedPlanArgs,
  roles: TICKET_ROLES,
  async apply(ctx, args) {
    const agreed = {
      agreedWith: args.agreedWith,
      agreedWithName: args.agreedWithName,
      agreedPlan: args.plan,
      agreedTargetDate: args.newTargetDate,
    };
    await step(ctx, args.ticketId, 'agreedPlan', args.at, agreed, agreed);
    return { id: args.ticketId };
  },
});

export const ticketTemporarySolution = defineMutation({
  name: 'ticket.temporarySolution',
  schemaVersion: 1,
  args: ticketTemporarySolutionArgs,
  roles: TICKET_ROLES,
  async apply(ctx, args) {
    await step(
      ctx,
      args.ticketId,
      'temporarySolution',
      args.at,
      { temporarySolution: args.description },
      { description: args.description },
    );
    return { id: args.ticketId };
  },
});

export const ticketResume = defineMutation({
  name: 'ticket.resume',
  schemaVersion: 1,
  args: ticketResumeArgs,
  roles: TICKET_ROLES,
  async apply(ctx, args) {
    await step(ctx, args.ticketId, 'resume', args.at, {}, { reason: args.reason });
    return { id: args.ticketId };
  },
});

export const ticketResolve = defineMutation({
  name: 'ticket.resolve',
  schemaVersion: 1,
  args: ticketResolveArgs,
  roles: TICKET_ROLES,
  async apply(ctx, args) {
    const saved = await step(
      ctx,
      args.ticketId,
      'resolve',
      args.at,
      { resolution: args.resolution },
      { resolution: args.resolution },
    );
    await queueMessage(ctx, saved, 'resolved', args.at, args.resolution); // R9
    return { id: args.ticketId };
  },
});

export const ticketClose = defineMutation({
  name: 'ticket.close',
  schemaVersion: 1,
  args: ticketCloseArgs,
  roles: TICKET_ROLES,
  async apply(ctx, args) {
    await step(ctx, args.ticketId, 'close', args.at, { closedAt: args.at });
    return { id: args.ticketId };
  },
});

export const ticketReopen = defineMutation({
  name: 'ticket.reopen',
  schemaVersion: 1,
  args: ticketReopenArgs,
  roles: TICKET_ROLES,
  async apply(ctx, args) {
    await step(ctx, args.ticketId, 'reopen', args.at, { resolution: null }, { reason: args.reason });
    return { id: args.ticketId };
  },
});

/** Records the first response (R8) if there is none yet; later answers are only logged. */
async function respond(
  ctx: MutationContext,
  ticket: TicketRow,
  channel: string,
  at: string,
): Promise<boolean> {
  if (ticket.respondedAt) return false;
  await saveTicket(ctx, ticket, { respondedAt: at, responseChannel: channel }, at);
  return true;
}

export const ticketRespond = defineMutation({
  name: 'ticket.respond',
  schemaVersion: 1,
  args: ticketRespondArgs,
  roles: TICKET_ROLES,
  async apply(ctx, args) {
    const ticket = await loadTicket(ctx.manager, args.ticketId);
    const first = await respond(ctx, ticket, args.channel, args.at);
    await event(ctx, ticket.id, 'responded', args.at, { channel: args.channel, text: args.text, first });
    return { id: ticket.id, first };
  },
});

/**
 * A note. Kept whatever state the ticket is in (another desk may have closed it meanwhile: the
 * note is not lost). A note for the reporter is sent to them and, as an agent's answer, meets
 * the response target if nothing did yet (R8).
 */
export const ticketNote = defineMutation({
  name: 'ticket.note',
  schemaVersion: 1,
  args: ticketNoteArgs,
  roles: TICKET_ROLES,
  async apply(ctx, args) {
    const ticket = await loadTicket(ctx.manager, args.ticketId);
    let first = false;
    if (args.visibility === 'reporter') {
      if (ticket.notifyBy !== 'none') first = await respond(ctx, ticket, ticket.notifyBy, args.at);
      await queueMessage(ctx, ticket, 'update', args.at, args.text);
    }
    await ctx.write.insert(TicketEvent, {
      id: args.noteId,
      ticketId: ticket.id,
      kind: 'note',
      at: args.at,
      actorId: ctx.actor.userId,
      actorName: ctx.actor.name,
      data: JSON.stringify({ visibility: args.visibility, text: args.text, firstResponse: first }),
    });
    return { id: args.noteId, first };
  },
});

/** R11: a remote session or an on-site visit. Work on a new ticket starts it. */
export const ticketWork = defineMutation({
  name: 'ticket.work',
  schemaVersion: 1,
  args: ticketWorkArgs,
  roles: TICKET_ROLES,
  async apply(ctx, args) {
    const record = args.work.kind === 'remote_session' ? args.work.remote : args.work.visit;
    await recordWork(ctx, args.ticketId, args.workId, args.work.kind, record, args.at);
    return { id: args.workId };
  },
});

/**
 * R11: records a remote session or on-site visit on a ticket, starting a new one. Also how another
 * domain records its work as the ticket's (an equipment handover is an on-site visit).
 */
export async function recordWork(
  ctx: MutationContext,
  ticketId: string,
  workId: string,
  kind: 'remote_session' | 'on_site_visit',
  record: Record<string, unknown>,
  at: string,
): Promise<void> {
  let ticket = await loadTicket(ctx.manager, ticketId);
  if (ticket.status === 'new') ticket = await step(ctx, ticket.id, 'start', at, {});
  await ctx.write.insert(TicketEvent, {
    id: workId,
    ticketId: ticket.id,
    kind,
    at,
    actorId: ctx.actor.userId,
    actorName: ctx.actor.name,
    data: JSON.stringify(record),
  });
}

/** R13: the system owner's approval of a data restore: who, when and how, kept in the history. */
export const ticketApproveRestore = defineMutation({
  name: 'ticket.approveRestore',
  schemaVersion: 1,
  args: restoreApprovalArgs,
  roles: TICKET_ROLES,
  async apply(ctx, args) {
    const ticket = await loadTicket(ctx.manager, args.ticketId);
    refuseIfClosed(ticket, 'recording an approval');
    if (ticket.kind !== 'dataRestore') {
      throw new DomainError('invalidTransition', 'Only a data restore needs the system owner’s approval', {
        status: ticket.status,
      });
    }
    const approval: RestoreApproval = {
      ...args.approval,
      recordedByName: ctx.actor.name,
      recordedAt: args.at,
    };
    await saveTicket(ctx, ticket, { restoreApproval: JSON.stringify(approval) }, args.at);
    await event(ctx, ticket.id, 'restoreApproved', args.at, { ...approval });
    return { id: ticket.id };
  },
});

export interface TicketLinks {
  at: string;
  ticketId: string;
  outageId?: string | null;
  noticeId?: string | null;
}

/**
 * Links a ticket to an outage or a notice (R14), or unlinks it (null); the link is in its history.
 * Another domain's mutator calls it (the systems domain's link actions); the check that the outage
 * or notice exists is the caller's.
 */
export async function linkTicket(
  ctx: MutationContext,
  args: TicketLinks,
): Promise<{ id: string; changed: boolean }> {
  const ticket = await loadTicket(ctx.manager, args.ticketId);
  const patch: Partial<TicketRow> = {};
  const changes: Record<string, [unknown, unknown]> = {};
  for (const key of ['outageId', 'noticeId'] as const) {
    const to = args[key];
    if (to !== undefined && to !== ticket[key]) {
      patch[key] = to;
      changes[key] = [ticket[key], to];
    }
  }
  if (Object.keys(changes).length === 0) return { id: ticket.id, changed: false };
  await saveTicket(ctx, ticket, patch, args.at);
  await event(ctx, ticket.id, 'linked', args.at, { changes });
  return { id: ticket.id, changed: true };
}

export const TICKET_MUTATIONS = [
  ticketCreate,
  ticketEdit,
  ticketAssign,
  ticketStart,
  ticketAgreedPlan,
  ticketTemporarySolution,
  ticketResume,
  ticketResolve,
  ticketClose,
  ticketReopen,
  ticketRespond,
  ticketNote,
  ticketWork,
  ticketApproveRestore,
];
