// Test support: a real IMAP server (Dovecot) for the inbound e-mail tests.
// With TEST_IMAP_HOST and TEST_IMAP_PORT set (CI starts one shared instance,
// see .ci/run) that one is used; otherwise, when Dovecot is installed
// (/usr/sbin/dovecot, Debian's dovecot-imapd), each startTestImap() starts a
// private one through scripts/start-test-imap.sh (the one place its
// configuration is written) in a temporary directory, on a free loopback
// port, and close() stops it. No TLS, plain-text login, ANY user name with
// the password "test": each test takes a fresh user (freshUser()), so
// mailboxes never collide, also between processes on the shared instance.
// Messages go in by APPEND (imapflow), as a mail server would deliver them.
// Without either, imapAvailable() says why, for describe.skipIf.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ImapFlow } from 'imapflow';

/** Every user's password on the test server (its static passdb). */
export const TEST_IMAP_PASSWORD = 'test';
const DOVECOT = process.env.DOVECOT ?? '/usr/sbin/dovecot';
const START_SCRIPT = fileURLToPath(new URL('../../scripts/start-test-imap.sh', import.meta.url));

export interface ImapListedMessage {
  uid: number;
  /** Flags and keywords, sorted, e.g. ["$RorProcessed", "\\Seen"] (\\Recent left out). */
  flags: string[];
  subject: string;
}

export interface TestImap {
  host: string;
  port: number;
  /** A user name no other test (or process) uses: its own, empty mailbox. */
  freshUser(label?: string): string;
  /** imap://user:test@127.0.0.1:PORT/INBOX, for --imap-url or parseImapSettings. */
  url(user: string): string;
  /** Puts a message (or several, in order) into the user's INBOX (APPEND), with these flags (e.g. ["\\Seen"]). */
  append(user: string, raw: string | Buffer | Array<string | Buffer>, flags?: string[]): Promise<void>;
  /** The messages in one of the user's folders, in UID order; [] when the folder does not exist. */
  list(user: string, folder: string): Promise<ImapListedMessage[]>;
  /** Stops a private instance (a shared one is left running). */
  close(): Promise<void>;
}

/** Null when tests can have an IMAP server; otherwise why not (for the skipped test's name). */
export function imapAvailable(): string | null {
  if (process.env.TEST_IMAP_HOST && process.env.TEST_IMAP_PORT) return null;
  if (!existsSync(DOVECOT)) {
    return `no IMAP server: set TEST_IMAP_HOST/TEST_IMAP_PORT or install Dovecot (apt-get install dovecot-imapd; ${DOVECOT} is missing)`;
  }
  return null;
}

let users = 0;

function runScript(dir: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('bash', [START_SCRIPT, dir], { timeout: 30_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${START_SCRIPT} failed: ${stderr.trim() || error.message}`));
      else resolve(stdout);
    });
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Starts a private Dovecot; returns its port and how to stop it. */
async function startPrivate(): Promise<{ port: number; stop(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'ror-test-imap-'));
  let pid: number | null = null;
  // A test process that dies without close() must not leave its Dovecot behind.
  const onExit = () => {
    if (pid !== null && alive(pid)) process.kill(pid, 'SIGTERM');
  };
  process.on('exit', onExit);
  try {
    const out = await runScript(dir);
    const port = Number(/TEST_IMAP_PORT=(\d+)/.exec(out)?.[1]);
    pid = Number(readFileSync(join(dir, 'run', 'master.pid'), 'utf8').trim());
    if (!port || !pid) throw new Error(`${START_SCRIPT} said: ${out}`);
    const masterPid = pid;
    return {
      port,
      async stop() {
        if (alive(masterPid)) process.kill(masterPid, 'SIGTERM');
        for (let i = 0; i < 100 && alive(masterPid); i++) await new Promise((r) => setTimeout(r, 50));
        process.off('exit', onExit);
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    onExit();
    process.off('exit', onExit);
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}

export async function startTestImap(): Promise<TestImap> {
  const reason = imapAvailable();
  if (reason) throw new Error(reason);
  let host = '127.0.0.1';
  let port: number;
  let stop: () => Promise<void> = async () => undefined;
  if (process.env.TEST_IMAP_HOST && process.env.TEST_IMAP_PORT) {
    host = process.env.TEST_IMAP_HOST;
    port = Number(process.env.TEST_IMAP_PORT);
  } else {
    const started = await startPrivate();
    port = started.port;
    stop = started.stop;
  }

  /** One short connection per call: tests put a few messages in and look at them. */
  async function session<T>(user: string, work: (client: ImapFlow) => Promise<T>): Promise<T> {
    const client = new ImapFlow({
      host,
      port,
      secure: false,
      doSTARTTLS: false,
      auth: { user, pass: TEST_IMAP_PASSWORD },
      logger: false,
      disableAutoIdle: true,
    });
    client.on('error', () => undefined);
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.logout().catch(() => client.close());
    }
  }

  return {
    host,
    port,
    freshUser(label = 'user') {
      users += 1;
      const safe = label.toLowerCase().replace(/[^a-z0-9]+/g, '-');
      return `${safe}-${process.pid}-${users}-${randomBytes(3).toString('hex')}`;
    },
    url: (user) =>
      `imap://${encodeURIComponent(user)}:${TEST_IMAP_PASSWORD}@${host.includes(':') ? `[${host}]` : host}:${port}/INBOX`,
    async append(user, raw, flags = []) {
      await session(user, async (client) => {
        for (const message of Array.isArray(raw) ? raw : [raw]) {
          const result = await client.append('INBOX', message, flags);
          if (!result) throw new Error(`APPEND to ${user}'s INBOX failed`);
        }
      });
    },
    list(user, folder) {
      return session(user, async (client) => {
        const folders = await client.list();
        if (!folders.some((f) => f.path === folder)) return [];
        const lock = await client.getMailboxLock(folder, { readOnly: true });
        try {
          if (client.mailbox === false || client.mailbox.exists === 0) return [];
          const messages = await client.fetchAll('1:*', { uid: true, flags: true, envelope: true });
          return messages
            .map((m) => ({
              uid: m.uid,
              // \Recent says only which session saw the message first: not the message's state.
              flags: [...(m.flags ?? [])].filter((f) => f !== '\\Recent').sort(),
              subject: m.envelope?.subject ?? '',
            }))
            .sort((a, b) => a.uid - b.uid);
        } finally {
          lock.release();
        }
      });
    },
    close: () => stop(),
  };
}
