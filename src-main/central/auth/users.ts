// Accounts on the central store: create, look up, list, and an administrator's
// changes to one (role, extension, a new password). Roles come from
// src-shared/roles; passwords only ever as scrypt hashes.
import type { EntityManager } from 'typeorm';
import { uuidv7 } from 'uuidv7';
import { z } from 'zod';
import { roleSchema, whyNotAssignable, type Actor, type Role } from '../../../src-shared/roles';
import { DomainError } from '../../../src-shared/errors';
import { textSchema } from '../../../src-shared/text';
import { IsNull } from 'typeorm';
import { Session, UserAccount, type UserAccountRow } from '../store/entities';
import { hashPassword, MIN_PASSWORD_LENGTH } from './passwords';

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{2,40}$/, 'Use 2–40 letters a–z, digits, dot, dash or underscore');
export const passwordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `At least ${MIN_PASSWORD_LENGTH} characters`)
  .max(200);

/** The number or extension the phone system names when this user answers (issue 6); optional. */
const phoneSchema = z
  .string()
  .trim()
  .max(40)
  .regex(/^\+?[\d\s]*$/, 'Digits only (a phone number or an extension)')
  .nullish()
  .transform((v) => (v ? v.replace(/\s/g, '') : null));

export const newUserSchema = z.object({
  username: usernameSchema,
  displayName: textSchema.trim().min(2, 'Name is required').max(80),
  role: roleSchema,
  password: passwordSchema,
  phone: phoneSchema,
});

/** An administrator's change to an account: its role and its extension (both as they should be now). */
export const userChangeSchema = z.object({
  username: usernameSchema,
  role: roleSchema,
  phone: phoneSchema,
});

/** An administrator gives an account a new password (the user's old sessions end). */
export const passwordResetSchema = z.object({ username: usernameSchema, password: passwordSchema });
export type NewUser = z.input<typeof newUserSchema>;

export interface UserView {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  active: boolean;
  /** The number or extension the phone system names when this user answers. */
  phone: string | null;
}

export function toUserView(row: UserAccountRow): UserView {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role as Role,
    active: !!row.active,
    phone: row.phone ?? null,
  };
}

export function actorOf(row: UserAccountRow): Actor {
  return { userId: row.id, name: row.displayName, role: row.role as Role };
}

export async function countUsers(manager: EntityManager): Promise<number> {
  return manager.count(UserAccount);
}

export async function findUserByName(
  manager: EntityManager,
  username: string,
): Promise<UserAccountRow | null> {
  return manager.findOneBy(UserAccount, { username: username.trim().toLowerCase() });
}

/** Creates an account; `id` only for fixed demo accounts (normally a new UUIDv7). */
export async function createUser(
  manager: EntityManager,
  input: NewUser,
  id: string = uuidv7(),
): Promise<UserView> {
  const user = newUserSchema.parse(input);
  if (await findUserByName(manager, user.username)) {
    throw new DomainError('conflict', `The user name ${user.username} is taken`, { field: 'username' });
  }
  const row: UserAccountRow = {
    id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    passwordHash: await hashPassword(user.password),
    active: 1,
    createdAt: new Date().toISOString(),
    phone: user.phone,
  };
  await manager.insert(UserAccount, row);
  return toUserView(row);
}

/**
 * An administrator may not deactivate their own account, nor the last active administrator: the
 * desk's rule, enforced here where no client can skip it (issue 13).
 */
export async function assertMayDeactivate(
  manager: EntityManager,
  user: { id: string; role: string; active: number | boolean },
  actorId: string,
): Promise<void> {
  if (user.id === actorId) {
    throw new DomainError('ownAccount', 'You cannot deactivate your own account', { field: 'username' });
  }
  if (user.role !== 'admin' || !user.active) return;
  const others = await manager.count(UserAccount, { where: { role: 'admin', active: 1 } });
  if (others <= 1) {
    throw new DomainError('lastAdmin', 'The last active administrator cannot be deactivated', {
      field: 'username',
    });
  }
}

/** Who tickets can be assigned to: active agents, technicians and team leads. */
export async function listStaff(
  manager: EntityManager,
): Promise<Array<{ id: string; displayName: string; role: Role }>> {
  return (await listUsers(manager))
    .filter((u) => whyNotAssignable(u) === null)
    .map((u) => ({ id: u.id, displayName: u.displayName, role: u.role }));
}

export async function listUsers(manager: EntityManager): Promise<UserView[]> {
  return (await manager.find(UserAccount, { order: { username: 'ASC' } })).map(toUserView);
}

/** The account an administrator names, or a field-named notFound. */
async function userNamed(manager: EntityManager, username: string): Promise<UserAccountRow> {
  const user = await findUserByName(manager, username);
  if (!user) throw new DomainError('notFound', `No user ${username}`, { field: 'username' });
  return user;
}

/**
 * Changes an account's role and extension. An administrator does not change their own role, nor
 * take the role from the last active administrator (the same doors assertMayDeactivate keeps).
 */
export async function changeUser(
  manager: EntityManager,
  input: z.input<typeof userChangeSchema>,
  actorId: string,
): Promise<UserView> {
  const change = userChangeSchema.parse(input);
  const user = await userNamed(manager, change.username);
  if (change.role !== user.role) {
    if (user.id === actorId) {
      throw new DomainError('ownAccount', 'You cannot change your own role', { field: 'role' });
    }
    if (user.role === 'admin' && user.active) {
      const admins = await manager.count(UserAccount, { where: { role: 'admin', active: 1 } });
      if (admins <= 1) {
        throw new DomainError('lastAdmin', 'The last active administrator must stay an administrator', {
          field: 'role',
        });
      }
    }
  }
  await manager.update(UserAccount, { id: user.id }, { role: change.role, phone: change.phone });
  return toUserView({ ...user, role: change.role, phone: change.phone });
}

/** Sets a new password on an account and ends its sessions, so a password someone knew stops working. */
export async function resetPassword(
  manager: EntityManager,
  input: z.input<typeof passwordResetSchema>,
  now = new Date(),
): Promise<UserView> {
  const reset = passwordResetSchema.parse(input);
  const user = await userNamed(manager, reset.username);
  await manager.update(UserAccount, { id: user.id }, { passwordHash: await hashPassword(reset.password) });
  await manager.update(Session, { userId: user.id, revokedAt: IsNull() }, { revokedAt: now.toISOString() });
  return toUserView(user);
}
