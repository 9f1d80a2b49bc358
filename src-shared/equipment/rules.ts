// The register's rules (R15–R17), in one place for the desk, the central
// store and the screens: is a model approved on a given day, does a device get
// network access and support, is it past its recommended lifetime. Days are
// calendar days in Oslo ('YYYY-MM-DD'); months are added as the calendar does
// (31 January + 1 month = 28 or 29 February).
import { DateTime } from 'luxon';
import { SERVICE_TIME_ZONE } from '../serviceTimeZone';
import {
  ACTIVE_STATUSES,
  type DeviceCategory,
  type DeviceStatus,
  type EquipmentSettings,
  type Network,
} from './catalogue';

export interface ApprovalWindow {
  approvedFrom: string;
  approvedUntil: string | null;
}

/** R15: a model is approved from its first day to its last day, both included. */
export function isApprovedOn(model: ApprovalWindow, day: string): boolean {
  return model.approvedFrom <= day && (model.approvedUntil === null || day <= model.approvedUntil);
}

/** R16: a device gets network access and support only as a model approved that day; the guest network needs no approval (R15). */
export function mayJoinNetwork(model: ApprovalWindow, network: Network, day: string): boolean {
  return network === 'guest' || isApprovedOn(model, day);
}

const osloCalendar = new Intl.DateTimeFormat('en-US', {
  timeZone: SERVICE_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * The Oslo calendar day of an instant. Intl with one formatter, not luxon: a handover asks once per
 * commit, and parsing plus zoning with luxon cost a tenth of a millisecond of it.
 */
export function osloDay(instant: string): string {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw new RangeError(`Not an instant: ${instant}`);
  const parts = osloCalendar.formatToParts(ms);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/**
 * R17: the day a device reaches its category's recommended lifetime, counted from its delivery (or,
 * for a device never delivered, its standard setup); null when neither is known.
 */
export function endOfLifetime(
  device: { deliveredDate: string | null; setupDate: string | null },
  lifetimeMonths: number,
): string | null {
  const from = device.deliveredDate ?? device.setupDate;
  if (!from) return null;
  return DateTime.fromISO(from, { zone: SERVICE_TIME_ZONE }).plus({ months: lifetimeMonths }).toISODate();
}

export type DeviceWarning =
  /** R16: not an approved model on the main network: no network access, no support. */
  | { code: 'notApproved'; approvedUntil: string | null }
  /** R17: past its lifetime (since `since`), or marked by a technician (with `reason`). */
  | { code: 'replacementRecommended'; since: string | null; reason: string | null };

export interface DeviceForRules {
  network: Network;
  status: DeviceStatus;
  deliveredDate: string | null;
  setupDate: string | null;
  replacementReason: string | null;
  model: ApprovalWindow & { category: DeviceCategory };
}

/** What the register says about a device on `day`, where it is looked up and on its tickets. */
export function deviceWarnings(
  device: DeviceForRules,
  settings: Pick<EquipmentSettings, 'lifetimeMonths'>,
  day: string,
): DeviceWarning[] {
  const warnings: DeviceWarning[] = [];
  // Only a device still out there (in stock or in use) is refused the network or due for replacement.
  if (!ACTIVE_STATUSES.includes(device.status)) return warnings;
  if (!mayJoinNetwork(device.model, device.network, day)) {
    warnings.push({ code: 'notApproved', approvedUntil: device.model.approvedUntil });
  }
  const end = endOfLifetime(device, settings.lifetimeMonths[device.model.category]);
  const aged = end !== null && day >= end;
  const marked = device.status === 'replacement_recommended';
  if (aged || marked) {
    warnings.push({
      code: 'replacementRecommended',
      since: aged ? end : null,
      reason: marked ? device.replacementReason : null,
    });
  }
  return warnings;
}
