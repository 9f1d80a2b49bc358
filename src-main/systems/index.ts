// The systems domain (issue 16: R10, R13, R14, R20–R24, R26): the register
// of business systems and their roles per customer, outages, maintenance
// windows, operational notices and uptime. Its one entry file.
import { defineDomain } from '../local/domain';
import { noticeLinkTicket, noticePublish, noticeUpdate } from './notices';
import {
  outageConfirm,
  outageDismiss,
  outageEdit,
  outageLinkTicket,
  outageProbeRecovered,
  outageRecord,
  outageSuspect,
} from './outages';
import { systemRemoveCustomer, systemSave, systemSetRoles } from './register';
import { systemsRouter } from './router';
import { windowCancel, windowSave } from './windows';

export const systems = defineDomain({
  mutations: [
    systemSave,
    systemSetRoles,
    systemRemoveCustomer,
    outageRecord,
    outageEdit,
    outageConfirm,
    outageDismiss,
    outageLinkTicket,
    windowSave,
    windowCancel,
    noticePublish,
    noticeUpdate,
    noticeLinkTicket,
  ],
  serverMutations: [outageSuspect, outageProbeRecovered],
  router: systemsRouter,
});

/** What the central store's probe and public notice pages use. */
export { outageProbeRecovered, outageSuspect } from './outages';
export { listNotices, noticeCard, type NoticeCard } from './queries';
export { systemView } from './queries';
