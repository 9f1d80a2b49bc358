// The shifts feature: the roster page (issue 15).
export { RosterPage } from './RosterPage';
