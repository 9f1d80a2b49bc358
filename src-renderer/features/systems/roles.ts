// Who may change the register, outages, windows and notices (issue 16): team
// leads and admins; everyone else reads.
import { SYSTEMS_MANAGER_ROLES, type Role } from '../../../src-shared/roles';

export function managesSystems(role: Role): boolean {
  return SYSTEMS_MANAGER_ROLES.includes(role);
}
