// The administrators' phone rules on both sides: the mutations that keep the
// block list (synced table `blocked_number`) and the outbound caller-ID rules
// (a synced shared setting), and the reads of them — the admin's view on the
// desk, and loadPhoneRules, which the central store's phone-event mutator runs
// inside its transaction for each newCall. What the rules decide is
// src-shared/calls/phoneRules.ts; answering the phone system is the CTI
// adapter's.
import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import {
  blockedNumberInput,
  blockReasonSchema,
  callerIdRulesSchema,
  callerNumberKey,
  parseCallerIdRules,
  PHONE_RULES_ROLES,
  type BlockedNumber,
  type CallerIdRule,
} from '../../src-shared/calls/phoneRules';
import { clientInstantSchema, instantSchema } from '../../src-shared/time';
import { fieldError } from '../local/fieldError';
import { defineMutation } from '../mutations/define';
import { writeSharedSetting } from '../mutations/sharedSetting';
import {
  BlockedNumber as BlockedNumberEntity,
  SharedSetting,
  type BlockedNumberRow,
  type SharedSettingRow,
} from '../store/entities';
import { selectRow, selectRows } from '../store/rowSql';

/** The shared setting that holds the caller-ID rules (a JSON array of CallerIdRule). */
export const CALLER_ID_RULES_KEY = 'callerIdRules';

export const blockNumberArgs = z.object({
  /** The new entry's id; unused when the number is already on the list (that entry is updated). */
  id: z.uuid(),
  number: blockedNumberInput,
  reason: blockReasonSchema,
  /** When the block ends (must be after `at`); null: never. */
  expiresAt: instantSchema.nullable().default(null),
  at: clientInstantSchema,
});

/** Blocks a number, or changes the reason and expiry of the entry it already has. */
export const callBlockNumber = defineMutation({
  name: 'call.blockNumber',
  schemaVersion: 1,
  args: blockNumberArgs,
  roles: PHONE_RULES_ROLES,
  async apply({ manager, write, actor }, args) {
    if (args.expiresAt !== null && Date.parse(args.expiresAt) <= Date.parse(args.at))
      throw fieldError('expiresAt', 'The block must end later than now', 'past');
    const [existing] = await selectRows(manager, BlockedNumberEntity, { number: args.number }, { limit: 1 });
    if (existing) {
      await write.update(BlockedNumberEntity, existing.id, {
        reason: args.reason,
        expiresAt: args.expiresAt,
      });
      return { id: existing.id, number: args.number, created: false };
    }
    await write.insert(BlockedNumberEntity, {
      id: args.id,
      number: args.number,
      reason: args.reason,
      expiresAt: args.expiresAt,
      createdAt: args.at,
      createdByName: actor.name,
    });
    return { id: args.id, number: args.number, created: true };
  },
});

export const unblockNumberArgs = z.object({ id: z.uuid() });

/** Takes an entry off the block list. An entry already gone (another admin was first) is no error. */
export const callUnblockNumber = defineMutation({
  name: 'call.unblockNumber',
  schemaVersion: 1,
  args: unblockNumberArgs,
  roles: PHONE_RULES_ROLES,
  async apply({ manager, write }, args) {
    const entry = await selectRow(manager, BlockedNumberEntity, { id: args.id });
    if (!entry) return { removed: false };
    await write.delete(BlockedNumberEntity, args.id);
    return { removed: true, number: entry.number };
  },
});

export const setCallerIdRulesArgs = z.object({ rules: callerIdRulesSchema, at: clientInstantSchema });

/** Replaces the ordered list of outbound caller-ID rules. */
export const callSetCallerIdRules = defineMutation({
  name: 'call.setCallerIdRules',
  schemaVersion: 1,
  args: setCallerIdRulesArgs,
  roles: PHONE_RULES_ROLES,
  async apply(ctx, args) {
    await writeSharedSetting(ctx, CALLER_ID_RULES_KEY, args.rules, args.at);
    return { count: args.rules.length, updatedAt: args.at };
  },
});

export const PHONE_RULE_MUTATIONS = [callBlockNumber, callUnblockNumber, callSetCallerIdRules];

export interface PhoneRules {
  blockList: BlockedNumber[];
  callerIdRules: CallerIdRule[];
}

/** The last stored value parsed: the setting changes rarely, events come by the thousand. */
let parsedRules: { value: string; rules: CallerIdRule[] } | null = null;

async function callerIdRules(
  manager: EntityManager,
): Promise<{ rules: CallerIdRule[]; setting: SharedSettingRow | null }> {
  const setting = await selectRow(manager, SharedSetting, { key: CALLER_ID_RULES_KEY });
  if (!setting) return { rules: [], setting };
  if (parsedRules?.value !== setting.value) {
    let rules: CallerIdRule[];
    try {
      rules = parseCallerIdRules(JSON.parse(setting.value));
    } catch {
      rules = [];
    }
    parsedRules = { value: setting.value, rules };
  }
  return { rules: parsedRules.rules, setting };
}

/**
 * The block list and the caller-ID rules, read in the caller's transaction with plain SQL (the
 * whole list, by the number index, and the setting by its key). Given the event, only what can
 * decide its answer is read, in one indexed query: for an inbound call the entries for its caller
 * (no rules), for an outbound call the rules (no entries). phoneSystemAnswer gives the same answer
 * either way.
 */
export async function loadPhoneRules(
  manager: EntityManager,
  event?: { direction: string; from?: string | null },
): Promise<PhoneRules> {
  if (event === undefined) {
    const blockList = await selectRows(manager, BlockedNumberEntity, {}, { orderBy: ['number'] });
    return { blockList, callerIdRules: (await callerIdRules(manager)).rules };
  }
  if (event.direction === 'in') {
    const key = callerNumberKey(event.from);
    const blockList: BlockedNumberRow[] =
      key === null ? [] : await selectRows(manager, BlockedNumberEntity, { number: key });
    return { blockList, callerIdRules: [] };
  }
  if (event.direction === 'out')
    return { blockList: [], callerIdRules: (await callerIdRules(manager)).rules };
  return { blockList: [], callerIdRules: [] };
}

/** The admin's page: every entry (expired ones too, newest first), the rules and who changed them last. */
export async function phoneRulesView(
  manager: EntityManager,
): Promise<PhoneRules & { rulesUpdatedAt: string | null; rulesUpdatedBy: string | null }> {
  const blockList = await selectRows(manager, BlockedNumberEntity, {}, { orderBy: ['createdAt', 'id'] });
  const { rules, setting } = await callerIdRules(manager);
  return {
    blockList: blockList.reverse(),
    callerIdRules: rules,
    rulesUpdatedAt: setting?.updatedAt ?? null,
    rulesUpdatedBy: setting?.updatedBy ?? null,
  };
}
