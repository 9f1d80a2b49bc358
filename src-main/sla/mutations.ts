// The SLA settings mutation: a team lead (or admin) changes the calendar and
// targets (SLA.md: decisions are defaults a team lead can change in settings).
import { z } from 'zod';
import { slaSettingsSchema } from '../../src-shared/sla';
import { clientInstantSchema } from '../../src-shared/time';
import { SLA_SETTINGS_ROLES } from '../../src-shared/roles';
import { defineMutation } from '../mutations/define';
import { writeSharedSetting } from '../mutations/sharedSetting';

export const SLA_SETTING_KEY = 'sla';

export const slaSetArgs = z.object({ settings: slaSettingsSchema, at: clientInstantSchema });

export const slaSetSettings = defineMutation({
  name: 'sla.setSettings',
  schemaVersion: 1,
  args: slaSetArgs,
  roles: SLA_SETTINGS_ROLES,
  async apply(ctx, args) {
    await writeSharedSetting(ctx, SLA_SETTING_KEY, args.settings, args.at);
    return { updatedAt: args.at };
  },
});
