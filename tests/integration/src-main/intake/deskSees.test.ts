// What the desk sees of the e-mail channel (issue 17): a real central store
// (SQLite, and PostgreSQL when TEST_DATABASE_URL is set) takes an e-mail with
// an attachment and a threaded answer; a real desk syncing over loopback HTTP
// shows the ticket with R5's missing details, the reporter's message, the
// file (opened through the central store) and the inbound record for admins;
// the lists mark a reporter's answer nobody at the desk has acted on yet.
import { afterEach, describe, expect, it } from 'vitest';
import { createMailIntake } from '../../../../src-main/central/mail/inbound/intake';
import { ENGINES, startTestCentral } from '../../../support/central';
import { errorOf, removeDir, signIn, startDesk, tempDir } from '../../../support/tempDesk';

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step().catch(() => undefined);
});

function withAttachment(messageId: string, subject: string, body: string, file?: string): Buffer {
  const lines = [
    'From: Ola Ukjent <ola.ukjent@aukra.kommune.no>',
    'To: servicedesk@ror-ikt.no',
    `Subject: ${subject}`,
    `Message-ID: ${messageId}`,
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="x"',
    '',
    '--x',
    'Content-Type: text/plain; charset=utf-8',
    '',
    body,
    ...(file
      ? [
          '--x',
          'Content-Type: text/plain; name="logg.txt"',
          'Content-Disposition: attachment; filename="logg.txt"',
          '',
          file,
        ]
      : []),
    '--x--',
    '',
  ];
  return Buffer.from(lines.join('\r\n'));
}

/** A central store taking e-mail, and a desk syncing with it (by hand), signed in as an agent. */
async function deskWithMailIntake(engine: (typeof ENGINES)[number]) {
  const c = await startTestCentral(engine);
  cleanup.push(
    () => c.dispose(),
    () => c.stop(),
  );
  const d = await startDesk(tempDir(), { centralUrl: c.url, autoSync: false, pollMs: 60_000 });
  cleanup.push(async () => {
    await d.stop();
    removeDir(d.dataDir);
  });
  await signIn(d.client, { name: 'Kari Agent', role: 'agent' });
  const intake = createMailIntake({
    store: c.server.store,
    serverMutations: c.server.serverMutations,
    quiet: true,
  });
  return { d, intake };
}

describe.each(ENGINES)('the desk and the e-mail channel on %s', (engine) => {
  it('shows the ticket, what it lacks, the reporter’s answer and the file; admins see the inbound record', async () => {
    const { d, intake } = await deskWithMailIntake(engine);
    await intake.handle(
      withAttachment('<a1@aukra>', 'VPN virker ikke', 'Får ikke koblet til VPN hjemmefra.', 'feil 809'),
      {
        internalDate: null,
      },
    );
    await d.desk.sync!.syncNow();
    const [summary] = (await d.client.tickets.list.query({ view: 'all' } as never)).items;
    const first = await d.client.tickets.get.query({ id: summary!.id });
    expect(first.ticket.channel).toBe('email');
    expect(first.missing).toEqual(['reporterPhone', 'customerId', 'workplace', 'system']);
    expect(first.attachments.map((a) => [a.filename, a.size])).toEqual([['logg.txt', 8]]);

    await intake.handle(
      withAttachment(
        '<a2@aukra>',
        `SV: Sak [${first.ticket.reference}] er registrert`,
        'Det gjelder laptop nr. 4.',
      ),
      { internalDate: null },
    );
    await d.desk.sync!.syncNow();
    const after = await d.client.tickets.get.query({ id: summary!.id });
    const answer = after.events.find((e) => e.kind === 'reporterMessage');
    expect(answer?.data).toMatchObject({
      channel: 'email',
      text: 'Det gjelder laptop nr. 4.',
      fromOther: false,
    });

    const file = await d.client.attachments.open.query({ id: first.attachments[0]!.id });
    expect(Buffer.from(file.base64, 'base64').toString()).toBe('feil 809');

    // The inbound record is for admins and team leads, not agents.
    expect((await errorOf(d.client.intake.inbound.query({}))).message).toMatch(/not shown to the role agent/);
    await signIn(d.client, { name: 'Anne Admin', role: 'admin' });
    await d.desk.sync!.syncNow();
    const inbound = await d.client.intake.inbound.query({});
    expect(inbound.map((i) => i.outcome).sort()).toEqual(['reply', 'ticket']);
  });

  it('marks a ticket "new reply" in the lists until someone at the desk acts on it', async () => {
    const { d, intake } = await deskWithMailIntake(engine);
    const listed = async () => {
      await d.desk.sync!.syncNow();
      const [row] = (await d.client.tickets.list.query({ view: 'all' } as never)).items;
      return row!;
    };
    await intake.handle(withAttachment('<n1@aukra>', 'Skanner', 'Skanneren sender ikke til e-post.'), {
      internalDate: null,
    });
    const filed = await listed();
    expect(filed.newReplyAt).toBeNull();
    const answer = (id: string, text: string) =>
      intake.handle(withAttachment(id, `SV: [${filed.reference}]`, text), { internalDate: null });

    await answer('<n2@aukra>', 'Den står i 2. etasje.');
    const replied = await listed();
    const { events } = await d.client.tickets.get.query({ id: filed.id });
    expect(replied.newReplyAt).toBe(events.find((e) => e.kind === 'reporterMessage')!.at);

    await d.client.tickets.note.mutate({ ticketId: filed.id, visibility: 'internal', text: 'Ser på den' });
    expect((await listed()).newReplyAt).toBeNull();

    await answer('<n3@aukra>', 'Nå virker den heller ikke til mappe.');
    expect((await listed()).newReplyAt).not.toBeNull();
  });
});
