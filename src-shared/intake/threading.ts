// How an answer finds its ticket (issue 17, item 1): the ticket's reference
// in the subject in brackets ("[RI-2026-000042]"), then In-Reply-To and
// References against the Message-IDs of the messages we sent
// (<message-uuid@domain>), never the subject's text alone. Pure.
import { REFERENCE_PREFIX } from '../references';

/** The tag every subject we send carries, so the reporter's answer threads by it. */
export function subjectTag(reference: string): string {
  return `[${reference}]`;
}

const TAG = new RegExp(`\\[(${REFERENCE_PREFIX}-\\d{4}-\\d{6,})\\]`, 'i');

/** The reference in a subject's brackets, upper case, or null. */
export function referenceInSubject(subject: string | null | undefined): string | null {
  const m = subject ? TAG.exec(subject) : null;
  return m ? m[1]!.toUpperCase() : null;
}

/** The Message-ID the central store gives a message it sends: the message row's id at our domain. */
export function outgoingMessageId(messageRowId: string, domain: string): string {
  return `<${messageRowId}@${domain}>`;
}

const OWN_ID = /^<?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})@[^>\s]+>?$/i;

/**
 * The message row ids named by In-Reply-To and References (newest first: In-Reply-To, then
 * References from the last), for looking up which ticket they belong to.
 */
export function ownMessageIdsIn(inReplyTo: string | null, references: readonly string[]): string[] {
  const ids: string[] = [];
  for (const raw of [inReplyTo, ...[...references].reverse()]) {
    if (!raw) continue;
    for (const part of raw.split(/\s+/)) {
      const m = OWN_ID.exec(part.trim());
      if (m && !ids.includes(m[1]!.toLowerCase())) ids.push(m[1]!.toLowerCase());
    }
  }
  return ids;
}
