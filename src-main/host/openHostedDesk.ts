// Opens a desk for a host (browser mode, Electron main, the demo command):
// with no central store configured it first starts one inside this process
// (SQLite under the desk's data folder, loopback, random port), so one
// machine works out of the box, and hands it to the desk; given a URL the
// desk is a client of that server. The host is the one place that knows both.
import { join } from 'node:path';
import type { SmtpSettings } from '../central/mail/config';
import type { ImapSettings } from '../central/mail/inbound/imapSettings';
import { startCentralServer, type CentralServer } from '../central/server';
import { openDesk, type Desk, type DeskOptions } from '../desk/openDesk';

export interface HostedDeskOptions extends Omit<DeskOptions, 'embeddedCentral'> {
  /** undefined runs an embedded central store; null runs none (no sync); a URL syncs with that one. */
  centralUrl?: string | null;
  /** SMTP for the embedded central store's e-mail to reporters (ignored with a centralUrl). */
  smtp?: SmtpSettings;
  /** The phone system's secret for the embedded central store's CTI endpoint (ignored with a centralUrl). */
  ctiToken?: string;
  /** The mailbox the embedded central store reads (ignored with a centralUrl). */
  imap?: ImapSettings;
}

export interface HostedDesk {
  desk: Desk;
  /** The central store this process runs, when no URL was configured (closed with the desk). */
  central: CentralServer | null;
}

export async function openHostedDesk(dataDir: string, opts: HostedDeskOptions = {}): Promise<HostedDesk> {
  const { smtp, ctiToken, imap, ...deskOptions } = opts;
  if (opts.centralUrl !== undefined) return { desk: await openDesk(dataDir, deskOptions), central: null };
  const central = await startCentralServer({
    dataDir: join(dataDir, 'central'),
    port: 0,
    quiet: true,
    smtp,
    ctiToken,
    imap,
  });
  try {
    return { desk: await openDesk(dataDir, { ...deskOptions, embeddedCentral: central }), central };
  } catch (e) {
    await central.close();
    throw e;
  }
}
