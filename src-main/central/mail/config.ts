// How the central store reaches the SMTP server for the reporters' e-mail:
// `--smtp-url smtp://user:pass@host:587` (or ROR_SMTP_URL) and
// `--mail-from "ROR-IKT Servicedesk <servicedesk@ror-ikt.no>"` (or
// ROR_MAIL_FROM), read by `npm run central` and by a desk for the central
// store it runs inside itself. Without an SMTP URL, e-mail to reporters stays
// queued (and is sent once a central store with SMTP runs).

export const SMTP_URL_ENV = 'ROR_SMTP_URL';
export const MAIL_FROM_ENV = 'ROR_MAIL_FROM';
export const SMTP_URL_FLAG = '--smtp-url';
export const MAIL_FROM_FLAG = '--mail-from';
export const DEFAULT_MAIL_FROM = 'ROR-IKT Servicedesk <servicedesk@ror-ikt.no>';

export interface SmtpSettings {
  /** smtp://[user:pass@]host[:port] (STARTTLS when offered) or smtps://… (TLS from the start). */
  url: string;
  /** The From header, e.g. "ROR-IKT Servicedesk <servicedesk@ror-ikt.no>". */
  from: string;
  /** Waits between attempts (ms); one more attempt than entries. Default EMAIL_RETRY_DELAYS_MS. Tests shorten it. */
  retryDelaysMs?: readonly number[];
  /** How often to look for due messages without a poke (ms). Default SENDER_POLL_MS. */
  pollMs?: number;
  /** How long a claimed message is reserved for its sender (ms). Default CLAIM_LEASE_MS. */
  leaseMs?: number;
}

/** The URL without its password, for messages and logs. */
export function redactedUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString().replace(/\/$/, '');
  } catch {
    return url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
  }
}

/** The address inside a From value ("Name <a@b.no>" or "a@b.no"), or null when there is none. */
export function addressOf(from: string): string | null {
  const m =
    /<([^<>\s@]+@[^<>\s@]+\.[^<>\s@]+)>\s*$/.exec(from) ??
    /^\s*([^<>\s@]+@[^<>\s@]+\.[^<>\s@]+)\s*$/.exec(from);
  return m?.[1] ?? null;
}

/**
 * Reads and checks the SMTP settings; undefined when no SMTP URL is given (e-mail stays queued).
 * Errors name the flag, so a typo is found at start-up, not at the first ticket.
 */
export function parseSmtpSettings(
  values: { url: string | undefined; from: string | undefined },
  names: { url: string; from: string } = { url: SMTP_URL_FLAG, from: MAIL_FROM_FLAG },
): SmtpSettings | undefined {
  const url = values.url?.trim();
  const from = values.from?.trim();
  if (!url) {
    if (from) throw new Error(`${names.from} needs ${names.url} (the SMTP server to send through)`);
    return undefined;
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(
      `${names.url} must be an smtp:// or smtps:// URL such as smtp://user:password@mail.example.no:587, got "${redactedUrl(url)}"`,
    );
  }
  if ((parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:') || !parsed.hostname) {
    throw new Error(
      `${names.url} must be an smtp:// or smtps:// URL such as smtp://user:password@mail.example.no:587, got "${redactedUrl(url)}"`,
    );
  }
  if (parsed.port && !(Number(parsed.port) > 0 && Number(parsed.port) <= 65535)) {
    throw new Error(`${names.url} has an invalid port: "${redactedUrl(url)}"`);
  }
  const sender = from || DEFAULT_MAIL_FROM;
  if (!addressOf(sender)) {
    throw new Error(
      `${names.from} must be an e-mail address, optionally with a name ("ROR-IKT Servicedesk <servicedesk@ror-ikt.no>"), got "${sender}"`,
    );
  }
  return { url, from: sender };
}

/** Reads --smtp-url / --mail-from through `flag`, falling back to ROR_SMTP_URL / ROR_MAIL_FROM. */
export function smtpSettingsFrom(
  flag: (name: string) => string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): SmtpSettings | undefined {
  const urlFlag = flag(SMTP_URL_FLAG);
  const fromFlag = flag(MAIL_FROM_FLAG);
  return parseSmtpSettings(
    { url: urlFlag ?? env[SMTP_URL_ENV], from: fromFlag ?? env[MAIL_FROM_ENV] },
    {
      url: urlFlag !== undefined ? SMTP_URL_FLAG : SMTP_URL_ENV,
      from: fromFlag !== undefined ? MAIL_FROM_FLAG : MAIL_FROM_ENV,
    },
  );
}
