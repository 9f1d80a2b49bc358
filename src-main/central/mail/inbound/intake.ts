// From raw e-mail to the intake mutation (issue 17, items 1–5): parses the
// message (mailparser), decides whether it is noise (src-shared's rules),
// finds the threading facts (reference in the subject, In-Reply-To and
// References), keeps the plain text (the HTML only sanitised, as a file the
// desk shows on request), stores the attachments' bytes up to the size limit
// and names the refused ones, then runs `mail.receive`, which commits the
// ticket or the message exactly once. Tells the IMAP reader whether the
// message is done or must be set aside (unreadable, or throttled: kept in
// the set-aside folder, never lost). Not here: the mailbox (imapReader.ts).
import { createHash } from 'node:crypto';
import { simpleParser, type ParsedMail } from 'mailparser';
import sanitizeHtml from 'sanitize-html';
import { uuidv7 } from 'uuidv7';
import { z } from 'zod';
import { mailNoise } from '../../../../src-shared/intake/mailNoise';
import {
  DEFAULT_MAX_MESSAGE_BYTES,
  MAX_ATTACHMENTS,
  MAX_MESSAGE_TEXT,
  type AttachmentRef,
} from '../../../../src-shared/intake/schemas';
import { ownMessageIdsIn, referenceInSubject } from '../../../../src-shared/intake/threading';
import { mailReceive, mailSetAside, type MailReceiveResult } from '../../../intake';
import { storeContent } from '../../attachments/content';
import type { CentralStore } from '../../store/openCentralStore';
import type { ServerMutations } from '../../sync/serverMutations';

export interface MailIntakeOptions {
  store: CentralStore;
  serverMutations: ServerMutations;
  /** Our own sending addresses: mail From them is ours coming back. */
  ownAddresses?: readonly string[];
  /** Attachments per message, in bytes (default 20 MB). */
  maxMessageBytes?: number;
  quiet?: boolean;
}

export type MailVerdict = 'done' | 'setAside';
export interface MailIntake {
  handle(raw: Buffer, meta: { uid?: number; internalDate: Date | null }): Promise<MailVerdict>;
}

// Characters textSchema refuses (src-shared/text.ts): control characters other than tab and line
// breaks, and U+FFFD (what undecodable bytes became); an e-mail is not refused for them.
const UNSTORABLE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFD]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
export function storableText(text: string): string {
  return text.replace(UNSTORABLE, '');
}

const emailSchema = z.email();

/**
 * The exactly-once key: the Message-ID with a digest of who wrote what. The same message handed
 * over again (a crash before its flag, a second delivery) has the same key; another message that
 * reuses a Message-ID (scanners with counters, a forged one) does not, so it is not dropped as a
 * duplicate. Without a Message-ID, the digest of the whole message.
 */
function messageKeyOf(
  parsed: ParsedMail,
  raw: Buffer,
  from: string | null,
  subject: string,
  text: string,
): string {
  if (!parsed.messageId) return `sha256:${createHash('sha256').update(raw).digest('hex')}`;
  const content = createHash('sha256')
    .update(JSON.stringify([from, subject, text]))
    .digest('hex')
    .slice(0, 16);
  return `${parsed.messageId.slice(0, 900)} ${content}`;
}

function headerMap(parsed: ParsedMail): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const { key, line } of parsed.headerLines) {
    const value = line.slice(line.indexOf(':') + 1).trim();
    map.set(key.toLowerCase(), [...(map.get(key.toLowerCase()) ?? []), value]);
  }
  return map;
}

function fromOf(parsed: ParsedMail): { address: string | null; name: string | null } {
  const first = parsed.from?.value[0];
  const address = first?.address?.trim().toLowerCase() ?? '';
  return {
    address: emailSchema.safeParse(address).success && address.length <= 200 ? address : null,
    name: first?.name ? storableText(first.name).slice(0, 200) : null,
  };
}

/** What a message without any header at all (or one the parser gave up on) is: unreadable. */
function unreadable(parsed: ParsedMail): string | null {
  if (parsed.headerLines.length === 0) return 'no headers: not an e-mail message';
  if (!parsed.from && !parsed.messageId && !parsed.date) return 'no From, Message-ID or Date header';
  return null;
}

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: sanitizeHtml.defaults.allowedTags.concat(['img']),
  allowedAttributes: { a: ['href', 'title'], img: ['src', 'alt', 'width', 'height'], '*': ['style'] },
  allowedSchemes: ['http', 'https', 'mailto', 'cid', 'data'],
  allowedSchemesByTag: { img: ['https', 'http', 'cid', 'data'] },
  disallowedTagsMode: 'discard',
};

