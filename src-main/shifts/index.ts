// The shifts domain (issue 15): the roster of who works which duty each day,
// and each person's presence now.
// Its one entry file.
import { defineDomain } from '../local/domain';
import { presenceLink, presenceSet } from './presence';
import { rosterCopyWeek, rosterSetWeek } from './roster';
import { shiftSetSettings } from './settings';
import { shiftsRouter } from './router';

export const shifts = defineDomain({
  mutations: [rosterSetWeek, rosterCopyWeek, presenceSet, shiftSetSettings],
  serverMutations: [presenceLink],
  router: shiftsRouter,
});

export { presenceLink } from './presence';
export {
  callFacts,
  forgetTicketTouches,
  openTicketFacts,
  prepareLiveView,
  wallboardFigures,
  type FigureRows,
} from './liveView';
