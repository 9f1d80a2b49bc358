// How the central store reaches the mailbox it reads reporters' e-mail from
// (issue 17): `--imap-url imaps://user:pass@host:993/INBOX` (or ROR_IMAP_URL),
// read by `npm run central` like the SMTP settings in ../config.ts.
// imaps:// is TLS from the start (port 993 by default); imap:// is port 143
// with STARTTLS when the server offers it. The path names the mailbox to read
// (INBOX when empty). The password may come from a file instead
// (`--imap-password-file` or ROR_IMAP_PASSWORD_FILE), so it stays off the
// command line. `--imap-set-aside-folder` (default ROR-ikke-lest) is where
// mail the desk cannot take is moved; `--imap-poll-seconds` (default 60) is
// how often the mailbox is looked at besides IDLE. Without an IMAP URL no
// mailbox is read.
import { readFileSync } from 'node:fs';

export const IMAP_URL_FLAG = '--imap-url';
export const IMAP_URL_ENV = 'ROR_IMAP_URL';
export const IMAP_PASSWORD_FILE_FLAG = '--imap-password-file';
export const IMAP_PASSWORD_FILE_ENV = 'ROR_IMAP_PASSWORD_FILE';
export const IMAP_SET_ASIDE_FOLDER_FLAG = '--imap-set-aside-folder';
export const IMAP_SET_ASIDE_FOLDER_ENV = 'ROR_IMAP_SET_ASIDE_FOLDER';
export const IMAP_POLL_SECONDS_FLAG = '--imap-poll-seconds';
export const IMAP_POLL_SECONDS_ENV = 'ROR_IMAP_POLL_SECONDS';

/** Where mail the desk cannot take (unreadable, throttled) is moved: "ROR could not read". */
export const DEFAULT_SET_ASIDE_FOLDER = 'ROR-ikke-lest';
export const DEFAULT_IMAP_POLL_SECONDS = 60;

export interface ImapSettings {
  /** The URL as given, password included: log only redactedImapUrl(url). */
  url: string;
  host: string;
  port: number;
  /** TLS from the start (imaps://); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  user: string;
  pass: string;
  /** The mailbox to read, e.g. "INBOX". */
  mailbox: string;
  /** Where messages the caller sets aside are moved (created when missing). */
  setAsideFolder: string;
  /** How often the mailbox is looked at without a notice from the server (ms). */
  pollMs: number;
  /** Use IMAP IDLE when the server has it (default true); false: polling alone. */
  idle?: boolean;
  /** Refuse a TLS certificate that does not verify (default true). */
  rejectUnauthorized?: boolean;
}

/** The URL without its password, for messages and logs. */
export function redactedImapUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString().replace(/\/$/, '');
  } catch {
    // Not a URL: whatever stands between "user:" and "@" may still be the password.
    return url.replace(/([^\s:@/]*):[^\s@/]*@/g, '$1:***@');
  }
}

export interface ImapSettingValues {
  url: string | undefined;
  passwordFile?: string | undefined;
  setAsideFolder?: string | undefined;
  pollSeconds?: string | undefined;
}

type ImapSettingNames = { [K in keyof Required<ImapSettingValues>]: string };

const FLAG_NAMES: ImapSettingNames = {
  url: IMAP_URL_FLAG,
  passwordFile: IMAP_PASSWORD_FILE_FLAG,
  setAsideFolder: IMAP_SET_ASIDE_FOLDER_FLAG,
  pollSeconds: IMAP_POLL_SECONDS_FLAG,
};

function decoded(part: string, what: string, name: string, url: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw new Error(`${name} has a badly encoded ${what}: "${redactedImapUrl(url)}"`);
  }
}

/**
 * Reads and checks the IMAP settings; undefined when no IMAP URL is given (no mailbox is read).
 * Errors name the flag or variable, so a typo is found at start-up, not at the first e-mail.
 */
