// The catalogue of approved models (R15) and the equipment settings (R17,
// R18): kept by team leads and admins, every change kept as history.
import type { EntityManager } from 'typeorm';
import { modelKey } from '../../src-shared/equipment/catalogue';
import {
  equipmentSettingsArgs,
  modelImportArgs,
  modelSaveArgs,
  type ModelEntry,
} from '../../src-shared/equipment/schemas';
import { DomainError } from '../../src-shared/errors';
import { CATALOGUE_ROLES } from '../../src-shared/roles';
import { defineMutation, type MutationContext } from '../mutations/define';
import { writeSharedSetting } from '../mutations/sharedSetting';
import { EquipmentModel, type EquipmentModelRow } from '../store/entities';
import { runSql, selectRow } from '../store/rowSql';
import { changesOf, recordEvent } from './history';
import { EQUIPMENT_SETTING_KEY } from './settings';

/** The catalogue's entries by maker and model name as compared (catalogue.modelKey), read once per mutation. */
async function catalogueKeys(manager: EntityManager): Promise<Map<string, string>> {
  const rows = (await runSql(manager, `SELECT id, maker, name FROM equipment_model`, [])) as Array<{
    id: string;
    maker: string;
    name: string;
  }>;
  return new Map(rows.map((r) => [modelKey(r.maker, r.name), r.id]));
}

async function saveModel(
  ctx: MutationContext,
  entry: ModelEntry,
  at: string,
  keys: Map<string, string>,
): Promise<'created' | 'changed' | 'same'> {
  const key = modelKey(entry.maker, entry.name);
  const clash = keys.get(key);
  if (clash !== undefined && clash !== entry.id) {
    throw new DomainError('duplicateModel', `${entry.maker} ${entry.name} is already in the catalogue`, {
      field: 'name',
      maker: entry.maker,
      name: entry.name,
      modelId: clash,
    });
  }
  const fields = {
    category: entry.category,
    maker: entry.maker,
    name: entry.name,
    supplier: entry.supplier,
    frameworkAgreement: entry.frameworkAgreement,
    approvedFrom: entry.approvedFrom,
    approvedUntil: entry.approvedUntil,
    orderViaDesk: entry.orderViaDesk ? 1 : 0,
    orderReason: entry.orderViaDesk ? entry.orderReason : null,
  } satisfies Partial<EquipmentModelRow>;
  const existing = await selectRow(ctx.manager, EquipmentModel, { id: entry.id });
  const before = existing && modelKey(existing.maker, existing.name);
  if (before && keys.get(before) === entry.id) keys.delete(before);
  keys.set(key, entry.id);
  if (!existing) {
    await ctx.write.insert(EquipmentModel, {
      id: entry.id,
      ...fields,
      createdAt: at,
      updatedAt: at,
      updatedByName: ctx.actor.name,
    });
    await recordEvent(ctx, entry.id, 'created', at, fields);
    return 'created';
  }
  const changes = changesOf(existing, fields);
  if (Object.keys(changes).length === 0) return 'same';
  await ctx.write.update(EquipmentModel, entry.id, {
    ...fields,
    updatedAt: at,
    updatedByName: ctx.actor.name,
  });
  await recordEvent(ctx, entry.id, 'changed', at, { changes });
  return 'changed';
}

export const modelSave = defineMutation({
  name: 'equipment.saveModel',
  schemaVersion: 1,
  args: modelSaveArgs,
  roles: CATALOGUE_ROLES,
  async apply(ctx, args) {
    return {
      id: args.model.id,
      outcome: await saveModel(ctx, args.model, args.at, await catalogueKeys(ctx.manager)),
    };
  },
});

/** A batch of the catalogue's CSV: new models are added, known ones (same id) updated. */
export const modelImport = defineMutation({
  name: 'equipment.importModels',
  schemaVersion: 1,
  args: modelImportArgs,
  roles: CATALOGUE_ROLES,
  async apply(ctx, args) {
    const counts = { created: 0, changed: 0, same: 0 };
    const keys = await catalogueKeys(ctx.manager);
    for (const entry of args.models) counts[await saveModel(ctx, entry, args.at, keys)]++;
    return counts;
  },
});

export const equipmentSetSettings = defineMutation({
  name: 'equipment.setSettings',
  schemaVersion: 1,
  args: equipmentSettingsArgs,
  roles: CATALOGUE_ROLES,
  async apply(ctx, args) {
    await writeSharedSetting(ctx, EQUIPMENT_SETTING_KEY, args.settings, args.at);
    await recordEvent(ctx, EQUIPMENT_SETTING_KEY, 'settingsChanged', args.at, { settings: args.settings });
    return { updatedAt: args.at };
  },
});
