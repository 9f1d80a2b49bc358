// Inbound e-mail to tickets (issue 17, items 1–5) on a real central store
// (SQLite, and PostgreSQL when TEST_DATABASE_URL is set): raw messages as the
// mailbox gives them go through the intake (mailparser, the noise rules, the
// threading) and `mail.receive`; the tests read back what was committed.
// The IMAP transport has its own tests (central/mail/imapReader.test.ts).
import { afterEach, describe, expect, it } from 'vitest';
import { createMailIntake } from '../../../../src-main/central/mail/inbound/intake';
import { readContent } from '../../../../src-main/central/attachments/content';
import { withStore } from '../../../../src-main/central/store/serialize';
import {
  InboundMail,
  Ticket,
  TicketAttachment,
  TicketEvent,
  TicketMessage,
} from '../../../../src-main/store/entities';
import { ENGINES, startTestCentral, type TestCentral } from '../../../support/central';
import { reporterImport } from '../../../../src-main/reporters/mutations';
import { reporterTicketView } from '../../../../src-main/intake';
import { uuidv7 } from 'uuidv7';

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step().catch(() => undefined);
});

async function central(engine: (typeof ENGINES)[number]): Promise<TestCentral> {
  const c = await startTestCentral(engine);
  cleanup.push(
    () => c.dispose(),
    () => c.stop(),
  );
  return c;
}

/** The central store's mail intake, as the IMAP reader drives it, without its log lines. */
function intakeOf(c: TestCentral) {
  return createMailIntake({ store: c.server.store, serverMutations: c.server.serverMutations, quiet: true });
}

let counter = 0;
function mail(opts: {
  from?: string;
  subject?: string;
  body?: string;
  messageId?: string | null;
  headers?: Record<string, string>;
  raw?: string;
}): Buffer {
  counter += 1;
  const id = opts.messageId === undefined ? `<m${counter}.${Date.now()}@kommune.example>` : opts.messageId;
  const lines = [
    `From: ${opts.from ?? 'Kari Nordmann <kari.nordmann@roros.kommune.no>'}`,
    'To: servicedesk@ror-ikt.no',
    `Subject: ${opts.subject ?? 'Skriveren virker ikke'}`,
    'Date: Fri, 04 Dec 2026 21:00:00 +0100',
    ...(id ? [`Message-ID: ${id}`] : []),
    ...Object.entries(opts.headers ?? {}).map(([k, v]) => `${k}: ${v}`),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    opts.body ?? 'Skriveren på kontoret skriver ikke ut noe, den blinker rødt.',
  ];
  return Buffer.from(opts.raw ?? lines.join('\r\n'));
}

