// The shifts feature (issue 15): the roster page, the team lead's live view, and the presence
// control in the top bar.
export { DaySummaryPage } from './DaySummaryPage';
export { LiveViewPage } from './LiveViewPage';
export { PresenceControl } from './PresenceControl';
export { RosterPage } from './RosterPage';
export { ShiftAlertBanner } from './ShiftAlerts';
