// Devices in the register: registered one by one or from an inventory's CSV,
// their details changed, a replacement recommended by a technician (R17).
// Status moves (delivered, handed in, recycled) are the handover's and the
// recycling register's.
import { ACTIVE_STATUSES, normalizeLabel, type DeviceStatus } from '../../src-shared/equipment/catalogue';
import {
  deviceEditArgs,
  deviceImportArgs,
  deviceRecommendReplacementArgs,
  deviceRegisterArgs,
  type DeviceEntry,
} from '../../src-shared/equipment/schemas';
import { EQUIPMENT_ROLES } from '../../src-shared/roles';
import { defineMutation, type MutationContext } from '../mutations/define';
import { Device, EquipmentEvent, type DeviceRow } from '../store/entities';
import { assertCustomerExists } from '../store/referenceData';
import { selectRow, selectRows } from '../store/rowSql';
import { DomainError } from '../../src-shared/errors';
import { assertLabelsFree, assertNotAfterDay, deviceNotAvailable, loadDevice, loadModel } from './checks';
import { changesOf, recordEvent } from './history';

/** Registers a new device after every check; `fieldPrefix` names where its fields sit in the arguments. */
export async function registerDevice(
  ctx: MutationContext,
  entry: DeviceEntry,
  at: string,
  fieldPrefix = 'device.',
): Promise<DeviceRow> {
  const same = await selectRow(ctx.manager, Device, { id: entry.id });
  if (same) {
    // The same device (an inventory imported twice, on two desks): refused as its serial would be.
    throw new DomainError(
      'duplicateSerial',
      `Serial ${same.serial} is already registered (by ${same.createdByName}, ${same.createdAt})`,
      {
        field: `${fieldPrefix}serial`,
        serial: same.serial,
        deviceId: same.id,
        registeredBy: same.createdByName,
        registeredAt: same.createdAt,
      },
    );
  }
  const model = await loadModel(ctx.manager, entry.modelId, `${fieldPrefix}modelId`);
  await assertCustomerExists(ctx.manager, entry.customerId);
  assertNotAfterDay(entry.setupDate, at, `${fieldPrefix}setupDate`);
  assertNotAfterDay(entry.deliveredDate, at, `${fieldPrefix}deliveredDate`);
  await assertLabelsFree(ctx.manager, { ...entry, maker: model.maker }, entry.id, fieldPrefix);
  const row: DeviceRow = {
    id: entry.id,
    serial: entry.serial,
    serialKey: normalizeLabel(entry.serial),
    assetTag: entry.assetTag,
    assetTagKey: entry.assetTag === null ? null : normalizeLabel(entry.assetTag),
    modelId: entry.modelId,
    customerId: entry.customerId,
    workplace: entry.workplace,
    assignedUser: entry.assignedUser,
    assignedReporterId: entry.assignedReporterId,
    network: entry.network,
    setupDate: entry.setupDate,
    deliveredDate: entry.deliveredDate,
    status: entry.status,
    replacementReason: null,
    notes: entry.notes,
    handoverId: null,
    handedInAt: null,
    handedInByName: null,
    condition: null,
    diskRemoved: null,
    batchId: null,
    wipeMethod: null,
    wipeTool: null,
    wipedBy: null,
    wipedOn: null,
    recycledAt: null,
    createdAt: at,
    createdByName: ctx.actor.name,
    updatedAt: at,
    updatedByName: ctx.actor.name,
  };
  await ctx.write.insert(Device, row);
  await recordEvent(ctx, row.id, 'registered', at, {
    serial: row.serial,
    assetTag: row.assetTag,
    modelId: row.modelId,
    status: row.status,
  });
  return row;
}

export const deviceRegister = defineMutation({
  name: 'equipment.registerDevice',
  schemaVersion: 1,
  args: deviceRegisterArgs,
  roles: EQUIPMENT_ROLES,
  async apply(ctx, args) {
    const row = await registerDevice(ctx, args.device, args.at);
    return { id: row.id };
  },
});

