// The web intake's pages (issue 17, items 6–8) as server-rendered HTML: no
// script, nothing inline (the stylesheet is a file), readable without CSS.
// WCAG 2.1 AA by construction: lang on <html> (and on the other language's
// link), a skip link, one h1, labels on every control, hints and errors tied
// to their control (aria-describedby, aria-invalid), an error summary first
// (focused on load, linking to each field), the priorities as a radio group
// with a legend, the files kept from a failed try as ticked checkboxes in a
// fieldset with a legend, times in <time datetime>. Every text from a request or the
// store is escaped here. Deliberately not here: routing, cookies and
// validation (http.ts), the words themselves (words.ts).
import { MAX_ATTACHMENTS } from '../../../src-shared/intake/schemas';
import { PRIORITIES } from '../../../src-shared/sla/settings';
import type { ReporterTicketView } from '../../intake';
import { escapeHtml as esc } from '../notices/words';
import type { PublicNotice } from '../notices/read';
import { CSRF_FIELD } from './csrf';
import { DRAFT_FIELD, keepField, type Draft } from './drafts';
import { fileSize, longTime, megabytes, shortTime, WORDS, type Lang, type Words } from './words';

export const BASE = '/kundeservice';
export const STYLE_PATH = `${BASE}/stil.css`;

export interface PageFrame {
  lang: Lang;
  /** The same page in the other language (query kept). */
  otherLangHref: string;
  signedIn: boolean;
  csrf: string;
}

export type FieldErrors = Partial<Record<string, string>>;
export type FormValues = Partial<Record<string, string>>;

const time = (lang: Lang, instant: string, short = false) =>
  `<time datetime="${esc(instant)}">${esc(short ? shortTime(lang, instant) : longTime(lang, instant))}</time>`;

const csrfInput = (f: PageFrame) => `<input type="hidden" name="${CSRF_FIELD}" value="${esc(f.csrf)}">`;

export function layout(
  f: PageFrame,
  title: string,
  body: string,
  opts: { hasErrors?: boolean } = {},
): string {
  const w = WORDS[f.lang];
  const other = f.lang === 'nb' ? 'en' : 'nb';
  const nav = [
    `<li><a href="${BASE}/">${esc(w.form.heading)}</a></li>`,
    f.signedIn
      ? `<li><a href="${BASE}/saker">${esc(w.tickets.title)}</a></li>`
      : `<li><a href="${BASE}/folg">${esc(w.follow.title)}</a></li>`,
    `<li><a href="${esc(f.otherLangHref)}" lang="${other}" hreflang="${other}">${esc(w.otherLang)}</a></li>`,
  ].join('');
  return `<!doctype html>
<html lang="${f.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
<title>${opts.hasErrors ? `${f.lang === 'nb' ? 'Feil' : 'Error'}: ` : ''}${esc(title)} – ${esc(w.org)}</title>
<link rel="stylesheet" href="${STYLE_PATH}">
</head>
<body>
<a class="skip" href="#innhold">${esc(w.skip)}</a>
<header class="site"><div class="wrap">
<a class="brand" href="${BASE}/">${esc(w.org)}</a>
<nav aria-label="${f.lang === 'nb' ? 'Hovedmeny' : 'Main menu'}"><ul>${nav}</ul></nav>
</div></header>
<main id="innhold" class="wrap" tabindex="-1">
${body}
</main>
<footer class="site"><div class="wrap">
<p>${
    f.lang === 'nb'
      ? 'Servicedesken: telefon 71 11 11 66, hverdager 08:00–15:30. Nettskjemaet er åpent hele døgnet.'
      : 'The service desk: phone +47 71 11 11 66, weekdays 08:00–15:30. The web form is open around the clock.'
  } <a href="/notices">${esc(w.notices.all)}</a></p>
</div></footer>
</body>
</html>
`;
}

