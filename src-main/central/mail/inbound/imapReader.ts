// The IMAP side of inbound e-mail (issue 17): the transport only. One
// connection (imapflow) to the mailbox of ImapSettings; every message that
// does not carry the keyword $RorProcessed is fetched (raw bytes, in batches,
// in UID order) and handed to the caller's `handle`, which commits it and says
// what to do with it:
// - 'done': the message gets \Seen and $RorProcessed;
// - 'setAside': it gets $RorProcessed (not \Seen: a person is to read it) and
//   is moved to the set-aside folder (created when missing);
// - a throw: the message is left as it was and handed over again on the next
//   pass (a warning says which UID, never an address).
// "New" is the keyword, not \Seen: a person may read the mailbox.
//
// Exactly once, from the mailbox's side: a message is flagged only AFTER its
// `handle` resolved. A crash (or a lost connection) between the two leaves it
// unflagged, so it is handed over again after the restart: at least once,
// never lost. The caller makes that exactly once: `handle` is idempotent on the
// Message-ID (mail.receive). Flagging is pipelined (the store for one message
// runs while the next is handled) so one connection keeps up with a backlog,
// and several messages are handed over at once (HANDLE_CONCURRENCY), so their
// commits can share a transaction.
//
// When: at start, on the server's word of new mail (IDLE, which imapflow
// starts by itself when the connection rests; `exists` events), on wake(), and
// every pollMs (also when the server has no IDLE, or idle is false). A lost
// connection is opened again after a back-off (1 s doubling up to a minute),
// for ever; each distinct problem is said once.
//
// Not here: parsing, noise, threading, attachments and tickets (the caller's,
// see intake.ts), sending (../sender.ts), and any memory of what was read
// (the keyword in the mailbox is that memory).
import { ImapFlow, type FetchMessageObject } from 'imapflow';
import type { ImapSettings } from './imapSettings';

/** The keyword that marks a message handed over and committed. */
export const PROCESSED_KEYWORD = '$RorProcessed';
const PROCESSED_FLAGS = ['\\Seen', PROCESSED_KEYWORD];

/**
 * Messages handed over at once: the caller commits them in the order handed over (intake.ts), and
 * what commits together costs one durable transaction.
 */
export const HANDLE_CONCURRENCY = 8;
/** Bytes per FETCH at most (one message larger than this comes alone). */
const FETCH_BATCH_BYTES = 64 * 1024 * 1024;
/** Messages per FETCH: one round trip for many, without holding a whole backlog in memory. */
const FETCH_BATCH = 50;
/** Waits before reconnecting: doubling from one second to a minute, then a minute each time. */
export const IMAP_RETRY_DELAYS_MS: readonly number[] = [1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000];
/** How long the connection rests after a command before imapflow starts IDLE. */
const AUTO_IDLE_DELAY_MS = 300;
/** IDLE is restarted this often (servers drop an IDLE after 30 minutes; some NATs far sooner). */
const MAX_IDLE_MS = 5 * 60_000;
/** How long stop() waits for the message in flight before it closes the connection under it. */
const STOP_GRACE_MS = 20_000;
/** How long stop() waits for LOGOUT. */
const LOGOUT_MS = 5_000;

export type ImapVerdict = 'done' | 'setAside';

export interface ImapMessageMeta {
  uid: number;
  /** When the server received the message (INTERNALDATE), null when it did not say. */
  internalDate: Date | null;
}

export interface ImapReaderDeps {
  settings: ImapSettings;
  /** Commits the message (idempotent on its Message-ID) and says what to do with it. */
  handle(raw: Buffer, meta: ImapMessageMeta): Promise<ImapVerdict>;
  /** No information lines (tests, the desk's embedded central store). Problems are still reported. */
  quiet?: boolean;
  /** Where problems go (one line each, no addresses); default console.warn. */
  onProblem?: (text: string) => void;
  /** Waits between reconnection attempts; default IMAP_RETRY_DELAYS_MS (tests shorten it). */
  retryDelaysMs?: readonly number[];
  /** Messages handed over at once (default HANDLE_CONCURRENCY); 1 hands them over one by one. */
  concurrency?: number;
}

