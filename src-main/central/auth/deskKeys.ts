// Who may push for a client id (issue 13, item 1). A desk registers its
// client id with a random secret key the first time someone signs in on it;
// sessions opened with that key are bound to the client id, and a push names
// only the session's own client id. A client that never registered a key (a
// tool, a test) belongs to the account that first pushed for it. Anything
// else is refused before a sequence number moves, and audited.
import { createHash } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import type { EntityManager } from 'typeorm';
import { uuidv7 } from 'uuidv7';
import { DomainError } from '../../../src-shared/errors';
import { z } from 'zod';
import type { Actor } from '../../../src-shared/roles';
import { Audit } from '../store/entities';

/** The desk's secret: 32 random bytes, base64url. */
export const deskKeySchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'Expected a 32-byte base64url desk key');

export function deskKeyHash(key: string): string {
  return createHash('sha256').update(`desk-key:${key}`).digest('hex');
}

/** What the central store knows of a client id: its owner, its key and its last sequence. */
export interface ClientOwner {
  userId: string;
  keyHash: string | null;
  lastSeq: number;
}

export async function readClient(manager: EntityManager, clientId: string): Promise<ClientOwner | null> {
  const p = manager.connection.driver.createParameter('p0', 0);
  const rows: Array<{ user_id: string; key_hash: string | null; last_seq: number | string }> =
    await manager.query(`SELECT user_id, key_hash, last_seq FROM client_state WHERE client_id = ${p}`, [
      clientId,
    ]);
  const r = rows[0];
  return r ? { userId: r.user_id, keyHash: r.key_hash, lastSeq: Number(r.last_seq) } : null;
}

export function clientNotOwned(clientId: string): TRPCError {
  const message = `The client id ${clientId} belongs to another desk or account`;
  return new TRPCError({
    code: 'FORBIDDEN',
    message,
    cause: new DomainError('clientNotOwned', message, { clientId }),
  });
}

/**
 * At sign-in with a desk's client id and key: registers an unknown client id to that key, or checks
 * the key of a known one. A client id first used by an account without a key is claimed by the
 * first key that signs in for it only if that account is the one signing in.
 */
export async function registerDeskKey(
  manager: EntityManager,
  clientId: string,
  key: string,
  userId: string,
  now = new Date(),
): Promise<void> {
  const hash = deskKeyHash(key);
  const known = await readClient(manager, clientId);
  const p = (i: number) => manager.connection.driver.createParameter(`p${i}`, i);
  if (!known) {
    await manager.query(
      `INSERT INTO client_state (client_id, user_id, last_seq, updated_at, key_hash)
       VALUES (${p(0)}, ${p(1)}, 0, ${p(2)}, ${p(3)}) ON CONFLICT (client_id) DO NOTHING`,
      [clientId, userId, now.toISOString(), hash],
    );
    // Two first sign-ins at once: whichever row is there now decides.
    const after = await readClient(manager, clientId);
    if (after?.keyHash !== hash) throw clientNotOwned(clientId);
    return;
  }
  if (known.keyHash === hash) return;
  if (known.keyHash === null && known.userId === userId) {
    await manager.query(`UPDATE client_state SET key_hash = ${p(0)} WHERE client_id = ${p(1)}`, [
      hash,
      clientId,
    ]);
    return;
  }
  throw clientNotOwned(clientId);
}

/** Whether a session (bound to a client id or not) may push for this client id. */
export function mayPushFor(
  session: { clientId: string | null },
  actor: Actor,
  clientId: string,
  known: ClientOwner | null,
): boolean {
  if (session.clientId !== null) return session.clientId === clientId;
  // A session without a desk: only for a client id no desk registered, first used by this account.
  return known === null || (known.keyHash === null && known.userId === actor.userId);
}

export const AUDIT_ARGS_MAX_CHARS = 2000;

/**
 * The arguments as the audit keeps them: whole when they are short; otherwise the first
 * AUDIT_ARGS_MAX_CHARS characters with the SHA-256 and length of the whole, so refused input cannot
 * grow the audit faster than its own size limit (issue 13, item 7).
 */
export function auditArgs(json: string): string {
  if (json.length <= AUDIT_ARGS_MAX_CHARS) return json;
  return JSON.stringify({
    excerpt: json.slice(0, AUDIT_ARGS_MAX_CHARS),
    chars: json.length,
    sha256: createHash('sha256').update(json).digest('hex'),
  });
}

/** An audit entry for a push refused as a whole (its client id is not the caller's). */
export async function auditRefusedPush(
  manager: EntityManager,
  actor: Actor,
  clientId: string,
  mutations: ReadonlyArray<{ name: string; seq: number }>,
  reason: string,
  now = new Date(),
): Promise<void> {
  await manager.insert(Audit, {
    mutationId: uuidv7(),
    clientId,
    seq: 0,
    userId: actor.userId,
    userName: actor.name,
    role: actor.role,
    name: 'sync.push',
    args: auditArgs(
      JSON.stringify({
        mutations: mutations.length,
        seqs: [mutations[0]?.seq ?? null, mutations.at(-1)?.seq ?? null],
        names: [...new Set(mutations.map((m) => m.name))].slice(0, 20),
      }),
    ),
    schemaVersion: 1,
    status: 'rejected',
    reason: `clientNotOwned: ${reason}`,
    serverVersion: null,
    appliedAt: now.toISOString(),
  });
}
