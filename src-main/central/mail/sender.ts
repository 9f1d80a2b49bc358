// The central store's sender of the reporters' e-mail (R6, R9). A background
// loop: every few seconds, and soon after each commit (it listens to the
// notifier's versions), it looks for queued e-mail that is due, claims each
// message, renders it in Norwegian with the ticket's canonical reference,
// sends it through SMTP (nodemailer) and records the outcome, all through
// serverMutations, so every desk sees it.
//
// Claim and back-off (see src-main/tickets/messages/mutations.ts):
// - A message is due when status = 'queued', channel = 'email' and
//   next_attempt_at <= now (index on (status, next_attempt_at)).
// - Claiming moves next_attempt_at to the end of a lease (CLAIM_LEASE_MS); the
//   central store applies pushes one at a time, also across processes on one
//   PostgreSQL database, so only one sender wins a claim and no e-mail is sent
//   twice in normal operation. The lease is far longer than the SMTP timeouts.
// - A failed attempt counts, keeps its error and waits EMAIL_RETRY_DELAYS_MS
//   (1, 2, 4, … 32 minutes, then 1 hour); after the last it is 'failed' and the
//   ticket's timeline says so.
// - A crash (or a lost database) between the SMTP server's "accepted" and the
//   recording of it leaves the claim to run out; the message is then sent again
//   once. That is the worst case: at most one duplicate, never a lost message.
//   Each e-mail carries a Message-ID derived from the message's id, so a mail
//   system that de-duplicates can drop that copy.
//
// SMS: there is no SMS gateway; SMS messages stay 'queued' (the desk shows
// them as not sent) and nothing here ever marks one sent.
// No SMTP configured: no loop runs and e-mail stays queued until a central
// store with SMTP runs (any process on the same database sends it then).
import nodemailer from 'nodemailer';
import type { ChangeNotifier } from '../notifier';
import type { CentralStore } from '../store/openCentralStore';
import { withStore } from '../store/serialize';
import type { ServerMutations } from '../sync/serverMutations';
import { Ticket, TicketMessage } from '../../store/entities';
import { addressOf, redactedUrl, type SmtpSettings } from './config';
import { OWN_MESSAGE_HEADER } from '../../../src-shared/intake/mailNoise';
import { outgoingMessageId } from '../../../src-shared/intake/threading';
import {
  MAX_ERROR_LENGTH,
  renderEmail,
  ticketMessageAttemptFailed,
  ticketMessageClaim,
  ticketMessageSent,
  type MessageContent,
} from '../../tickets';

const MINUTE = 60_000;

/** Waits between attempts: 1, 2, 4, 8, 16, 32 minutes, then 1 hour; 8 attempts in all (about 2 hours). */
export const EMAIL_RETRY_DELAYS_MS: readonly number[] = [1, 2, 4, 8, 16, 32, 60].map((m) => m * MINUTE);
/** How often the sender looks for due messages when nothing pokes it. */
export const SENDER_POLL_MS = 5_000;
/** How long a claim reserves a message for its sender: far beyond the SMTP timeouts below. */
export const CLAIM_LEASE_MS = 10 * MINUTE;
/** How many due messages one look fetches. */
const BATCH = 25;
/** How long stop() waits for a send in flight before it gives up on it (its claim then runs out). */
const STOP_GRACE_MS = 20_000;

/** The SMTP conversation's time limits; together well inside CLAIM_LEASE_MS. */
const SMTP_TIMEOUTS = { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 };

/** When attempt `attempts + 1` may run after `attempts` failed ones; null: give up. */
export function retryAt(
  failedAt: string,
  attempts: number,
  delays: readonly number[] = EMAIL_RETRY_DELAYS_MS,
): string | null {
  const delay = delays[attempts - 1];
  if (delay === undefined) return null;
  return new Date(Date.parse(failedAt) + delay).toISOString();
}

export interface MessageSender {
  /** Looks for due messages now (also called on every commit). */
  wake(): void;
  /** Finishes a send in flight and records it, then stops. */
  stop(): Promise<void>;
}

export interface MessageSenderDeps {
  store: CentralStore;
  notifier: ChangeNotifier;
  serverMutations: ServerMutations;
  smtp: SmtpSettings | undefined;
  /** No information lines (tests, the desk's embedded central store). Problems are still reported. */
  quiet?: boolean;
}

function errorText(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  const clean = text.replace(/\s+/g, ' ').trim() || 'Unknown error';
  return clean.length > MAX_ERROR_LENGTH ? `${clean.slice(0, MAX_ERROR_LENGTH - 1)}…` : clean;
}