export interface ImapReader {
  /** Looks at the mailbox now. */
  wake(): void;
  /** Finishes the message in flight (and flags it), logs out. Never throws. */
  stop(): Promise<void>;
  /** Resolves after the next full pass over unprocessed mail (at once after stop()). */
  drained(): Promise<void>;
}

/** For the log: a server's reply or the caller's error may quote an address (personal data, R27). */
function withoutAddresses(text: string): string {
  return text.replace(/[^\s<>@"'()[\]]+@[^\s<>@"'()[\]]+/g, '…@…');
}

/** An error as one line (with the server's words, when it gave any), addresses removed. */
function errorText(e: unknown): string {
  let text = e instanceof Error ? e.message : String(e);
  if (e && typeof e === 'object') {
    const { responseText, serverResponseCode } = e as {
      responseText?: unknown;
      serverResponseCode?: unknown;
    };
    if (typeof responseText === 'string' && responseText && !text.includes(responseText)) {
      text += `: ${responseText}`;
    }
    if (typeof serverResponseCode === 'string' && serverResponseCode) text += ` [${serverResponseCode}]`;
  }
  return withoutAddresses(text.replace(/\s+/g, ' ').trim() || 'Unknown error');
}

function internalDateOf(message: FetchMessageObject): Date | null {
  const value = message.internalDate;
  if (value === undefined) return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

export function startImapReader(deps: ImapReaderDeps): ImapReader {
  const { settings, handle } = deps;
  const concurrency = deps.concurrency ?? HANDLE_CONCURRENCY;
  const retryDelays = deps.retryDelaysMs ?? IMAP_RETRY_DELAYS_MS;
  // Where we read, for the log: never the password.
  const where = `${settings.secure ? 'imaps' : 'imap'}://${settings.user}@${settings.host.includes(':') ? `[${settings.host}]` : settings.host}:${settings.port}/${settings.mailbox}`;
  if (!deps.quiet) {
    console.log(
      `[central] reading e-mail from ${where}; what cannot be taken goes to ${settings.setAsideFolder}`,
    );
  }

  let lastProblem = '';
  /**
   * Connection-level problems are said once until things work again; a message's problem always.
   * Only our own words and errorText() go in, so no address from a message reaches the log.
   */
  const report = (clean: string, always = false) => {
    if (!always && clean === lastProblem) return;
    if (!always) lastProblem = clean;
    try {
      if (deps.onProblem) deps.onProblem(clean);
      else console.warn(`[central] inbound e-mail: ${clean}`);
    } catch {
      // a reporter that throws must not stop the reading
    }
  };

  let stopping = false;
  let stopped: Promise<void> | null = null;
  let pending = true;
  let client: ImapFlow | null = null;
  /** A connection being opened (stop() closes it too). */
  let connecting: ImapFlow | null = null;
  /** drained() calls waiting for a pass that has not started yet. */
  let nextPass: Array<() => void> = [];
  /** Pending sleeps; `wakeable` ones end on wake() (new mail), the back-off only on stop(). */
  const sleepers = new Map<() => void, { wakeable: boolean }>();

  const wake = () => {
    pending = true;
    for (const [done, { wakeable }] of sleepers) if (wakeable) done();
  };

  function sleep(ms: number, wakeable: boolean): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        sleepers.delete(done);
        resolve();
      }
      sleepers.set(done, { wakeable });
    });
  }

  async function connect(): Promise<ImapFlow> {
    const c = new ImapFlow({
      host: settings.host,
      port: settings.port,
      secure: settings.secure,
      auth: { user: settings.user, pass: settings.pass },
      tls: { rejectUnauthorized: settings.rejectUnauthorized ?? true },
      logger: false,
      disableAutoIdle: settings.idle === false,
      autoIdleDelay: AUTO_IDLE_DELAY_MS,
      maxIdleTime: MAX_IDLE_MS,
      clientInfo: { name: 'ROR-IKT Servicedesk' },
    });
    // Without a listener an 'error' event would be thrown; the connection closes after it.
    c.on('error', (e: Error) => {
      if (!stopping) report(`connection to ${where}: ${errorText(e)}`);
    });
    c.on('close', () => {
      if (client === c) wake();
    });
    c.on('exists', () => wake());
    connecting = c;
    try {
      await c.connect();
      const mailbox = await c.mailboxOpen(settings.mailbox);
      const allowed = mailbox.permanentFlags;
      if (allowed && !allowed.has('\\*') && !allowed.has(PROCESSED_KEYWORD)) {
        throw new Error(
          `${settings.mailbox} does not keep the keyword ${PROCESSED_KEYWORD}, so read mail could not be told from new; not reading it`,
        );
      }
    } catch (e) {
      c.close();
      throw e;
    } finally {
      connecting = null;
    }
    return c;
  }

  /** The connection on which the set-aside folder was made sure of. */
  let folderMadeOn: ImapFlow | null = null;

  /** Runs the flag updates one after another on the connection while handling goes on. */
  function flagger(c: ImapFlow) {
    let chain: Promise<void> = Promise.resolve();
    let queued: number[] = [];
    let scheduled = false;
    let failure: unknown = null;
    const run = (step: () => Promise<void>) => {
      chain = chain.then(step).catch((e: unknown) => {
        failure ??= e;
      });
    };
    const flag = async (uids: number[], flags: string[] = PROCESSED_FLAGS) => {
      if (!(await c.messageFlagsAdd(uids, flags, { uid: true }))) {
        throw new Error(
          `UID ${uids.join(',')} could not be flagged as processed; handed over again on the next pass`,
        );
      }
    };
    return {
      done(uid: number) {
        queued.push(uid);
        if (scheduled) return;
        scheduled = true;
        run(async () => {
          scheduled = false;
          const uids = queued;
          queued = [];
          await flag(uids);
        });
      },
      setAside(uid: number) {
        run(async () => {
          if (folderMadeOn !== c) {
            await c.mailboxCreate(settings.setAsideFolder); // an existing folder is fine
            folderMadeOn = c;
          }
          // Flagged first: should the move fail, the message stays in the mailbox, processed (the
          // caller recorded it as set aside), instead of being handed over again and again.
          // Not \Seen: in its folder it shows as unread, for the person who is to look at it.
          await flag([uid], [PROCESSED_KEYWORD]);
          if (!(await c.messageMove([uid], settings.setAsideFolder, { uid: true }))) {
            report(`UID ${uid} was set aside but could not be moved to ${settings.setAsideFolder}`, true);
          }
        });
      },
      /** Waits for every update; throws the first failure. */
      async settle() {
        await chain;
        if (failure !== null) throw failure;
      },
    };
  }

  /**
   * The UIDs in fetch batches of at most FETCH_BATCH messages and FETCH_BATCH_BYTES (their sizes
   * asked first, cheaply): fifty 30 MB messages are not held in memory at once.
   */
  async function batchesBySize(c: ImapFlow, uids: number[]): Promise<number[][]> {
    if (uids.length === 0) return [];
    const sizes = new Map<number, number>();
    for (const m of await c.fetchAll(uids, { uid: true, size: true }, { uid: true }))
      sizes.set(m.uid, m.size ?? 0);
    const batches: number[][] = [];
    let current: number[] = [];
    let bytes = 0;
    for (const uid of uids) {
      const size = sizes.get(uid) ?? 0;
      if (current.length > 0 && (current.length >= FETCH_BATCH || bytes + size > FETCH_BATCH_BYTES)) {
        batches.push(current);
        current = [];
        bytes = 0;
      }
      current.push(uid);
      bytes += size;
    }
    if (current.length > 0) batches.push(current);
    return batches;
  }

  /** One look at the mailbox: everything without the keyword, in UID order. */
  async function pass(c: ImapFlow): Promise<void> {
    const lock = await c.getMailboxLock(settings.mailbox, { description: 'inbound e-mail' });
    try {
      const found = await c.search({ unKeyword: PROCESSED_KEYWORD }, { uid: true });
      if (!Array.isArray(found)) throw new Error(`the server refused to search ${settings.mailbox}`);
      const uids = [...found].sort((a, b) => a - b);
      for (const batch of await batchesBySize(c, uids)) {
        if (stopping) break;
        const messages = await c.fetchAll(
          batch,
          { source: true, uid: true, internalDate: true },
          { uid: true },
        );
        messages.sort((a, b) => a.uid - b.uid);
        const flags = flagger(c);
        // Several handed over at once (in UID order): their commits share a transaction (the
        // server mutations' group commit) while each is still flagged only after its own commit.
        const inFlight = new Set<Promise<void>>();
        try {
          for (const message of messages) {
            if (stopping) break;
            if (!message.source) continue; // expunged meanwhile
            const { uid, source } = message;
            const one = (async () => {
              let verdict: ImapVerdict;
              try {
                verdict = await handle(source, { uid, internalDate: internalDateOf(message) });
              } catch (e) {
                report(
                  `UID ${uid} was not taken (${errorText(e)}); it is tried again on the next pass`,
                  true,
                );
                return;
              }
              if (verdict === 'setAside') flags.setAside(uid);
              else flags.done(uid);
            })();
            inFlight.add(one);
            void one.finally(() => inFlight.delete(one));
            if (inFlight.size >= concurrency) await Promise.race(inFlight);
          }
          await Promise.all(inFlight);
        } finally {
          await flags.settle();
        }
      }
    } finally {
      lock.release();
    }
  }

  const backOff = (failures: number) =>
    sleep(retryDelays[Math.min(failures, retryDelays.length - 1)] ?? 60_000, false);

  const loop = (async () => {
    // Failed connections and passes in a row; reset by a pass that worked, so a server that
    // lets us in and then drops us is not hammered either.
    let failures = 0;
    while (!stopping) {
      if (!client?.usable) {
        client?.close();
        client = null;
        try {
          client = await connect();
          if (stopping) break;
          pending = true;
        } catch (e) {
          if (stopping) break;
          report(`cannot read ${where}: ${errorText(e)}`);
          await backOff(failures++);
          continue;
        }
      }
      if (pending) {
        pending = false;
        const waiting = nextPass;
        nextPass = [];
        try {
          await pass(client);
          if (failures > 0 && !deps.quiet) console.log(`[central] inbound e-mail: reading ${where} again`);
          failures = 0;
          lastProblem = '';
          for (const resolve of waiting) resolve();
        } catch (e) {
          nextPass.unshift(...waiting);
          if (stopping) break;
          report(`reading ${where}: ${errorText(e)}`);
          pending = true;
          await backOff(failures++);
        }
        continue;
      }
      await sleep(settings.pollMs, true);
      pending = true;
    }
  })().catch((e: unknown) => {
    // Not expected (every step above catches its own errors); said, so a dead reader is noticed.
    console.error(`[central] inbound e-mail stopped: ${errorText(e)}`);
  });

  async function logout(c: ImapFlow) {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      c.logout().catch(() => undefined),
      new Promise<void>((r) => (timer = setTimeout(r, LOGOUT_MS))),
    ]);
    clearTimeout(timer);
    c.close();
  }

  return {
    wake,
    drained() {
      if (stopping) return Promise.resolve();
      return new Promise<void>((resolve) => {
        nextPass.push(resolve);
        wake();
      });
    },
    stop() {
      stopped ??= (async () => {
        stopping = true;
        for (const done of [...sleepers.keys()]) done();
        // A connection still being opened carries no message: no need to wait for it.
        connecting?.close();
        let timer: NodeJS.Timeout | undefined;
        const finished = await Promise.race([
          loop.then(() => true),
          new Promise<boolean>((r) => (timer = setTimeout(() => r(false), STOP_GRACE_MS))),
        ]);
        clearTimeout(timer);
        if (!finished) {
          // The message in flight takes too long: its flag update fails with the connection, so it is
          // handed over again after the next start.
          report(`stopping: the message in flight did not finish within ${STOP_GRACE_MS / 1000} s`, true);
        }
        const c = client;
        client = null;
        if (c) {
          if (finished && c.usable) await logout(c);
          else c.close();
        }
        for (const resolve of nextPass.splice(0)) resolve();
      })().catch(() => undefined);
      return stopped;
    },
  };
}
