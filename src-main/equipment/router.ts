// The equipment register on the desk's local router: look-up, the device
// card, the catalogue, handovers, the recycling register, imports and
// exports. Writes go through the named mutations; instants and new ids are
// filled in here, so the outbox holds fully determined arguments.
import { z } from 'zod';
import { uuidv7 } from 'uuidv7';
import type { EntityManager } from 'typeorm';
import { osloDay } from '../../src-shared/equipment/rules';
import {
  daySchema,
  deviceEntrySchema,
  deviceSearchQuery,
  EQUIPMENT_IMPORT_BATCH,
} from '../../src-shared/equipment/schemas';
import { DomainError } from '../../src-shared/errors';
import { assertRole } from '../mutations/runner';
import { fieldError } from '../local/fieldError';
import { stampedMutation } from '../local/stampedMutation';
import { actorProcedure, router } from '../local/trpc';
import { customersWithWorkplaces } from '../store/referenceData';
import { catalogueCsv, chargesCsv, recyclingCsv } from './csvExport';
import { decodeCsvBytes, parseDeviceCsv, parseModelCsv } from './csvImport';
import { deviceEdit, deviceImport, deviceRecommendReplacement, deviceRegister } from './devices';
import { handover } from './handover';
import { equipmentSetSettings, modelImport, modelSave } from './models';
import {
  batchSheet,
  deviceCard,
  deviceSummary,
  devicesInStock,
  licenceCharges,
  listModels,
  modelHistory,
  recyclingExportRows,
  recyclingRegister,
  searchDevices,
} from './queries';
import { batchClose, batchSend, wipeConfirm } from './recycling';
import { equipmentSettings } from './settings';

const now = () => new Date().toISOString();
const today = () => osloDay(now());
const idParam = z.object({ id: z.uuid() });
const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Not a month (YYYY-MM)');

/** An uploaded CSV file, base64 (its bytes: the encoding is found here, not guessed by the browser). */
const csvFile = z.object({
  base64: z
    .string()
    .min(1, 'The file is empty')
    .max(14_000_000, 'The file is too large (at most 10 MB)')
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Not a file (base64)'),
});

function csvText(base64: string): string {
  const text = decodeCsvBytes(Buffer.from(base64, 'base64'));
  if (text.trim() === '') throw fieldError('base64', 'The file is empty', 'empty');
  return text;
}

function missing(columns: string[]): never {
  throw fieldError('base64', `Missing columns: ${columns.join(', ')}`, 'missingColumns');
}

const manager = (ctx: { desk: { store: { dataSource: { manager: EntityManager } } } }) =>
  ctx.desk.store.dataSource.manager;

