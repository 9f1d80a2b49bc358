// The calls domain (R3): the call log's mutators, the phone system's events
// (a server-only mutator the central store's CTI endpoint hands each event
// to), the queries and the desk's procedures. Its one entry file.
import { defineDomain } from '../local/domain';
import { CALL_MUTATIONS } from './mutations';
import { phoneEvent } from './phoneEvent';
import { PHONE_RULE_MUTATIONS } from './phoneRules';
import { callsRouter } from './router';

export const calls = defineDomain({
  mutations: [...CALL_MUTATIONS, ...PHONE_RULE_MUTATIONS],
  serverMutations: [phoneEvent],
  router: callsRouter,
});

export { phoneEvent, PHONE_SYSTEM_NAME, type PhoneEventOutcome } from './phoneEvent';
export { listPhoneEvents } from './phoneEventLog';
export { loadPhoneRules, type PhoneRules } from './phoneRules';
