// R18: a technician delivers a new device and takes back the one it replaces,
// as one event, on a desk that may be offline: the new device (from stock or
// registered on the spot) goes into use for that user and workplace; the old
// one is handed in for recycling, or kept by the customer with a licence
// charge raised. Optionally it is the linked ticket's on-site visit (R11).
// One mutation, one transaction: it applies whole or not at all. The handover
// row is also both devices' history line for it (equipment/queries.ts reads it
// into their history), so the commit writes no separate event rows.
import {
  ACTIVE_STATUSES,
  type DeviceCategory,
  type DeviceStatus,
  type Network,
} from '../../src-shared/equipment/catalogue';
import { mayJoinNetwork, osloDay } from '../../src-shared/equipment/rules';
import { handoverArgs, type HandoverArgs } from '../../src-shared/equipment/schemas';
import { DomainError } from '../../src-shared/errors';
import { EQUIPMENT_ROLES } from '../../src-shared/roles';
import { defineMutation, type MutationContext } from '../mutations/define';
import { Device, Handover, type DeviceRow } from '../store/entities';
import { assertCustomerExists } from '../store/referenceData';
import { recordWork } from '../tickets';
import { deviceNotAvailable, loadDevice, loadModel } from './checks';
import { registerDevice } from './devices';
import { equipmentSettings } from './settings';

async function newDeviceOf(ctx: MutationContext, args: HandoverArgs): Promise<DeviceRow> {
  if (args.newDevice.kind === 'register') {
    return registerDevice(
      ctx,
      {
        ...args.newDevice.device,
        customerId: args.customerId,
        workplace: args.workplace,
        assignedUser: args.assignedUser,
        assignedReporterId: args.assignedReporterId,
        status: 'in_stock',
      },
      args.at,
      'newDevice.device.',
    );
  }
  const device = await loadDevice(ctx.manager, args.newDevice.deviceId, 'newDevice.deviceId');
  if (device.status !== 'in_stock') {
    throw deviceNotAvailable(device, 'only a device in stock can be delivered', 'newDevice.deviceId');
  }
  return device;
}

export const handover = defineMutation({
  name: 'equipment.handover',
  schemaVersion: 1,
  args: handoverArgs,
  roles: EQUIPMENT_ROLES,
  async apply(ctx, args) {
    const { manager, actor } = ctx;
    await assertCustomerExists(manager, args.customerId);
    // Every refusal comes before the first write of a device that exists already.
    const old = args.oldDevice
      ? await loadDevice(manager, args.oldDevice.deviceId, 'oldDevice.deviceId')
      : null;
    if (old && !ACTIVE_STATUSES.includes(old.status as DeviceStatus)) {
      throw deviceNotAvailable(old, 'it cannot be handed in again', 'oldDevice.deviceId');
    }
    if (old && args.newDevice.kind === 'stock' && args.newDevice.deviceId === old.id) {
      throw new DomainError('conflict', 'The new device and the old one are the same device', {
        field: 'oldDevice.deviceId',
      });
    }
    const fresh = await newDeviceOf(ctx, args);
    const day = osloDay(args.at);
    // R16: no new device of a model not approved that day goes onto the main network.
    const freshModel = await loadModel(manager, fresh.modelId, 'newDevice.deviceId');
    if (!mayJoinNetwork(freshModel, fresh.network as Network, day)) {
      throw new DomainError(
        'modelNotApproved',
        `${freshModel.maker} ${freshModel.name} is not an approved model on ${day}: it cannot be delivered onto the main network`,
        {
          field: args.newDevice.kind === 'stock' ? 'newDevice.deviceId' : 'newDevice.device.modelId',
          maker: freshModel.maker,
          model: freshModel.name,
          approvedUntil: freshModel.approvedUntil,
        },
      );
    }
    await ctx.write.update(
      Device,
      fresh.id,
      {
        status: 'in_use',
        customerId: args.customerId,
        workplace: args.workplace,
        assignedUser: args.assignedUser,
        assignedReporterId: args.assignedReporterId,
        deliveredDate: day,
        handoverId: args.handoverId,
        updatedAt: args.at,
        updatedByName: actor.name,
      },
      fresh,
    );

    let charge: { amount: number; category: DeviceCategory } | null = null;
    if (old && args.oldDevice) {
      const kept = args.oldDevice.outcome === 'kept';
      if (kept) {
        const category = (await loadModel(manager, old.modelId, 'oldDevice.deviceId'))
          .category as DeviceCategory;
        charge = { amount: (await equipmentSettings(manager)).licenceCharge[category], category };
      }
      await ctx.write.update(
        Device,
        old.id,
        {
          status: kept ? 'kept_by_customer' : 'handed_in',
          handoverId: args.handoverId,
          handedInAt: kept ? null : args.at,
          handedInByName: kept ? null : actor.name,
          condition: args.oldDevice.condition,
          diskRemoved: args.oldDevice.diskRemoved ? 1 : 0,
          updatedAt: args.at,
          updatedByName: actor.name,
        },
        old,
      );
    }

    await ctx.write.insert(Handover, {
      id: args.handoverId,
      at: args.at,
      technicianId: actor.userId,
      technicianName: actor.name,
      customerId: args.customerId,
      workplace: args.workplace,
      assignedUser: args.assignedUser,
      newDeviceId: fresh.id,
      oldDeviceId: old?.id ?? null,
      oldOutcome: args.oldDevice?.outcome ?? null,
      ticketId: args.ticketId,
      chargeAmount: charge?.amount ?? null,
      chargeCategory: charge?.category ?? null,
      chargeMonth: charge ? day.slice(0, 7) : null,
      notes: args.notes,
    });

    if (args.ticketId && args.visit) {
      const summary = old
        ? `Levert ${fresh.serial}, ${args.oldDevice?.outcome === 'kept' ? 'kunden beholder' : 'innlevert'} ${old.serial}`
        : `Levert ${fresh.serial}`;
      await recordWork(
        ctx,
        args.ticketId,
        ctx.newId(),
        'on_site_visit',
        {
          technicianName: actor.name,
          location: args.workplace,
          arrivedAt: args.visit.arrivedAt,
          departedAt: args.visit.departedAt,
          travelMinutes: args.visit.travelMinutes,
          work: args.notes ? `${summary}. ${args.notes}` : summary,
          handoverId: args.handoverId,
        },
        args.at,
      );
    }
    return {
      id: args.handoverId,
      newDeviceId: fresh.id,
      oldDeviceId: old?.id ?? null,
      charge: charge?.amount ?? null,
    };
  },
});