export const equipmentRouter = router({
  /** Answers as the technician types: serial, asset tag, user or workplace. */
  search: actorProcedure.input(deviceSearchQuery).query(async ({ ctx, input }) => {
    const m = manager(ctx);
    await ctx.desk.lookupIndexes.fresh();
    return searchDevices(m, input, await equipmentSettings(m), today());
  }),
  device: actorProcedure.input(idParam).query(async ({ ctx, input }) => {
    const m = manager(ctx);
    const card = await deviceCard(m, input.id, await equipmentSettings(m), today());
    if (!card) throw new DomainError('notFound', `No device with id ${input.id}`);
    return card;
  }),
  /** A device as a ticket shows it (with its warnings); null if the desk does not know it (yet). */
  summary: actorProcedure.input(idParam).query(async ({ ctx, input }) => {
    const m = manager(ctx);
    return deviceSummary(m, input.id, await equipmentSettings(m), today());
  }),
  inStock: actorProcedure.query(async ({ ctx }) => {
    const m = manager(ctx);
    return devicesInStock(m, await equipmentSettings(m), today());
  }),
  models: actorProcedure.query(({ ctx }) => listModels(manager(ctx), today())),
  modelHistory: actorProcedure.input(idParam).query(({ ctx, input }) => modelHistory(manager(ctx), input.id)),
  settings: actorProcedure.query(({ ctx }) => equipmentSettings(manager(ctx))),
  recycling: actorProcedure.query(async ({ ctx }) => {
    const m = manager(ctx);
    return recyclingRegister(m, await equipmentSettings(m), new Date());
  }),
  batch: actorProcedure.input(idParam).query(async ({ ctx, input }) => {
    const sheet = await batchSheet(manager(ctx), input.id);
    if (!sheet) throw new DomainError('notFound', `No recycling batch with id ${input.id}`);
    return sheet;
  }),
  charges: actorProcedure
    .input(z.object({ month: monthSchema.optional(), customerId: z.uuid().optional() }))
    .query(({ ctx, input }) => licenceCharges(manager(ctx), input)),

  // Exports: the file's name and text; the screen saves it.
  chargesCsv: actorProcedure
    .input(z.object({ month: monthSchema, customerId: z.uuid().optional() }))
    .mutation(async ({ ctx, input }) => ({
      filename: `lisensgebyr-${input.month}.csv`,
      csv: chargesCsv(await licenceCharges(manager(ctx), input)),
    })),
  recyclingCsv: actorProcedure
    .input(
      z
        .object({ from: daySchema, to: daySchema, customerId: z.uuid().optional() })
        .refine((p) => p.from <= p.to, { path: ['to'], message: 'The period ends before it starts' }),
    )
    .mutation(async ({ ctx, input }) => ({
      filename: `gjenvinning-${input.from}-${input.to}.csv`,
      csv: recyclingCsv(await recyclingExportRows(manager(ctx), input)),
    })),
  catalogueCsv: actorProcedure.mutation(async ({ ctx }) => ({
    filename: `godkjente-modeller-${today()}.csv`,
    csv: catalogueCsv(await listModels(manager(ctx), today())),
  })),

  // Imports: the good rows in batches (each one synced mutation), the rejected ones reported by line.
  importModels: actorProcedure.input(csvFile).mutation(async ({ ctx, input }) => {
    assertRole(modelImport, ctx.actor);
    const existing = await listModels(manager(ctx), today());
    const { models, rejected, missingColumns } = parseModelCsv(csvText(input.base64), existing);
    if (missingColumns.length > 0) missing(missingColumns);
    const counts = { created: 0, changed: 0, same: 0 };
    const at = now();
    for (let from = 0; from < models.length; from += EQUIPMENT_IMPORT_BATCH) {
      const done = await ctx.desk.mutations.run(
        modelImport,
        { at, models: models.slice(from, from + EQUIPMENT_IMPORT_BATCH) },
        ctx.actor,
      );
      for (const k of ['created', 'changed', 'same'] as const) counts[k] += done[k];
    }
    return { ...counts, rejected };
  }),
  importDevices: actorProcedure.input(csvFile).mutation(async ({ ctx, input }) => {
    assertRole(deviceImport, ctx.actor);
    const m = manager(ctx);
    const at = now();
    const existing = (
      (await m.query(
        `SELECT d.id, d.serial_key, d.asset_tag_key, e.maker FROM device d JOIN equipment_model e ON e.id = d.model_id`,
      )) as Array<{ id: string; serial_key: string; asset_tag_key: string | null; maker: string }>
    ).map((d) => ({ id: d.id, serialKey: d.serial_key, assetTagKey: d.asset_tag_key, maker: d.maker }));
    const { devices, rejected, alreadyRegistered, missingColumns } = parseDeviceCsv(csvText(input.base64), {
      models: await listModels(m, osloDay(at)),
      customers: await customersWithWorkplaces(m),
      existing,
      at,
    });
    if (missingColumns.length > 0) missing(missingColumns);
    for (let from = 0; from < devices.length; from += EQUIPMENT_IMPORT_BATCH) {
      await ctx.desk.mutations.run(
        deviceImport,
        { at, devices: devices.slice(from, from + EQUIPMENT_IMPORT_BATCH) },
        ctx.actor,
      );
    }
    return { imported: devices.length, alreadyRegistered, rejected };
  }),

  saveModel: stampedMutation(modelSave, { at: 'at' }),
  setSettings: stampedMutation(equipmentSetSettings, { at: 'at' }),
  registerDevice: actorProcedure
    .input(z.object({ device: deviceEntrySchema.omit({ id: true }) }))
    .mutation(({ ctx, input }) =>
      ctx.desk.mutations.run(
        deviceRegister,
        { at: now(), device: { ...input.device, id: uuidv7() } },
        ctx.actor,
      ),
    ),
  editDevice: stampedMutation(deviceEdit, { at: 'at' }),
  recommendReplacement: stampedMutation(deviceRecommendReplacement, { at: 'at' }),
  handover: stampedMutation(handover, { at: 'at', id: 'handoverId' }),
  sendBatch: stampedMutation(batchSend, { at: 'at', id: 'batchId' }),
  closeBatch: stampedMutation(batchClose, { at: 'at' }),
  confirmWipe: stampedMutation(wipeConfirm, { at: 'at' }),
});