export function parseImapSettings(
  values: ImapSettingValues,
  names: ImapSettingNames = FLAG_NAMES,
  readPasswordFile: (path: string) => string = (path) => readFileSync(path, 'utf8'),
): ImapSettings | undefined {
  const url = values.url?.trim();
  const passwordFile = values.passwordFile?.trim();
  const folder = values.setAsideFolder?.trim();
  const pollSeconds = values.pollSeconds?.trim();
  if (!url) {
    const orphan = passwordFile
      ? names.passwordFile
      : folder
        ? names.setAsideFolder
        : pollSeconds
          ? names.pollSeconds
          : null;
    if (orphan) throw new Error(`${orphan} needs ${names.url} (the mailbox to read e-mail from)`);
    return undefined;
  }
  const shape = `${names.url} must be an imap:// or imaps:// URL such as imaps://user:password@mail.example.no:993/INBOX, got "${redactedImapUrl(url)}"`;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(shape);
  }
  if ((parsed.protocol !== 'imap:' && parsed.protocol !== 'imaps:') || !parsed.hostname) {
    throw new Error(shape);
  }
  const secure = parsed.protocol === 'imaps:';
  let port = secure ? 993 : 143;
  if (parsed.port) {
    port = Number(parsed.port);
    if (!(Number.isInteger(port) && port > 0 && port <= 65535)) {
      throw new Error(`${names.url} has an invalid port: "${redactedImapUrl(url)}"`);
    }
  }
  if (parsed.search || parsed.hash) {
    throw new Error(`${names.url} takes no ?options or #fragment: "${redactedImapUrl(url)}"`);
  }
  const user = decoded(parsed.username, 'user name', names.url, url);
  if (!user) {
    throw new Error(
      `${names.url} needs the user name to log in with (imaps://user@host/INBOX): "${redactedImapUrl(url)}"`,
    );
  }

  let pass = decoded(parsed.password, 'password', names.url, url);
  if (passwordFile) {
    if (pass) {
      throw new Error(
        `The IMAP password is given twice: in ${names.url} and in ${names.passwordFile}; keep only the file`,
      );
    }
    let text: string;
    try {
      text = readPasswordFile(passwordFile);
    } catch (e) {
      const reason = e instanceof Error && 'code' in e ? String(e.code) : 'unreadable';
      throw new Error(`${names.passwordFile}: cannot read "${passwordFile}" (${reason})`, { cause: e });
    }
    // The file's last line break is not part of the password (echo secret > file).
    pass = text.replace(/\r?\n$/, '');
    if (!pass) throw new Error(`${names.passwordFile}: "${passwordFile}" is empty`);
  }
  if (!pass) {
    throw new Error(
      `${names.url} has no password: put it in the URL (imaps://user:password@host/INBOX) or in a file named by ${names.passwordFile}`,
    );
  }

  const path = decoded(
    parsed.pathname.replace(/^\/+/, '').replace(/\/+$/, ''),
    'mailbox name',
    names.url,
    url,
  );
  const mailbox = path || 'INBOX';

  const setAsideFolder = folder || DEFAULT_SET_ASIDE_FOLDER;
  if (setAsideFolder.toUpperCase() === mailbox.toUpperCase()) {
    throw new Error(
      `${names.setAsideFolder} must be another folder than the one read (${mailbox}), got "${setAsideFolder}"`,
    );
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001F\u007F*%]/.test(setAsideFolder)) {
    throw new Error(`${names.setAsideFolder} must be a folder name without control characters, * or %`);
  }

  let pollMs = DEFAULT_IMAP_POLL_SECONDS * 1000;
  if (pollSeconds) {
    const seconds = Number(pollSeconds);
    if (!(Number.isFinite(seconds) && seconds >= 1 && seconds <= 24 * 3600)) {
      throw new Error(
        `${names.pollSeconds} must be a number of seconds from 1 to 86400, got "${pollSeconds}"`,
      );
    }
    pollMs = Math.round(seconds * 1000);
  }

  return {
    url,
    host: parsed.hostname.replace(/^\[|\]$/g, ''),
    port,
    secure,
    user,
    pass,
    mailbox,
    setAsideFolder,
    pollMs,
  };
}

/**
 * Reads --imap-url / --imap-password-file / --imap-set-aside-folder / --imap-poll-seconds through
 * `flag`, each falling back to its variable (ROR_IMAP_URL, ROR_IMAP_PASSWORD_FILE,
 * ROR_IMAP_SET_ASIDE_FOLDER, ROR_IMAP_POLL_SECONDS).
 */
export function imapSettingsFrom(
  flag: (name: string) => string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): ImapSettings | undefined {
  // Errors name where the value came from; a missing one by both its names.
  const pick = (flagName: string, envName: string) => {
    const value = flag(flagName);
    if (value !== undefined) return { value, name: flagName };
    return { value: env[envName], name: env[envName] !== undefined ? envName : `${flagName} or ${envName}` };
  };
  const url = pick(IMAP_URL_FLAG, IMAP_URL_ENV);
  const passwordFile = pick(IMAP_PASSWORD_FILE_FLAG, IMAP_PASSWORD_FILE_ENV);
  const setAsideFolder = pick(IMAP_SET_ASIDE_FOLDER_FLAG, IMAP_SET_ASIDE_FOLDER_ENV);
  const pollSeconds = pick(IMAP_POLL_SECONDS_FLAG, IMAP_POLL_SECONDS_ENV);
  return parseImapSettings(
    {
      url: url.value,
      passwordFile: passwordFile.value,
      setAsideFolder: setAsideFolder.value,
      pollSeconds: pollSeconds.value,
    },
    {
      url: url.name,
      passwordFile: passwordFile.name,
      setAsideFolder: setAsideFolder.name,
      pollSeconds: pollSeconds.name,
    },
  );
}
