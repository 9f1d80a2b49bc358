// The catalogue of approved models (R15) and the equipment settings (R17,
// R18): kept by team leads and admins, every change kept as history.
import type { EntityManager } from 'typeorm';
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
import { selectRow } from '../store/rowSql';
import { changesOf, recordEvent } from './history';
import { EQUIPMENT_SETTING_KEY } from './settings';

/** Another entry with this maker and model name, if there is one. */
async function sameModel(manager: EntityManager, entry: ModelEntry): Promise<{ id: string } | null> {
  const p = (i: number) => manager.connection.driver.createParameter(`p${i}`, i);
  const [row] = (await manager.query(
    `SELECT id FROM equipment_model WHERE lower(maker) = lower(${p(0)}) AND lower(name) = lower(${p(1)}) AND id <> ${p(2)} LIMIT 1`,
    [entry.maker, entry.name, entry.id],
  )) as Array<{ id: string }>;
  return row ?? null;
}

async function saveModel(
  ctx: MutationContext,
  entry: ModelEntry,
  at: string,
): Promise<'created' | 'changed' | 'same'> {
  const clash = await sameModel(ctx.manager, entry);
  if (clash) {
    throw new DomainError('duplicateModel', `${entry.maker} ${entry.name} is already in the catalogue`, {
      field: 'name',
      maker: entry.maker,
      name: entry.name,
      modelId: clash.id,
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
    return { id: args.model.id, outcome: await saveModel(ctx, args.model, args.at) };
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
    for (const entry of args.models) counts[await saveModel(ctx, entry, args.at)]++;
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
