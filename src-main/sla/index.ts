// The SLA domain (R4): the settings in force (a synced, shared setting), the
// mutation that changes them and the desk's procedures (settings, holidays,
// deadline preview). The clock itself is src-shared/sla. Its one entry file.
import { defineDomain } from '../local/domain';
import { slaSetSettings } from './mutations';
import { slaRouter } from './router';

export const sla = defineDomain({ mutations: [slaSetSettings], router: slaRouter });

export { slaInForce, type SlaInForce } from './settingsStore';
