// The equipment feature as the shell and other features see it: its pages,
// and a ticket's linked device (on the ticket page and the new-ticket form).
export { BatchPage } from './BatchPage';
export { CataloguePage } from './CataloguePage';
export { DevicePage } from './DevicePage';
export { HandoverPage } from './HandoverPage';
export { DeviceChoice, LinkedDevice } from './LinkedDevice';
export { LookupPage } from './LookupPage';
export { RecyclingPage } from './RecyclingPage';
export { SettingsPage } from './SettingsPage';
