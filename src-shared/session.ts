// Who a desk knows: the signed-in user as the central store described them,
// and the staff a ticket can be assigned to. Shapes shared by the desk's
// session store, its router and the renderer.
import type { Role } from './roles';

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
}

export interface StaffMember {
  id: string;
  displayName: string;
  role: Role;
}
