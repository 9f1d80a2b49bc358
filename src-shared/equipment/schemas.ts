// Argument schemas of the equipment register's mutations (R15–R19), shared by
// the desk's router, the mutators (desk and central store) and the screens'
// forms. Nothing here touches a database; the rules that need the register's
// rows (a serial already taken, a device already handed in) are the
// mutators'.
import { z } from 'zod';
import { clientInstantSchema, daySchema } from '../time';
import { textSchema } from '../text';
import {
  DEVICE_CATEGORIES,
  DEVICE_CONDITIONS,
  NETWORKS,
  ORDER_REASONS,
  WIPE_METHODS,
  equipmentSettingsSchema,
} from './catalogue';

/** Rows per synced import mutation (as the reporter directory's). */
export const EQUIPMENT_IMPORT_BATCH = 500;

const idSchema = z.uuid();
const requiredText = (max: number, message: string) => textSchema.trim().min(1, message).max(max);
const optionalText = (max: number) =>
  textSchema
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

/** A calendar day, 'YYYY-MM-DD', that exists. */
export { daySchema };

const serialSchema = textSchema
  .trim()
  .min(1, 'The serial number is required')
  .max(80)
  .regex(/^[\p{L}\p{N}\s._/-]+$/u, 'Letters, digits, spaces and . _ / - only');
const assetTagSchema = textSchema
  .trim()
  .max(40)
  .regex(/^[\p{L}\p{N}\s._/-]*$/u, 'Letters, digits, spaces and . _ / - only')
  .nullish()
  .transform((v) => (v ? v : null));

// ---------------------------------------------------------------------------------------------
// Approved models (R15)

const modelShape = {
  category: z.enum(DEVICE_CATEGORIES),
  maker: requiredText(80, 'The maker is required'),
  name: requiredText(120, 'The model name is required'),
  supplier: optionalText(120),
  frameworkAgreement: optionalText(120),
  approvedFrom: daySchema,
  approvedUntil: daySchema.nullish().transform((v) => v ?? null),
  orderViaDesk: z.boolean(),
  orderReason: z
    .enum(ORDER_REASONS)
    .nullish()
    .transform((v) => v ?? null),
};

function withModelRules<T extends z.ZodType<z.output<z.ZodObject<typeof modelShape>>>>(schema: T) {
  return schema
    .refine((m) => m.approvedUntil === null || m.approvedUntil >= m.approvedFrom, {
      path: ['approvedUntil'],
      message: 'Approved until is before approved from',
    })
    .refine((m) => !m.orderViaDesk || m.orderReason !== null, {
      path: ['orderReason'],
      message: 'Say why it must be ordered through the service desk',
    });
}

/** A model as the catalogue's form edits it. */
export const modelFields = withModelRules(z.object(modelShape));
export type ModelFields = z.output<typeof modelFields>;

export const modelEntrySchema = withModelRules(z.object({ id: idSchema, ...modelShape }));
export type ModelEntry = z.output<typeof modelEntrySchema>;

/** Creates the model, or changes it (every change is kept in its history). */
export const modelSaveArgs = z.object({ at: clientInstantSchema, model: modelEntrySchema });

export const modelImportArgs = z.object({
  at: clientInstantSchema,
  models: z.array(modelEntrySchema).min(1).max(EQUIPMENT_IMPORT_BATCH),
});

export const equipmentSettingsArgs = z.object({ at: clientInstantSchema, settings: equipmentSettingsSchema });

// ---------------------------------------------------------------------------------------------
// Devices

/** Where a device is and who uses it. */
const placementFields = {
  customerId: idSchema,
  workplace: requiredText(160, 'The workplace is required'),
  /** Free text, or the name of the reporter picked from the directory. */
  assignedUser: optionalText(120),
  assignedReporterId: idSchema.nullish().transform((v) => v ?? null),
};

/** What identifies a device and how it is set up. */
const deviceCore = {
  serial: serialSchema,
  assetTag: assetTagSchema,
  modelId: idSchema,
  network: z.enum(NETWORKS),
  setupDate: daySchema.nullish().transform((v) => v ?? null),
  deliveredDate: daySchema.nullish().transform((v) => v ?? null),
  notes: optionalText(2000),
};

export const deviceEntrySchema = z.object({
  id: idSchema,
  ...deviceCore,
  ...placementFields,
  /** Registered devices start in stock or in use (an imported inventory is in use). */
  status: z.enum(['in_stock', 'in_use']),
});
export type DeviceEntry = z.output<typeof deviceEntrySchema>;

