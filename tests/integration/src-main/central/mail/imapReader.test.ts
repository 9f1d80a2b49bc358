// The IMAP reader of inbound e-mail (issue 17) against a real Dovecot
// (tests/support/imapServer.ts), with a recording `handle` in place of the
// intake: new mail is handed over in UID order, as the bytes that were
// delivered, and flagged \Seen + $RorProcessed only after `handle` resolved;
// a `handle` that throws leaves the message for the next pass; a reader that
// dies between `handle` and the flag hands the message over again after the
// restart (the caller is idempotent on Message-ID), and so does a connection
// cut between the two (a proxy, tests/support/flakyProxy.ts); a server that
// goes away and comes back loses nothing; 'setAside' moves the message to its
// folder; IDLE brings new mail long before the next poll.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  PROCESSED_KEYWORD,
  startImapReader,
  type ImapMessageMeta,
  type ImapReader,
  type ImapReaderDeps,
  type ImapVerdict,
} from '../../../../../src-main/central/mail/inbound/imapReader';
import {
  parseImapSettings,
  type ImapSettings,
} from '../../../../../src-main/central/mail/inbound/imapSettings';
import { startFlakyProxy, type FlakyProxy } from '../../../../support/flakyProxy';
import { imapAvailable, startTestImap, type TestImap } from '../../../../support/imapServer';

const unavailable = imapAvailable();
const PROCESSED = ['$RorProcessed', '\\Seen'];

let imap: TestImap;
beforeAll(async () => {
  if (!unavailable) imap = await startTestImap();
});
afterAll(async () => {
  await imap?.close();
});

let cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await Promise.resolve(step()).catch(() => undefined);
  cleanup = [];
});

let serial = 0;
function mail(subject: string, body = `Hei, ${subject}.`): string {
  serial += 1;
  return [
    'From: Per Pleier <per.pleier@roros.kommune.no>',
    'To: ROR-IKT Servicedesk <servicedesk@ror-ikt.no>',
    `Subject: ${subject}`,
    `Message-ID: <imap-reader-${process.pid}-${serial}@roros.kommune.no>`,
    'Date: Fri, 06 Dec 2024 10:00:00 +0100',
    'Content-Type: text/plain; charset=utf-8',
    '',
    body,
    '',
  ].join('\r\n');
}

const subjectOf = (raw: Buffer) => /^Subject: (.*)$/m.exec(raw.toString('utf8'))?.[1]?.trim() ?? '';

interface Call {
  subject: string;
  meta: ImapMessageMeta;
  raw: Buffer;
}

/** A handle that records every call; `decide` says what to answer (default 'done'). */
function recorder(decide: (call: Call, calls: Call[]) => Promise<ImapVerdict> | ImapVerdict = () => 'done') {
  const calls: Call[] = [];
  const handle: ImapReaderDeps['handle'] = async (raw, meta) => {
    const call = { subject: subjectOf(raw), meta, raw };
    calls.push(call);
    return decide(call, calls);
  };
  return { calls, handle, subjects: () => calls.map((c) => c.subject) };
}

function settingsFor(user: string, overrides: Partial<ImapSettings> = {}): ImapSettings {
  return { ...parseImapSettings({ url: imap.url(user) })!, pollMs: 60_000, ...overrides };
}

function start(deps: Omit<ImapReaderDeps, 'quiet'>): ImapReader & { problems: string[] } {
  const problems: string[] = [];
  const reader = startImapReader({ quiet: true, onProblem: (p) => problems.push(p), ...deps });
  cleanup.push(() => reader.stop());
  return Object.assign(reader, { problems });
}

/** A proxy in front of the IMAP server that can cut the reader's connection or be down. */
async function proxy(): Promise<FlakyProxy> {
  const p = await startFlakyProxy({ host: imap.host, port: imap.port });
  cleanup.push(() => p.close());
  return p;
}

