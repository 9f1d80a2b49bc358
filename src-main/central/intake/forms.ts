// Reading what a browser sends the web intake (issue 17, item 8): the
// cookies, a body within its limit, a form (urlencoded by URLSearchParams,
// multipart by the platform's own parser, so no parser of ours and no
// dependency), and the files in it made safe to keep (a name without a path
// or control characters, a content type the attachment schema takes) and
// checked against the per-message limit. Deliberately not here: what the
// fields mean (http.ts validates them with the shared schemas).
import type { IncomingMessage } from 'node:http';
import { MAX_ATTACHMENTS } from '../../../src-shared/intake/schemas';
import { fileSize, type Lang, type Words } from './words';

export class BodyTooLarge extends Error {}

export function cookiesOf(req: IncomingMessage): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i < 0) continue;
    const name = part.slice(0, i).trim();
    if (!out.has(name)) out.set(name, part.slice(i + 1).trim());
  }
  return out;
}

export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) throw new BodyTooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyTooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export interface ParsedForm {
  fields: Map<string, string>;
  files: Array<{ filename: string; contentType: string; bytes: Buffer }>;
}

/** A form body (urlencoded or multipart) through the platform's own parser; null when unreadable. */
export async function parseForm(contentType: string, body: Buffer): Promise<ParsedForm | null> {
  const type = contentType.toLowerCase();
  if (type.startsWith('application/x-www-form-urlencoded')) {
    // Forms without files: the platform's query parser, no Request to build.
    const fields = new Map<string, string>();
    for (const [name, value] of new URLSearchParams(body.toString('utf8')))
      if (!fields.has(name)) fields.set(name, value);
    return { fields, files: [] };
  }
  if (!type.startsWith('multipart/form-data')) return null;
  let data: FormData;
  try {
    data = await new Request('http://intake/', {
      method: 'POST',
      headers: { 'content-type': contentType },
      body: new Uint8Array(body),
    }).formData();
  } catch {
    return null;
  }
  const fields = new Map<string, string>();
  const files: ParsedForm['files'] = [];
  for (const [name, value] of data.entries()) {
    if (typeof value === 'string') {
      if (!fields.has(name)) fields.set(name, value);
    } else if (name === 'attachments' && (value.size > 0 || value.name)) {
      files.push({
        filename: value.name || 'vedlegg',
        contentType: value.type,
        bytes: Buffer.from(await value.arrayBuffer()),
      });
    }
  }
  return { fields, files };
}

/** A content type as the attachment schema takes it, else the neutral one. */
export function safeContentType(type: string): string {
  const t = type.split(';')[0]!.trim().toLowerCase();
  return /^[\w.+-]+\/[\w.+-]+$/.test(t) && t.length <= 200 ? t : 'application/octet-stream';
}

/** A file name as the attachment schema takes it: no path, no control characters, ≤ 255. */
export function safeFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = base
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    .replace(/[\u0000-\u001f\u007f\ufffd]/g, '')
    .replace(/[\uD800-\uDFFF]/g, '')
    .trim();
  return (clean || 'vedlegg').slice(0, 255);
}

/** What is wrong with one message's files (their sizes: the kept ones and the new), or null. */
export function filesProblem(w: Words, lang: Lang, sizes: readonly number[], limit: number): string | null {
  if (sizes.length > MAX_ATTACHMENTS) return w.errors.attachmentsTooMany(MAX_ATTACHMENTS);
  const total = sizes.reduce((n, size) => n + size, 0);
  if (total > limit) return w.errors.attachmentsTooBig(fileSize(lang, total), fileSize(lang, limit));
  return null;
}
