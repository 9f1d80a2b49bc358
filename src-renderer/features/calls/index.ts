// The calls feature as other features and the shell see it: the call desk, the call history,
// the phone system's events and the admin's phone rules, and how a caller is shown.
export { CallsPage } from './CallsPage';
export { CallHistoryPage } from './history/CallHistoryPage';
export { PhoneEventsPage } from './PhoneEventsPage';
export { PhoneRulesPage } from './PhoneRulesPage';
export { CallerCard } from './caller';