/** A page with a heading, a few paragraphs and a way on. */
export function messagePage(
  f: PageFrame,
  title: string,
  paragraphs: string[],
  links: Array<[string, string]> = [],
): string {
  const body = `<h1>${esc(title)}</h1>
${paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')}
${links.length ? `<ul>${links.map(([href, text]) => `<li><a href="${esc(href)}">${esc(text)}</a></li>`).join('')}</ul>` : ''}`;
  return layout(f, title, body);
}

function errorSummary(w: Words, errors: FieldErrors, idOf: (field: string) => string): string {
  const entries = Object.entries(errors).filter((e): e is [string, string] => !!e[1]);
  if (entries.length === 0) return '';
  return `<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" autofocus>
<h2 id="error-summary-title">${esc(w.errors.summary)}</h2>
<p>${esc(w.errors.summaryIntro)}</p>
<ul>${entries.map(([field, text]) => `<li><a href="#${idOf(field)}">${esc(text)}</a></li>`).join('')}</ul>
</div>`;
}

interface FieldSpec {
  name: string;
  label: string;
  required: boolean;
  hint?: string;
  type?: 'text' | 'email' | 'tel';
  autocomplete?: string;
  multiline?: boolean;
  maxLength?: number;
  list?: string;
}

const fieldId = (name: string) => `f-${name}`;

