// The shifts domain (issue 15): the roster of who works which duty each day,
// and each person's presence now.
// Its one entry file.
import { defineDomain } from '../local/domain';
import { presenceSet } from './presence';
import { rosterCopyWeek, rosterSetWeek } from './roster';
import { shiftsRouter } from './router';

export const shifts = defineDomain({
  mutations: [rosterSetWeek, rosterCopyWeek, presenceSet],
  router: shiftsRouter,
});
