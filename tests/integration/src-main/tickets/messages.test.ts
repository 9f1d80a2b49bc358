// The reporter's messages (R6, R9) delivered by the central store: a real
// central store (SQLite, and PostgreSQL when TEST_DATABASE_URL is set), a real
// desk syncing with it over loopback HTTP, and a real SMTP server on loopback.
// The e-mail carries the canonical reference; delivery, failed attempts with
// their back-off and giving up are recorded on the ticket and reach the desk;
// SMS is never shown as sent; two senders never send one message twice.
import { afterEach, describe, expect, it } from 'vitest';
import { startCentralServer, type CentralServer } from '../../../../src-main/central/server';
import type { SmtpSettings } from '../../../../src-main/central/mail/config';
import { startMessageSender } from '../../../../src-main/central/mail/sender';
import { withStore } from '../../../../src-main/central/store/serialize';
import { createServerMutations } from '../../../../src-main/central/sync/serverMutations';
import type { TicketMessageView } from '../../../../src-shared/tickets/schemas';
import { ENGINES, freshPostgresDatabase, type Engine } from '../../../support/central';
import { openCentralDb } from '../../../support/centralProcess';
import { startTestSmtp, type TestSmtp } from '../../../support/smtpServer';
import { removeDir, signIn, startDesk, tempDir, type RunningDesk } from '../../../support/tempDesk';

const FROM = 'ROR-IKT Servicedesk <servicedesk@ror-ikt.no>';
const REPORTER = 'per.pleier@roros.kommune.no';

let cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await Promise.resolve(step()).catch(() => undefined);
  cleanup = [];
});

type Tuning = Pick<SmtpSettings, 'retryDelaysMs' | 'pollMs' | 'leaseMs'>;

async function startSmtp(): Promise<TestSmtp> {
  const smtp = await startTestSmtp();
  cleanup.push(() => smtp.close());
  return smtp;
}

/** A central store sending through `smtp`; on PostgreSQL, a fresh database unless one is given. */
async function startCentral(
  engine: Engine,
  smtp: TestSmtp,
  tuning: Tuning = {},
  databaseUrl?: string,
): Promise<{ server: CentralServer; dataDir: string; databaseUrl: string | undefined }> {
  if (engine === 'postgres' && !databaseUrl) {
    const db = await freshPostgresDatabase();
    cleanup.push(() => db.drop());
    databaseUrl = db.url;
  }
  const dataDir = tempDir('central-');
  cleanup.push(() => removeDir(dataDir));
  const server = await startCentralServer({
    dataDir,
    port: 0,
    quiet: true,
    databaseUrl,
    smtp: { url: smtp.url, from: FROM, pollMs: 100, ...tuning },
  });
  cleanup.push(() => server.close());
  return { server, dataDir, databaseUrl };
}

async function startSignedInDesk(central: CentralServer): Promise<RunningDesk> {
  const d = await startDesk(tempDir(), { centralUrl: central.url, autoSync: false, pollMs: 60_000 });
  cleanup.push(async () => {
    await d.stop();
    removeDir(d.dataDir);
  });
  await signIn(d.client, { name: 'Kari Agent', role: 'agent' });
  return d;
}

const sync = (d: RunningDesk) => d.desk.sync!.syncNow();

async function newTicket(d: RunningDesk, overrides: Record<string, unknown> = {}) {
  const customer = (await d.client.calls.customers.query())[0]!;
  return d.client.tickets.create.mutate({
    reporterName: 'Per Pleier',
    reporterPhone: '912 34 567',
    reporterEmail: REPORTER,
    customerId: customer.id,
    workplace: customer.workplaces[0] ?? 'Rådhuset',
    description: 'Journalsystemet svarer ikke på legekontoret',
    priority: 'high',
    system: 'Journalsystem',
    category: 'incident',
    channel: 'web',
    notifyBy: 'email',
    ...overrides,
  } as never);
}

