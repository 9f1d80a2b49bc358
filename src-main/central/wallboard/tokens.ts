// Wall screens' tokens (issue 15): a team lead names a screen and gets a URL
// with a fresh token, shown once; the store keeps only its SHA-256. Revoking
// it closes the screen's stream at once and refuses it from then on.
import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { uuidv7 } from 'uuidv7';
import { z } from 'zod';
import { DomainError } from '../../../src-shared/errors';
import type { Actor } from '../../../src-shared/roles';
import { textSchema } from '../../../src-shared/text';
import { Wallboard, type WallboardRow } from '../store/entities';

/** 32 random bytes, base64url: what the screen's URL carries. */
export const WALLBOARD_TOKEN = /^[A-Za-z0-9_-]{43}$/;
export const WALLBOARD_PATH = '/wallboard/';

export const wallboardCreateInput = z.object({ name: textSchema.trim().min(1).max(80) });
export const wallboardRevokeInput = z.object({ id: z.uuid() });

export function wallboardTokenHash(token: string): string {
  return createHash('sha256').update(`wallboard:${token}`).digest('hex');
}

export interface WallboardView {
  id: string;
  name: string;
  createdAt: string;
  createdByName: string;
  revokedAt: string | null;
  revokedByName: string | null;
}

const view = (r: WallboardRow): WallboardView => ({
  id: r.id,
  name: r.name,
  createdAt: r.createdAt,
  createdByName: r.createdByName,
  revokedAt: r.revokedAt,
  revokedByName: r.revokedByName,
});

export async function listWallboards(manager: EntityManager): Promise<WallboardView[]> {
  return (await manager.find(Wallboard, { order: { createdAt: 'DESC' } })).map(view);
}

/** A new screen's access: its path (with the token) is returned this once and never stored. */
export async function createWallboard(
  manager: EntityManager,
  input: z.input<typeof wallboardCreateInput>,
  actor: Actor,
  now = new Date(),
): Promise<WallboardView & { path: string }> {
  const { name } = wallboardCreateInput.parse(input);
  const token = randomBytes(32).toString('base64url');
  const row: WallboardRow = {
    id: uuidv7(),
    name,
    tokenHash: wallboardTokenHash(token),
    createdAt: now.toISOString(),
    createdByName: actor.name,
    revokedAt: null,
    revokedByName: null,
  };
  await manager.insert(Wallboard, row);
  return { ...view(row), path: `${WALLBOARD_PATH}${token}` };
}

export async function revokeWallboard(
  manager: EntityManager,
  id: string,
  actor: Actor,
  now = new Date(),
): Promise<WallboardView> {
  const row = await manager.findOne(Wallboard, { where: { id } });
  if (!row) throw new DomainError('notFound', `No wall screen ${id}`, { field: 'id' });
  if (row.revokedAt) return view(row);
  const revoked = { ...row, revokedAt: now.toISOString(), revokedByName: actor.name };
  await manager.update(Wallboard, { id }, { revokedAt: revoked.revokedAt, revokedByName: actor.name });
  return view(revoked);
}

/** The screen a token opens, or null (unknown, malformed or revoked). */
export async function wallboardOfToken(manager: EntityManager, token: string): Promise<string | null> {
  if (!WALLBOARD_TOKEN.test(token)) return null;
  const row = await manager.findOne(Wallboard, { where: { tokenHash: wallboardTokenHash(token) } });
  return row && !row.revokedAt ? row.id : null;
}

/** The screens not revoked. */
export async function liveWallboardIds(manager: EntityManager): Promise<Set<string>> {
  const rows = await manager.find(Wallboard, { select: { id: true, revokedAt: true } });
  return new Set(rows.filter((r) => !r.revokedAt).map((r) => r.id));
}
