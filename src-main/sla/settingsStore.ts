// Reads the SLA settings in force on this desk (the shared setting, or the
// SLA's defaults) and keeps the precomputed service calendar for them, so
// previews and queues do not rebuild the calendar on every call.
import type { EntityManager } from 'typeorm';
import {
  createServiceCalendar,
  DEFAULT_SLA_SETTINGS,
  parseSlaSettings,
  type ServiceCalendar,
  type SlaSettings,
} from '../../src-shared/sla';
import { SharedSetting } from '../store/entities';
import { selectRow } from '../store/rowSql';
import { SLA_SETTING_KEY } from './mutations';

export interface SlaInForce {
  settings: SlaSettings;
  calendar: ServiceCalendar;
  updatedAt: string | null;
  updatedBy: string | null;
}

let cached: { key: string; value: SlaInForce } | null = null;

export async function slaInForce(manager: EntityManager): Promise<SlaInForce> {
  const row = await selectRow(manager, SharedSetting, { key: SLA_SETTING_KEY });
  const key = row ? `${row.updatedAt}|${row.value}` : 'default';
  if (cached?.key === key) return cached.value;
  const settings = row ? parseSlaSettings(JSON.parse(row.value)) : DEFAULT_SLA_SETTINGS;
  const value = {
    settings,
    calendar: createServiceCalendar(settings),
    updatedAt: row?.updatedAt ?? null,
    updatedBy: row?.updatedBy ?? null,
  };
  cached = { key, value };
  return value;
}
