// The systems register on the desk's local router (issue 16): the register
// and its roles, outages, maintenance windows, notices and uptime. Writes go
// through the named mutations; instants and new ids are filled in here.
import { z } from 'zod';
import type { EntityManager } from 'typeorm';
import { DomainError } from '../../src-shared/errors';
import { stampedMutation } from '../local/stampedMutation';
import { actorProcedure, router } from '../local/trpc';
import { outageConfirm, outageDismiss, outageEdit, outageLinkTicket, outageRecord } from './outages';
import { noticeLinkTicket, noticePublish, noticeUpdate } from './notices';
import {
  allOutages,
  allWindows,
  listNotices,
  listSystems,
  noticeCard,
  noticesFor,
  outageCard,
  rolesAt,
  systemCard,
  systemsLackingOwner,
  uptimeMonth,
  uptimeTable,
} from './queries';
import { systemRemoveCustomer, systemSave, systemSetRoles } from './register';
import { windowCancel, windowSave } from './windows';

const idParam = z.object({ id: z.uuid() });
const customerId = z.string().trim().min(1).max(64);
const yearSchema = z.number().int().min(2000).max(2100);
const manager = (ctx: { desk: { store: { dataSource: { manager: EntityManager } } } }) =>
  ctx.desk.store.dataSource.manager;

export const systemsRouter = router({
  list: actorProcedure.query(({ ctx }) => listSystems(manager(ctx))),
  card: actorProcedure.input(idParam).query(async ({ ctx, input }) => {
    const card = await systemCard(manager(ctx), input.id);
    if (!card) throw new DomainError('notFound', `No system with id ${input.id}`);
    return card;
  }),
  /** R10, R13: the system's owner and responsible at the ticket's customer. */
  rolesAt: actorProcedure
    .input(z.object({ systemId: z.uuid(), customerId }))
    .query(({ ctx, input }) => rolesAt(manager(ctx), input.systemId, input.customerId)),
  lackingOwner: actorProcedure.query(({ ctx }) => systemsLackingOwner(manager(ctx))),
  save: stampedMutation(systemSave, { at: 'at' }),
  setRoles: stampedMutation(systemSetRoles, { at: 'at' }),
  removeCustomer: stampedMutation(systemRemoveCustomer, { at: 'at' }),

  outages: actorProcedure.query(({ ctx }) => allOutages(manager(ctx))),
  outage: actorProcedure.input(idParam).query(async ({ ctx, input }) => {
    const card = await outageCard(manager(ctx), input.id);
    if (!card) throw new DomainError('notFound', `No outage with id ${input.id}`);
    return card;
  }),
  recordOutage: stampedMutation(outageRecord, { at: 'at', id: 'id' }),
  editOutage: stampedMutation(outageEdit, { at: 'at' }),
  confirmOutage: stampedMutation(outageConfirm, { at: 'at' }),
  dismissOutage: stampedMutation(outageDismiss, { at: 'at' }),
  linkOutage: stampedMutation(outageLinkTicket, { at: 'at' }),

  windows: actorProcedure.query(({ ctx }) => allWindows(manager(ctx))),
  saveWindow: stampedMutation(windowSave, { at: 'at', id: 'id' }),
  cancelWindow: stampedMutation(windowCancel, { at: 'at' }),

  notices: actorProcedure
    .input(z.object({ includeResolved: z.boolean().default(false) }))
    .query(({ ctx, input }) => listNotices(manager(ctx), input)),
  notice: actorProcedure.input(idParam).query(async ({ ctx, input }) => {
    const card = await noticeCard(manager(ctx), input.id);
    if (!card) throw new DomainError('notFound', `No notice with id ${input.id}`);
    return card;
  }),
  /** R14: the notices to show while a call or ticket names this system or customer. */
  noticesFor: actorProcedure
    .input(z.object({ systemId: z.uuid().nullish(), customerId: customerId.nullish() }))
    .query(({ ctx, input }) => noticesFor(manager(ctx), input)),
  publishNotice: stampedMutation(noticePublish, { at: 'at', id: 'id' }),
  updateNotice: stampedMutation(noticeUpdate, { at: 'at' }),
  linkNotice: stampedMutation(noticeLinkTicket, { at: 'at' }),

  uptimeYear: actorProcedure
    .input(z.object({ year: yearSchema, systemId: z.uuid().optional(), customerId: customerId.optional() }))
    .query(({ ctx, input }) => uptimeTable(manager(ctx), input.year, Date.now(), input)),
  uptimeMonth: actorProcedure
    .input(
      z.object({ year: yearSchema, month: z.number().int().min(1).max(12), systemId: z.uuid(), customerId }),
    )
    .query(async ({ ctx, input }) => {
      const detail = await uptimeMonth(manager(ctx), input.year, input.month, Date.now(), input);
      if (!detail) throw new DomainError('notFound', `No system with id ${input.systemId}`);
      return detail;
    }),
});
