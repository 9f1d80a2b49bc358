// Demo data for the e-mail and web channels (issue 17), written through the
// central store's own intake as the real channels do: e-mails (raw, as the
// mailbox would hand them over) from an unknown sender with a file and an
// HTML version, a colleague's answer to our acknowledgement, an automatic
// reply (ignored) and an unreadable message (set aside); and a ticket filed on
// the web. Only into an empty inbound record: a second run leaves it as it was.
import { uuidv7 } from 'uuidv7';
import { createMailIntake } from '../central/mail/inbound/intake';
import type { CentralServer } from '../central/server';
import { withStore } from '../central/store/serialize';
import { webTicket } from '../intake';
import { InboundMail, TicketMessage } from '../store/entities';

export interface DemoIntake {
  emails: number;
  webTickets: number;
}

function raw(lines: string[]): Buffer {
  return Buffer.from(lines.join('\r\n'));
}

const AUKRA = '01a21bf8-0000-7000-8000-000002000000';

export async function fillDemoIntake(central: CentralServer): Promise<DemoIntake | null> {
  const m = central.store.dataSource.manager;
  if ((await withStore(central.store, () => m.count(InboundMail))) > 0) return null;
  const intake = createMailIntake({
    store: central.store,
    serverMutations: central.serverMutations,
    quiet: true,
  });
  const hourAgo = new Date(Date.now() - 3_600_000);
  const boundary = 'demo';
  await intake.handle(
    raw([
      'From: Ola Ukjent <ola.ukjent@aukra.kommune.no>',
      'To: servicedesk@ror-ikt.no',
      'Subject: Skriveren i 2. etasje skriver ikke ut',
      `Message-ID: <${uuidv7()}@aukra.kommune.no>`,
      'MIME-Version: 1.0',
      `Content-Type: multipart/mixed; boundary="${boundary}"`,
      '',
      `--${boundary}`,
      'Content-Type: multipart/alternative; boundary="alt"',
      '',
      '--alt',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Hei! Skriveren i 2. etasje skriver ikke ut, den blinker rødt. Feilloggen ligger ved.',
      '--alt',
      'Content-Type: text/html; charset=utf-8',
      '',
      '<p>Hei! Skriveren i <b>2. etasje</b> skriver ikke ut, den blinker rødt.</p><img src="https://bilder.example.org/skriver.png" alt="Skriveren">',
      '--alt--',
      `--${boundary}`,
      'Content-Type: text/plain; name="feillogg.txt"',
      'Content-Disposition: attachment; filename="feillogg.txt"',
      '',
      'E-049 Papirstopp i magasin 2',
      `--${boundary}--`,
      '',
    ]),
    { internalDate: hourAgo },
  );
  const [ack] = await withStore(central.store, () =>
    m.find(TicketMessage, { order: { createdAt: 'DESC' }, take: 1 }),
  );
  await intake.handle(
    raw([
      'From: Kari Kollega <kari.kollega@aukra.kommune.no>',
      'Subject: SV: Skriveren i 2. etasje',
      `Message-ID: <${uuidv7()}@aukra.kommune.no>`,
      ...(ack ? [`In-Reply-To: <${ack.id}@ror-ikt.no>`] : []),
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Nå blinker lampen oransje. Ola er borte i dag, ring meg på 912 34 567.',
    ]),
    { internalDate: new Date(Date.now() - 1_800_000) },
  );
  await intake.handle(
    raw([
      'From: Per Ferie <per.ferie@molde.kommune.no>',
      'Subject: Fravær: Skriveren',
      'Auto-Submitted: auto-replied',
      `Message-ID: <${uuidv7()}@molde.kommune.no>`,
      '',
      'Jeg er på ferie til 2. januar.',
    ]),
    { internalDate: new Date(Date.now() - 1_200_000) },
  );
  await intake.handle(raw(['dette er ikke en e-post, bare tekst uten hode']), {
    internalDate: new Date(Date.now() - 600_000),
  });
  const filed = await central.serverMutations.run(webTicket, {
    id: uuidv7(),
    at: new Date(Date.now() - 900_000).toISOString(),
    reporterName: 'Siri Sykepleier',
    reporterPhone: '+4791122334',
    reporterEmail: 'siri.sykepleier@aukra.kommune.no',
    customerId: AUKRA,
    workplace: 'Aukra sjukeheim',
    title: 'Får ikke logget inn i Gerica',
    system: 'Gerica',
    description: 'Får feilmelding «ugyldig sesjon» når jeg logger inn i Gerica på vaktrommet.',
    priority: 'high',
  });
  if (filed.status !== 'applied')
    throw new Error(`The demo's web ticket was refused: ${JSON.stringify(filed)}`);
  return { emails: 4, webTickets: 1 };
}
