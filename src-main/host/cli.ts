// `npm run start:browser`: runs one desk in browser mode and prints its URL.
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { redactedUrl } from '../central/mail/config';
import { redactedImapUrl } from '../central/mail/inbound/imapSettings';
import { openHostedDesk } from './openHostedDesk';
import { createLocalHandler } from '../desk/handler';
import { closeOnce } from '../store/closeOnce';
import { StoreRefusedError } from '../store/openLocalStore';
import { startBrowserHost } from './browserHost';
import { parseDeskOptions } from './options';

async function main(): Promise<void> {
  let options;
  try {
    options = parseDeskOptions(process.argv.slice(2));
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(2);
  }
  let desk, central;
  try {
    ({ desk, central } = await openHostedDesk(options.dataDir, {
      centralUrl: options.centralUrl,
      smtp: options.smtp,
      ctiToken: options.ctiToken,
      imap: options.imap,
    }));
  } catch (e) {
    console.error(
      e instanceof StoreRefusedError ? e.message : `Could not open the desk's data: ${String(e)}`,
    );
    process.exit(2);
  }
  const rendererDir = join(fileURLToPath(new URL('.', import.meta.url)), '../renderer');
  const host = await startBrowserHost({ handler: createLocalHandler(desk), rendererDir, port: options.port });
  console.log(`Desk data: ${options.dataDir}`);
  if (!options.centralUrl) {
    console.log(
      options.smtp
        ? `E-mail to reporters: via ${redactedUrl(options.smtp.url)}, from ${options.smtp.from}`
        : 'E-mail to reporters is off: no SMTP configured (--smtp-url)',
    );
    console.log(
      options.imap
        ? `E-mail from reporters: read from ${redactedImapUrl(options.imap.url)}`
        : 'E-mail from reporters is off: no mailbox configured (--imap-url)',
    );
    if (options.ctiToken && central) {
      console.log(`Phone system events: POST ${central.url}/api/v1/cti/<--cti-token>`);
    }
  }
  // A second SIGINT while stopping waits for the same stop (closing twice crashed the embedded store).
  const stop = closeOnce(async () => {
    await host.close();
    await desk.close();
    process.exit(0); // closed cleanly: the desk and its embedded store are shut
  });
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  // Printed only once the handlers are in place: whoever reads this line may stop us at once.
  console.log(`Browser mode: open ${host.url}`);
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