export function createMailIntake(opts: MailIntakeOptions): MailIntake {
  const limit = opts.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
  const own = (opts.ownAddresses ?? []).map((a) => a.toLowerCase());

  async function setAside(
    raw: Buffer,
    receivedAt: string,
    reason: string,
    parsed?: ParsedMail,
  ): Promise<MailVerdict> {
    const from = parsed ? fromOf(parsed).address : null;
    const result = await opts.serverMutations.run(mailSetAside, {
      id: uuidv7(),
      messageKey: parsed?.messageId ?? `sha256:${createHash('sha256').update(raw).digest('hex')}`,
      receivedAt,
      fromAddress: from,
      subject: parsed?.subject ? storableText(parsed.subject).slice(0, 998) : null,
      reason: storableText(reason).slice(0, 1000) || 'unreadable',
    });
    if (result.status !== 'applied') throw new Error(`mail.setAside was refused: ${result.reason}`);
    return 'setAside';
  }

  async function stored(bytes: Buffer, filename: string, contentType: string, role: AttachmentRef['role']) {
    const sha256 = await storeContent(opts.store, bytes);
    const safeType = /^[\w.+-]+\/[\w.+-]+$/.test(contentType)
      ? contentType.toLowerCase()
      : 'application/octet-stream';
    return {
      id: uuidv7(),
      filename: storableText(filename).slice(0, 255) || 'vedlegg',
      contentType: safeType,
      size: bytes.length,
      sha256,
      role,
    };
  }

  // Messages may be handed over several at once (imapReader.ts): parsing overlaps, but each goes to
  // the store in the order it was handed over, so tickets are numbered in arrival order and
  // messages handed over together commit together.
  let turn: Promise<void> = Promise.resolve();

  return {
    async handle(raw, meta) {
      const previous = turn;
      let myTurnDone!: () => void;
      turn = new Promise<void>((resolve) => (myTurnDone = resolve));
      try {
        return await handleInTurn(raw, meta, previous, () => myTurnDone());
      } finally {
        myTurnDone();
      }
    },
  };

  async function handleInTurn(
    raw: Buffer,
    meta: { uid?: number; internalDate: Date | null },
    previous: Promise<void>,
    passTurn: () => void,
  ): Promise<MailVerdict> {
    {
      const now = Date.now();
      const arrived =
        meta.internalDate && meta.internalDate.getTime() <= now ? meta.internalDate : new Date(now);
      const receivedAt = arrived.toISOString();
      let parsed: ParsedMail;
      try {
        parsed = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true });
      } catch (e) {
        return setAside(
          raw,
          receivedAt,
          `could not be parsed: ${e instanceof Error ? e.message : String(e)}`,
        );
      }
      const problem = unreadable(parsed);
      if (problem) return setAside(raw, receivedAt, problem, parsed);

      const from = fromOf(parsed);
      const headers = headerMap(parsed);
      const contentType =
        (headers.get('content-type')?.[0] ?? '').split(';')[0]!.trim().toLowerCase() || null;
      const noise = mailNoise({ headers, from: from.address, contentType, ownAddresses: own });
      const subject = storableText(parsed.subject ?? '').slice(0, 998);
      const fullText = storableText(parsed.text ?? '')
        .replace(/\r\n/g, '\n')
        .trim();

      const attachments: Array<z.input<typeof mailReceive.args>['attachments'][number]> = [];
      const refused: Array<{ filename: string; size: number }> = [];
      if (!noise) {
        // The message itself first (its whole text when long, its HTML), then the files while they
        // fit the size limit and the count; the rest is refused and the sender told which.
        if (fullText.length > MAX_MESSAGE_TEXT)
          attachments.push(
            await stored(Buffer.from(fullText, 'utf8'), 'melding.txt', 'text/plain', 'attachment'),
          );
        if (typeof parsed.html === 'string' && parsed.html.trim()) {
          const clean = sanitizeHtml(parsed.html, SANITIZE);
          attachments.push(await stored(Buffer.from(clean, 'utf8'), 'melding.html', 'text/html', 'htmlBody'));
        }
        let used = 0;
        for (const a of parsed.attachments) {
          const name = a.filename ?? (a.contentType === 'message/rfc822' ? 'melding.eml' : 'vedlegg');
          if (used + a.size > limit || attachments.length >= MAX_ATTACHMENTS) {
            refused.push({ filename: storableText(name).slice(0, 255), size: a.size });
            continue;
          }
          used += a.size;
          attachments.push(await stored(a.content, name, a.contentType, 'attachment'));
        }
      }
      const references = Array.isArray(parsed.references)
        ? parsed.references
        : parsed.references
          ? [parsed.references]
          : [];
      const args = {
        id: uuidv7(),
        messageKey: messageKeyOf(parsed, raw, from.address, subject, fullText),
        receivedAt,
        fromAddress: from.address,
        fromName: from.name,
        subject,
        text: fullText.slice(0, MAX_MESSAGE_TEXT),
        reference: referenceInSubject(subject),
        repliedTo: ownMessageIdsIn(parsed.inReplyTo ?? null, references).slice(0, 100),
        noise,
        attachments,
        // The note to the sender names the first of them; the count is in its words.
        refused: refused.slice(0, MAX_ATTACHMENTS),
        limitBytes: limit,
      };
      await previous;
      const pending = opts.serverMutations.run(mailReceive, args);
      passTurn();
      const result = await pending;
      if (result.status === 'rejected') {
        // Arguments the mutation cannot take will not improve on a retry: keep the message aside.
        if (result.code === 'invalidArguments')
          return setAside(raw, receivedAt, `refused: ${result.reason}`, parsed);
        throw new Error(`mail.receive was refused: ${result.reason}`);
      }
      if (result.status !== 'applied') throw new Error(`mail.receive: ${result.status}`);
      const outcome = (result.result as MailReceiveResult | undefined)?.outcome;
      if (outcome === 'throttled') {
        if (!opts.quiet)
          console.warn('[central] inbound e-mail: a sender wrote too many messages in a minute; set aside');
        return 'setAside';
      }
      return 'done';
    }
  }
}
