// The public notices' words (Norwegian bokmål) and their safe text: states in
// words, instants in Oslo time, and escaping for HTML and XML, which the page
// and the Atom feed share.
import { SERVICE_TIME_ZONE } from '../../../src-shared/serviceTimeZone';
import type { NoticeState } from '../../../src-shared/systems/notices';
import type { PublicNotice } from './read';

export const TITLE = 'Driftsmeldinger';
export const ORGANISATION = 'ROR-IKT';

export const STATE_WORDS: Record<NoticeState, string> = {
  planned: 'Planlagt',
  ongoing: 'Pågår',
  resolved: 'Løst',
};

const OSLO = new Intl.DateTimeFormat('nb-NO', {
  timeZone: SERVICE_TIME_ZONE,
  dateStyle: 'full',
  timeStyle: 'short',
});

/** "fredag 27. november 2026 kl. 08:40", in Oslo time whatever the server's zone. */
export function osloTime(instant: string): string {
  return OSLO.format(new Date(instant));
}

/** Text safe in HTML and XML, in content and in quoted attributes. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** The systems line: by name, or who the notice is about when it names none. */
export function systemsText(n: PublicNotice): string {
  return n.systems.length > 0 ? n.systems.map((s) => s.name).join(', ') : 'Alle systemer hos kundene nevnt';
}

export function customersText(n: PublicNotice): string {
  return n.customers.length > 0
    ? n.customers.map((c) => c.name).join(', ')
    : 'Alle kunder som bruker systemene';
}

/** The end's label: expected while not resolved. */
export function endLabel(n: PublicNotice): string {
  return n.state === 'resolved' ? 'Slutt' : 'Forventet slutt';
}

/** Paragraphs of a text as HTML (escaped), line breaks kept. */
export function paragraphs(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('');
}
