// The equipment register's vocabulary (R15–R19): what kinds of device are
// registered, the states a device passes through from stock to recycler, and
// the settings a team lead keeps per category (recommended lifetime, R17;
// licence charge when a customer keeps a replaced device, R18).
import { z } from 'zod';

/** R15: the kinds of equipment on ROR-IKT's network. Peripherals (screens, mice, keyboards) are not registered. */
export const DEVICE_CATEGORIES = [
  'pc',
  'laptop',
  'printer',
  'mfp',
  'info_screen',
  'whiteboard',
  'phone',
  'tablet',
  'network_device',
  'other',
] as const;
export type DeviceCategory = (typeof DEVICE_CATEGORIES)[number];

/** Why a model must be ordered through the service desk (R15). */
export const ORDER_REASONS = ['licence', 'compatibility'] as const;
export type OrderReason = (typeof ORDER_REASONS)[number];

/** The guest network needs no approved model (R15). */
export const NETWORKS = ['main', 'guest'] as const;
export type Network = (typeof NETWORKS)[number];

export const DEVICE_STATUSES = [
  'in_stock',
  'in_use',
  /** R17: a technician marked it (with a reason); age alone shows the same warning without this status. */
  'replacement_recommended',
  /** R18: taken back at a handover, waiting for a recycling batch. */
  'handed_in',
  /** R19: sent to the recycler in a batch that has no certificate yet. */
  'in_recycling_batch',
  /** R19: the batch's certificate is in and the device's data wipe is confirmed. */
  'recycled',
  /** R18: replaced, but the customer kept it (a licence charge was raised). */
  'kept_by_customer',
] as const;
export type DeviceStatus = (typeof DEVICE_STATUSES)[number];

/** Devices still out in the municipalities (what the lifetime and approval warnings are for). */
export const ACTIVE_STATUSES: readonly DeviceStatus[] = ['in_stock', 'in_use', 'replacement_recommended'];

/** How a handed-in device's disk was taken care of (R19). */
export const WIPE_METHODS = ['recycler_certified', 'own_wipe', 'disk_destroyed'] as const;
export type WipeMethod = (typeof WIPE_METHODS)[number];

export const DEVICE_CONDITIONS = ['working', 'faulty', 'damaged'] as const;
export type DeviceCondition = (typeof DEVICE_CONDITIONS)[number];

const months = z.number().int().min(1, 'At least one month').max(240, 'At most 240 months');
/** Whole kroner; a licence charge is not invoiced in øre. */
const kroner = z.number().int().min(0, 'Not below 0').max(1_000_000, 'At most 1 000 000 kr');

export const equipmentSettingsSchema = z.object({
  /** R17: recommended lifetime in months, from the delivered date (or the setup date). */
  lifetimeMonths: z.record(z.enum(DEVICE_CATEGORIES), months),
  /** R18: the licence charge per category when a customer keeps a replaced device (kroner). */
  licenceCharge: z.record(z.enum(DEVICE_CATEGORIES), kroner),
  /** R19: a handed-in device without a wipe confirmation is listed after this many days. */
  wipeOverdueDays: z.number().int().min(1).max(365),
});
export type EquipmentSettings = z.output<typeof equipmentSettingsSchema>;

/**
 * The defaults until a team lead sets them: lifetimes as municipalities usually plan them; licence
 * charges 0 until set (the issue: "default 0 until set").
 */
export const DEFAULT_EQUIPMENT_SETTINGS: EquipmentSettings = {
  lifetimeMonths: {
    pc: 60,
    laptop: 48,
    printer: 72,
    mfp: 72,
    info_screen: 84,
    whiteboard: 96,
    phone: 36,
    tablet: 48,
    network_device: 84,
    other: 60,
  },
  licenceCharge: Object.fromEntries(DEVICE_CATEGORIES.map((c) => [c, 0])) as Record<DeviceCategory, number>,
  wipeOverdueDays: 30,
};

/** Settings as stored (a category added later falls back to its default). */
export function parseEquipmentSettings(raw: unknown): EquipmentSettings {
  const value = (raw ?? {}) as Partial<EquipmentSettings>;
  return equipmentSettingsSchema.parse({
    lifetimeMonths: { ...DEFAULT_EQUIPMENT_SETTINGS.lifetimeMonths, ...value.lifetimeMonths },
    licenceCharge: { ...DEFAULT_EQUIPMENT_SETTINGS.licenceCharge, ...value.licenceCharge },
    wipeOverdueDays: value.wipeOverdueDays ?? DEFAULT_EQUIPMENT_SETTINGS.wipeOverdueDays,
  });
}

/**
 * Makers and model names are compared without case in any alphabet and without the spaces around
 * them, alike on every engine (SQLite's lower() folds ASCII only, so the comparison is made here).
 */
export const makerKey = (maker: string): string => maker.trim().toLowerCase();
export const modelKey = (maker: string, name: string): string => `${makerKey(maker)}|${makerKey(name)}`;

/** Serial numbers and asset tags are compared as written on the label: no case, no spaces. */
export function normalizeLabel(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}
