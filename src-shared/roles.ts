// The desk's roles and what each may do. Only the rules live here; where a
// role comes from (local profile now, login later) is the caller's business.
import { z } from 'zod';

export const ROLES = ['agent', 'technician', 'team_lead', 'admin'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/** R3: only a team lead may take a call out of arrival order. */
export function canOverrideCallOrder(role: Role): boolean {
  return role === 'team_lead';
}

/** Someone acting on the desk: recorded on every change (R27). */
export interface Actor {
  userId: string;
  name: string;
  role: Role;
}

/** Who answers the phone and works the call log (R3). */
export const CALL_HANDLER_ROLES: readonly Role[] = ['agent', 'team_lead'];

/** SLA.md: the calendar and targets are defaults a team lead (or an admin) can change. */
export const SLA_SETTINGS_ROLES: readonly Role[] = ['team_lead', 'admin'];

export function canChangeSlaSettings(role: Role): boolean {
  return SLA_SETTINGS_ROLES.includes(role);
}

/** Who sets the shift roster (issue 15): team leads run the shift; admins may stand in. */
export const ROSTER_ROLES: readonly Role[] = ['team_lead', 'admin'];

/**
 * Who sees the team lead's live view and end-of-day summary, and keeps the shift's settings and
 * the wallboard's tokens (issue 15, R27): team leads run the shift; admins may stand in.
 */
export const SHIFT_LEAD_ROLES: readonly Role[] = ['team_lead', 'admin'];

/** Who has a presence state (issue 15): everyone who answers calls or works tickets. */
export const PRESENCE_ROLES: readonly Role[] = ['agent', 'technician', 'team_lead'];

/** Who keeps the register of approved models and the equipment settings (R15, R17, R18). */
export const CATALOGUE_ROLES: readonly Role[] = ['team_lead', 'admin'];

/** Who registers devices, records handovers, recycling batches and wipes (R18, R19). */
export const EQUIPMENT_ROLES: readonly Role[] = ['technician', 'team_lead', 'admin'];

/** Who keeps the systems register, outages, maintenance windows and notices (issue 16, R26). */
export const SYSTEMS_MANAGER_ROLES: readonly Role[] = ['team_lead', 'admin'];

/** Who links a ticket to an outage or a notice (R14): whoever works tickets. */
export const SYSTEMS_LINK_ROLES: readonly Role[] = ['agent', 'technician', 'team_lead'];

/** Who works tickets: everyone at the desk but the admin (R5–R12). */
export const TICKET_ROLES: readonly Role[] = ['agent', 'technician', 'team_lead'];

/**
 * Why an account cannot be given tickets, or null when it can: it must be active and of a role
 * that works tickets. The one rule behind the central store's staff list and its `ticket.assign`.
 */
export function whyNotAssignable(account: {
  role: string;
  active: boolean | number;
}): 'inactive' | 'role' | null {
  if (!account.active) return 'inactive';
  if (!(TICKET_ROLES as readonly string[]).includes(account.role)) return 'role';
  return null;
}
