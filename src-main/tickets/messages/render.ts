// The reporter's messages in Norwegian (bokmål), rendered when the central
// store sends them (R6, R9): by then the ticket has its canonical reference,
// also when it was created on a desk that was offline. Pure: the same ticket
// and message always give the same text. The subject carries the reference in
// brackets, which is how the reporter's answer finds its ticket (issue 17).
import { subjectTag } from '../../../src-shared/intake/threading';

/** What a message says about its ticket. */
export interface MessageTicket {
  reference: string | null;
  provisionalReference: string | null;
  reporterName: string;
  title: string | null;
  description: string;
}

export interface MessageContent {
  kind: 'created' | 'update' | 'resolved';
  /** The update's or the resolution's text; null for 'created'. */
  text: string | null;
}

export interface RenderedEmail {
  subject: string;
  body: string;
}

export const DESK_SIGNATURE = 'ROR-IKT Servicedesk, tlf. 71 11 11 66';

/** Two concatenated SMS segments (153 GSM-7 characters each; æ, ø and å are GSM-7). */
export const SMS_MAX_LENGTH = 306;

const EXCERPT_LENGTH = 120;

/** The reference the reporter is told: the canonical one; the provisional one only if there is none. */
export function referenceOf(ticket: MessageTicket): string {
  return ticket.reference ?? ticket.provisionalReference ?? 'uten referanse';
}

function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

/** The ticket's title, or the first line of its description, shortened. */
export function ticketExcerpt(ticket: Pick<MessageTicket, 'title' | 'description'>): string {
  if (ticket.title?.trim()) return shorten(ticket.title, EXCERPT_LENGTH);
  const firstLine = ticket.description.split(/\r?\n/).find((l) => l.trim()) ?? ticket.description;
  return shorten(firstLine, EXCERPT_LENGTH);
}

function subjectOf(kind: MessageContent['kind'], reference: string): string {
  switch (kind) {
    case 'created':
      return `Sak ${subjectTag(reference)} er registrert`;
    case 'update':
      return `Oppdatering i sak ${subjectTag(reference)}`;
    case 'resolved':
      return `Sak ${subjectTag(reference)} er løst`;
  }
}

/** The e-mail to the reporter: subject and plain-text body. */
export function renderEmail(ticket: MessageTicket, message: MessageContent): RenderedEmail {
  const reference = referenceOf(ticket);
  const text = message.text?.trim() ?? '';
  const lines: string[] = [`Hei ${ticket.reporterName.trim()},`, ''];
  if (message.kind === 'created') {
    lines.push(
      'Takk for henvendelsen. Vi har registrert saken din hos ROR-IKT Kundeservice.',
      '',
      `Referansenummer: ${reference}`,
      `Sak: ${ticketExcerpt(ticket)}`,
      '',
      'Vi behandler saken etter prioritet og gir deg beskjed når det skjer noe nytt.',
    );
  } else if (message.kind === 'update') {
    lines.push(`Det er en oppdatering i saken din ${reference} («${ticketExcerpt(ticket)}»):`, '', text);
  } else {
    lines.push(`Saken din ${reference} («${ticketExcerpt(ticket)}») er løst.`);
    if (text) lines.push('', 'Dette ble gjort:', text);
    lines.push('', 'Hvis feilen ikke er rettet, eller den kommer tilbake, gi oss beskjed.');
  }
  lines.push(
    '',
    `Svar på denne e-posten eller ring oss, og oppgi referansenummeret ${reference}, så finner vi saken.`,
    '',
    'Med vennlig hilsen',
    DESK_SIGNATURE,
  );
  return { subject: subjectOf(message.kind, reference), body: lines.join('\n') };
}

/** The SMS to the reporter: short, with the reference; at most SMS_MAX_LENGTH characters. */
export function renderSms(ticket: MessageTicket, message: MessageContent): string {
  const reference = referenceOf(ticket);
  const tail = ` Oppgi ${reference} ved kontakt. Hilsen ROR-IKT Servicedesk, tlf. 71 11 11 66`;
  const head =
    message.kind === 'created'
      ? `Saken din er registrert hos ROR-IKT med referanse ${reference}.`
      : message.kind === 'update'
        ? `Oppdatering i sak ${reference}:`
        : `Sak ${reference} er løst.`;
  const text = message.kind === 'created' ? '' : (message.text ?? '').trim();
  if (!text) return `${head}${tail}`;
  const room = SMS_MAX_LENGTH - head.length - tail.length - 1;
  return `${head} ${shorten(text, Math.max(room, 20))}${tail}`;
}