async function waitFor(what: string, check: () => boolean | Promise<boolean>, ms = 15_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`Timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const flagsBySubject = async (user: string, folder = 'INBOX') =>
  Object.fromEntries((await imap.list(user, folder)).map((m) => [m.subject, m.flags]));

describe.skipIf(unavailable !== null)(`IMAP reader${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  it('hands new mail over in UID order, as delivered, and flags it only after handle resolved', async () => {
    const user = imap.freshUser('order');
    const first = mail('Skriveren virker ikke');
    await imap.append(user, first);
    await imap.append(user, mail('Lest av en person'), ['\\Seen']); // read by a person: still new
    await imap.append(user, mail('Tatt før'), ['\\Seen', PROCESSED_KEYWORD]); // processed before: left alone
    await imap.append(user, mail('Nettet er nede'));
    const rec = recorder();
    const reader = start({ settings: settingsFor(user), handle: rec.handle });
    await reader.drained();

    expect(rec.subjects()).toEqual(['Skriveren virker ikke', 'Lest av en person', 'Nettet er nede']);
    const uids = rec.calls.map((c) => c.meta.uid);
    expect(uids).toEqual([...uids].sort((a, b) => a - b));
    expect(rec.calls[0]!.raw.toString('utf8')).toBe(first);
    expect(rec.calls[0]!.meta.internalDate).toBeInstanceOf(Date);
    expect(await flagsBySubject(user)).toEqual({
      'Skriveren virker ikke': PROCESSED,
      'Lest av en person': PROCESSED,
      'Tatt før': PROCESSED,
      'Nettet er nede': PROCESSED,
    });

    // A further pass finds nothing new.
    await reader.drained();
    expect(rec.calls).toHaveLength(3);
    expect(reader.problems).toEqual([]);
  });

  it('takes a backlog larger than one fetch batch, in order', async () => {
    const user = imap.freshUser('backlog');
    const count = 75;
    await imap.append(
      user,
      Array.from({ length: count }, (_, i) => mail(`Melding ${i}`)),
    );
    const rec = recorder();
    const reader = start({ settings: settingsFor(user), handle: rec.handle });
    await reader.drained();
    expect(rec.subjects()).toEqual(Array.from({ length: count }, (_, i) => `Melding ${i}`));
    const listed = await imap.list(user, 'INBOX');
    expect(listed).toHaveLength(count);
    expect(listed.every((m) => m.flags.includes(PROCESSED_KEYWORD) && m.flags.includes('\\Seen'))).toBe(true);
  });

  it('hears of new mail through IDLE, long before the next poll', async () => {
    const user = imap.freshUser('idle');
    const rec = recorder();
    const reader = start({ settings: settingsFor(user, { pollMs: 60_000 }), handle: rec.handle });
    await reader.drained();
    expect(rec.calls).toHaveLength(0);
    // Once the connection rests, imapflow is in IDLE; a delivery then wakes the reader.
    await new Promise((r) => setTimeout(r, 1_000));
    const appended = Date.now();
    await imap.append(user, mail('Kom med IDLE'));
    await waitFor('the IDLE delivery', () => rec.calls.length === 1, 20_000);
    expect(rec.subjects()).toEqual(['Kom med IDLE']);
    expect(Date.now() - appended).toBeLessThan(30_000);
    await waitFor('the flag', async () => (await flagsBySubject(user))['Kom med IDLE']?.length === 2);
  });

  it('leaves a message whose handle threw unflagged and hands it over again on the next pass', async () => {
    const user = imap.freshUser('throws');
    await imap.append(user, mail('Før'));
    await imap.append(user, mail('Feiler første gang'));
    await imap.append(user, mail('Etter'));
    let failures = 0;
    const rec = recorder((call) => {
      if (call.subject === 'Feiler første gang' && failures++ === 0) {
        throw new Error('database unavailable (per.pleier@roros.kommune.no)');
      }
      return 'done';
    });
    const reader = start({ settings: settingsFor(user), handle: rec.handle });
    await reader.drained();
    expect(rec.subjects()).toEqual(['Før', 'Feiler første gang', 'Etter']);
    expect(await flagsBySubject(user)).toEqual({
      Før: PROCESSED,
      'Feiler første gang': [],
      Etter: PROCESSED,
    });
    expect(reader.problems).toHaveLength(1);
    expect(reader.problems[0]).toMatch(/UID \d+ was not taken \(database unavailable/);
    expect(reader.problems[0]).not.toContain('roros.kommune.no'); // no addresses in the log

    await reader.drained();
    expect(rec.subjects()).toEqual(['Før', 'Feiler første gang', 'Etter', 'Feiler første gang']);
    expect((await flagsBySubject(user))['Feiler første gang']).toEqual(PROCESSED);
  });

  it('flags nothing before handle resolved, and hands over again what a dead reader had not flagged', async () => {
    const user = imap.freshUser('crash');
    await imap.append(user, mail('Ferdig'));
    await imap.append(user, mail('Midt i'));

    // Reader 1 commits "Midt i" (recorded) and dies before the flag: simulated by a throw after the
    // record, and the reader is stopped right after.
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const first = recorder(async (call): Promise<ImapVerdict> => {
      if (call.subject !== 'Midt i') return 'done';
      await gate;
      throw new Error('killed between commit and flag');
    });
    const reader1 = start({ settings: settingsFor(user), handle: first.handle });
    await waitFor('reader 1 to hold "Midt i"', () => first.calls.some((c) => c.subject === 'Midt i'));
    // "Ferdig" resolved and is flagged (pipelined); "Midt i" is in handle: not flagged.
    await waitFor('"Ferdig" flagged', async () => (await flagsBySubject(user))['Ferdig']?.length === 2);
    expect((await flagsBySubject(user))['Midt i']).toEqual([]);
    release();
    await reader1.stop();
    expect((await flagsBySubject(user))['Midt i']).toEqual([]);

    // Reader 2 (the restart) hands "Midt i" over again; the caller's idempotence makes it once.
    const second = recorder();
    const reader2 = start({ settings: settingsFor(user), handle: second.handle });
    await reader2.drained();
    expect(second.subjects()).toEqual(['Midt i']);
    expect(await flagsBySubject(user)).toEqual({ Ferdig: PROCESSED, 'Midt i': PROCESSED });
  });

  it('stop() lets the message in flight finish and flags it', async () => {
    const user = imap.freshUser('stop');
    await imap.append(user, mail('Under arbeid'));
    await imap.append(user, mail('Neste'));
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const rec = recorder(async (): Promise<ImapVerdict> => {
      await gate;
      return 'done';
    });
    // One at a time, so "the message in flight" is one.
    const reader = start({ settings: settingsFor(user), handle: rec.handle, concurrency: 1 });
    await waitFor('the first message in handle', () => rec.calls.length === 1);
    const stopping = reader.stop();
    release();
    await stopping;
    expect(rec.subjects()).toEqual(['Under arbeid']); // the next one waits for the next start
    expect(await flagsBySubject(user)).toEqual({ 'Under arbeid': PROCESSED, Neste: [] });
    await reader.drained(); // resolves at once after stop()
  });

  it('hands several over at once, in UID order, and flags each only after its own handle resolved', async () => {
    const user = imap.freshUser('together');
    await imap.append(
      user,
      ['Første', 'Andre', 'Tredje'].map((s) => mail(s)),
    );
    const releases: Array<() => void> = [];
    const rec = recorder(
      () =>
        new Promise<ImapVerdict>((resolve) => {
          releases.push(() => resolve('done'));
        }),
    );
    const reader = start({ settings: settingsFor(user), handle: rec.handle });
    await waitFor('all three in handle at once', () => rec.calls.length === 3);
    expect(rec.subjects()).toEqual(['Første', 'Andre', 'Tredje']);
    releases[1]!(); // the second commits first
    await waitFor('the second flagged', async () => (await flagsBySubject(user)).Andre?.length === 2);
    expect(await flagsBySubject(user)).toEqual({ Første: [], Andre: PROCESSED, Tredje: [] });
    releases[0]!();
    releases[2]!();
    await reader.drained();
    expect(await flagsBySubject(user)).toEqual({ Første: PROCESSED, Andre: PROCESSED, Tredje: PROCESSED });
  });

  it('moves a message set aside to the set-aside folder, creating it, and marks it processed', async () => {
    const user = imap.freshUser('aside');
    await imap.append(user, mail('Vanlig'));
    await imap.append(user, mail('Uleselig'));
    await imap.append(user, mail('Også uleselig'));
    expect(await imap.list(user, 'ROR-ikke-lest')).toEqual([]); // no folder yet
    const rec = recorder((call) => (call.subject.includes('leselig') ? 'setAside' : 'done'));
    const reader = start({
      settings: settingsFor(user, { setAsideFolder: 'ROR-ikke-lest' }),
      handle: rec.handle,
    });
    await reader.drained();

    expect(rec.subjects()).toEqual(['Vanlig', 'Uleselig', 'Også uleselig']);
    expect(await flagsBySubject(user)).toEqual({ Vanlig: PROCESSED });
    // Unread in its folder, for the person who is to look at it.
    expect(await flagsBySubject(user, 'ROR-ikke-lest')).toEqual({
      Uleselig: ['$RorProcessed'],
      'Også uleselig': ['$RorProcessed'],
    });
    await reader.drained();
    expect(rec.calls).toHaveLength(3);
    expect(reader.problems).toEqual([]);
  });

  it('hands a message over again when the connection is lost between handle and its flag', async () => {
    const user = imap.freshUser('cut');
    await imap.append(user, mail('Kuttet'));
    const net = await proxy();
    let cut = false;
    const rec = recorder(() => {
      if (!cut) {
        cut = true;
        net.cut(); // handle committed; the flag cannot reach the server
      }
      return 'done';
    });
    const reader = start({
      settings: settingsFor(user, { port: net.port }),
      handle: rec.handle,
      retryDelaysMs: [100],
    });
    await waitFor('the second hand-over', () => rec.calls.length === 2);
    await reader.drained();
    expect(rec.subjects()).toEqual(['Kuttet', 'Kuttet']);
    expect(await flagsBySubject(user)).toEqual({ Kuttet: PROCESSED });
    expect(reader.problems.length).toBeGreaterThan(0);
  });

  it('keeps going when the server goes away and comes back', async () => {
    const user = imap.freshUser('down');
    const net = await proxy();
    const rec = recorder();
    const reader = start({
      settings: settingsFor(user, { port: net.port }),
      handle: rec.handle,
      retryDelaysMs: [100, 200],
    });
    await reader.drained();
    net.setDown(true);
    await waitFor('the problem to be reported', () => reader.problems.length > 0);
    await imap.append(user, mail('Mens nettet var nede'));
    await new Promise((r) => setTimeout(r, 500));
    expect(rec.calls).toHaveLength(0);
    net.setDown(false);
    await waitFor('the message after the return', () => rec.calls.length === 1);
    expect(rec.subjects()).toEqual(['Mens nettet var nede']);
    await waitFor('the flag', async () => (await flagsBySubject(user))['Mens nettet var nede']?.length === 2);
    // Said once while down, however often it was tried.
    expect(new Set(reader.problems).size).toBe(reader.problems.length);
  });

  it('polls when told not to IDLE', async () => {
    const user = imap.freshUser('poll');
    const rec = recorder();
    const reader = start({ settings: settingsFor(user, { idle: false, pollMs: 300 }), handle: rec.handle });
    await reader.drained();
    await imap.append(user, mail('Funnet ved polling'));
    await waitFor('the polled message', () => rec.calls.length === 1);
    expect(rec.subjects()).toEqual(['Funnet ved polling']);
  });

  it('reports a login that fails, keeps trying, and stops cleanly', async () => {
    const user = imap.freshUser('badlogin');
    const rec = recorder();
    const reader = start({
      settings: { ...settingsFor(user), pass: 'wrong' },
      handle: rec.handle,
      retryDelaysMs: [50],
    });
    await waitFor('a problem', () => reader.problems.length > 0);
    expect(reader.problems[0]).toMatch(
      /^cannot read imap:\/\/badlogin-[^:@/]+@127\.0\.0\.1:\d+\/INBOX: .*AUTHENTICATIONFAILED/,
    );
    expect(reader.problems[0]).not.toContain('wrong'); // never the password
    // Said once, however often it is tried.
    await new Promise((r) => setTimeout(r, 300));
    expect(reader.problems).toHaveLength(1);
    await reader.stop();
    expect(rec.calls).toHaveLength(0);
  });
});
