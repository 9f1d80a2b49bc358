// The public notices as feeds (R14, issue 16 item 7): Atom for feed readers
// and the municipalities' intranets, and JSON for their own tools. The Atom is
// written by the `feed` package (it builds the XML and escapes text); entries'
// ids are urn:uuid: of the notice, which never changes, and `updated` is the
// notice's latest update, so a reader shows a notice once and again when it
// changes. Titles and contents are type="html": their HTML is built here from
// escaped text, so a "<script>" in a title reaches a reader as text.
import { Feed } from 'feed';
import type { PublicNotice } from './read';
import { NOTICES_ATOM_PATH, NOTICES_JSON_PATH, NOTICES_PAGE_PATH } from './page';
import {
  customersText,
  endLabel,
  escapeHtml,
  ORGANISATION,
  osloTime,
  paragraphs,
  STATE_WORDS,
  systemsText,
  TITLE,
} from './words';

/** The feed's own id: a tag: URI under ROR-IKT's domain, the same wherever the central store runs. */
export const FEED_ID = 'tag:ror-ikt.no,2026:driftsmeldinger';

const entryId = (n: PublicNotice) => `urn:uuid:${n.id}`;
const pageLink = (base: string, n?: PublicNotice) =>
  `${base}${NOTICES_PAGE_PATH}${n ? `#notice-${n.id}` : ''}`;

/** The entry's content: the facts the page shows, as escaped HTML. */
function entryHtml(n: PublicNotice): string {
  const when = (i: string | null) => (i ? escapeHtml(osloTime(i)) : 'Ikke kjent ennå');
  const updates = n.updates
    .map((u) => `<li>${when(u.at)}: <strong>${STATE_WORDS[u.state]}</strong>. ${escapeHtml(u.text)}</li>`)
    .join('');
  return [
    `<p><strong>Status:</strong> ${STATE_WORDS[n.state]}</p>`,
    `<p><strong>Berørte systemer:</strong> ${escapeHtml(systemsText(n))}</p>`,
    `<p><strong>Berørte kunder:</strong> ${escapeHtml(customersText(n))}</p>`,
    `<p><strong>Start:</strong> ${when(n.startsAt)}<br><strong>${endLabel(n)}:</strong> ${when(n.endsAt)}</p>`,
    paragraphs(n.body),
    `<p><strong>Oppdateringer:</strong></p><ol>${updates}</ol>`,
  ].join('');
}

export function noticesAtom(notices: readonly PublicNotice[], base: string): string {
  const latest = notices
    .map((n) => n.updatedAt)
    .sort()
    .at(-1);
  const feed = new Feed({
    id: FEED_ID,
    title: `${TITLE} fra ${ORGANISATION}`,
    description: 'Planlagt vedlikehold og driftsforstyrrelser i fagsystemene ROR-IKT drifter for kommunene.',
    link: pageLink(base),
    feedLinks: { atom: `${base}${NOTICES_ATOM_PATH}` },
    language: 'nb',
    // The organisation, never a person (R27).
    author: { name: ORGANISATION },
    // No notice yet: a fixed instant, so the feed's text (and its ETag) stays the same.
    updated: new Date(latest ?? 0),
    generator: false,
  });
  for (const n of notices) {
    feed.addItem({
      id: entryId(n),
      title: escapeHtml(`${STATE_WORDS[n.state]}: ${n.title}`),
      link: pageLink(base, n),
      date: new Date(n.updatedAt),
      published: new Date(n.publishedAt),
      description: escapeHtml(n.body),
      content: entryHtml(n),
      category: [{ term: n.state, name: STATE_WORDS[n.state] }],
    });
  }
  return feed.atom1();
}

/** The JSON for tools: the same facts, instants as ISO-8601 UTC, with the words the page uses. */
export function noticesJson(notices: readonly PublicNotice[], base: string): string {
  return JSON.stringify({
    title: `${TITLE} fra ${ORGANISATION}`,
    page: pageLink(base),
    atom: `${base}${NOTICES_ATOM_PATH}`,
    self: `${base}${NOTICES_JSON_PATH}`,
    updated:
      notices
        .map((n) => n.updatedAt)
        .sort()
        .at(-1) ?? null,
    notices: notices.map((n) => ({
      id: n.id,
      url: pageLink(base, n),
      title: n.title,
      body: n.body,
      state: n.state,
      stateText: STATE_WORDS[n.state],
      startsAt: n.startsAt,
      endsAt: n.endsAt,
      publishedAt: n.publishedAt,
      updatedAt: n.updatedAt,
      systems: n.systems,
      customers: n.customers,
      updates: n.updates.map((u) => ({ ...u, stateText: STATE_WORDS[u.state] })),
    })),
  });
}
