// R19: the recycling register. Handed-in devices leave in batches (the list
// as it left is kept, for the handover sheet the recycler signs); a batch is
// closed only with the recycler's certificate of disposal, and a device
// becomes "recycled" only with a data-wipe confirmation.
import { osloDay } from '../../src-shared/equipment/rules';
import { batchCloseArgs, batchSendArgs, wipeConfirmArgs } from '../../src-shared/equipment/schemas';
import { DomainError } from '../../src-shared/errors';
import { EQUIPMENT_ROLES } from '../../src-shared/roles';
import { defineMutation } from '../mutations/define';
import { Device, RecyclingBatch, type DeviceRow } from '../store/entities';
import { selectRow, selectRows } from '../store/rowSql';
import { assertNotAfterDay, deviceNotAvailable, loadDevice, loadModel } from './checks';
import { recordEvent } from './history';

/** A batch's human reference: its sending day and the end of its id (unique enough to say on the phone). */
export function batchReference(sentDate: string, batchId: string): string {
  return `RB-${sentDate.replace(/-/g, '')}-${batchId.replace(/-/g, '').slice(-5).toUpperCase()}`;
}

/** A device as it left in a batch (the handover sheet's line). */
export interface BatchLine {
  deviceId: string;
  serial: string;
  assetTag: string | null;
  maker: string;
  model: string;
  category: string;
  customerId: string;
  handedInAt: string | null;
  handedInByName: string | null;
  condition: string | null;
  diskRemoved: boolean;
}

export const batchSend = defineMutation({
  name: 'equipment.sendBatch',
  schemaVersion: 1,
  args: batchSendArgs,
  roles: EQUIPMENT_ROLES,
  async apply(ctx, args) {
    const { manager, actor } = ctx;
    assertNotAfterDay(args.sentDate, args.at, 'sentDate');
    if (await selectRow(manager, RecyclingBatch, { id: args.batchId })) {
      throw new DomainError('conflict', 'This batch was sent already', { field: 'batchId' });
    }
    const lines: BatchLine[] = [];
    const devices: DeviceRow[] = [];
    for (const [i, id] of args.deviceIds.entries()) {
      const device = await loadDevice(manager, id, `deviceIds.${i}`);
      if (device.status !== 'handed_in') {
        throw deviceNotAvailable(device, 'only a handed-in device can go in a batch', `deviceIds.${i}`);
      }
      const handedInOn = device.handedInAt ? osloDay(device.handedInAt) : null;
      if (handedInOn && args.sentDate < handedInOn) {
        throw new DomainError(
          'sentBeforeHandIn',
          `The batch cannot leave on ${args.sentDate}: ${device.serial} was handed in on ${handedInOn}`,
          { field: 'sentDate', sentDate: args.sentDate, serial: device.serial, handedInOn },
        );
      }
      const model = await loadModel(manager, device.modelId, `deviceIds.${i}`);
      devices.push(device);
      lines.push({
        deviceId: device.id,
        serial: device.serial,
        assetTag: device.assetTag,
        maker: model.maker,
        model: model.name,
        category: model.category,
        customerId: device.customerId,
        handedInAt: device.handedInAt,
        handedInByName: device.handedInByName,
        condition: device.condition,
        diskRemoved: device.diskRemoved === 1,
      });
    }
    const reference = batchReference(args.sentDate, args.batchId);
    await ctx.write.insert(RecyclingBatch, {
      id: args.batchId,
      reference,
      sentDate: args.sentDate,
      recycler: args.recycler,
      status: 'sent',
      devices: JSON.stringify(lines),
      certificateReference: null,
      destructionMethod: null,
      closedAt: null,
      closedByName: null,
      createdAt: args.at,
      createdByName: actor.name,
    });
    for (const device of devices) {
      await ctx.write.update(Device, device.id, {
        status: 'in_recycling_batch',
        batchId: args.batchId,
        updatedAt: args.at,
        updatedByName: actor.name,
      });
      await recordEvent(ctx, device.id, 'batched', args.at, { batchId: args.batchId, reference });
    }
    await recordEvent(ctx, args.batchId, 'batchSent', args.at, {
      reference,
      recycler: args.recycler,
      devices: lines.length,
    });
    return { id: args.batchId, reference };
  },
});

