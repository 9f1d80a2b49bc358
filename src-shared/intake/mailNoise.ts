// Which inbound e-mail must never make a ticket or get an answer (issue 17,
// item 3): automatic replies (RFC 3834 Auto-Submitted, the vendors'
// X-Autoreply / X-Autorespond, Precedence), bounces and delivery reports
// (RFC 3464 multipart/report, MAILER-DAEMON, an empty return path), mailing
// lists (List-Id, List-Unsubscribe, Precedence: list/bulk) and our own
// outgoing mail coming back (the X-ROR-IKT-Message header we set). Pure: the
// caller hands in the headers, lower-cased names.

export type MailNoiseKind = 'autoReply' | 'bounce' | 'list' | 'ours';

export interface MailNoise {
  kind: MailNoiseKind;
  /** The header (or fact) that gave it away, for the admin's list. */
  because: string;
}

/** The header every e-mail the central store sends carries (its message's id); a copy coming back is ours. */
export const OWN_MESSAGE_HEADER = 'x-ror-ikt-message';

export interface MailFacts {
  /** Header name (lower case) → its value(s) as text. */
  headers: ReadonlyMap<string, string | readonly string[]>;
  /** The From address, lower case. */
  from: string | null;
  /** The top-level content type, lower case, without parameters (e.g. multipart/report). */
  contentType: string | null;
  /** Our own sending addresses (lower case): mail From them is ours. */
  ownAddresses?: readonly string[];
}

function first(headers: MailFacts['headers'], name: string): string | null {
  const v = headers.get(name);
  if (v === undefined) return null;
  const text = typeof v === 'string' ? v : (v[0] ?? '');
  return text.trim().toLowerCase();
}

const BOUNCE_SENDERS = /^(mailer-daemon|postmaster|mail-daemon|mailerdaemon)@/;

/** Why this message is noise, or null when a person wrote it. */
export function mailNoise(facts: MailFacts): MailNoise | null {
  const h = facts.headers;
  if (h.has(OWN_MESSAGE_HEADER)) return { kind: 'ours', because: 'X-ROR-IKT-Message' };
  if (facts.from && facts.ownAddresses?.includes(facts.from)) return { kind: 'ours', because: 'From' };
  if (facts.contentType === 'multipart/report')
    return { kind: 'bounce', because: 'Content-Type: multipart/report' };
  if (facts.from && BOUNCE_SENDERS.test(facts.from)) return { kind: 'bounce', because: 'From' };
  const returnPath = first(h, 'return-path');
  if (returnPath === '<>' || returnPath === '') return { kind: 'bounce', because: 'Return-Path: <>' };
  if (h.has('x-failed-recipients')) return { kind: 'bounce', because: 'X-Failed-Recipients' };
  const auto = first(h, 'auto-submitted');
  if (auto !== null && auto !== 'no') return { kind: 'autoReply', because: `Auto-Submitted: ${auto}` };
  for (const name of ['x-autoreply', 'x-autorespond', 'x-auto-response-suppress']) {
    const v = first(h, name);
    // X-Auto-Response-Suppress: All is what Exchange sets on its own automatic mail.
    if (v !== null && (name !== 'x-auto-response-suppress' || /\b(all|oof|autoreply)\b/.test(v)))
      return { kind: 'autoReply', because: name };
  }
  const precedence = first(h, 'precedence');
  if (precedence === 'auto_reply') return { kind: 'autoReply', because: 'Precedence: auto_reply' };
  if (precedence === 'bulk' || precedence === 'junk' || precedence === 'list')
    return { kind: 'list', because: `Precedence: ${precedence}` };
  if (h.has('list-id')) return { kind: 'list', because: 'List-Id' };
  if (h.has('list-unsubscribe')) return { kind: 'list', because: 'List-Unsubscribe' };
  return null;
}
