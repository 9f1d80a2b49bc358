// Test support for the web intake: a small "browser" over real fetch that
// keeps cookies, sends Origin as a browser does on a form POST, reads the
// CSRF token from the page it got, and posts forms urlencoded or multipart.
// Also: the central store with a controllable intake clock (Friday 22:00
// Oslo time last week unless told otherwise) and a test SMTP server.
import { DateTime } from 'luxon';
import type { CentralOptions } from '../../../../../src-main/central/server';
import { startTestCentral, type Engine, type TestCentral } from '../../../../support/central';
import { startTestSmtp, type TestSmtp } from '../../../../support/smtpServer';

export const MOLDE = '01a21bf8-0000-7000-8000-000001000000';

/** The last Friday 22:00 in Oslo before now (at most a week ago, so the ticket's instant is accepted). */
export function lastFridayEvening(): Date {
  let d = DateTime.now().setZone('Europe/Oslo').set({ hour: 22, minute: 0, second: 0, millisecond: 0 });
  while (d.weekday !== 5 || d.toMillis() > Date.now()) d = d.minus({ days: 1 });
  return d.toJSDate();
}

export interface IntakeCentral {
  central: TestCentral;
  smtp: TestSmtp | null;
  /** The intake's clock; move it with `advance`. */
  now(): Date;
  advance(ms: number): void;
  url(path: string): string;
}

export async function startIntakeCentral(
  engine: Engine,
  opts: { smtp?: boolean; intake?: CentralOptions['intake']; start?: Date } = {},
  cleanup: Array<() => Promise<void>>,
): Promise<IntakeCentral> {
  const smtp = opts.smtp === false ? null : await startTestSmtp();
  if (smtp) cleanup.push(() => smtp.close());
  let nowMs = (opts.start ?? lastFridayEvening()).getTime();
  const central = await startTestCentral(engine, undefined, {
    probes: false,
    ...(smtp
      ? { smtp: { url: smtp.url, from: 'ROR-IKT Servicedesk <servicedesk@ror-ikt.no>', pollMs: 200 } }
      : {}),
    intake: { ...opts.intake, clock: () => new Date(nowMs) },
  });
  cleanup.push(
    () => central.dispose(),
    () => central.stop(),
  );
  return {
    central,
    smtp,
    now: () => new Date(nowMs),
    advance: (ms) => void (nowMs += ms),
    url: (path) => `${central.url}${path}`,
  };
}

export interface Page {
  status: number;
  html: string;
  headers: Headers;
  location: string | null;
}

export class Browser {
  readonly cookies = new Map<string, string>();
  constructor(
    readonly base: string,
    /** What the browser sends as Origin on a POST (null: none). */
    public origin: string | null = base,
  ) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keep(res: Response): void {
    for (const c of res.headers.getSetCookie()) {
      const [pair = ''] = c.split(';');
      const i = pair.indexOf('=');
      const name = pair.slice(0, i).trim();
      const value = pair.slice(i + 1).trim();
      if (/Max-Age=0/i.test(c) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  private async page(res: Response): Promise<Page> {
    this.keep(res);
    return {
      status: res.status,
      html: await res.text(),
      headers: res.headers,
      location: res.headers.get('location'),
    };
  }

  async get(path: string, headers: Record<string, string> = {}): Promise<Page> {
    const res = await fetch(`${this.base}${path}`, {
      redirect: 'manual',
      headers: { cookie: this.cookieHeader(), ...headers },
    });
    return this.page(res);
  }

  /** Posts a form; `files` makes it multipart (as the ticket and answer forms are). */
  async post(
    path: string,
    fields: Record<string, string>,
    files: Array<{ name: string; type: string; bytes: Buffer }> | null = null,
    headers: Record<string, string> = {},
  ): Promise<Page> {
    let body: FormData | URLSearchParams;
    if (files) {
      const form = new FormData();
      for (const [k, v] of Object.entries(fields)) form.append(k, v);
      for (const f of files)
        form.append('attachments', new Blob([new Uint8Array(f.bytes)], { type: f.type }), f.name);
      body = form;
    } else body = new URLSearchParams(fields);
    const res = await fetch(`${this.base}${path}`, {
      method: 'POST',
      redirect: 'manual',
      body,
      headers: { cookie: this.cookieHeader(), ...(this.origin ? { origin: this.origin } : {}), ...headers },
    });
    return this.page(res);
  }

  /** The CSRF token this browser holds (from its cookie, as the page's hidden field repeats it). */
  csrf(): string {
    const token = this.cookies.get('ks_csrf');
    if (!token) throw new Error('No CSRF cookie yet: GET a page first');
    return token;
  }
}

/** A complete, valid ticket form. */
export function ticketForm(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    reporterName: 'Per Pleier',
    reporterPhone: '912 34 567',
    reporterEmail: 'per.pleier@molde.kommune.no',
    customerId: MOLDE,
    workplace: 'Molde legevakt',
    system: 'Gerica',
    title: 'Gerica henger',
    description: 'Gerica henger når jeg åpner pasientlisten, siden kl. 21.',
    priority: 'high',
    ...overrides,
  };
}

/** The hidden CSRF field's value in a page. */
export const csrfIn = (html: string): string | null => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? null;

/** The draft token a page carries for the files it kept, if any. */
export const draftIn = (html: string): string | null =>
  /name="draft" value="([^"]+)"/.exec(html)?.[1] ?? null;

/** The kept files a page lists ("name (size)"), in order. */
export const keptIn = (html: string): string[] =>
  [...html.matchAll(/<label for="f-keep-\d+">([^<]*)<\/label>/g)].map((x) => x[1]!);

/** Decodes the few entities the pages write. */
export const unescape = (html: string): string =>
  html
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
