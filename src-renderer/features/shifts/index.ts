// The shifts feature (issue 15): the roster page and the presence control in the top bar.
export { PresenceControl } from './PresenceControl';
export { RosterPage } from './RosterPage';
