// Outages' mutators (R20, R22, R23, issue 16 items 3 and 6): recorded by a
// team lead (from a ticket, in one action), edited field by field, linked to
// tickets; suspected by the central store's probe, then confirmed or dismissed.
import { z } from 'zod';
import { DomainError } from '../../src-shared/errors';
import { SYSTEMS_LINK_ROLES, SYSTEMS_MANAGER_ROLES } from '../../src-shared/roles';
import {
  checkOutage,
  outageConfirmArgs,
  outageDismissArgs,
  outageEditArgs,
  outageLinkTicketArgs,
  outageRecordArgs,
  type OutageFields,
  type SystemFacts,
} from '../../src-shared/systems/outages';
import { instantSchema } from '../../src-shared/time';
import { changesOf } from '../mutations/changes';
import { defineMutation, type MutationContext } from '../mutations/define';
import { BusinessSystem, Outage, type OutageRow } from '../store/entities';
import { runSql, selectRow } from '../store/rowSql';
import { linkTicket, loadTicket } from '../tickets';
import { recordEvent } from './history';

async function systemFacts(ctx: MutationContext): Promise<SystemFacts[]> {
  const rows = (await runSql(
    ctx.manager,
    `SELECT id, name, remote_access FROM business_system`,
    [],
  )) as Array<{
    id: string;
    name: string;
    remote_access: number;
  }>;
  return rows.map((r) => ({ id: r.id, name: r.name, remoteAccess: Number(r.remote_access) === 1 }));
}

export async function loadOutage(ctx: MutationContext, id: string): Promise<OutageRow> {
  const row = await selectRow(ctx.manager, Outage, { id });
  if (!row) throw new DomainError('notFound', `No outage with id ${id}`, { outageId: id });
  return row;
}

/** An outage row's fields as the rules read them. */
export function outageFieldsOf(row: OutageRow): OutageFields {
  return {
    title: row.title,
    description: row.description,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    systemIds: JSON.parse(row.systemIds) as string[],
    customerIds: JSON.parse(row.customerIds) as string[],
    planned: row.planned === 1,
    cause: row.cause as OutageFields['cause'],
    announcedAt: row.announcedAt,
    shortNoticeReason: row.shortNoticeReason,
  };
}

function columnsOf(o: Partial<OutageFields>): Partial<OutageRow> {
  const c: Partial<OutageRow> = {};
  if (o.title !== undefined) c.title = o.title;
  if (o.description !== undefined) c.description = o.description;
  if (o.startsAt !== undefined) c.startsAt = o.startsAt;
  if (o.endsAt !== undefined) c.endsAt = o.endsAt;
  if (o.systemIds !== undefined) c.systemIds = JSON.stringify(o.systemIds);
  if (o.customerIds !== undefined) c.customerIds = JSON.stringify(o.customerIds);
  if (o.planned !== undefined) c.planned = o.planned ? 1 : 0;
  if (o.cause !== undefined) c.cause = o.cause;
  if (o.announcedAt !== undefined) c.announcedAt = o.announcedAt;
  if (o.shortNoticeReason !== undefined) c.shortNoticeReason = o.shortNoticeReason;
  return c;
}

export const outageRecord = defineMutation({
  name: 'outage.record',
  schemaVersion: 1,
  args: outageRecordArgs,
  roles: SYSTEMS_MANAGER_ROLES,
  async apply(ctx, args) {
    checkOutage(args.outage, await systemFacts(ctx));
    if (args.fromTicketId) await loadTicket(ctx.manager, args.fromTicketId);
    const row: OutageRow = {
      ...(columnsOf(args.outage) as Required<ReturnType<typeof columnsOf>>),
      id: args.id,
      state: 'confirmed',
      source: 'desk',
      measuredStart: null,
      measuredEnd: null,
      createdByName: ctx.actor.name,
      createdAt: args.at,
      updatedAt: args.at,
      updatedByName: ctx.actor.name,
    };
    await ctx.write.insert(Outage, row);
    await recordEvent(ctx, args.id, 'outageRecorded', args.at, {
      ...args.outage,
      fromTicketId: args.fromTicketId,
    });
    if (args.fromTicketId)
      await linkTicket(ctx, { at: args.at, ticketId: args.fromTicketId, outageId: args.id });
    return { id: args.id };
  },
});

/** Only the fields named change, so two desks editing different fields of one outage both keep theirs. */
export const outageEdit = defineMutation({
  name: 'outage.edit',
  schemaVersion: 1,
  args: outageEditArgs,
  roles: SYSTEMS_MANAGER_ROLES,
  async apply(ctx, args) {
    const row = await loadOutage(ctx, args.outageId);
    const after = { ...outageFieldsOf(row), ...args.patch } as OutageFields;
    checkOutage(after, await systemFacts(ctx));
    const changes = changesOf(row, columnsOf(args.patch));
    if (Object.keys(changes).length === 0) return { id: row.id, changed: [] as string[] };
    await ctx.write.update(
      Outage,
      row.id,
      { ...columnsOf(args.patch), updatedAt: args.at, updatedByName: ctx.actor.name },
      row,
    );
    await recordEvent(ctx, row.id, 'outageChanged', args.at, { changes });
    return { id: row.id, changed: Object.keys(changes) };
  },
});

