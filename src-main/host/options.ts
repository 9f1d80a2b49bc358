// Where a desk keeps its data and how it is started: `--data-dir DIR` or
// ROR_DESK_DATA_DIR, else the application's user-data folder (the same folder
// Electron's app.getPath('userData') gives), so several desks can run side by side.
import { homedir } from 'node:os';
import { join } from 'node:path';
import { smtpSettingsFrom, SMTP_URL_FLAG, type SmtpSettings } from '../central/mail/config';
import { ctiTokenSetting } from '../central/cti/handler';
import { imapSettingsFrom, IMAP_URL_FLAG, type ImapSettings } from '../central/mail/inbound/imapSettings';

export const APP_NAME = 'ROR-IKT Kundeservice';
export const DATA_DIR_ENV = 'ROR_DESK_DATA_DIR';

/** Electron's userData folder for this app, computed without Electron. */
export function defaultDataDir(): string {
  const home = homedir();
  if (process.platform === 'win32')
    return join(process.env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_NAME);
  if (process.platform === 'darwin') return join(home, 'Library', 'Application Support', APP_NAME);
  return join(process.env.XDG_CONFIG_HOME ?? join(home, '.config'), APP_NAME);
}

export const CENTRAL_URL_ENV = 'ROR_CENTRAL_URL';

export interface DeskOptions {
  dataDir: string;
  port: number;
  host: string;
  /** The central store to sync with; undefined = run one inside this process. */
  centralUrl: string | undefined;
  /** --smtp-url / --mail-from (ROR_SMTP_URL / ROR_MAIL_FROM): e-mail to reporters from the embedded central store. */
  smtp: SmtpSettings | undefined;
  /** --cti-token-file / ROR_CTI_TOKEN_FILE / ROR_CTI_TOKEN: the phone system's secret for the embedded central store's CTI endpoint. */
  ctiToken: string | undefined;
  /** --imap-url and its companions (ROR_IMAP_URL …): the mailbox the embedded central store reads (issue 17). */
  imap: ImapSettings | undefined;
}

/**
 * Reads --data-dir, --port (browser mode; 0 = any free port), --central and, for the central store
 * the desk runs itself when there is no --central, --smtp-url and --mail-from, from argv and the
 * environment.
 */
export function parseDeskOptions(argv: string[], env: NodeJS.ProcessEnv = process.env): DeskOptions {
  const value = (flag: string): string | undefined => {
    const i = argv.findIndex((a) => a === flag || a.startsWith(`${flag}=`));
    if (i < 0) return undefined;
    const arg = argv[i]!;
    const v = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[i + 1];
    if (!v || v.startsWith('--')) throw new Error(`${flag} needs a value`);
    return v;
  };
  const portText = value('--port') ?? env.ROR_DESK_PORT ?? '0';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be 0–65535, got "${portText}"`);
  const centralUrl = value('--central') ?? env[CENTRAL_URL_ENV];
  if (centralUrl && !/^https?:\/\/[^/]+/.test(centralUrl))
    throw new Error(`--central must be an http(s) URL, got "${centralUrl}"`);
  const smtp = smtpSettingsFrom(value, env);
  if (smtp && centralUrl) {
    throw new Error(
      `${SMTP_URL_FLAG} configures the central store this desk runs itself; with --central, give it to that central store instead`,
    );
  }
  const ctiToken = ctiTokenSetting(value, env);
  if (ctiToken && centralUrl) {
    throw new Error(
      '--cti-token configures the central store this desk runs itself; with --central, give it to that central store instead',
    );
  }
  const imap = imapSettingsFrom(value, env);
  if (imap && centralUrl) {
    throw new Error(
      `${IMAP_URL_FLAG} configures the central store this desk runs itself; with --central, give it to that central store instead`,
    );
  }
  return {
    ctiToken,
    imap,
    dataDir: value('--data-dir') ?? env[DATA_DIR_ENV] ?? defaultDataDir(),
    port,
    host: '127.0.0.1',
    centralUrl: centralUrl || undefined,
    smtp,
  };
}
