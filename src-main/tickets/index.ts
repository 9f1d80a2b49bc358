// The tickets domain (R4–R12): the ticket life cycle's mutators, the
// reporter's messages (queued by those mutators; their delivery recorded by
// server-only mutators the central store's mail sender runs, and their text
// rendered here), the queries and the desk's procedures. Its one entry file.
import { defineDomain } from '../local/domain';
import { MESSAGE_MUTATIONS } from './messages/mutations';
import { TICKET_MUTATIONS } from './mutations';
import { ticketsRouter } from './router';

export const tickets = defineDomain({
  mutations: TICKET_MUTATIONS,
  serverMutations: MESSAGE_MUTATIONS,
  router: ticketsRouter,
});

export {
  MAX_ERROR_LENGTH,
  MESSAGE_MUTATIONS,
  ticketMessageAttemptFailed,
  ticketMessageClaim,
  ticketMessageSent,
} from './messages/mutations';
export * from './messages/render';
export { insertTicket, linkTicket, loadTicket, queueMessage, recordWork, type NewTicket } from './mutations';
