// The files of a web form that failed validation (issue 17, item 6), kept
// for an hour so the reporter need not choose them again. The bytes are in
// attachment_content like any attachment's (stored by SHA-256); a draft only
// names them. Its token is 32 random bytes, handed out once in a hidden
// field; the store keeps a SHA-256 of it together with the form it belongs to
// and the browser's CSRF cookie, so a token copied into another browser, or
// used on another form, finds nothing. Expired drafts are removed when a new
// one is made. Deliberately not here: what the page shows (pages.ts) and
// which files a submit keeps (http.ts).
import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import { placeholder, runSql } from '../../store/rowSql';
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

/** A draft as a page shows it: its token and its files, in order. */
export interface Draft {
  token: string;
  files: DraftFile[];
}

/** Which form a draft belongs to: the ticket form, or the answer form of one ticket. */
export type DraftForm = 'ticket' | `answer:${string}`;

const hash = (form: DraftForm, csrf: string, token: string) =>
  createHash('sha256').update(`draft:${form}:${csrf}:${token}`).digest('hex');

/** Keeps the files as a new draft (removing expired ones and the draft it replaces): its token. */
export async function createDraft(
  m: EntityManager,
  form: DraftForm,
  csrf: string,
  files: readonly DraftFile[],
  now: Date,
  replaces: string | null,
): Promise<string> {
  const p = placeholder(m);
  await runSql(m, `DELETE FROM intake_draft WHERE expires_at <= ${p(0)}`, [now.toISOString()]);
  if (replaces) await deleteDraft(m, form, csrf, replaces);
  const token = newToken();
  await runSql(
    m,
    `INSERT INTO intake_draft (token_hash, files, created_at, expires_at) VALUES (${p(0)}, ${p(1)}, ${p(2)}, ${p(3)})`,
    [
      hash(form, csrf, token),
      JSON.stringify(files),
      now.toISOString(),
      new Date(now.getTime() + DRAFT_TTL_MS).toISOString(),
    ],
  );
  return token;
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

export async function deleteDraft(
  m: EntityManager,
  form: DraftForm,
  csrf: string,
  token: string,
): Promise<void> {
  if (!TOKEN_PATTERN.test(token)) return;
  const p = placeholder(m);
  await runSql(m, `DELETE FROM intake_draft WHERE token_hash = ${p(0)}`, [hash(form, csrf, token)]);
}