/** For the log: an SMTP server's reply may quote the recipient's address. */
function withoutAddresses(text: string): string {
  return text.replace(/[^\s<>@"']+@[^\s<>@"']+/g, '…@…');
}

/** Starts the sender; without SMTP settings it only says that e-mail to reporters is off. */
export function startMessageSender(deps: MessageSenderDeps): MessageSender {
  const { store, notifier, serverMutations, smtp } = deps;
  if (!smtp) {
    if (!deps.quiet) console.log('[central] e-mail to reporters is off: no SMTP configured');
    return { wake: () => undefined, stop: async () => undefined };
  }
  const delays = smtp.retryDelaysMs ?? EMAIL_RETRY_DELAYS_MS;
  const pollMs = smtp.pollMs ?? SENDER_POLL_MS;
  const leaseMs = smtp.leaseMs ?? CLAIM_LEASE_MS;
  const transport = nodemailer.createTransport({ url: smtp.url, ...SMTP_TIMEOUTS }, { from: smtp.from });
  const idDomain = addressOf(smtp.from)?.split('@')[1] ?? 'ror-ikt.no';
  if (!deps.quiet) {
    console.log(`[central] e-mail to reporters via ${redactedUrl(smtp.url)}, from ${smtp.from}`);
  }

  let stopping = false;
  let stopped: Promise<void> | null = null;
  let pending = true;
  let sleeper: (() => void) | null = null;
  let lastProblem = '';
  const wake = () => {
    pending = true;
    sleeper?.();
  };

  const manager = () => store.dataSource.manager;
  const param = (i: number) => manager().connection.driver.createParameter(`p${i}`, i);

  // Reads queue behind the store's other work: on SQLite one connection serves everything, and a
  // read in between a push's statements would see its uncommitted rows.
  async function dueMessages(now: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await withStore(store, () =>
      manager().query(
        `SELECT id FROM ticket_message
         WHERE status = 'queued' AND next_attempt_at <= ${param(0)} AND channel = 'email'
         ORDER BY next_attempt_at, id LIMIT ${BATCH}`,
        [now],
      ),
    );
    return rows.map((r) => r.id);
  }

  /** The claimed message and its ticket, as they are now. */
  function load(messageId: string) {
    return withStore(store, async () => {
      const message = await manager().findOneBy(TicketMessage, { id: messageId });
      const ticket = message && (await manager().findOneBy(Ticket, { id: message.ticketId }));
      return { message, ticket };
    });
  }

  /** One message: claim, render, send, record. False when another sender had it. */
  async function deliver(messageId: string): Promise<boolean> {
    const now = Date.now();
    const claimedUntil = new Date(now + leaseMs).toISOString();
    const claim = await serverMutations.run(ticketMessageClaim, {
      messageId,
      at: new Date(now).toISOString(),
      leaseUntil: claimedUntil,
    });
    if (claim.status !== 'applied') return false;
    let rendered: { subject: string; body: string } | null = null;
    let attempts = 1;
    let failure: unknown = null;
    try {
      const { message, ticket } = await load(messageId);
      if (!message || !ticket) throw new Error('The message or its ticket is missing');
      attempts = message.attempts + 1;
      rendered = renderEmail(ticket, { kind: message.kind as MessageContent['kind'], text: message.text });
      await transport.sendMail({
        to: message.recipient,
        subject: rendered.subject,
        text: rendered.body,
        messageId: outgoingMessageId(message.id, idDomain),
        headers: {
          // Ours if it comes back (issue 17: no loops); the acknowledgement is automatic (RFC 3834),
          // so a well-behaved autoresponder does not answer it.
          [OWN_MESSAGE_HEADER]: message.id,
          ...(message.kind === 'created' ? { 'Auto-Submitted': 'auto-replied' } : {}),
        },
      });
    } catch (e) {
      failure = e;
    }
    const at = new Date().toISOString();
    let recorded;
    if (failure === null && rendered) {
      recorded = await serverMutations.run(ticketMessageSent, { messageId, claimedUntil, at, ...rendered });
    } else {
      const error = errorText(failure);
      const next = retryAt(at, attempts, delays);
      // The message id, no addresses: the recipient is personal data and is on the ticket already (R27).
      console.warn(
        `[central] e-mail ${messageId}: attempt ${attempts} failed (${withoutAddresses(error)}); ${next ? `next attempt at ${next}` : 'giving up'}`,
      );
      recorded = await serverMutations.run(ticketMessageAttemptFailed, {
        messageId,
        claimedUntil,
        at,
        error,
        retryAt: next,
      });
    }
    if (recorded.status !== 'applied') {
      // Only when the claim ran out and another sender took the message meanwhile.
      console.warn(
        `[central] e-mail ${messageId}: the outcome was not recorded (${JSON.stringify(recorded)})`,
      );
    }
    return true;
  }

  async function pass(): Promise<void> {
    for (;;) {
      const due = await dueMessages(new Date().toISOString());
      for (const id of due) {
        if (stopping) return;
        await deliver(id);
      }
      if (due.length < BATCH) return;
    }
  }

  const abort = new AbortController();
  void (async () => {
    try {
      for await (const _ of notifier.versions(abort.signal)) wake();
    } catch {
      // the notifier closed: polling goes on
    }
  })();

  const loop = (async () => {
    while (!stopping) {
      pending = false;
      try {
        await pass();
        lastProblem = '';
      } catch (e) {
        if (stopping) break;
        const problem = errorText(e);
        // Said once per distinct problem (a database that is down would otherwise fill the log).
        if (problem !== lastProblem) console.error(`[central] sending reporter e-mail: ${problem}`);
        lastProblem = problem;
      }
      if (stopping || pending) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, pollMs);
        function done() {
          clearTimeout(timer);
          sleeper = null;
          resolve();
        }
        sleeper = done;
      });
    }
  })();

  return {
    wake,
    stop() {
      stopped ??= (async () => {
        stopping = true;
        abort.abort();
        sleeper?.();
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([loop, new Promise<void>((r) => (timer = setTimeout(r, STOP_GRACE_MS)))]);
        clearTimeout(timer);
        transport.close();
      })();
      return stopped;
    },
  };
}
