// POST /api/v1/cti/:token — the phone system's events (Zammad's generic CTI
// format, src-shared/calls/cti): the HTTP adapter that hands each event to
// the calls domain as the server mutation call.phoneEvent
// (src-main/calls/phoneEvent.ts), which also keeps it in cti_event with what
// became of it, for the admin. The token is a configured secret compared in
// constant time and never logged. Nothing a PBX sends can reorder the queue:
// its order is the arrival time stamped here. A burst of events goes to the
// database together (the server mutations' group commit).
import { createHash, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { uuidv7 } from 'uuidv7';
import { ZodError } from 'zod';
import { ctiEventSchema, formFields, type CtiEvent } from '../../../src-shared/calls/cti';
import { phoneEvent } from '../../calls';
import type { ServerMutations } from '../sync/serverMutations';

export const CTI_PATH = '/api/v1/cti/';

/** The configured token, checked: long enough not to be guessed, and safe in a URL path. */
export function ctiTokenFrom(raw: string | undefined): string | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (raw.length < 16 || !/^[A-Za-z0-9._~-]+$/.test(raw)) {
    throw new Error(
      '--cti-token (ROR_CTI_TOKEN) must be at least 16 characters of A–Z, a–z, 0–9, ".", "_", "~", "-"',
    );
  }
  return raw;
}
/**
 * The phone system's secret from where secrets belong: a file (`--cti-token-file` or
 * ROR_CTI_TOKEN_FILE, read and trimmed) or the environment (ROR_CTI_TOKEN). `--cti-token` on the
 * command line still works but shows in the process list, so it is refused when a file is given
 * too, and the README recommends the file or the environment.
 */
export function ctiTokenSetting(
  flagValue: (flag: string) => string | undefined,
  env: NodeJS.ProcessEnv,
): string | undefined {
  const file = flagValue('--cti-token-file') ?? env.ROR_CTI_TOKEN_FILE;
  if (file !== undefined) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      throw new Error(`--cti-token-file: cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? e})`, {
        cause: e,
      });
    }
    return ctiTokenFrom(text.trim());
  }
  return ctiTokenFrom(flagValue('--cti-token') ?? env.ROR_CTI_TOKEN);
}

/** A CTI event is a handful of short fields. */
export const CTI_MAX_BODY_BYTES = 16 * 1024;

export interface CtiResponse {
  status: number;
  body: Record<string, unknown>;
}

/** When and in which order the central store received an event: stamped as the request arrives. */
export interface CtiReceipt {
  receivedAt: string;
  /** A UUIDv7 from this process's monotonic generator: events received in one millisecond keep their order. */
  logId: string;
}

export function ctiReceipt(): CtiReceipt {
  return { receivedAt: new Date().toISOString(), logId: uuidv7() };
}

export interface CtiHandler {
  /** The token from the path, the request's content type and raw body, and when it was received. */
  handle(token: string, contentType: string, body: Uint8Array, receipt?: CtiReceipt): Promise<CtiResponse>;
}

const digest = (s: string) => createHash('sha256').update(s).digest();

/** A body the endpoint cannot read; its message is the 400's reason. */
class UnreadableBody extends Error {}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function utf8(body: Uint8Array): string {
  try {
    return strictUtf8.decode(body);
  } catch {
    throw new UnreadableBody('The body is not valid UTF-8');
  }
}

/** application/x-www-form-urlencoded, decoded strictly: a %-escape that is not UTF-8 is refused, not replaced. */
function urlEncodedFields(text: string): Array<[string, string]> {
  const decode = (s: string) => {
    try {
      return decodeURIComponent(s.replace(/\+/g, ' '));
    } catch {
      throw new UnreadableBody(`The form field "${s.slice(0, 40)}" is not valid UTF-8 or not %-encoded`);
    }
  };
  return text
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => {
      const eq = pair.indexOf('=');
      return eq < 0 ? [decode(pair), ''] : [decode(pair.slice(0, eq)), decode(pair.slice(eq + 1))];
    });
}

/** multipart/form-data (what `curl --form` sends): its text fields; file parts are dropped unread. */
async function multipartFields(contentType: string, body: Uint8Array): Promise<Array<[string, string]>> {
  let form: FormData;
  try {
    form = await new Request('http://cti.invalid/', {
      method: 'POST',
      headers: { 'content-type': contentType },
      body,
    }).formData();
  } catch {
    throw new UnreadableBody('The multipart body cannot be read (boundary missing or parts malformed)');
  }
  const fields: Array<[string, string]> = [];
  form.forEach((value, key) => {
    if (typeof value === 'string') fields.push([key, value]);
  });
  return fields;
}

/** The body as the object the event schema reads, whichever of the three forms a PBX used. */
async function parseBody(contentType: string, body: Uint8Array): Promise<unknown> {
  const type = contentType.toLowerCase();
  if (type.includes('multipart/form-data')) return formFields(await multipartFields(contentType, body));
  if (type.includes('json')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(utf8(body));
    } catch (e) {
      throw e instanceof UnreadableBody ? e : new UnreadableBody('The body is not valid JSON');
    }
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed) && 'user[]' in parsed) {
      const { 'user[]': users, ...rest } = parsed as Record<string, unknown>;
      return { ...rest, user: users };
    }
    return parsed;
  }
  return formFields(urlEncodedFields(utf8(body)));
}

export function createCtiHandler(
  serverMutations: ServerMutations,
  secret: string | null,
  repeatWindowMs?: number,
): CtiHandler {
  const expected = secret ? digest(secret) : null;
  return {
    async handle(token, contentType, body, receipt = ctiReceipt()) {
      if (!expected || !timingSafeEqual(digest(token), expected)) {
        console.warn('[central] CTI: refused an event with a wrong token');
        return { status: 401, body: { error: 'Unauthorized' } };
      }
      let event: CtiEvent;
      try {
        event = ctiEventSchema.parse(await parseBody(contentType, body));
      } catch (e) {
        if (!(e instanceof ZodError || e instanceof UnreadableBody)) throw e;
        const reason =
          e instanceof ZodError
            ? e.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ')
            : e.message;
        return { status: 400, body: { error: reason } };
      }
      try {
        const result = await serverMutations.run(phoneEvent, { ...receipt, event, repeatWindowMs });
        if (result.status !== 'applied')
          throw new Error(result.status === 'rejected' ? result.reason : result.status);
        // Zammad's answers: a reject for a blocked caller, a caller ID to dial with, or {}.
        return { status: 200, body: (result.result as { answer?: Record<string, unknown> }).answer ?? {} };
      } catch (e) {
        // The database, not the event: nothing was applied or logged; the phone system should send it again.
        console.error('[central] CTI: an event could not be applied:', e instanceof Error ? e.message : e);
        return { status: 503, body: { error: 'The event could not be applied; send it again' } };
      }
    },
  };
}
