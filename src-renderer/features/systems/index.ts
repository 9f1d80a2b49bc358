// The systems feature as the shell sees it (issue 16): the register and its
// roles, systems lacking an owner, outages, maintenance windows (on a
// system's page), operational notices, and the uptime report.
export { LackingOwnerPage } from './LackingOwnerPage';
export { NoticePage } from './NoticePage';
export { NoticesPage } from './NoticesPage';
export { OutagePage } from './OutagePage';
export { NewOutagePage, OutagesPage } from './OutagesPage';
export { RegisterPage } from './RegisterPage';
export { SystemPage } from './SystemPage';
export { UptimeMonthPage } from './UptimeMonthPage';
export { UptimePage, UptimeThisYear } from './UptimePage';