export const deviceRegisterArgs = z.object({ at: clientInstantSchema, device: deviceEntrySchema });

export const deviceImportArgs = z.object({
  at: clientInstantSchema,
  devices: z.array(deviceEntrySchema).min(1).max(EQUIPMENT_IMPORT_BATCH),
});

/** Changes any of a device's details; its status changes only through handovers, batches and wipes. */
export const deviceEditArgs = z.object({
  at: clientInstantSchema,
  deviceId: idSchema,
  changes: z
    .object({ ...deviceCore, ...placementFields })
    .partial()
    .refine((c) => Object.keys(c).length > 0, 'Nothing to change'),
});

/** R17: a technician recommends replacing a device (reason), or withdraws it (null). */
export const deviceRecommendReplacementArgs = z.object({
  at: clientInstantSchema,
  deviceId: idSchema,
  reason: optionalText(500),
});

// ---------------------------------------------------------------------------------------------
// Handover (R18), as one event

/** The new device: one from stock, or one registered on the spot. */
export const handoverNewDevice = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('stock'), deviceId: idSchema }),
  z.object({ kind: z.literal('register'), device: z.object({ id: idSchema, ...deviceCore }) }),
]);

/** The device it replaces: handed in for recycling, or kept by the customer (a licence charge). */
export const handoverOldDevice = z.object({
  deviceId: idSchema,
  outcome: z.enum(['handed_in', 'kept']),
  condition: z.enum(DEVICE_CONDITIONS),
  diskRemoved: z.boolean(),
});

const minutes = z
  .number()
  .int()
  .min(0)
  .max(24 * 60);

/** The on-site visit it is recorded as on the linked ticket (R11). */
export const handoverVisit = z
  .object({
    arrivedAt: clientInstantSchema,
    departedAt: clientInstantSchema,
    travelMinutes: minutes,
  })
  .refine((v) => v.departedAt >= v.arrivedAt, {
    path: ['departedAt'],
    message: 'The departure is before the arrival',
  });

export const handoverArgs = z
  .object({
    at: clientInstantSchema,
    handoverId: idSchema,
    ...placementFields,
    newDevice: handoverNewDevice,
    oldDevice: handoverOldDevice.nullish().transform((v) => v ?? null),
    ticketId: idSchema.nullish().transform((v) => v ?? null),
    visit: handoverVisit.nullish().transform((v) => v ?? null),
    notes: optionalText(2000),
  })
  .refine((h) => h.ticketId === null || h.visit !== null, {
    path: ['visit'],
    message: 'Give the arrival and departure: the handover is recorded as the ticket’s on-site visit',
  });
export type HandoverArgs = z.output<typeof handoverArgs>;

// ---------------------------------------------------------------------------------------------
// Recycling (R19)

export const batchSendArgs = z.object({
  at: clientInstantSchema,
  batchId: idSchema,
  sentDate: daySchema,
  recycler: requiredText(120, 'Name the recycler'),
  deviceIds: z
    .array(idSchema)
    .min(1, 'Choose the devices that leave with the batch')
    .max(EQUIPMENT_IMPORT_BATCH)
    .refine((ids) => new Set(ids).size === ids.length, 'A device is listed twice'),
});

/** A batch is closed only with the recycler's certificate of disposal. */
export const batchCloseArgs = z.object({
  at: clientInstantSchema,
  batchId: idSchema,
  certificateReference: requiredText(120, 'The certificate’s reference is required'),
  destructionMethod: requiredText(200, 'Say how the equipment was destroyed'),
  /**
   * The certificate covers the wipe of every device without a confirmation of its own (the
   * recycler's certified wipe); otherwise each must have one before the batch can close.
   */
  wipedByRecycler: z.boolean(),
});

export const wipeConfirmArgs = z
  .object({
    at: clientInstantSchema,
    deviceId: idSchema,
    method: z.enum(WIPE_METHODS),
    /** The wiping tool, for our own wipe. */
    tool: optionalText(120),
    wipedBy: requiredText(120, 'Say who wiped it'),
    wipedOn: daySchema,
  })
  .refine((w) => w.method !== 'own_wipe' || w.tool !== null, {
    path: ['tool'],
    message: 'Name the tool used for the wipe',
  });

// ---------------------------------------------------------------------------------------------
// Look-up

export const deviceSearchQuery = z.object({
  /** Serial, asset tag, user or workplace, as typed. */
  text: textSchema.trim().max(100),
  limit: z.number().int().min(1).max(100).default(20),
});
