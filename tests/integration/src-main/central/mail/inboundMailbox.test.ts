// The e-mail channel end to end below the desk (issue 17): a real Dovecot
// (tests/support/imapServer.ts; messages put in with IMAP APPEND) read by a
// real central store (SQLite, and PostgreSQL when TEST_DATABASE_URL is set)
// started with --imap-url's settings. New tickets from a known and an unknown
// sender, answers threaded by reference and by In-Reply-To, an auto-reply and a
// bounce ignored, an attachment kept, a malformed message set aside (moved,
// listed), and a crash between the commit and the flag: no second ticket.
import { afterEach, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { createMailIntake } from '../../../../../src-main/central/mail/inbound/intake';
import { parseImapSettings } from '../../../../../src-main/central/mail/inbound/imapSettings';
import { withStore } from '../../../../../src-main/central/store/serialize';
import { startCentralServer } from '../../../../../src-main/central/server';
import { reporterImport } from '../../../../../src-main/reporters/mutations';
import {
  InboundMail,
  Ticket,
  TicketAttachment,
  TicketEvent,
  TicketMessage,
} from '../../../../../src-main/store/entities';
import { ENGINES, startTestCentral, type TestCentral } from '../../../../support/central';
import { imapAvailable, startTestImap, type TestImap } from '../../../../support/imapServer';

const MOLDE = '01a21bf8-0000-7000-8000-000001000000';
const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step().catch(() => undefined);
});

let n = 0;
function mail(from: string, subject: string, body: string, headers: Record<string, string> = {}): string {
  n += 1;
  return [
    `From: ${from}`,
    'To: servicedesk@ror-ikt.no',
    `Subject: ${subject}`,
    `Message-ID: <box-${n}-${uuidv7()}@kommune.example>`,
    'Date: Fri, 04 Dec 2026 21:00:00 +0100',
    ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    body,
    '',
  ].join('\r\n');
}

