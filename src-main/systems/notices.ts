// Operational notices' mutators (R14): published (from an outage or a
// window, or on their own), updated in time order, linked to tickets.
import { DomainError } from '../../src-shared/errors';
import { SYSTEMS_LINK_ROLES, SYSTEMS_MANAGER_ROLES } from '../../src-shared/roles';
import { noticeLinkTicketArgs, noticePublishArgs, noticeUpdateArgs } from '../../src-shared/systems/notices';
import { defineMutation, type MutationContext } from '../mutations/define';
import { MaintenanceWindow, Notice, NoticeUpdate, Outage, type NoticeRow } from '../store/entities';
import { selectRow } from '../store/rowSql';
import { linkTicket } from '../tickets';
import { recordEvent } from './history';

async function loadNotice(ctx: MutationContext, id: string): Promise<NoticeRow> {
  const row = await selectRow(ctx.manager, Notice, { id });
  if (!row) throw new DomainError('notFound', `No notice with id ${id}`, { noticeId: id });
  return row;
}

export const noticePublish = defineMutation({
  name: 'notice.publish',
  schemaVersion: 1,
  args: noticePublishArgs,
  roles: SYSTEMS_MANAGER_ROLES,
  async apply(ctx, args) {
    if (args.outageId && !(await selectRow(ctx.manager, Outage, { id: args.outageId })))
      throw new DomainError('notFound', `No outage with id ${args.outageId}`, { field: 'outageId' });
    if (args.windowId && !(await selectRow(ctx.manager, MaintenanceWindow, { id: args.windowId })))
      throw new DomainError('notFound', `No maintenance window with id ${args.windowId}`, {
        field: 'windowId',
      });
    const n = args.notice;
    await ctx.write.insert(Notice, {
      id: args.id,
      title: n.title,
      body: n.body,
      state: n.state,
      systemIds: JSON.stringify(n.systemIds),
      customerIds: JSON.stringify(n.customerIds),
      startsAt: n.startsAt,
      endsAt: n.endsAt,
      outageId: args.outageId,
      windowId: args.windowId,
      createdAt: args.at,
      updatedAt: args.at,
      updatedByName: ctx.actor.name,
    });
    await ctx.write.insert(NoticeUpdate, {
      id: ctx.newId(),
      noticeId: args.id,
      at: args.at,
      state: n.state,
      text: n.body,
      createdByName: ctx.actor.name,
    });
    await recordEvent(ctx, args.id, 'noticePublished', args.at, {
      ...n,
      outageId: args.outageId,
      windowId: args.windowId,
    });
    return { id: args.id };
  },
});

/** An update in time order; a resolved notice ends then, and the newest update's state is the notice's. */
export const noticeUpdate = defineMutation({
  name: 'notice.update',
  schemaVersion: 1,
  args: noticeUpdateArgs,
  roles: SYSTEMS_MANAGER_ROLES,
  async apply(ctx, args) {
    const notice = await loadNotice(ctx, args.noticeId);
    const id = ctx.newId();
    await ctx.write.insert(NoticeUpdate, {
      id,
      noticeId: notice.id,
      at: args.at,
      state: args.state,
      text: args.text,
      createdByName: ctx.actor.name,
    });
    // An update older than the notice's latest (an offline desk's, synced late) takes its place in
    // the list, in time order, but does not turn back the state a newer update gave the notice.
    if (args.at >= notice.updatedAt) {
      const patch: Partial<NoticeRow> = {
        state: args.state,
        updatedAt: args.at,
        updatedByName: ctx.actor.name,
      };
      if (args.state === 'resolved' && notice.endsAt === null) patch.endsAt = args.at;
      await ctx.write.update(Notice, notice.id, patch, notice);
    }
    await recordEvent(ctx, notice.id, 'noticeUpdated', args.at, {
      state: [notice.state, args.state],
      text: args.text,
    });
    return { id };
  },
});

/** R14: the one action that links a ticket to the notice its agent was shown, or unlinks it. */
export const noticeLinkTicket = defineMutation({
  name: 'notice.linkTicket',
  schemaVersion: 1,
  args: noticeLinkTicketArgs,
  roles: SYSTEMS_LINK_ROLES,
  async apply(ctx, args) {
    if (args.noticeId) await loadNotice(ctx, args.noticeId);
    const result = await linkTicket(ctx, { at: args.at, ticketId: args.ticketId, noticeId: args.noticeId });
    if (result.changed && args.noticeId)
      await recordEvent(ctx, args.noticeId, 'ticketLinked', args.at, { ticketId: args.ticketId });
    return result;
  },
});
