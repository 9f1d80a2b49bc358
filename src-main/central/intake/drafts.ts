// The files of a web form that failed validation (issue 17, item 6), kept
// for an hour so the reporter need not choose them again. A draft's bytes
// live in its own table (intake_draft_content) and go with the draft: when it
// is used, replaced or expired; only a filed ticket or answer puts them among
// the attachments (attachment_content), so a form that never succeeds leaves
// nothing behind. Its token is 32 random bytes, handed out once in a hidden
// field; the store keeps a SHA-256 of it together with the form it belongs to
// and the browser's CSRF cookie, so a token copied into another browser, or
// used on another form, finds nothing. Expired drafts are removed when a new
// one is made. Deliberately not here: what the page shows (pages.ts) and
// which files a submit keeps (http.ts).
import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import { placeholder, runSql } from '../../store/rowSql';
import { sha256Of } from '../attachments/content';
import { newToken, TOKEN_PATTERN } from './links';

export const DRAFT_TTL_MS = 60 * 60_000;

/** The hidden field with the draft's token, and the checkboxes' names (`keep-0`, `keep-1`, …). */
export const DRAFT_FIELD = 'draft';
export const keepField = (index: number): string => `keep-${index}`;
export const isKeepField = (name: string): boolean => /^keep-\d+$/.test(name);

const draftFile = z.object({
  filename: z.string().min(1).max(255),
  contentType: z.string().min(1).max(200),
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type DraftFile = z.infer<typeof draftFile>;
const draftFiles = z.array(draftFile);

/** A file as a form brings it, and as a draft gives it back. */
export interface Upload {
  filename: string;
  contentType: string;
  bytes: Buffer;
}

/** A draft as a page shows it: its token and its files, in order. */
export interface Draft {
  token: string;
  files: DraftFile[];
}

/** Which form a draft belongs to: the ticket form, or the answer form of one ticket. */
export type DraftForm = 'ticket' | `answer:${string}`;

const hash = (form: DraftForm, csrf: string, token: string) =>
  createHash('sha256').update(`draft:${form}:${csrf}:${token}`).digest('hex');

/** Removes one draft and its bytes. */
async function removeDraft(m: EntityManager, tokenHash: string): Promise<void> {
  const p = placeholder(m);
  await runSql(m, `DELETE FROM intake_draft_content WHERE token_hash = ${p(0)}`, [tokenHash]);
  await runSql(m, `DELETE FROM intake_draft WHERE token_hash = ${p(0)}`, [tokenHash]);
}

/** Removes the drafts (and their bytes) that have expired by `now` (also swept hourly: housekeeping.ts). */
export async function removeExpiredDrafts(m: EntityManager, now: Date): Promise<void> {
  const p = placeholder(m);
  await runSql(
    m,
    `DELETE FROM intake_draft_content WHERE token_hash IN
       (SELECT token_hash FROM intake_draft WHERE expires_at <= ${p(0)})`,
    [now.toISOString()],
  );
  await runSql(m, `DELETE FROM intake_draft WHERE expires_at <= ${p(0)}`, [now.toISOString()]);
}

/** Keeps the files (with their bytes) as a new draft, replacing the one it came with. */
export async function createDraft(
  m: EntityManager,
  form: DraftForm,
  csrf: string,
  files: readonly Upload[],
  now: Date,
  replaces: string | null,
): Promise<Draft> {
  const p = placeholder(m);
  await removeExpiredDrafts(m, now);
  if (replaces && TOKEN_PATTERN.test(replaces)) await removeDraft(m, hash(form, csrf, replaces));
  const token = newToken();
  const tokenHash = hash(form, csrf, token);
  const listed: DraftFile[] = [];
  for (const f of files) {
    const sha256 = sha256Of(f.bytes);
    listed.push({ filename: f.filename, contentType: f.contentType, size: f.bytes.length, sha256 });
    await runSql(
      m,
      `INSERT INTO intake_draft_content (token_hash, sha256, base64) VALUES (${p(0)}, ${p(1)}, ${p(2)})
       ON CONFLICT (token_hash, sha256) DO NOTHING`,
      [tokenHash, sha256, f.bytes.toString('base64')],
    );
  }
  await runSql(
    m,
    `INSERT INTO intake_draft (token_hash, files, created_at, expires_at) VALUES (${p(0)}, ${p(1)}, ${p(2)}, ${p(3)})`,
    [
      tokenHash,
      JSON.stringify(listed),
      now.toISOString(),
      new Date(now.getTime() + DRAFT_TTL_MS).toISOString(),
    ],
  );
  return { token, files: listed };
}

/** The draft's files, or null when the token is malformed, unknown, expired or not this browser's. */
export async function draftFilesOf(
  m: EntityManager,
  form: DraftForm,
  csrf: string,
  token: string,
  now: Date,
): Promise<DraftFile[] | null> {
  if (!TOKEN_PATTERN.test(token)) return null;
  const p = placeholder(m);
  const rows = (await runSql(
    m,
    `SELECT files FROM intake_draft WHERE token_hash = ${p(0)} AND expires_at > ${p(1)}`,
    [hash(form, csrf, token), now.toISOString()],
  )) as Array<{ files: string }>;
  const row = rows[0];
  if (!row) return null;
  try {
    const parsed = draftFiles.safeParse(JSON.parse(row.files));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The chosen files of a draft with their bytes; null when any is gone (the draft expired meanwhile). */
export async function draftUploads(
  m: EntityManager,
  form: DraftForm,
  csrf: string,
  token: string,
  files: readonly DraftFile[],
): Promise<Upload[] | null> {
  if (files.length === 0) return [];
  const p = placeholder(m);
  const rows = (await runSql(
    m,
    `SELECT sha256, base64 FROM intake_draft_content WHERE token_hash = ${p(0)}`,
    [hash(form, csrf, token)],
  )) as Array<{ sha256: string; base64: string }>;
  const bytes = new Map(rows.map((r) => [r.sha256, Buffer.from(r.base64, 'base64')]));
  const uploads: Upload[] = [];
  for (const f of files) {
    const b = bytes.get(f.sha256);
    if (!b) return null;
    uploads.push({ filename: f.filename, contentType: f.contentType, bytes: b });
  }
  return uploads;
}

export async function deleteDraft(
  m: EntityManager,
  form: DraftForm,
  csrf: string,
  token: string,
): Promise<void> {
  if (!TOKEN_PATTERN.test(token)) return;
  await removeDraft(m, hash(form, csrf, token));
}
