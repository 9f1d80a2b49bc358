// Plays the service desk's mailbox in the end-to-end tests (issue 17): a real
// Dovecot (tests/support/imapServer.ts: the one CI starts, or a private one)
// with a fresh user per test, and the built central store reading it
// (--imap-url, polling every second besides IDLE). deliverMail APPENDs the raw
// message and resolves once the central store has handled it: the message
// carries the processed keyword, or has left the INBOX for the set-aside folder.
import { imapAvailable, startTestImap, type TestImap } from '../../support/imapServer';
import { startCentralProcess } from './deskProcess';

export { imapAvailable };

const mailboxes = new Map<string, { imap: TestImap; user: string }>();

export interface MailCentral {
  url: string;
  stop(): Promise<void>;
}

/** A built central store reading a fresh mailbox on the test IMAP server. */
export async function startMailCentral(dataDir: string): Promise<MailCentral> {
  const imap = await startTestImap();
  const user = imap.freshUser('e2e');
  const central = await startCentralProcess(dataDir, 0, [
    '--no-probes',
    '--imap-url',
    imap.url(user),
    '--imap-poll-seconds',
    '1',
  ]);
  mailboxes.set(central.url, { imap, user });
  return {
    url: central.url,
    async stop() {
      mailboxes.delete(central.url);
      await central.stop();
      await imap.close();
    },
  };
}

/** Delivers one e-mail to the central store's mailbox and resolves once it has been handled. */
export async function deliverMail(centralUrl: string, raw: string | Buffer, ms = 20_000): Promise<void> {
  const box = mailboxes.get(centralUrl);
  if (!box) throw new Error(`No mailbox for ${centralUrl}: start it with startMailCentral`);
  await box.imap.append(box.user, raw);
  const deadline = Date.now() + ms;
  for (;;) {
    const waiting = (await box.imap.list(box.user, 'INBOX')).filter(
      (m) => !m.flags.includes('$RorProcessed'),
    );
    if (waiting.length === 0) return;
    if (Date.now() > deadline) throw new Error(`The central store did not handle the e-mail within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
