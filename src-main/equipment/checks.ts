// The register's checks that need its rows, shared by its mutators: a model
// or device that must exist, a serial (per maker) or asset tag that must be
// free, a day that must not be after the change itself. Each refuses with the
// field it is about, so the form marks the right input.
import type { EntityManager } from 'typeorm';
import { makerKey, normalizeLabel } from '../../src-shared/equipment/catalogue';
import { osloDay } from '../../src-shared/equipment/rules';
import { DomainError } from '../../src-shared/errors';
import { Device, EquipmentModel, type DeviceRow, type EquipmentModelRow } from '../store/entities';
import { runSql, selectRow } from '../store/rowSql';

export async function loadModel(
  manager: EntityManager,
  modelId: string,
  field = 'modelId',
): Promise<EquipmentModelRow> {
  const model = await selectRow(manager, EquipmentModel, { id: modelId });
  if (!model)
    throw new DomainError('notFound', `No approved-model entry with id ${modelId}`, { field, modelId });
  return model;
}

export async function loadDevice(
  manager: EntityManager,
  deviceId: string,
  field = 'deviceId',
): Promise<DeviceRow> {
  const device = await selectRow(manager, Device, { id: deviceId });
  if (!device) throw new DomainError('notFound', `No device with id ${deviceId}`, { field, deviceId });
  return device;
}

/** A serial is unique per maker; an asset tag is unique. `self` is the device being changed. */
export async function assertLabelsFree(
  manager: EntityManager,
  labels: { serial: string; assetTag: string | null; maker: string },
  self: string,
  fieldPrefix = '',
): Promise<void> {
  const p = (i: number) => manager.connection.driver.createParameter(`p${i}`, i);
  const serialKey = normalizeLabel(labels.serial);
  // Every device with this serial (few), then the maker compared as catalogue.makerKey does.
  const sameSerial = (await runSql(
    manager,
    `SELECT d.id, d.serial, d.created_by_name, d.created_at, m.maker FROM device d JOIN equipment_model m ON m.id = d.model_id
     WHERE d.serial_key = ${p(0)} AND d.id <> ${p(1)}`,
    [serialKey, self],
  )) as Array<{ id: string; serial: string; created_by_name: string; created_at: string; maker: string }>;
  const clash = sameSerial.find((d) => makerKey(d.maker) === makerKey(labels.maker));
  if (clash) {
    throw new DomainError(
      'duplicateSerial',
      `${labels.maker} serial ${labels.serial} is already registered (by ${clash.created_by_name}, ${clash.created_at})`,
      {
        field: `${fieldPrefix}serial`,
        serial: labels.serial,
        maker: labels.maker,
        deviceId: clash.id,
        registeredBy: clash.created_by_name,
        registeredAt: clash.created_at,
      },
    );
  }
  if (labels.assetTag === null) return;
  const [tagClash] = (await runSql(
    manager,
    `SELECT id, serial, created_by_name FROM device WHERE asset_tag_key = ${p(0)} AND id <> ${p(1)} LIMIT 1`,
    [normalizeLabel(labels.assetTag), self],
  )) as Array<{ id: string; serial: string; created_by_name: string }>;
  if (tagClash) {
    throw new DomainError(
      'duplicateAssetTag',
      `Asset tag ${labels.assetTag} is already on device ${tagClash.serial} (registered by ${tagClash.created_by_name})`,
      {
        field: `${fieldPrefix}assetTag`,
        assetTag: labels.assetTag,
        deviceId: tagClash.id,
        serial: tagClash.serial,
        registeredBy: tagClash.created_by_name,
      },
    );
  }
}

/** A date the user gives (delivered, set up, sent, wiped) cannot be after the day the change is made. */
export function assertNotAfterDay(day: string | null | undefined, at: string, field: string): void {
  if (day == null) return;
  const today = osloDay(at);
  if (day > today) {
    throw new DomainError('dateInFuture', `${field} ${day} is after today (${today})`, { field, day, today });
  }
}

/** Refuses a change a device's status does not allow, saying what its status is and since when. */
export function deviceNotAvailable(device: DeviceRow, what: string, field = 'deviceId'): DomainError {
  const since = device.handedInAt ? ` (handed in by ${device.handedInByName}, ${device.handedInAt})` : '';
  return new DomainError(
    'deviceNotAvailable',
    `Device ${device.serial} is ${device.status}${since}: ${what}`,
    {
      field,
      deviceId: device.id,
      serial: device.serial,
      deviceStatus: device.status,
      handedInBy: device.handedInByName,
      handedInAt: device.handedInAt,
    },
  );
}
