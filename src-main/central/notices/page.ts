// The public page of operational notices (R14, issue 16 item 7): plain HTML
// in Norwegian bokmål that users check before they report a fault. No script
// and nothing from elsewhere; readable without CSS too. WCAG 2.1 AA: one h1,
// a section per state with its heading, each notice an article with its own
// heading; states in words (colour only repeats them), text at 4.5:1 or more;
// times in Oslo time with the instant in <time datetime>. Every text from the
// store is escaped. Links in the head point feed readers to the Atom and JSON.
import { createHash } from 'node:crypto';
import type { NoticeState } from '../../../src-shared/systems/notices';
import { RESOLVED_SHOWN_DAYS, type PublicNotice } from './read';
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

export const NOTICES_PAGE_PATH = '/notices';
export const NOTICES_ATOM_PATH = '/notices.atom';
export const NOTICES_JSON_PATH = '/notices.json';

const CSS = `
:root { color-scheme: light; }
body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; font-size: 1.0625rem; line-height: 1.5; color: #1a1a1a; background: #ffffff; }
header, main, footer { max-width: 52rem; margin: 0 auto; padding: 1rem 1.25rem; }
header { border-bottom: 1px solid #6b6b6b; }
.org { margin: 0; font-weight: 600; color: #3d3d3d; }
h1 { margin: 0.25rem 0 0.5rem; font-size: 2rem; }
h2 { margin: 2rem 0 0.75rem; font-size: 1.5rem; }
h3 { margin: 0 0 0.5rem; font-size: 1.25rem; }
h4 { margin: 1rem 0 0.25rem; font-size: 1rem; }
a { color: #0b4f8a; text-decoration: underline; }
a:focus-visible { outline: 3px solid #1a1a1a; outline-offset: 2px; }
.notice { border: 1px solid #6b6b6b; border-left-width: 0.5rem; border-radius: 0.25rem; padding: 1rem; margin: 0 0 1rem; }
.notice.ongoing { border-left-color: #8a1c1c; }
.notice.planned { border-left-color: #0b4f8a; }
.notice.resolved { border-left-color: #1e5e2e; }
.badge { display: inline-block; padding: 0.1rem 0.5rem; border-radius: 0.25rem; font-weight: 700; color: #ffffff; }
.badge.ongoing { background: #8a1c1c; }
.badge.planned { background: #0b4f8a; }
.badge.resolved { background: #1e5e2e; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 0.5rem 0; }
dt { font-weight: 600; }
dd { margin: 0; }
.updates { margin: 0; padding-left: 1.25rem; }
.updates li { margin: 0.25rem 0; }
.none { font-style: italic; }
footer { border-top: 1px solid #6b6b6b; color: #3d3d3d; }
`;

/** The page's style, allowed by its hash (the page has no other style and no script). */
export const NOTICES_PAGE_CSP = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(CSS).digest('base64')}'; img-src 'none'; base-uri 'none'; form-action 'none'`;

const time = (instant: string) =>
  `<time datetime="${escapeHtml(instant)}">${escapeHtml(osloTime(instant))}</time>`;

function article(n: PublicNotice): string {
  const id = `notice-${escapeHtml(n.id)}`;
  const state = STATE_WORDS[n.state];
  const updates = n.updates
    .map(
      (u) =>
        `<li>${time(u.at)}: <strong>${escapeHtml(STATE_WORDS[u.state])}</strong>. ${escapeHtml(u.text).replace(/\n/g, '<br>')}</li>`,
    )
    .join('\n');
  return `<article class="notice ${n.state}" id="${id}" aria-labelledby="${id}-title">
<h3 id="${id}-title">${escapeHtml(n.title)}</h3>
<dl>
<dt>Status</dt><dd><span class="badge ${n.state}">${escapeHtml(state)}</span></dd>
<dt>Berørte systemer</dt><dd>${escapeHtml(systemsText(n))}</dd>
<dt>Berørte kunder</dt><dd>${escapeHtml(customersText(n))}</dd>
<dt>Start</dt><dd>${time(n.startsAt)}</dd>
<dt>${endLabel(n)}</dt><dd>${n.endsAt ? time(n.endsAt) : 'Ikke kjent ennå'}</dd>
</dl>
${paragraphs(n.body)}
<h4>Oppdateringer</h4>
<ol class="updates">
${updates}
</ol>
</article>`;
}

const SECTIONS: Array<{ state: NoticeState; heading: string; none: string }> = [
  { state: 'ongoing', heading: 'Pågår nå', none: 'Ingen kjente driftsforstyrrelser nå.' },
  { state: 'planned', heading: 'Planlagt', none: 'Ikke noe planlagt vedlikehold er varslet.' },
  {
    state: 'resolved',
    heading: `Løst siste ${RESOLVED_SHOWN_DAYS} dager`,
    none: `Ingen meldinger er løst de siste ${RESOLVED_SHOWN_DAYS} dagene.`,
  },
];

export function noticesPage(notices: readonly PublicNotice[]): string {
  const sections = SECTIONS.map((s) => {
    const mine = notices.filter((n) => n.state === s.state);
    const body = mine.length > 0 ? mine.map(article).join('\n') : `<p class="none">${s.none}</p>`;
    return `<section aria-labelledby="section-${s.state}">
<h2 id="section-${s.state}">${escapeHtml(s.heading)}</h2>
${body}
</section>`;
  }).join('\n');
  const latest = notices
    .map((n) => n.updatedAt)
    .sort()
    .at(-1);
  return `<!doctype html>
<html lang="nb">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${TITLE} – ${ORGANISATION}</title>
<link rel="alternate" type="application/atom+xml" title="${TITLE} fra ${ORGANISATION} (Atom)" href="${NOTICES_ATOM_PATH}">
<link rel="alternate" type="application/json" title="${TITLE} fra ${ORGANISATION} (JSON)" href="${NOTICES_JSON_PATH}">
<style>${CSS}</style>
</head>
<body>
<header>
<p class="org">${ORGANISATION} Kundeservice</p>
<h1>${TITLE}</h1>
<p>Planlagt vedlikehold og driftsforstyrrelser i fagsystemene vi drifter for kommunene. Se her før du melder en feil: står feilen her, vet vi om den.</p>
</header>
<main>
${sections}
</main>
<footer>
<p>Følg meldingene med en feedleser: <a href="${NOTICES_ATOM_PATH}">Atom-feed</a>, eller som <a href="${NOTICES_JSON_PATH}">JSON</a>.${latest ? ` Sist oppdatert ${time(latest)}.` : ''}</p>
</footer>
</body>
</html>
`;
}
