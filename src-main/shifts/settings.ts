// The team lead's shift settings (thresholds of the figures and alerts): one
// shared setting, read with its defaults, changed by a named mutation.
import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import { SHIFT_LEAD_ROLES } from '../../src-shared/roles';
import {
  parseShiftSettings,
  shiftSettingsSchema,
  type ShiftSettings,
} from '../../src-shared/shifts/settings';
import { instantSchema } from '../../src-shared/time';
import { defineMutation } from '../mutations/define';
import { writeSharedSetting } from '../mutations/sharedSetting';
import { SharedSetting } from '../store/entities';
import { selectRow } from '../store/rowSql';

export const SHIFT_SETTING_KEY = 'shifts';

export const shiftSetSettings = defineMutation({
  name: 'shifts.setSettings',
  schemaVersion: 1,
  args: z.object({ at: instantSchema, settings: shiftSettingsSchema }),
  roles: SHIFT_LEAD_ROLES,
  async apply(ctx, args) {
    await writeSharedSetting(ctx, SHIFT_SETTING_KEY, args.settings, args.at);
    return { updatedAt: args.at };
  },
});

export async function shiftSettings(manager: EntityManager): Promise<ShiftSettings> {
  const row = await selectRow(manager, SharedSetting, { key: SHIFT_SETTING_KEY });
  return parseShiftSettings(row ? JSON.parse(row.value) : {});
}