export const batchClose = defineMutation({
  name: 'equipment.closeBatch',
  schemaVersion: 1,
  args: batchCloseArgs,
  roles: EQUIPMENT_ROLES,
  async apply(ctx, args) {
    const { manager, actor } = ctx;
    const batch = await selectRow(manager, RecyclingBatch, { id: args.batchId });
    if (!batch)
      throw new DomainError('notFound', `No recycling batch with id ${args.batchId}`, { field: 'batchId' });
    if (batch.status === 'closed') {
      throw new DomainError('batchClosed', `Batch ${batch.reference} was closed by ${batch.closedByName}`, {
        field: 'batchId',
        reference: batch.reference,
        closedBy: batch.closedByName,
        closedAt: batch.closedAt,
      });
    }
    const devices = await selectRows(manager, Device, { batchId: batch.id });
    const unwiped = devices.filter((d) => d.wipeMethod === null);
    if (unwiped.length > 0 && !args.wipedByRecycler) {
      throw new DomainError(
        'wipeMissing',
        `No data-wipe confirmation for ${unwiped.map((d) => d.serial).join(', ')}: confirm each, or that the certificate covers the wipe`,
        { field: 'wipedByRecycler', serials: unwiped.map((d) => d.serial).join(', '), count: unwiped.length },
      );
    }
    const day = osloDay(args.at);
    for (const device of devices) {
      const wipe =
        device.wipeMethod === null
          ? { wipeMethod: 'recycler_certified', wipeTool: null, wipedBy: batch.recycler, wipedOn: day }
          : {};
      await ctx.write.update(Device, device.id, {
        ...wipe,
        status: 'recycled',
        recycledAt: args.at,
        updatedAt: args.at,
        updatedByName: actor.name,
      });
      if (device.wipeMethod === null) {
        await recordEvent(ctx, device.id, 'wipeConfirmed', args.at, {
          method: 'recycler_certified',
          wipedBy: batch.recycler,
          certificateReference: args.certificateReference,
        });
      }
      await recordEvent(ctx, device.id, 'recycled', args.at, {
        batchId: batch.id,
        reference: batch.reference,
      });
    }
    await ctx.write.update(RecyclingBatch, batch.id, {
      status: 'closed',
      certificateReference: args.certificateReference,
      destructionMethod: args.destructionMethod,
      closedAt: args.at,
      closedByName: actor.name,
    });
    await recordEvent(ctx, batch.id, 'batchClosed', args.at, {
      certificateReference: args.certificateReference,
      destructionMethod: args.destructionMethod,
    });
    return { id: batch.id, recycled: devices.length };
  },
});

export const wipeConfirm = defineMutation({
  name: 'equipment.confirmWipe',
  schemaVersion: 1,
  args: wipeConfirmArgs,
  roles: EQUIPMENT_ROLES,
  async apply(ctx, args) {
    const device = await loadDevice(ctx.manager, args.deviceId);
    if (device.status !== 'handed_in' && device.status !== 'in_recycling_batch') {
      throw deviceNotAvailable(device, 'only a handed-in device’s wipe can be confirmed');
    }
    assertNotAfterDay(args.wipedOn, args.at, 'wipedOn');
    if (device.handedInAt && args.wipedOn < osloDay(device.handedInAt)) {
      throw new DomainError('conflict', `The wipe (${args.wipedOn}) is before the device was handed in`, {
        field: 'wipedOn',
      });
    }
    await ctx.write.update(Device, device.id, {
      wipeMethod: args.method,
      wipeTool: args.tool,
      wipedBy: args.wipedBy,
      wipedOn: args.wipedOn,
      updatedAt: args.at,
      updatedByName: ctx.actor.name,
    });
    await recordEvent(ctx, device.id, 'wipeConfirmed', args.at, {
      method: args.method,
      tool: args.tool,
      wipedBy: args.wipedBy,
      wipedOn: args.wipedOn,
      previous: device.wipeMethod,
    });
    return { id: device.id };
  },
});
