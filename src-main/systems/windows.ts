// Maintenance windows' mutators (R20, R24): a system's fixed weekly window
// and the one-off windows agreed with its owner.
import { DomainError } from '../../src-shared/errors';
import { SYSTEMS_MANAGER_ROLES } from '../../src-shared/roles';
import {
  checkWindow,
  windowCancelArgs,
  windowSaveArgs,
  type WindowFields,
} from '../../src-shared/systems/windows';
import { changesOf } from '../mutations/changes';
import { defineMutation } from '../mutations/define';
import { BusinessSystem, MaintenanceWindow, type MaintenanceWindowRow } from '../store/entities';
import { selectRow } from '../store/rowSql';
import { recordEvent } from './history';

function columnsOf(
  w: WindowFields,
): Omit<MaintenanceWindowRow, 'id' | 'systemId' | 'cancelled' | 'createdAt' | 'updatedAt' | 'updatedByName'> {
  const none = {
    weekday: null,
    startTime: null,
    endTime: null,
    validFrom: null,
    validUntil: null,
    startsAt: null,
    endsAt: null,
    announcedAt: null,
    shortNoticeReason: null,
  };
  return w.kind === 'weekly'
    ? {
        ...none,
        kind: 'weekly',
        weekday: w.weekday,
        startTime: w.start,
        endTime: w.end,
        validFrom: w.validFrom,
        validUntil: w.validUntil,
        agreedWithName: w.agreedWithName,
        note: w.note,
      }
    : {
        ...none,
        kind: 'once',
        startsAt: w.startsAt,
        endsAt: w.endsAt,
        announcedAt: w.announcedAt,
        shortNoticeReason: w.shortNoticeReason,
        agreedWithName: w.agreedWithName,
        note: w.note,
      };
}

export const windowSave = defineMutation({
  name: 'window.save',
  schemaVersion: 1,
  args: windowSaveArgs,
  roles: SYSTEMS_MANAGER_ROLES,
  async apply(ctx, args) {
    checkWindow(args.window);
    if (!(await selectRow(ctx.manager, BusinessSystem, { id: args.systemId })))
      throw new DomainError('notFound', `No system with id ${args.systemId}`, { field: 'systemId' });
    const fields = { systemId: args.systemId, ...columnsOf(args.window) };
    const existing = await selectRow(ctx.manager, MaintenanceWindow, { id: args.id });
    if (!existing) {
      await ctx.write.insert(MaintenanceWindow, {
        id: args.id,
        ...fields,
        cancelled: 0,
        createdAt: args.at,
        updatedAt: args.at,
        updatedByName: ctx.actor.name,
      });
      await recordEvent(ctx, args.systemId, 'windowSaved', args.at, { windowId: args.id, ...args.window });
      return { id: args.id, outcome: 'created' as const };
    }
    const changes = changesOf(existing, fields);
    if (Object.keys(changes).length === 0) return { id: args.id, outcome: 'same' as const };
    await ctx.write.update(
      MaintenanceWindow,
      args.id,
      { ...fields, updatedAt: args.at, updatedByName: ctx.actor.name },
      existing,
    );
    await recordEvent(ctx, args.systemId, 'windowSaved', args.at, { windowId: args.id, changes });
    return { id: args.id, outcome: 'changed' as const };
  },
});

/** A cancelled window is kept (its history), and no longer taken out of the uptime period. */
export const windowCancel = defineMutation({
  name: 'window.cancel',
  schemaVersion: 1,
  args: windowCancelArgs,
  roles: SYSTEMS_MANAGER_ROLES,
  async apply(ctx, args) {
    const existing = await selectRow(ctx.manager, MaintenanceWindow, { id: args.windowId });
    if (!existing) throw new DomainError('notFound', `No maintenance window with id ${args.windowId}`);
    if (existing.cancelled === 1) return { id: existing.id, changed: false };
    await ctx.write.update(
      MaintenanceWindow,
      existing.id,
      { cancelled: 1, updatedAt: args.at, updatedByName: ctx.actor.name },
      existing,
    );
    await recordEvent(ctx, existing.systemId, 'windowCancelled', args.at, { windowId: existing.id });
    return { id: existing.id, changed: true };
  },
});