function field(w: Words, spec: FieldSpec, values: FormValues, errors: FieldErrors): string {
  const id = fieldId(spec.name);
  const error = errors[spec.name];
  const described = [spec.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  const attrs = [
    `id="${id}"`,
    `name="${spec.name}"`,
    spec.required ? 'required' : '',
    spec.autocomplete ? `autocomplete="${spec.autocomplete}"` : '',
    spec.maxLength ? `maxlength="${spec.maxLength}"` : '',
    spec.list ? `list="${spec.list}"` : '',
    described ? `aria-describedby="${described}"` : '',
    error ? 'aria-invalid="true"' : '',
  ]
    .filter(Boolean)
    .join(' ');
  const value = values[spec.name] ?? '';
  const control = spec.multiline
    ? `<textarea ${attrs} rows="8">${esc(value)}</textarea>`
    : `<input type="${spec.type ?? 'text'}" ${attrs} value="${esc(value)}">`;
  return `<div class="field${error ? ' has-error' : ''}">
<label for="${id}">${esc(spec.label)} <span class="${spec.required ? 'req' : 'opt'}">${esc(spec.required ? w.form.required : w.form.optional)}</span></label>
${spec.hint ? `<p class="hint" id="${id}-hint">${esc(spec.hint)}</p>` : ''}
${error ? `<p class="error" id="${id}-error"><span class="visually-hidden">${esc(w.errors.summary)}: </span>${esc(error)}</p>` : ''}
${control}
</div>`;
}

function fileField(w: Words, name: string, label: string, hint: string, errors: FieldErrors): string {
  const id = fieldId(name);
  const error = errors[name];
  const described = [`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return `<div class="field${error ? ' has-error' : ''}">
<label for="${id}">${esc(label)} <span class="opt">${esc(w.form.optional)}</span></label>
<p class="hint" id="${id}-hint">${esc(hint)}</p>
${error ? `<p class="error" id="${id}-error"><span class="visually-hidden">${esc(w.errors.summary)}: </span>${esc(error)}</p>` : ''}
<input type="file" id="${id}" name="${name}" multiple aria-describedby="${described}"${error ? ' aria-invalid="true"' : ''}>
</div>`;
}

/**
 * The files kept from a form that failed (drafts.ts): a group of checkboxes, each ticked, and the
 * draft's token. Empty without a draft.
 */
function keptFilesField(w: Words, lang: Lang, draft: Draft | null | undefined): string {
  if (!draft || draft.files.length === 0) return '';
  const id = fieldId('kept');
  const boxes = draft.files.map((file, i) => {
    const box = fieldId(keepField(i));
    return `<div class="checkbox"><input type="checkbox" id="${box}" name="${keepField(i)}" value="1" checked>
<label for="${box}">${esc(file.filename)} (${esc(fileSize(lang, file.size))})</label></div>`;
  });
  return `<fieldset class="field" aria-describedby="${id}-hint">
<legend>${esc(w.form.keptFiles)}</legend>
<p class="hint" id="${id}-hint">${esc(w.form.keptFilesHint)}</p>
<input type="hidden" name="${DRAFT_FIELD}" value="${esc(draft.token)}">
${boxes.join('\n')}
</fieldset>`;
}

function noticesSection(f: PageFrame, notices: readonly PublicNotice[]): string {
  const w = WORDS[f.lang];
  const current = notices.filter((n) => n.state !== 'resolved');
  const items = current
    .map((n) => {
      const id = `notice-${esc(n.id)}`;
      const state = n.state === 'planned' ? 'planned' : 'ongoing';
      const systems = n.systems.length ? n.systems.map((s) => s.name).join(', ') : w.notices.allSystems;
      const customers = n.customers.length ? ` (${n.customers.map((c) => c.name).join(', ')})` : '';
      const body = n.body.length > 280 ? `${n.body.slice(0, 279)}…` : n.body;
      return `<article class="notice ${state}" aria-labelledby="${id}">
<h3 id="${id}">${esc(n.title)}</h3>
<p><span class="badge ${state}">${esc(w.notices[state])}</span> ${esc(w.notices.systems)}: ${esc(systems + customers)}</p>
<p>${esc(w.notices.from)} ${time(f.lang, n.startsAt, true)}. ${esc(w.notices.until)}: ${n.endsAt ? time(f.lang, n.endsAt, true) : esc(w.notices.unknownEnd)}.</p>
${body.trim() ? `<p class="text">${esc(body)}</p>` : ''}
</article>`;
    })
    .join('\n');
  return `<section aria-labelledby="notices-title">
<h2 id="notices-title">${esc(w.notices.heading)}</h2>
<p>${esc(w.notices.intro)}</p>
${items || `<p class="muted">${esc(w.notices.none)}</p>`}
<p><a href="/notices">${esc(w.notices.all)}</a></p>
</section>`;
}

export interface TicketFormData {
  customers: Array<{ id: string; name: string }>;
  workplaces: string[];
  maxMessageBytes: number;
}

/** The front page: current notices first (R14), then the form (R5) with R4 in plain words. */
export function homePage(
  f: PageFrame,
  notices: readonly PublicNotice[],
  data: TicketFormData,
  values: FormValues = {},
  errors: FieldErrors = {},
  draft: Draft | null = null,
): string {
  const w = WORDS[f.lang];
  const hasErrors = Object.values(errors).some(Boolean);
  const order = [
    'reporterName',
    'reporterPhone',
    'reporterEmail',
    'customerId',
    'workplace',
    'system',
    'title',
    'description',
    'priority',
    'attachments',
  ];
  const sorted: FieldErrors = {};
  for (const k of order) if (errors[k]) sorted[k] = errors[k];
  for (const [k, v] of Object.entries(errors)) if (v && !(k in sorted)) sorted[k] = v;
  const idOf = (name: string) =>
    name === 'priority' ? `${fieldId('priority')}-${PRIORITIES[0]}` : fieldId(name);

  const customerError = errors.customerId;
  const customerDescribed = customerError
    ? ` aria-describedby="${fieldId('customerId')}-error" aria-invalid="true"`
    : '';
  const customer = `<div class="field${customerError ? ' has-error' : ''}">
<label for="${fieldId('customerId')}">${esc(w.form.customerId)} <span class="req">${esc(w.form.required)}</span></label>
${customerError ? `<p class="error" id="${fieldId('customerId')}-error"><span class="visually-hidden">${esc(w.errors.summary)}: </span>${esc(customerError)}</p>` : ''}
<select id="${fieldId('customerId')}" name="customerId" required${customerDescribed}>
<option value="">${esc(w.form.chooseCustomer)}</option>
${data.customers.map((c) => `<option value="${esc(c.id)}"${values.customerId === c.id ? ' selected' : ''}>${esc(c.name)}</option>`).join('\n')}
</select>
</div>`;

  const priorityError = errors.priority;
  const priority = `<fieldset class="field${priorityError ? ' has-error' : ''}" aria-describedby="${fieldId('priority')}-hint${priorityError ? ` ${fieldId('priority')}-error` : ''}">
<legend>${esc(w.form.priority)} <span class="req">${esc(w.form.required)}</span></legend>
<p class="hint" id="${fieldId('priority')}-hint">${esc(w.form.priorityHint)}</p>
${priorityError ? `<p class="error" id="${fieldId('priority')}-error"><span class="visually-hidden">${esc(w.errors.summary)}: </span>${esc(priorityError)}</p>` : ''}
${PRIORITIES.map((p) => {
  const id = `${fieldId('priority')}-${p}`;
  return `<div class="radio"><input type="radio" id="${id}" name="priority" value="${p}" aria-describedby="${id}-text"${values.priority === p ? ' checked' : ''}${priorityError ? ' aria-invalid="true"' : ''}>
<label for="${id}">${esc(w.priorities[p].name)}</label>
<p id="${id}-text">${esc(w.priorities[p].text)}</p></div>`;
}).join('\n')}
</fieldset>`;

  const form = `<section aria-labelledby="form-title">
<h2 id="form-title">${esc(w.form.heading)}</h2>
<p>${esc(w.form.intro)}</p>
<form method="post" action="${BASE}/sak" enctype="multipart/form-data" novalidate>
${csrfInput(f)}
${field(w, { name: 'reporterName', label: w.form.reporterName, required: true, autocomplete: 'name', maxLength: 120 }, values, errors)}
${field(w, { name: 'reporterPhone', label: w.form.reporterPhone, required: true, type: 'tel', autocomplete: 'tel', hint: w.form.reporterPhoneHint, maxLength: 40 }, values, errors)}
${field(w, { name: 'reporterEmail', label: w.form.reporterEmail, required: true, type: 'email', autocomplete: 'email', hint: w.form.reporterEmailHint, maxLength: 200 }, values, errors)}
${customer}
${field(w, { name: 'workplace', label: w.form.workplace, required: true, hint: w.form.workplaceHint, autocomplete: 'organization', maxLength: 160, list: 'workplaces' }, values, errors)}
<datalist id="workplaces">${data.workplaces.map((n) => `<option value="${esc(n)}"></option>`).join('')}</datalist>
${field(w, { name: 'system', label: w.form.system, required: false, maxLength: 120 }, values, errors)}
${field(w, { name: 'title', label: w.form.title, required: false, maxLength: 160 }, values, errors)}
${field(w, { name: 'description', label: w.form.description, required: true, hint: w.form.descriptionHint, multiline: true, maxLength: 8000 }, values, errors)}
${priority}
${keptFilesField(w, f.lang, draft)}
${fileField(w, 'attachments', w.form.attachments, w.form.attachmentsHint(megabytes(f.lang, data.maxMessageBytes), MAX_ATTACHMENTS), errors)}
<button type="submit">${esc(w.form.submit)}</button>
</form>
</section>`;
  const body = `<h1>${esc(w.siteName)}</h1>
${errorSummary(w, sorted, idOf)}
${noticesSection(f, notices)}
${form}`;
  return layout(f, w.form.heading, body, { hasErrors });
}

/** The receipt (R6): the reference at once, where the e-mail went, when it will be handled (R2). */
export function receiptPage(
  f: PageFrame,
  r: { reference: string; email: string; handledFrom: number | null },
): string {
  const w = WORDS[f.lang];
  const body = `<div class="panel" role="status">
<h1>${esc(w.receipt.title)}</h1>
<p>${esc(w.receipt.reference)}:</p>
<p class="reference" data-testid="reference">${esc(r.reference)}</p>
<p>${esc(w.receipt.keep)} <strong>${esc(r.email)}</strong>.</p>
</div>
<p>${r.handledFrom !== null ? esc(w.receipt.closedNow(longTime(f.lang, r.handledFrom))) : esc(w.receipt.openNow)}</p>
<h2>${esc(w.receipt.follow)}</h2>
<p>${esc(w.receipt.followText)} <a href="${BASE}/folg">${esc(w.receipt.follow)}</a></p>
<p><a href="${BASE}/">${esc(w.receipt.another)}</a></p>`;
  return layout(f, w.receipt.title, body);
}

/** "Følg saken": the address form (R7). */
export function followPage(
  f: PageFrame,
  values: FormValues = {},
  errors: FieldErrors = {},
  mailWorks = true,
): string {
  const w = WORDS[f.lang];
  const body = `<h1>${esc(w.follow.title)}</h1>
${errorSummary(w, errors, fieldId)}
${mailWorks ? '' : `<p class="status-box">${esc(w.follow.noMail)}</p>`}
<p>${esc(w.follow.intro)}</p>
<form method="post" action="${BASE}/folg" novalidate>
${csrfInput(f)}
${field(w, { name: 'email', label: w.form.reporterEmail, required: true, type: 'email', autocomplete: 'email', maxLength: 200 }, values, errors)}
<button type="submit">${esc(w.follow.submit)}</button>
</form>`;
  return layout(f, w.follow.title, body, { hasErrors: Object.values(errors).some(Boolean) });
}

/** The same answer for every address (no enumeration), or the honest "we cannot send e-mail". */
export function followSentPage(f: PageFrame, mailWorks: boolean): string {
  const w = WORDS[f.lang];
  return mailWorks
    ? messagePage(f, w.follow.sentTitle, [w.follow.sent, w.follow.spam], [[`${BASE}/`, w.problems.home]])
    : messagePage(f, w.follow.title, [w.follow.noMail], [[`${BASE}/`, w.problems.home]]);
}

/** The link's landing page: a button, so a mail scanner's GET never uses the link up. */
export function signInPage(f: PageFrame, token: string | null): string {
  const w = WORDS[f.lang];
  if (token === null)
    return messagePage(f, w.signIn.invalidTitle, [w.signIn.invalid], [[`${BASE}/folg`, w.signIn.newLink]]);
  const body = `<h1>${esc(w.signIn.title)}</h1>
<p>${esc(w.signIn.intro)}</p>
<form method="post" action="${BASE}/logg-inn">
${csrfInput(f)}
<input type="hidden" name="t" value="${esc(token)}">
<button type="submit">${esc(w.signIn.button)}</button>
</form>`;
  return layout(f, w.signIn.title, body);
}

function logoutForm(f: PageFrame): string {
  const w = WORDS[f.lang];
  return `<form class="inline-form" method="post" action="${BASE}/logg-ut">${csrfInput(f)}<button type="submit" class="secondary">${esc(w.tickets.logout)}</button></form>`;
}

export function ticketsPage(
  f: PageFrame,
  email: string,
  tickets: ReadonlyArray<{
    id: string;
    reference: string | null;
    title: string;
    status: string;
    createdAt: string;
    updatedAt: string;
  }>,
): string {
  const w = WORDS[f.lang];
  const items = tickets
    .map(
      (t) => `<li>
<h2 class="card-title"><a href="${BASE}/saker/${esc(t.id)}">${esc(t.reference ?? '–')}: ${esc(t.title)}</a></h2>
<p>${esc(w.tickets.status)}: <strong>${esc(statusWords(w, t.status))}</strong></p>
<p class="muted">${esc(w.tickets.filed)} ${time(f.lang, t.createdAt, true)} · ${esc(w.tickets.updated)} ${time(f.lang, t.updatedAt, true)}</p>
</li>`,
    )
    .join('\n');
  const body = `<h1>${esc(w.tickets.title)}</h1>
<p>${esc(w.tickets.signedInAs)} <strong>${esc(email)}</strong>. ${logoutForm(f)}</p>
${tickets.length ? `<ul class="cards" aria-label="${esc(w.tickets.title)}">${items}</ul>` : `<p>${esc(w.tickets.none)}</p>`}`;
  return layout(f, w.tickets.title, body);
}

const statusWords = (w: Words, status: string) => (w.statuses as Record<string, string>)[status] ?? status;

export function ticketPage(
  f: PageFrame,
  view: ReporterTicketView,
  opts: {
    values?: FormValues;
    errors?: FieldErrors;
    sent?: boolean;
    maxMessageBytes: number;
    /** The files kept from the answer that failed. */
    draft?: Draft | null;
  },
): string {
  const w = WORDS[f.lang];
  const t = view.ticket;
  const errors = opts.errors ?? {};
  const fileLink = (a: { id: string; filename: string; size: number }) =>
    `<a href="${BASE}/saker/${esc(t.id)}/vedlegg/${esc(a.id)}" download>${esc(a.filename)}</a> (${esc(fileSize(f.lang, a.size))})`;
  const files = (list: ReadonlyArray<{ id: string; filename: string; size: number }> | undefined) =>
    list && list.length
      ? `<ul class="files" aria-label="${esc(w.tickets.files)}">${list.map((a) => `<li>${fileLink(a)}</li>`).join('')}</ul>`
      : '';
  const lines = view.lines
    .map((l) => {
      const when = `<span class="when">${time(f.lang, l.at, true)}</span>`;
      switch (l.kind) {
        case 'filed':
          return `<li>${when}${esc(w.tickets.lineFiled(w.tickets.channels[l.channel ?? ''] ?? l.channel ?? ''))}${files(l.attachments)}</li>`;
        case 'status':
          return `<li>${when}${esc(w.tickets.lineStatus(statusWords(w, l.status ?? '')))}${l.text ? `<p class="text">${esc(l.text)}</p>` : ''}</li>`;
        case 'fromDesk':
          return `<li class="from-desk">${when}<strong>${esc(w.tickets.fromDesk)}</strong><p class="text">${esc(l.text ?? '')}</p></li>`;
        case 'fromReporter':
          return `<li class="from-reporter">${when}<strong>${esc(w.tickets.fromYou)}</strong><p class="text">${esc(l.text ?? '')}</p>${files(l.attachments)}</li>`;
      }
      return '';
    })
    .join('\n');
  const closed = t.status === 'closed';
  const answer = closed
    ? `<p class="status-box">${esc(w.tickets.closed)}</p>`
    : `<h2 id="answer-title">${esc(w.tickets.answer)}</h2>
${errorSummary(w, errors, fieldId)}
${opts.sent ? `<p class="status-box" role="status">${esc(w.tickets.sent)}</p>` : ''}
<form method="post" action="${BASE}/saker/${esc(t.id)}" enctype="multipart/form-data" aria-labelledby="answer-title" novalidate>
${csrfInput(f)}
${field(w, { name: 'text', label: w.tickets.answerText, required: true, multiline: true, maxLength: 50_000 }, opts.values ?? {}, errors)}
${keptFilesField(w, f.lang, opts.draft)}
${fileField(w, 'attachments', w.tickets.answerFiles, w.form.attachmentsHint(megabytes(f.lang, opts.maxMessageBytes), MAX_ATTACHMENTS), errors)}
<button type="submit">${esc(w.tickets.send)}</button>
</form>`;
  const title = `${t.reference ?? ''} ${t.title}`.trim();
  const body = `<p><a href="${BASE}/saker">${esc(w.tickets.back)}</a></p>
<h1>${esc(title)}</h1>
<dl class="facts">
<dt>${esc(w.tickets.status)}</dt><dd data-testid="status">${esc(statusWords(w, t.status))}</dd>
<dt>${esc(w.tickets.filed)}</dt><dd>${time(f.lang, t.createdAt)}</dd>
<dt>${esc(w.tickets.updated)}</dt><dd>${time(f.lang, t.updatedAt)}</dd>
</dl>
<h2>${esc(w.tickets.description)}</h2>
<p class="text">${esc(t.description)}</p>
<h2>${esc(w.tickets.history)}</h2>
<ol class="history">
${lines}
</ol>
${answer}`;
  return layout(f, title, body, { hasErrors: Object.values(errors).some(Boolean) });
}
