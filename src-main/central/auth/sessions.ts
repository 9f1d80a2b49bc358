// Login sessions: a random bearer token handed to the desk once; the central
// store keeps only its SHA-256, with an absolute expiry (a working day).
import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { Session, UserAccount, type UserAccountRow } from '../store/entities';

export const SESSION_HOURS = 12;

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createSession(
  manager: EntityManager,
  userId: string,
  clientId: string | null,
  now = new Date(),
): Promise<{ token: string; expiresAt: string }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600_000).toISOString();
  await manager.insert(Session, {
    tokenHash: tokenHash(token),
    userId,
    clientId,
    createdAt: now.toISOString(),
    expiresAt,
    revokedAt: null,
  });
  return { token, expiresAt };
}

/** The active user behind a token, or null when it is unknown, expired, revoked or the user is deactivated. */
export async function resolveSession(
  manager: EntityManager,
  token: string | null | undefined,
  now = new Date(),
): Promise<{ user: UserAccountRow; tokenHash: string; expiresAt: string; clientId: string | null } | null> {
  if (!token || token.length > 200) return null;
  const hash = tokenHash(token);
  const session = await manager.findOneBy(Session, { tokenHash: hash });
  if (!session || session.revokedAt || session.expiresAt <= now.toISOString()) return null;
  const user = await manager.findOneBy(UserAccount, { id: session.userId });
  if (!user || !user.active) return null;
  return { user, tokenHash: hash, expiresAt: session.expiresAt, clientId: session.clientId };
}

export async function revokeSession(manager: EntityManager, hash: string, now = new Date()): Promise<void> {
  await manager.update(Session, { tokenHash: hash }, { revokedAt: now.toISOString() });
}
