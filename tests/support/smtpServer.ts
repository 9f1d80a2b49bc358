// Test support: a real SMTP server on a loopback port (smtp-server), no TLS,
// authentication optional (any user and password are accepted), keeping
// every message it receives, parsed (mailparser). A test can make it refuse
// a recipient for a while (RCPT TO answered 451, or any code it names).
import type { AddressInfo } from 'node:net';
import { simpleParser, type AddressObject } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  /** The envelope sender (MAIL FROM). */
  from: string;
  /** The envelope recipients (RCPT TO). */
  to: string[];
  /** The From header as text, e.g. "ROR-IKT Servicedesk <servicedesk@ror-ikt.no>". */
  fromHeader: string;
  /** The To header's addresses. */
  toHeader: string[];
  subject: string;
  /** The plain-text body. */
  text: string;
  messageId: string | null;
  receivedAt: Date;
}

export interface TestSmtp {
  port: number;
  /** smtp://127.0.0.1:PORT, for --smtp-url or CentralOptions.smtp.url. */
  url: string;
  /** Every message received so far, in order. */
  messages: ReceivedMail[];
  /** The first message (received already or yet to come) the predicate accepts; rejects after `ms`. */
  waitFor(predicate: (m: ReceivedMail) => boolean, ms?: number): Promise<ReceivedMail>;
  /** Answers RCPT TO for this address with an error (default 451, a temporary failure) until accept(). */
  refuse(address: string, reply?: { code: number; message: string }): void;
  accept(address: string): void;
  /** Holds each message's final reply (after its data arrived) this long: a slow server. */
  delayReplies(ms: number): void;
  close(): Promise<void>;
}

function addresses(header: AddressObject | AddressObject[] | undefined): string[] {
  const list = header === undefined ? [] : Array.isArray(header) ? header : [header];
  return list.flatMap((h) => h.value.map((v) => v.address ?? '')).filter(Boolean);
}

export async function startTestSmtp(): Promise<TestSmtp> {
  const messages: ReceivedMail[] = [];
  const waiters = new Set<(m: ReceivedMail) => void>();
  const refused = new Map<string, { code: number; message: string }>();
  let replyDelayMs = 0;

  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(_auth, _session, callback) {
      callback(null, { user: 'test' });
    },
    onRcptTo(address, _session, callback) {
      const reply = refused.get(address.address.toLowerCase());
      if (!reply) return callback();
      callback(Object.assign(new Error(reply.message), { responseCode: reply.code }));
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then(async (parsed) => {
          if (replyDelayMs > 0) await new Promise((r) => setTimeout(r, replyDelayMs));
          const mail: ReceivedMail = {
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            fromHeader: parsed.from?.text ?? '',
            toHeader: addresses(parsed.to),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            messageId: parsed.messageId ?? null,
            receivedAt: new Date(),
          };
          messages.push(mail);
          for (const w of [...waiters]) w(mail);
          callback();
        })
        .catch((e: unknown) => callback(e instanceof Error ? e : new Error(String(e))));
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  // Errors after start (a client that goes away) are the test's business, not a crash.
  server.on('error', () => undefined);
  const port = (server.server.address() as AddressInfo).port;

  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    messages,
    waitFor(predicate, ms = 15_000) {
      const found = messages.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise<ReceivedMail>((resolve, reject) => {
        const waiter = (m: ReceivedMail) => {
          if (!predicate(m)) return;
          clearTimeout(timer);
          waiters.delete(waiter);
          resolve(m);
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(
            new Error(
              `No matching e-mail within ${ms} ms; received: ${JSON.stringify(messages.map((m) => ({ to: m.to, subject: m.subject })))}`,
            ),
          );
        }, ms);
        waiters.add(waiter);
      });
    },
    refuse(address, reply = { code: 451, message: '4.3.0 Mailbox temporarily unavailable' }) {
      refused.set(address.toLowerCase(), reply);
    },
    accept(address) {
      refused.delete(address.toLowerCase());
    },
    delayReplies(ms) {
      replyDelayMs = ms;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