describe.each(ENGINES)('inbound e-mail on %s', (engine) => {
  it('makes a ticket from an unknown sender, marked for completion, acknowledged with its reference', async () => {
    const c = await central(engine);
    const intake = intakeOf(c);
    const arrived = new Date(Date.now() - 60_000);
    expect(await intake.handle(mail({}), { internalDate: arrived })).toBe('done');
    const m = c.server.store.dataSource.manager;
    const [ticket] = await withStore(c.server.store, () => m.find(Ticket));
    expect(ticket).toMatchObject({
      channel: 'email',
      reporterName: 'Kari Nordmann',
      reporterEmail: 'kari.nordmann@roros.kommune.no',
      reporterPhone: '',
      workplace: '',
      title: 'Skriveren virker ikke',
      createdAt: arrived.toISOString(),
    });
    expect(ticket!.reference).toMatch(/^RI-\d{4}-\d{6}$/);
    const [inbound] = await withStore(c.server.store, () => m.find(InboundMail));
    expect(inbound).toMatchObject({ outcome: 'ticket', reason: 'unknown sender', ticketId: ticket!.id });
    const [ack] = await withStore(c.server.store, () => m.find(TicketMessage));
    expect(ack).toMatchObject({
      kind: 'created',
      channel: 'email',
      recipient: 'kari.nordmann@roros.kommune.no',
    });
  });

  it('fills a known sender’s details from the reporter directory', async () => {
    const c = await central(engine);
    const molde = '01a21bf8-0000-7000-8000-000001000000';
    const imported = await c.server.serverMutations.run(reporterImport, {
      at: new Date().toISOString(),
      reporters: [
        {
          id: uuidv7(),
          name: 'Kari Nordmann',
          customerId: molde,
          workplace: 'Molde rådhus',
          email: 'Kari.Nordmann@roros.kommune.no',
          phones: ['+4791234567'],
        },
      ],
    });
    expect(imported.status).toBe('applied');
    const intake = intakeOf(c);
    await intake.handle(mail({ from: 'Noe Annet <kari.nordmann@roros.kommune.no>' }), { internalDate: null });
    const m = c.server.store.dataSource.manager;
    const [ticket] = await withStore(c.server.store, () => m.find(Ticket));
    expect(ticket).toMatchObject({
      reporterName: 'Kari Nordmann',
      reporterPhone: '+4791234567',
      customerId: molde,
      workplace: 'Molde rådhus',
    });
    const [inbound] = await withStore(c.server.store, () => m.find(InboundMail));
    expect(inbound!.reason).toBeNull();
  });

  it('makes a new ticket, naming the old one, of an answer to a closed ticket', async () => {
    const c = await central(engine);
    const intake = intakeOf(c);
    await intake.handle(mail({}), { internalDate: null });
    const m = c.server.store.dataSource.manager;
    const [first] = await withStore(c.server.store, () => m.find(Ticket));
    await withStore(c.server.store, () => m.update(Ticket, { id: first!.id }, { status: 'closed' }));
    await intake.handle(mail({ subject: `SV: [${first!.reference}]`, body: 'Nå er det galt igjen.' }), {
      internalDate: null,
    });
    const second = await withStore(c.server.store, () =>
      m.findOneByOrFail(Ticket, { title: `SV: [${first!.reference}]` }),
    );
    expect(second.id).not.toBe(first!.id);
    expect(second.description).toContain(`Svar på lukket sak ${first!.reference}`);
  });

  it('numbers tickets in the order the messages were handed over, also when several are handed over at once', async () => {
    const c = await central(engine);
    const intake = intakeOf(c);
    // The first takes longest before it can commit (ten attachments to store); it still gets the
    // first reference.
    const files = Array.from({ length: 10 }, (_, i) => [
      '--b',
      `Content-Type: application/octet-stream; name="f${i}.bin"`,
      `Content-Disposition: attachment; filename="f${i}.bin"`,
      'Content-Transfer-Encoding: base64',
      '',
      Buffer.alloc(50_000, i).toString('base64'),
    ]).flat();
    const slow = [
      'From: avsender0@kommune.example',
      'Subject: Nr 0',
      'Message-ID: <slow@kommune.example>',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="b"',
      '',
      '--b',
      'Content-Type: text/plain',
      '',
      'Ti vedlegg følger.',
      ...files,
      '--b--',
      '',
    ].join('\r\n');
    const quick = [1, 2, 3].map((i) => mail({ subject: `Nr ${i}`, from: `avsender${i}@kommune.example` }));
    await Promise.all([Buffer.from(slow), ...quick].map((raw) => intake.handle(raw, { internalDate: null })));
    const m = c.server.store.dataSource.manager;
    const tickets = await withStore(c.server.store, () => m.find(Ticket, { order: { reference: 'ASC' } }));
    console.log(
      'ORDER',
      tickets.map((t) => [t.title, t.reference]),
    );
    expect(tickets.map((t) => t.title)).toEqual(['Nr 0', 'Nr 1', 'Nr 2', 'Nr 3']);
  });

  it('threads an answer by the reference in the subject, and a second delivery of one message changes nothing', async () => {
    const c = await central(engine);
    const intake = intakeOf(c);
    await intake.handle(mail({}), { internalDate: null });
    const m = c.server.store.dataSource.manager;
    const [ticket] = await withStore(c.server.store, () => m.find(Ticket));
    const answer = mail({
      subject: `SV: Sak [${ticket!.reference}] er registrert`,
      body: 'Den virker igjen nå.',
    });
    expect(await intake.handle(answer, { internalDate: null })).toBe('done');
    expect(await intake.handle(answer, { internalDate: null })).toBe('done');
    const tickets = await withStore(c.server.store, () => m.find(Ticket));
    expect(tickets).toHaveLength(1);
    const messages = await withStore(c.server.store, () =>
      m.find(TicketEvent, { where: { kind: 'reporterMessage' } }),
    );
    expect(messages).toHaveLength(1);
    expect(JSON.parse(messages[0]!.data)).toMatchObject({ channel: 'email', text: 'Den virker igjen nå.' });
  });

  it('does not thread a stranger’s message by a reference alone, and keeps a colleague’s answer from the reporter’s view', async () => {
    const c = await central(engine);
    const intake = intakeOf(c);
    await intake.handle(mail({}), { internalDate: null });
    const m = c.server.store.dataSource.manager;
    const [ticket] = await withStore(c.server.store, () => m.find(Ticket));
    // Someone else names the reference (references are easy to guess): a ticket of their own.
    await intake.handle(
      mail({
        from: 'nysgjerrig@example.org',
        subject: `Om [${ticket!.reference}]`,
        body: 'Hva står i denne saken?',
      }),
      { internalDate: null },
    );
    const tickets = await withStore(c.server.store, () => m.find(Ticket, { order: { reference: 'ASC' } }));
    expect(tickets).toHaveLength(2);
    expect(tickets[1]!.description).toContain(`Nevner sak ${ticket!.reference}`);
    expect(
      await withStore(c.server.store, () => m.count(TicketEvent, { where: { kind: 'reporterMessage' } })),
    ).toBe(0);
    // A colleague who answers our e-mail (they were sent it) threads, but the reporter's web view
    // shows only the reporter's own messages.
    const [ack] = await withStore(c.server.store, () =>
      m.find(TicketMessage, { where: { ticketId: ticket!.id } }),
    );
    await intake.handle(
      mail({
        from: 'kollega@roros.kommune.no',
        subject: 'SV: saken',
        body: 'Jeg har samme feil.',
        headers: { 'In-Reply-To': `<${ack!.id}@ror-ikt.no>` },
      }),
      { internalDate: null },
    );
    expect(
      await withStore(c.server.store, () => m.count(TicketEvent, { where: { kind: 'reporterMessage' } })),
    ).toBe(1);
    const view = await withStore(c.server.store, () =>
      reporterTicketView(m, ticket!.id, 'kari.nordmann@roros.kommune.no'),
    );
    expect(view!.lines.filter((l) => l.kind === 'fromReporter')).toEqual([]);
  });

  it('takes a second message that reuses a Message-ID with other content, and still not the same one twice', async () => {
    const c = await central(engine);
    const intake = intakeOf(c);
    const first = mail({
      messageId: '<1@skanner.kommune.example>',
      subject: 'Skannet 1',
      body: 'Første skannede side.',
    });
    const second = mail({
      messageId: '<1@skanner.kommune.example>',
      subject: 'Skannet 2',
      body: 'Andre skannede side.',
    });
    for (const raw of [first, second, first, second]) await intake.handle(raw, { internalDate: null });
    const m = c.server.store.dataSource.manager;
    expect((await withStore(c.server.store, () => m.find(Ticket))).map((t) => t.title).sort()).toEqual([
      'Skannet 1',
      'Skannet 2',
    ]);
  });

  it('threads by In-Reply-To to a message we sent, never by the subject text alone', async () => {
    const c = await central(engine);
    const intake = intakeOf(c);
    await intake.handle(mail({ subject: 'Tilgang til Visma' }), { internalDate: null });
    const m = c.server.store.dataSource.manager;
    const [ack] = await withStore(c.server.store, () => m.find(TicketMessage));
    await intake.handle(
      mail({
        subject: 'SV: noe helt annet',
        headers: { 'In-Reply-To': `<${ack!.id}@ror-ikt.no>` },
        body: 'Takk for svar.',
      }),
      { internalDate: null },
    );
    // Same subject as the first, no reference, no In-Reply-To: a new ticket.
    await intake.handle(mail({ subject: 'Tilgang til Visma' }), { internalDate: null });
    expect(await withStore(c.server.store, () => m.count(Ticket))).toBe(2);
    expect(
      await withStore(c.server.store, () => m.count(TicketEvent, { where: { kind: 'reporterMessage' } })),
    ).toBe(1);
  });

  it('ignores auto-replies, bounces and our own messages: no ticket, no acknowledgement', async () => {
    const c = await central(engine);
    const intake = createMailIntake({
      store: c.server.store,
      serverMutations: c.server.serverMutations,
      ownAddresses: ['servicedesk@ror-ikt.no'],
      quiet: true,
    });
    await intake.handle(mail({ subject: 'Fravær', headers: { 'Auto-Submitted': 'auto-replied' } }), {
      internalDate: null,
    });
    await intake.handle(mail({ from: 'MAILER-DAEMON@mx.kommune.example', subject: 'Undelivered Mail' }), {
      internalDate: null,
    });
    await intake.handle(mail({ subject: 'Kopi', headers: { 'X-ROR-IKT-Message': 'abc' } }), {
      internalDate: null,
    });
    await intake.handle(
      mail({ subject: 'Nyhetsbrev', headers: { 'List-Id': '<nyheter.kommune.example>' } }),
      { internalDate: null },
    );
    const m = c.server.store.dataSource.manager;
    expect(await withStore(c.server.store, () => m.count(Ticket))).toBe(0);
    expect(await withStore(c.server.store, () => m.count(TicketMessage))).toBe(0);
    const inbound = await withStore(c.server.store, () => m.find(InboundMail, { order: { subject: 'ASC' } }));
    expect(inbound.map((i) => [i.subject, i.outcome, i.reason?.split(':')[0]])).toEqual([
      ['Fravær', 'ignored', 'autoReply'],
      ['Kopi', 'ignored', 'ours'],
      ['Nyhetsbrev', 'ignored', 'list'],
      ['Undelivered Mail', 'ignored', 'bounce'],
    ]);
  });

  it('keeps an attachment with the ticket and refuses one over the limit with a note to the sender', async () => {
    const c = await central(engine);
    const intake = createMailIntake({
      store: c.server.store,
      serverMutations: c.server.serverMutations,
      maxMessageBytes: 1000,
      quiet: true,
    });
    const boundary = 'b1';
    const small = Buffer.from('skjermbilde').toString('base64');
    const big = Buffer.alloc(2000, 1).toString('base64');
    const raw = [
      'From: kari.nordmann@roros.kommune.no',
      'To: servicedesk@ror-ikt.no',
      'Subject: Feilmelding i Gerica',
      'Message-ID: <att1@kommune.example>',
      'MIME-Version: 1.0',
      `Content-Type: multipart/mixed; boundary="${boundary}"`,
      '',
      `--${boundary}`,
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Se vedlagt skjermbilde av feilmeldingen.',
      `--${boundary}`,
      'Content-Type: image/png; name="feil.png"',
      'Content-Disposition: attachment; filename="feil.png"',
      'Content-Transfer-Encoding: base64',
      '',
      small,
      `--${boundary}`,
      'Content-Type: application/zip; name="logg.zip"',
      'Content-Disposition: attachment; filename="logg.zip"',
      'Content-Transfer-Encoding: base64',
      '',
      big,
      `--${boundary}--`,
      '',
    ].join('\r\n');
    await intake.handle(Buffer.from(raw), { internalDate: null });
    const m = c.server.store.dataSource.manager;
    const files = await withStore(c.server.store, () => m.find(TicketAttachment));
    expect(files.map((f) => [f.filename, f.contentType, f.size])).toEqual([['feil.png', 'image/png', 11]]);
    expect((await readContent(c.server.store, files[0]!.sha256))?.toString()).toBe('skjermbilde');
    const notes = await withStore(c.server.store, () => m.find(TicketMessage, { where: { kind: 'update' } }));
    expect(notes[0]!.text).toContain('«logg.zip»');
  });

  it('sets a message without any header aside, and throttles a sender who writes 20 in a minute', async () => {
    const c = await central(engine);
    const intake = intakeOf(c);
    expect(
      await intake.handle(Buffer.from('\u0000\u0001 dette er ikke e-post'), { internalDate: null }),
    ).toBe('setAside');
    const verdicts = [];
    for (let i = 0; i < 22; i++)
      verdicts.push(await intake.handle(mail({ subject: `Spam ${i}` }), { internalDate: null }));
    expect(verdicts.filter((v) => v === 'setAside')).toHaveLength(2);
    const m = c.server.store.dataSource.manager;
    expect(await withStore(c.server.store, () => m.count(Ticket))).toBe(20);
    const outcomes = await withStore(c.server.store, () => m.find(InboundMail));
    expect(outcomes.filter((o) => o.outcome === 'throttled')).toHaveLength(2);
    expect(outcomes.filter((o) => o.outcome === 'setAside')).toHaveLength(1);
  });
});