/** A batch of an existing inventory's CSV (rows already checked against each other by the parser). */
export const deviceImport = defineMutation({
  name: 'equipment.importDevices',
  schemaVersion: 1,
  args: deviceImportArgs,
  roles: EQUIPMENT_ROLES,
  async apply(ctx, args) {
    for (const [i, entry] of args.devices.entries())
      await registerDevice(ctx, entry, args.at, `devices.${i}.`);
    return { count: args.devices.length };
  },
});

const GONE: readonly DeviceStatus[] = ['recycled'];

export const deviceEdit = defineMutation({
  name: 'equipment.editDevice',
  schemaVersion: 1,
  args: deviceEditArgs,
  roles: EQUIPMENT_ROLES,
  async apply(ctx, args) {
    const device = await loadDevice(ctx.manager, args.deviceId);
    if (GONE.includes(device.status as DeviceStatus))
      throw deviceNotAvailable(device, 'it can no longer be changed');
    const patch: Partial<DeviceRow> = { ...args.changes };
    const after = { ...device, ...patch };
    const model = await loadModel(ctx.manager, after.modelId, 'changes.modelId');
    if (patch.customerId) await assertCustomerExists(ctx.manager, patch.customerId);
    assertNotAfterDay(patch.setupDate, args.at, 'changes.setupDate');
    assertNotAfterDay(patch.deliveredDate, args.at, 'changes.deliveredDate');
    if (patch.serial !== undefined || patch.assetTag !== undefined || patch.modelId !== undefined) {
      await assertLabelsFree(ctx.manager, { ...after, maker: model.maker }, device.id, 'changes.');
    }
    if (patch.serial !== undefined) patch.serialKey = normalizeLabel(patch.serial);
    if (patch.assetTag !== undefined)
      patch.assetTagKey = patch.assetTag === null ? null : normalizeLabel(patch.assetTag);
    const changes = changesOf(device, args.changes);
    if (Object.keys(changes).length === 0) return { id: device.id, changed: [] as string[] };
    await ctx.write.update(Device, device.id, {
      ...patch,
      updatedAt: args.at,
      updatedByName: ctx.actor.name,
    });
    await recordEvent(ctx, device.id, 'changed', args.at, { changes });
    return { id: device.id, changed: Object.keys(changes) };
  },
});

/** R17: a technician recommends replacing a device still out there, with a reason; or withdraws it. */
export const deviceRecommendReplacement = defineMutation({
  name: 'equipment.recommendReplacement',
  schemaVersion: 1,
  args: deviceRecommendReplacementArgs,
  roles: EQUIPMENT_ROLES,
  async apply(ctx, args) {
    const device = await loadDevice(ctx.manager, args.deviceId);
    if (!ACTIVE_STATUSES.includes(device.status as DeviceStatus)) {
      throw deviceNotAvailable(device, 'only a device still in stock or in use can be marked');
    }
    const marked = args.reason !== null;
    const before = await statusBeforeMark(ctx, device);
    const status: DeviceStatus = marked ? 'replacement_recommended' : before;
    await ctx.write.update(Device, device.id, {
      status,
      replacementReason: args.reason,
      updatedAt: args.at,
      updatedByName: ctx.actor.name,
    });
    await recordEvent(ctx, device.id, marked ? 'replacementRecommended' : 'replacementWithdrawn', args.at, {
      reason: args.reason,
      ...(marked ? { previousStatus: before } : {}),
    });
    return { id: device.id, status };
  },
});

/**
 * The status a device had before it was marked (kept in the mark's event), to go back to when the
 * mark is withdrawn: a device in use without a delivered date (an imported inventory's) stays in use.
 */
async function statusBeforeMark(ctx: MutationContext, device: DeviceRow): Promise<DeviceStatus> {
  if (device.status !== 'replacement_recommended') return device.status as DeviceStatus;
  const [mark] = await selectRows(
    ctx.manager,
    EquipmentEvent,
    { subjectId: device.id, kind: 'replacementRecommended' },
    { orderBy: ['at', 'id'], descending: true, limit: 1 },
  );
  const before = mark ? (JSON.parse(mark.data) as { previousStatus?: unknown }).previousStatus : undefined;
  // A mark kept without it: by whether the device was delivered.
  return before === 'in_stock' || before === 'in_use' ? before : device.deliveredDate ? 'in_use' : 'in_stock';
}
