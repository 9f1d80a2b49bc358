// The equipment settings in force (R17 lifetimes, R18 licence charges, R19
// the wipe deadline): the shared setting a team lead keeps, or the defaults.
import type { EntityManager } from 'typeorm';
import {
  DEFAULT_EQUIPMENT_SETTINGS,
  parseEquipmentSettings,
  type EquipmentSettings,
} from '../../src-shared/equipment/catalogue';
import { SharedSetting } from '../store/entities';
import { selectRow } from '../store/rowSql';

export const EQUIPMENT_SETTING_KEY = 'equipment';

export async function equipmentSettings(
  manager: EntityManager,
): Promise<EquipmentSettings & { updatedAt: string | null; updatedBy: string | null }> {
  const row = await selectRow(manager, SharedSetting, { key: EQUIPMENT_SETTING_KEY });
  const settings = row ? parseEquipmentSettings(JSON.parse(row.value)) : DEFAULT_EQUIPMENT_SETTINGS;
  return { ...settings, updatedAt: row?.updatedAt ?? null, updatedBy: row?.updatedBy ?? null };
}
