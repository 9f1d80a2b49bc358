// The intake domain (issue 17: R2, R5–R7, R14, R27): tickets and reporters'
// answers that come by e-mail and on the web. Its mutations are the central
// store's own (server-only); the desk reads what they wrote (inbound mail,
// attachments, the reporters' messages) through its router. Its one entry file.
import { defineDomain } from '../local/domain';
import { INTAKE_SERVER_MUTATIONS } from './mutations';
import { intakeRouter } from './router';

export const intake = defineDomain({
  mutations: [],
  serverMutations: INTAKE_SERVER_MUTATIONS,
  router: intakeRouter,
});

export { mailReceive, mailSetAside, reporterReply, webTicket, type MailReceiveResult } from './mutations';
export {
  reporterTickets,
  reporterTicketView,
  type ReporterTicketView,
  type ReporterTicketLine,
} from './reporterView';