/** Retries `check` (syncing the desk first, when given) until it passes; generous, never a timing claim. */
async function eventually<T>(check: () => Promise<T>, desk?: RunningDesk, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      if (desk) await sync(desk);
      return await check();
    } catch (e) {
      if (Date.now() > deadline) throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

async function detail(d: RunningDesk, id: string) {
  return d.client.tickets.get.query({ id });
}

/** The central store's audit of one server mutation: its arguments, in the order they were applied. */
async function audited(server: CentralServer, name: string): Promise<Array<Record<string, string>>> {
  const rows: Array<{ args: string }> = await withStore(server.store, () =>
    server.store.dataSource.manager.query(
      `SELECT args FROM audit WHERE name = '${name}' AND status = 'applied' ORDER BY applied_at, seq`,
    ),
  );
  return rows.map((r) => JSON.parse(r.args) as Record<string, string>);
}

describe.each(ENGINES)('reporter messages on %s', (engine) => {
  it('e-mails the reporter on creation, on an update for the reporter and on resolution, with the canonical reference', async () => {
    const smtp = await startSmtp();
    const { server } = await startCentral(engine, smtp);
    const desk = await startSignedInDesk(server);

    const created = await newTicket(desk, { title: 'Journal nede på legekontoret' });
    await sync(desk);
    const reference = (await detail(desk, created.id)).ticket.reference!;
    expect(reference).toMatch(/^RI-\d{4}-\d{6}$/);

    const ack = await smtp.waitFor((m) => m.subject === `Sak [${reference}] er registrert`);
    expect(ack.to).toEqual([REPORTER]);
    expect(ack.from).toBe('servicedesk@ror-ikt.no');
    expect(ack.fromHeader).toContain('ROR-IKT Servicedesk');
    expect(ack.text).toContain('Hei Per Pleier,');
    expect(ack.text).toContain(`Referansenummer: ${reference}`);
    expect(ack.text).toContain('Journal nede på legekontoret');
    expect(ack.text).toContain('ROR-IKT Servicedesk, tlf. 71 11 11 66');
    expect(ack.text).not.toContain(created.provisionalReference);

    await desk.client.tickets.note.mutate({
      ticketId: created.id,
      visibility: 'internal',
      text: 'Intern: sjekk lisensserveren først',
    });
    await desk.client.tickets.note.mutate({
      ticketId: created.id,
      visibility: 'reporter',
      text: 'Vi har kontaktet leverandøren og følger opp i dag.',
    });
    await sync(desk);
    const update = await smtp.waitFor((m) => m.subject === `Oppdatering i sak [${reference}]`);
    expect(update.text).toContain('Vi har kontaktet leverandøren og følger opp i dag.');

    await desk.client.tickets.resolve.mutate({
      ticketId: created.id,
      resolution: 'Lisensserveren er startet på nytt; journalen virker igjen.',
    });
    await sync(desk);
    const resolved = await smtp.waitFor((m) => m.subject === `Sak [${reference}] er løst`);
    expect(resolved.text).toContain('Lisensserveren er startet på nytt; journalen virker igjen.');

    // On the desk after sync: every message sent, with what was sent, and a line in the timeline.
    const after = await eventually(async () => {
      const d = await detail(desk, created.id);
      expect(d.messages.map((m) => m.status)).toEqual(['sent', 'sent', 'sent']);
      return d;
    }, desk);
    const byKind = new Map(after.messages.map((m) => [m.kind, m]));
    expect(byKind.get('created')).toMatchObject({
      channel: 'email',
      recipient: REPORTER,
      attempts: 1,
      lastError: null,
      subject: `Sak [${reference}] er registrert`,
    });
    expect(byKind.get('created')!.body).toContain(reference);
    expect(byKind.get('resolved')!.sentAt).not.toBeNull();
    const timeline = after.events.filter((e) => e.kind === 'message');
    expect(timeline).toHaveLength(3);
    for (const e of timeline) {
      expect(e.actorName).toBe('Sentralen');
      expect(e.data).toMatchObject({ channel: 'email', recipient: REPORTER, status: 'sent' });
    }
    expect(new Set(timeline.map((e) => e.data.messageId))).toEqual(new Set(after.messages.map((m) => m.id)));
    // The internal note sent nothing; each message went out once.
    expect(smtp.messages.map((m) => m.subject).sort()).toEqual(
      [
        `Oppdatering i sak [${reference}]`,
        `Sak [${reference}] er løst`,
        `Sak [${reference}] er registrert`,
      ].sort(),
    );
  });

  it('records failed attempts with their error and back-off, and delivers once the SMTP server takes it', async () => {
    const smtp = await startSmtp();
    smtp.refuse(REPORTER); // 451: temporarily unavailable
    const delays = [400, 800, 1600, 3200, 6400, 12_800];
    const { server } = await startCentral(engine, smtp, { retryDelaysMs: delays });
    const desk = await startSignedInDesk(server);
    const created = await newTicket(desk);
    await sync(desk);

    const failures = await eventually(async () => {
      const list = await audited(server, 'ticket.messageAttemptFailed');
      expect(list.length).toBeGreaterThanOrEqual(2);
      return list;
    });
    failures.forEach((f, i) => {
      expect(f.error).toMatch(/451/);
      expect(Date.parse(f.retryAt!) - Date.parse(f.at!)).toBe(delays[i]);
    });
    // The desk sees the failed attempts and their error while it waits for the next one.
    const waiting = await eventually(async () => {
      const [m] = (await detail(desk, created.id)).messages;
      expect(m).toMatchObject({ status: 'queued', lastError: expect.stringMatching(/451/) as string });
      expect(m!.attempts).toBeGreaterThanOrEqual(2);
      return m!;
    }, desk);
    expect(waiting.sentAt).toBeNull();

    smtp.accept(REPORTER);
    await smtp.waitFor((m) => m.to.includes(REPORTER), 30_000);
    const sent = await eventually(async () => {
      const [m] = (await detail(desk, created.id)).messages;
      expect(m!.status).toBe('sent');
      return m!;
    }, desk);
    const failed = (await audited(server, 'ticket.messageAttemptFailed')).length;
    expect(sent.attempts).toBe(failed + 1);
    expect(sent.lastError).toBeNull();
    expect(smtp.messages).toHaveLength(1);
  });

  it('gives up after the last attempt and says so on the ticket', async () => {
    const smtp = await startSmtp();
    smtp.refuse(REPORTER, { code: 550, message: '5.1.1 No such user' });
    const { server } = await startCentral(engine, smtp, { retryDelaysMs: [100, 100] });
    const desk = await startSignedInDesk(server);
    const created = await newTicket(desk);
    await sync(desk);

    const after = await eventually(async () => {
      const d = await detail(desk, created.id);
      expect(d.messages[0]!.status).toBe('failed');
      return d;
    }, desk);
    const [message] = after.messages;
    expect(message).toMatchObject({ attempts: 3, sentAt: null, nextAttemptAt: null });
    expect(message!.lastError).toMatch(/550/);
    const events = after.events.filter((e) => e.kind === 'message');
    expect(events).toHaveLength(1);
    expect(events[0]!.data).toMatchObject({ messageId: message!.id, status: 'failed', attempts: 3 });
    expect(String(events[0]!.data.error)).toMatch(/550/);
    expect(smtp.messages).toHaveLength(0);
  });

  it('never marks an SMS sent (no gateway) and queues nothing when the reporter asked not to be told', async () => {
    const smtp = await startSmtp();
    const { server } = await startCentral(engine, smtp);
    const desk = await startSignedInDesk(server);
    const bySms = await newTicket(desk, { notifyBy: 'sms', reporterEmail: null });
    const silent = await newTicket(desk, { notifyBy: 'none' });
    // Queued after the other two: once it is delivered, the sender has been past the SMS too.
    const byEmail = await newTicket(desk);
    await sync(desk);
    await smtp.waitFor((m) => m.to.includes(REPORTER));
    await eventually(async () => {
      expect((await detail(desk, byEmail.id)).messages[0]!.status).toBe('sent');
    }, desk);

    const sms = (await detail(desk, bySms.id)).messages;
    expect(sms).toHaveLength(1);
    expect(sms[0]).toMatchObject<Partial<TicketMessageView>>({
      channel: 'sms',
      recipient: '+4791234567',
      status: 'queued',
      attempts: 0,
      sentAt: null,
      subject: null,
      body: null,
    });
    expect((await detail(desk, silent.id)).messages).toEqual([]);
    expect(smtp.messages).toHaveLength(1);
    expect(await audited(server, 'ticket.messageClaim')).toHaveLength(1);
  });

  it('sends each e-mail exactly once with two senders on one database', async () => {
    const smtp = await startSmtp();
    const tuning = { pollMs: 20 };
    const { server, databaseUrl } = await startCentral(engine, smtp, tuning);
    if (engine === 'postgres') {
      // A second central-store process on the same database (scale-out), with its own sender.
      await startCentral(engine, smtp, tuning, databaseUrl);
    } else {
      // SQLite has one process per file: a second sender loop on the same store.
      const second = startMessageSender({
        store: server.store,
        notifier: server.notifier,
        serverMutations: createServerMutations(server.store, (v) => server.notifier.notify(v)),
        smtp: { url: smtp.url, from: FROM, ...tuning },
        quiet: true,
      });
      cleanup.push(() => second.stop());
    }
    const desk = await startSignedInDesk(server);
    const n = 12;
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      ids.push(
        (await newTicket(desk, { description: `Skriver nummer ${i + 1} på rådhuset virker ikke` })).id,
      );
    }
    await sync(desk);
    await eventually(async () => {
      const statuses = await Promise.all(ids.map(async (id) => (await detail(desk, id)).messages[0]!.status));
      expect(statuses).toEqual(ids.map(() => 'sent'));
    }, desk);
    expect(smtp.messages).toHaveLength(n);
    expect(new Set(smtp.messages.map((m) => m.messageId)).size).toBe(n);
    expect(new Set(smtp.messages.map((m) => m.subject)).size).toBe(n);
    expect(await audited(server, 'ticket.messageSent')).toHaveLength(n);
  });

  it('finishes a send in flight and records it before the central store closes', async () => {
    const smtp = await startSmtp();
    smtp.delayReplies(1500); // a slow SMTP server: the send is still in flight when close() is called
    const { server, dataDir, databaseUrl } = await startCentral(engine, smtp);
    const desk = await startSignedInDesk(server);
    const created = await newTicket(desk);
    await sync(desk);
    await eventually(async () => expect(await audited(server, 'ticket.messageClaim')).toHaveLength(1));
    await server.close();
    expect(smtp.messages).toHaveLength(1);
    const db = await openCentralDb(engine, dataDir, databaseUrl);
    try {
      const rows = await db.query<{ status: string; attempts: number }>(
        `SELECT status, attempts FROM ticket_message WHERE ticket_id = ?`,
        [created.id],
      );
      expect(rows.map((r) => [r.status, Number(r.attempts)])).toEqual([['sent', 1]]);
    } finally {
      await db.close();
    }
  });
});
