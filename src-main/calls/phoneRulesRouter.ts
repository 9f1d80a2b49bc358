// The administrators' phone rules on the desk's local router: the block list
// and caller-ID rules as this desk has them (synced, so also offline), and the
// mutations that change them. Merged into the calls domain's router
// (router.ts), so they are `calls.phoneRules`, `calls.blockNumber`, ….
import { PHONE_RULES_ROLES } from '../../src-shared/calls/phoneRules';
import { stampedMutation } from '../local/stampedMutation';
import { actorProcedure, rolesProcedure } from '../local/trpc';
import {
  callBlockNumber,
  callSetCallerIdRules,
  callUnblockNumber,
  phoneRulesView,
  unblockNumberArgs,
} from './phoneRules';

export const phoneRulesProcedures = {
  /** The block list (expired entries too, newest first) and the caller-ID rules: administrators only. */
  phoneRules: rolesProcedure(PHONE_RULES_ROLES, 'The phone rules').query(({ ctx }) =>
    phoneRulesView(ctx.desk.store.dataSource.manager),
  ),
  /** Blocks a number (or changes its entry's reason and expiry); the desk stamps the instant and a new id. */
  blockNumber: stampedMutation(callBlockNumber, { at: 'at', id: 'id' }),
  unblockNumber: actorProcedure
    .input(unblockNumberArgs)
    .mutation(({ ctx, input }) => ctx.desk.mutations.run(callUnblockNumber, input, ctx.actor)),
  setCallerIdRules: stampedMutation(callSetCallerIdRules, { at: 'at' }),
};
