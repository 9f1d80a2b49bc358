// Inbound e-mail on the central store (issue 17): the IMAP reader handing
// each message to the intake. Started by the server when a mailbox is set
// (--imap-url); without one, nothing reads mail. On PostgreSQL several
// processes may read one mailbox: mail.receive is keyed on the Message-ID and
// pushes are applied one at a time, so a message two readers fetch at once
// still makes one ticket.
import type { SmtpSettings } from '../config';
import { addressOf } from '../config';
import type { CentralStore } from '../../store/openCentralStore';
import type { ServerMutations } from '../../sync/serverMutations';
import { createMailIntake } from './intake';
import { startImapReader, type ImapReader } from './imapReader';
import { redactedImapUrl, type ImapSettings } from './imapSettings';

export interface InboundMailOptions {
  store: CentralStore;
  serverMutations: ServerMutations;
  imap: ImapSettings | undefined;
  /** Our sending address (From) is ours when it comes back. */
  smtp: SmtpSettings | undefined;
  /** Attachments per message (default 20 MB). */
  maxMessageBytes?: number;
  quiet?: boolean;
}

export function startInboundMail(opts: InboundMailOptions): ImapReader | null {
  if (!opts.imap) {
    if (!opts.quiet) console.log('[central] inbound e-mail is off: no mailbox configured (--imap-url)');
    return null;
  }
  const own = opts.smtp ? addressOf(opts.smtp.from) : null;
  const intake = createMailIntake({
    store: opts.store,
    serverMutations: opts.serverMutations,
    ownAddresses: own ? [own.toLowerCase(), opts.imap.user.toLowerCase()] : [opts.imap.user.toLowerCase()],
    maxMessageBytes: opts.maxMessageBytes,
    quiet: opts.quiet,
  });
  if (!opts.quiet) console.log(`[central] reading e-mail from ${redactedImapUrl(opts.imap.url)}`);
  return startImapReader({
    settings: opts.imap,
    handle: (raw, meta) => intake.handle(raw, meta),
    quiet: opts.quiet,
  });
}