async function until<T>(
  what: string,
  check: () => Promise<T | null | undefined | false>,
  ms = 20_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const got = await check();
    if (got) return got;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const why = imapAvailable();

describe.skipIf(why !== null).each(ENGINES)(`the mailbox on %s${why ? ` (${why})` : ''}`, (engine) => {
  let imap: TestImap;

  async function central(user: string): Promise<TestCentral> {
    const c = await startTestCentral(engine, undefined, {
      probes: false,
      imap: parseImapSettings({ url: imap.url(user), pollSeconds: '1' }),
      smtp: { url: 'smtp://127.0.0.1:9', from: 'ROR-IKT Servicedesk <servicedesk@ror-ikt.no>' },
    });
    cleanup.push(
      () => c.dispose(),
      () => c.stop(),
    );
    return c;
  }

  const count = (c: TestCentral) =>
    withStore(c.server.store, () => c.server.store.dataSource.manager.count(InboundMail));

  it('makes tickets, threads answers, ignores noise, keeps files and sets the unreadable aside', async () => {
    imap = await startTestImap();
    cleanup.push(() => imap.close());
    const user = imap.freshUser('box');
    const c = await central(user);
    const m = c.server.store.dataSource.manager;
    const imported = await c.server.serverMutations.run(reporterImport, {
      at: new Date().toISOString(),
      reporters: [
        {
          id: uuidv7(),
          name: 'Per Pleier',
          customerId: MOLDE,
          workplace: 'Molde legevakt',
          email: 'per.pleier@molde.kommune.no',
          phones: ['+4791234567'],
        },
      ],
    });
    expect(imported.status).toBe('applied');

    await imap.append(user, [
      mail(
        'Per Pleier <per.pleier@molde.kommune.no>',
        'Journalen henger',
        'Journalsystemet henger ved innlogging.',
      ),
      mail('Ola Ukjent <ola@aukra.kommune.example>', 'Skriveren', 'Skriveren i 2. etasje skriver ikke.'),
      mail('ola@aukra.kommune.example', 'Fravær: Skriveren', 'Jeg er på ferie.', {
        'Auto-Submitted': 'auto-replied',
      }),
      mail('MAILER-DAEMON@mx.aukra.kommune.example', 'Undelivered Mail Returned to Sender', 'Returned.'),
      [
        'From: ola@aukra.kommune.example',
        'Subject: Bilde av feilen',
        `Message-ID: <file-${uuidv7()}@aukra>`,
        'MIME-Version: 1.0',
        'Content-Type: multipart/mixed; boundary="b"',
        '',
        '--b',
        'Content-Type: text/plain',
        '',
        'Her er feilmeldingen.',
        '--b',
        'Content-Type: image/png; name="feil.png"',
        'Content-Disposition: attachment; filename="feil.png"',
        'Content-Transfer-Encoding: base64',
        '',
        Buffer.from('PNG-bytes').toString('base64'),
        '--b--',
        '',
      ].join('\r\n'),
      'dette er ikke en e-post, bare tekst uten noe hode\r\n',
    ]);
    await until('six messages recorded', async () => (await count(c)) >= 6);

    const tickets = await withStore(c.server.store, () => m.find(Ticket, { order: { reference: 'ASC' } }));
    expect(tickets.map((t) => [t.title, t.reporterName, t.reporterPhone, t.workplace])).toEqual([
      ['Journalen henger', 'Per Pleier', '+4791234567', 'Molde legevakt'],
      ['Skriveren', 'Ola Ukjent', '', ''],
      ['Bilde av feilen', 'ola@aukra.kommune.example', '', ''],
    ]);
    const files = await withStore(c.server.store, () => m.find(TicketAttachment));
    expect(files.map((f) => [f.filename, f.ticketId])).toEqual([['feil.png', tickets[2]!.id]]);
    const outcomes = await withStore(c.server.store, () => m.find(InboundMail));
    expect(outcomes.map((o) => o.outcome).sort()).toEqual([
      'ignored',
      'ignored',
      'setAside',
      'ticket',
      'ticket',
      'ticket',
    ]);
    // Only the three tickets were acknowledged.
    expect(await withStore(c.server.store, () => m.count(TicketMessage))).toBe(3);
    // The unreadable one left the INBOX for the set-aside folder, unread; the rest are processed.
    expect((await imap.list(user, 'ROR-ikke-lest')).map((x) => x.flags)).toEqual([['$RorProcessed']]);
    expect((await imap.list(user, 'INBOX')).every((x) => x.flags.includes('$RorProcessed'))).toBe(true);

    // Answers: one by the reference in the subject, one by In-Reply-To to our acknowledgement.
    const [ackToOla] = await withStore(c.server.store, () =>
      m.find(TicketMessage, { where: { ticketId: tickets[1]!.id } }),
    );
    await imap.append(user, [
      mail(
        'per.pleier@molde.kommune.no',
        `SV: Sak [${tickets[0]!.reference}] er registrert`,
        'Nå virker det.',
      ),
      mail('ola@aukra.kommune.example', 'SV: takk', 'Det er skriveren ved kantina.', {
        'In-Reply-To': `<${ackToOla!.id}@ror-ikt.no>`,
      }),
    ]);
    await until('two answers', async () => (await count(c)) >= 8);
    const answers = await withStore(c.server.store, () =>
      m.find(TicketEvent, { where: { kind: 'reporterMessage' }, order: { at: 'ASC' } }),
    );
    expect(answers.map((a) => [a.ticketId, (JSON.parse(a.data) as { text: string }).text])).toEqual([
      [tickets[0]!.id, 'Nå virker det.'],
      [tickets[1]!.id, 'Det er skriveren ved kantina.'],
    ]);
    expect(await withStore(c.server.store, () => m.count(Ticket))).toBe(3);
  });

  it('makes no second ticket after a crash between the commit and the flag', async () => {
    imap = await startTestImap();
    cleanup.push(() => imap.close());
    const user = imap.freshUser('crash');
    const raw = mail('ola@aukra.kommune.example', 'Nettet er nede', 'Ingen nett på skolen.');
    await imap.append(user, raw);
    // The commit happened (as a reader would have done it) but the process died before the flag.
    const c = await central(imap.freshUser('other')); // reads another, empty mailbox
    const intake = createMailIntake({
      store: c.server.store,
      serverMutations: c.server.serverMutations,
      quiet: true,
    });
    await intake.handle(Buffer.from(raw), { internalDate: null });
    expect((await imap.list(user, 'INBOX'))[0]!.flags).toEqual([]);
    // After the restart (the same store, now reading that mailbox) the reader finds the message
    // unflagged and hands it over again: it is flagged, and nothing is made twice.
    await c.stop();
    const again = await startCentralServer({
      dataDir: c.dataDir,
      databaseUrl: c.databaseUrl,
      port: 0,
      quiet: true,
      probes: false,
      imap: parseImapSettings({ url: imap.url(user), pollSeconds: '1' }),
    });
    cleanup.push(() => again.close());
    await until('the message flagged', async () =>
      (await imap.list(user, 'INBOX'))[0]!.flags.includes('$RorProcessed'),
    );
    const m = again.store.dataSource.manager;
    expect(await withStore(again.store, () => m.count(Ticket))).toBe(1);
    expect(await withStore(again.store, () => m.count(InboundMail))).toBe(1);
    expect(await withStore(again.store, () => m.count(TicketMessage))).toBe(1);
  });
});
