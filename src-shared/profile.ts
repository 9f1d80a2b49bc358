// The local profile an agent picks at first start (name and role). It stands
// in for a login until the central store brings accounts.
import { z } from 'zod';
import { roleSchema } from './roles';

export const profileInput = z.object({
  name: z.string().trim().min(2, 'Name is required').max(80),
  role: roleSchema,
});
export type ProfileInput = z.input<typeof profileInput>;