/** A probe's suspected outage becomes a recorded one, with its cause. */
export const outageConfirm = defineMutation({
  name: 'outage.confirm',
  schemaVersion: 1,
  args: outageConfirmArgs,
  roles: SYSTEMS_MANAGER_ROLES,
  async apply(ctx, args) {
    const row = await loadOutage(ctx, args.outageId);
    if (row.state === 'confirmed') return { id: row.id, changed: false };
    const patch: Partial<OutageRow> = { state: 'confirmed', cause: args.cause };
    if (args.title) patch.title = args.title;
    await ctx.write.update(
      Outage,
      row.id,
      { ...patch, updatedAt: args.at, updatedByName: ctx.actor.name },
      row,
    );
    await recordEvent(ctx, row.id, 'outageConfirmed', args.at, { cause: args.cause, from: row.state });
    return { id: row.id, changed: true };
  },
});

export const outageDismiss = defineMutation({
  name: 'outage.dismiss',
  schemaVersion: 1,
  args: outageDismissArgs,
  roles: SYSTEMS_MANAGER_ROLES,
  async apply(ctx, args) {
    const row = await loadOutage(ctx, args.outageId);
    if (row.state === 'dismissed') return { id: row.id, changed: false };
    await ctx.write.update(
      Outage,
      row.id,
      { state: 'dismissed', updatedAt: args.at, updatedByName: ctx.actor.name },
      row,
    );
    await recordEvent(ctx, row.id, 'outageDismissed', args.at, { reason: args.reason, from: row.state });
    return { id: row.id, changed: true };
  },
});

/** Links a ticket to an outage (R14's "one action" for outages), or unlinks it. */
export const outageLinkTicket = defineMutation({
  name: 'outage.linkTicket',
  schemaVersion: 1,
  args: outageLinkTicketArgs,
  roles: SYSTEMS_LINK_ROLES,
  async apply(ctx, args) {
    if (args.outageId) await loadOutage(ctx, args.outageId);
    const result = await linkTicket(ctx, { at: args.at, ticketId: args.ticketId, outageId: args.outageId });
    if (result.changed && args.outageId)
      await recordEvent(ctx, args.outageId, 'ticketLinked', args.at, { ticketId: args.ticketId });
    return result;
  },
});

// ---------------------------------------------------------------------------------------------
// The central store's probe (server-only mutations: a desk never pushes them)

const probeOpenArgs = z.object({
  at: instantSchema,
  id: z.uuid(),
  systemId: z.uuid(),
  /** The first failed check in the row that opened it. */
  since: instantSchema,
  error: z.string().max(500),
});

/** N failed checks in a row: a suspected outage, waiting for a team lead to confirm or dismiss. */
export const outageSuspect = defineMutation({
  name: 'outage.suspect',
  schemaVersion: 1,
  args: probeOpenArgs,
  roles: ['admin'],
  async apply(ctx, args) {
    const system = await selectRow(ctx.manager, BusinessSystem, { id: args.systemId });
    if (!system) throw new DomainError('notFound', `No system with id ${args.systemId}`);
    await ctx.write.insert(Outage, {
      id: args.id,
      title: `${system.name}: ${args.error}`.slice(0, 200),
      description: null,
      startsAt: args.since,
      endsAt: null,
      systemIds: JSON.stringify([args.systemId]),
      customerIds: '[]',
      planned: 0,
      cause: 'unknown',
      state: 'suspected',
      source: 'probe',
      measuredStart: args.since,
      measuredEnd: null,
      announcedAt: null,
      shortNoticeReason: null,
      createdByName: ctx.actor.name,
      createdAt: args.at,
      updatedAt: args.at,
      updatedByName: ctx.actor.name,
    });
    await recordEvent(ctx, args.id, 'outageSuspected', args.at, {
      systemId: args.systemId,
      since: args.since,
      error: args.error,
    });
    return { id: args.id };
  },
});

const probeRecoveredArgs = z.object({ at: instantSchema, outageId: z.uuid(), upAt: instantSchema });

/**
 * The first good check after a probe's outage: its measured end. An outage still open (suspected,
 * or confirmed without an end a team lead gave) ends there too.
 */
export const outageProbeRecovered = defineMutation({
  name: 'outage.probeRecovered',
  schemaVersion: 1,
  args: probeRecoveredArgs,
  roles: ['admin'],
  async apply(ctx, args) {
    const row = await loadOutage(ctx, args.outageId);
    const patch: Partial<OutageRow> = { measuredEnd: args.upAt };
    if (row.endsAt === null) patch.endsAt = args.upAt;
    await ctx.write.update(
      Outage,
      row.id,
      { ...patch, updatedAt: args.at, updatedByName: ctx.actor.name },
      row,
    );
    await recordEvent(ctx, row.id, 'probeRecovered', args.at, { upAt: args.upAt });
    return { id: row.id };
  },
});
