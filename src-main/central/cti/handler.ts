// POST /api/v1/cti/:token — the phone system's events (Zammad's generic CTI
// format, src-shared/calls/cti): the HTTP adapter that hands each event to
// the calls domain as the server mutation call.phoneEvent
// (src-main/calls/phoneEvent.ts), which also keeps it in cti_event with what
// became of it, for the admin. The token is a configured secret compared in
// constant time and never logged. Nothing a PBX sends can reorder the queue:
// its order is the arrival time stamped here. A burst of events goes to the
// database together (the server mutations' group commit).
import { createHash, timingSafeEqual } from 'node:crypto';
import { uuidv7 } from 'uuidv7';
import { ZodError } from 'zod';
import { ctiEventSchema, formFields, type CtiEvent } from '../../../src-shared/calls/cti';
import { phoneEvent } from '../../calls';
import type { CentralStore } from '../store/openCentralStore';
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
/** A CTI event is a handful of short fields. */
export const CTI_MAX_BODY_BYTES = 16 * 1024;

export interface CtiResponse {
  status: number;
  body: Record<string, unknown>;
}

export interface CtiHandler {
  /** The token from the path, the request's content type and raw body. */
  handle(token: string, contentType: string, body: string): Promise<CtiResponse>;
}

const digest = (s: string) => createHash('sha256').update(s).digest();

function parseBody(contentType: string, body: string): unknown {
  if (contentType.includes('json')) {
    const parsed: unknown = JSON.parse(body);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed) && 'user[]' in parsed) {
      const { 'user[]': users, ...rest } = parsed as Record<string, unknown>;
      return { ...rest, user: users };
    }
    return parsed;
  }
  return formFields(new URLSearchParams(body));
}

export function createCtiHandler(
  store: CentralStore,
  serverMutations: ServerMutations,
  secret: string | null,
): CtiHandler {
  const expected = secret ? digest(secret) : null;
  return {
    async handle(token, contentType, body) {
      if (!expected || !timingSafeEqual(digest(token), expected)) {
        console.warn('[central] CTI: refused an event with a wrong token');
        return { status: 401, body: { error: 'Unauthorized' } };
      }
      let event: CtiEvent;
      try {
        event = ctiEventSchema.parse(parseBody(contentType, body));
      } catch (e) {
        const reason =
          e instanceof ZodError
            ? e.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ')
            : 'The body is not valid JSON';
        return { status: 400, body: { error: reason } };
      }
      try {
        const result = await serverMutations.run(phoneEvent, {
          logId: uuidv7(),
          receivedAt: new Date().toISOString(),
          event,
        });
        if (result.status !== 'applied')
          throw new Error(result.status === 'rejected' ? result.reason : result.status);
        return { status: 200, body: {} };
      } catch (e) {
        // The database, not the event: nothing was applied or logged; the phone system should send it again.
        console.error('[central] CTI: an event could not be applied:', e instanceof Error ? e.message : e);
        return { status: 503, body: { error: 'The event could not be applied; send it again' } };
      }
    },
  };
}
