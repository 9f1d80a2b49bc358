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

/** SLA.md: the calendar and targets are defaults a team lead can change. */
export function canChangeSlaSettings(role: Role): boolean {
  return role === 'team_lead' || role === 'admin';
}
