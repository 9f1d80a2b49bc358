// The web intake's capabilities (issue 17, items 7–8): single-use sign-in
// links (30 minutes), reporters' sessions (8 hours, absolute) and filing
// receipts (1 hour). Each is 32 random bytes, base64url, handed out once;
// the store keeps only a SHA-256 of it, with a purpose prefix, so a token of
// one kind never works as another. Consuming a link is one conditional UPDATE
// (used_at IS NULL AND not expired), so two clicks never both sign in, on
// either engine and across processes.
// Deliberately not here: sending the link (mailer.ts), cookies (http.ts).
// Receipts are rows of reporter_link too (the ticket's id is part of the
// hashed text), so a receipt URL opens that one ticket's receipt and nothing
// else; they are never consumed and simply expire.
import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { placeholder, runSql } from '../../store/rowSql';
import { ReporterLink, ReporterSession } from '../store/entities';

/** One row of reporter_link, by plain SQL (the hot path of filing a ticket). */
async function insertLink(
  m: EntityManager,
  row: { tokenHash: string; email: string; createdAt: string; expiresAt: string; usedAt: string | null },
): Promise<void> {
  const p = placeholder(m);
  await runSql(
    m,
    `INSERT INTO reporter_link (token_hash, email, created_at, expires_at, used_at) VALUES (${p(0)}, ${p(1)}, ${p(2)}, ${p(3)}, ${p(4)})`,
    [row.tokenHash, row.email, row.createdAt, row.expiresAt, row.usedAt],
  );
}

export const LINK_TTL_MS = 30 * 60_000;
export const SESSION_TTL_MS = 8 * 60 * 60_000;
export const RECEIPT_TTL_MS = 60 * 60_000;

/** What every token looks like: 32 random bytes, base64url. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export const newToken = (): string => randomBytes(32).toString('base64url');
const hash = (purpose: string, token: string) =>
  createHash('sha256').update(`${purpose}:${token}`).digest('hex');
const iso = (ms: number) => new Date(ms).toISOString();

/** A new sign-in link's token for the address (stored as its hash). */
export async function createSignInLink(m: EntityManager, email: string, now: Date): Promise<string> {
  const token = newToken();
  await insertLink(m, {
    tokenHash: hash('signin', token),
    email,
    createdAt: now.toISOString(),
    expiresAt: iso(now.getTime() + LINK_TTL_MS),
    usedAt: null,
  });
  return token;
}

/** Uses up a sign-in link: its address, or null when it is unknown, used or expired. Atomic. */
export async function consumeSignInLink(m: EntityManager, token: string, now: Date): Promise<string | null> {
  if (!TOKEN_PATTERN.test(token)) return null;
  const p = placeholder(m);
  const rows = (await runSql(
    m,
    `UPDATE reporter_link SET used_at = ${p(0)}
      WHERE token_hash = ${p(1)} AND used_at IS NULL AND expires_at > ${p(2)}
      RETURNING email`,
    [now.toISOString(), hash('signin', token), now.toISOString()],
  )) as unknown[];
  // PostgreSQL answers an UPDATE … RETURNING through TypeORM as [rows, count].
  const returned = (Array.isArray(rows[0]) ? rows[0] : rows) as Array<{ email: string }>;
  return returned[0]?.email ?? null;
}

/** Whether a sign-in link would still work (for the confirm page; it does not use it up). */
export async function signInLinkUsable(m: EntityManager, token: string, now: Date): Promise<boolean> {
  if (!TOKEN_PATTERN.test(token)) return false;
  const row = await m.findOneBy(ReporterLink, { tokenHash: hash('signin', token) });
  return !!row && row.usedAt === null && row.expiresAt > now.toISOString();
}

export async function createSession(m: EntityManager, email: string, now: Date): Promise<string> {
  const token = newToken();
  await m.insert(ReporterSession, {
    tokenHash: hash('session', token),
    email,
    createdAt: now.toISOString(),
    expiresAt: iso(now.getTime() + SESSION_TTL_MS),
    revokedAt: null,
  });
  return token;
}

/** The session's address, or null when it is unknown, revoked or expired. */
export async function sessionEmail(m: EntityManager, token: string, now: Date): Promise<string | null> {
  if (!TOKEN_PATTERN.test(token)) return null;
  const row = await m.findOneBy(ReporterSession, { tokenHash: hash('session', token) });
  if (!row || row.revokedAt !== null || row.expiresAt <= now.toISOString()) return null;
  return row.email;
}

export async function revokeSession(m: EntityManager, token: string, now: Date): Promise<void> {
  if (!TOKEN_PATTERN.test(token)) return;
  await m.update(ReporterSession, { tokenHash: hash('session', token) }, { revokedAt: now.toISOString() });
}

/** A receipt for a ticket just filed: its token (the ticket id is bound into the hash). */
export async function createReceipt(
  m: EntityManager,
  ticketId: string,
  email: string,
  now: Date,
): Promise<string> {
  const token = newToken();
  await insertLink(m, {
    tokenHash: hash(`receipt:${ticketId}`, token),
    email,
    createdAt: now.toISOString(),
    expiresAt: iso(now.getTime() + RECEIPT_TTL_MS),
    // Never usable as a sign-in link: a receipt is marked used from the start.
    usedAt: now.toISOString(),
  });
  return token;
}

/** The address a receipt was made for, or null when the pair is unknown or expired. */
export async function receiptEmail(
  m: EntityManager,
  ticketId: string,
  token: string,
  now: Date,
): Promise<string | null> {
  if (!TOKEN_PATTERN.test(token)) return null;
  const row = await m.findOneBy(ReporterLink, { tokenHash: hash(`receipt:${ticketId}`, token) });
  return row && row.expiresAt > now.toISOString() ? row.email : null;
}
