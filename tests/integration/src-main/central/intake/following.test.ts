// Following a ticket on the web intake (issue 17, items 7–8) over real HTTP
// on a real central store (SQLite, and PostgreSQL when TEST_DATABASE_URL is
// set): the link request answers the same for every address and e-mails only
// an address with tickets; links are single use and expire, and a GET never
// uses one up; sessions expire and end on sign-out; a reporter sees their own
// tickets' public history (never internal notes), answers with files (those
// of an answer that failed are kept for the next try) and downloads them, and
// never opens another reporter's ticket or file.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { withStore } from '../../../../../src-main/central/store/serialize';
import { TicketEvent } from '../../../../../src-main/store/entities';
import { centralUser, ENGINES, pushedMutation, startTestCentral } from '../../../../support/central';
import { startTestSmtp } from '../../../../support/smtpServer';
import {
  Browser,
  draftIn,
  keptIn,
  startIntakeCentral,
  ticketForm,
  unescape,
  type IntakeCentral,
} from './client';

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step().catch(() => undefined);
});

const PER = 'per.pleier@molde.kommune.no';
const ANNE = 'anne.annen@aukra.kommune.no';

/** Files a ticket as `email` from a fresh browser; its id. */
async function file(t: IntakeCentral, email: string, extra: Record<string, string> = {}): Promise<string> {
  const b = new Browser(t.central.url);
  await b.get('/kundeservice/');
  const res = await b.post('/kundeservice/sak', {
    _csrf: b.csrf(),
    ...ticketForm({ reporterEmail: email, ...extra }),
  });
  expect(res.status).toBe(303);
  return /kvittering\/([0-9a-f-]{36})\//.exec(res.location!)![1]!;
}

/** Asks for a sign-in link as `email` and returns the link from the e-mail. */
async function linkFor(t: IntakeCentral, b: Browser, email: string): Promise<string> {
  await b.get('/kundeservice/folg');
  // Only a message that arrives after this request: earlier links may still be on their way.
  const seen = new Set(t.smtp!.messages);
  const res = await b.post('/kundeservice/folg', { _csrf: b.csrf(), email });
  expect(res.status).toBe(200);
  const mail = await t.smtp!.waitFor(
    (m) => !seen.has(m) && m.to.includes(email) && m.subject.startsWith('Innloggingslenke'),
  );
  return /(http:\/\/\S+\/kundeservice\/logg-inn\?t=[A-Za-z0-9_-]{43})/.exec(mail.text)![1]!;
}

/** Signs in with a link: the confirm page, then its button. */
async function signIn(b: Browser, link: string): Promise<void> {
  const path = link.slice(b.base.length);
  const page = await b.get(path);
  expect(page.status).toBe(200);
  const token = new URL(link).searchParams.get('t')!;
  const res = await b.post('/kundeservice/logg-inn', { _csrf: b.csrf(), t: token });
  expect(res.status).toBe(303);
  expect(res.location).toBe('/kundeservice/saker');
}

describe.each(ENGINES)('following tickets on the web intake on %s', (engine) => {
  it('answers the same for known and unknown addresses, and e-mails a link only to one with tickets', async () => {
    const t = await startIntakeCentral(engine, {}, cleanup);
    await file(t, PER);
    const b = new Browser(t.central.url);
    await b.get('/kundeservice/folg');
    const known = await b.post('/kundeservice/folg', { _csrf: b.csrf(), email: PER });
    const unknown = await b.post('/kundeservice/folg', { _csrf: b.csrf(), email: 'ingen@molde.kommune.no' });
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(200);
    expect(unknown.html).toBe(known.html);
    expect(known.html).toContain('Hvis adressen har saker hos oss, har vi sendt en lenke');
    const mail = await t.smtp!.waitFor((m) => m.subject.startsWith('Innloggingslenke'));
    expect(mail.to).toEqual([PER]);
    expect(mail.text).toMatch(new RegExp(`${t.central.url}/kundeservice/logg-inn\\?t=[A-Za-z0-9_-]{43}`));
    await new Promise((r) => setTimeout(r, 300));
    expect(t.smtp!.messages.filter((m) => m.to.includes('ingen@molde.kommune.no'))).toEqual([]);
    // A bad address is named on its field.
    const bad = await b.post('/kundeservice/folg', { _csrf: b.csrf(), email: 'per@' });
    expect(bad.status).toBe(400);
    expect(bad.html).toContain('<a href="#f-email">');
    expect(bad.html).toContain('value="per@"');
    // Without CSRF: refused.
    expect((await b.post('/kundeservice/folg', { email: PER })).status).toBe(403);
  });

  it('says honestly that links cannot be sent without SMTP', async () => {
    const t = await startIntakeCentral(engine, { smtp: false }, cleanup);
    const b = new Browser(t.central.url);
    const page = await b.get('/kundeservice/folg');
    expect(page.html).toContain('ikke sende e-post');
    const res = await b.post('/kundeservice/folg', { _csrf: b.csrf(), email: PER });
    expect(res.html).toContain('innloggingslenker kan ikke sendes');
    expect(res.html).not.toContain('har vi sendt en lenke');
  });

  it('sends no sign-in link when listening on every interface without --public-url (no Host header names it)', async () => {
    const smtp = await startTestSmtp();
    cleanup.push(() => smtp.close());
    const central = await startTestCentral(engine, undefined, {
      host: '0.0.0.0',
      probes: false,
      smtp: { url: smtp.url, from: 'ROR-IKT Servicedesk <servicedesk@ror-ikt.no>', pollMs: 200 },
    });
    cleanup.push(
      () => central.dispose(),
      () => central.stop(),
    );
    const t: IntakeCentral = {
      central,
      smtp,
      now: () => new Date(),
      advance: () => undefined,
      url: (p) => `${central.url}${p}`,
    };
    await file(t, PER);
    const b = new Browser(central.url);
    await b.get('/kundeservice/folg');
    const res = await b.post('/kundeservice/folg', { _csrf: b.csrf(), email: PER });
    expect(res.html).toContain('innloggingslenker kan ikke sendes');
    await new Promise((r) => setTimeout(r, 500));
    expect(smtp.messages.filter((m) => m.subject.startsWith('Innloggingslenke'))).toEqual([]);
  });

  it('counts an e-mail address’s links per client address: asking for someone else’s does not use up theirs', async () => {
    const t = await startIntakeCentral(
      engine,
      {
        intake: {
          limits: { linksPerEmail: 2, linksPerEmailAllAddresses: 3, linksPerAddress: 10 },
          trustedProxies: ['127.0.0.1'],
        },
      },
      cleanup,
    );
    const b = new Browser(t.central.url);
    await b.get('/kundeservice/folg');
    const from = (client: string) =>
      b.post('/kundeservice/folg', { _csrf: b.csrf(), email: PER }, null, { 'x-forwarded-for': client });
    // Someone at one address asks for Per's links again and again: refused after that address's two.
    for (const expected of [200, 200, 429, 429, 429, 429])
      expect((await from('198.51.100.7')).status).toBe(expected);
    // Per, at his own address, still gets his link.
    expect((await from('203.0.113.9')).status).toBe(200);
    // All addresses together are capped too: a flood to Per from many addresses stops.
    expect((await from('192.0.2.44')).status).toBe(429);
  });

  it('limits link requests per e-mail address and per client address', async () => {
    const t = await startIntakeCentral(
      engine,
      { intake: { limits: { linksPerEmail: 2, linksPerAddress: 4 } } },
      cleanup,
    );
    const b = new Browser(t.central.url);
    await b.get('/kundeservice/folg');
    const ask = (email: string) => b.post('/kundeservice/folg', { _csrf: b.csrf(), email });
    expect((await ask(PER)).status).toBe(200);
    expect((await ask(PER)).status).toBe(200);
    expect((await ask(PER)).status).toBe(429);
    expect((await ask(ANNE)).status).toBe(200); // the address's 4th
    expect((await ask('tredje@molde.kommune.no')).status).toBe(429); // the address's 5th
  });

  it('uses a link once, only by its button, and not after 30 minutes; sessions end after 8 hours or on sign-out', async () => {
    const t = await startIntakeCentral(engine, {}, cleanup);
    await file(t, PER);
    const b = new Browser(t.central.url);
    const link = await linkFor(t, b, PER);
    const token = new URL(link).searchParams.get('t')!;
    // A mail scanner's GETs do not use it up.
    const scanner = new Browser(t.central.url);
    expect((await scanner.get(`/kundeservice/logg-inn?t=${token}`)).status).toBe(200);
    expect((await scanner.get(`/kundeservice/logg-inn?t=${token}`)).status).toBe(200);
    await signIn(b, link);
    const sessionCookie = b.cookies.get('ks_okt');
    expect(sessionCookie).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const list = await b.get('/kundeservice/saker');
    expect(list.status).toBe(200);
    expect(list.html).toContain(PER);
    // Used: neither the page nor the button works again.
    const again = new Browser(t.central.url);
    expect((await again.get(`/kundeservice/logg-inn?t=${token}`)).status).toBe(400);
    expect((await again.post('/kundeservice/logg-inn', { _csrf: again.csrf(), t: token })).status).toBe(400);
    expect(again.cookies.has('ks_okt')).toBe(false);
    // A guessed token is the same dead end.
    expect((await again.get(`/kundeservice/logg-inn?t=${'x'.repeat(43)}`)).status).toBe(400);

    // An unused link expires after 30 minutes.
    const late = new Browser(t.central.url);
    const second = await linkFor(t, late, PER);
    t.advance(31 * 60_000);
    expect((await late.get(second.slice(late.base.length))).status).toBe(400);
    expect(
      (
        await late.post('/kundeservice/logg-inn', {
          _csrf: late.csrf(),
          t: new URL(second).searchParams.get('t')!,
        })
      ).status,
    ).toBe(400);

    // The session is over 8 hours after it began (31 minutes have passed already).
    t.advance(7 * 60 * 60_000);
    expect((await b.get('/kundeservice/saker')).status).toBe(200);
    t.advance(30 * 60_000);
    expect((await b.get('/kundeservice/saker')).status).toBe(401);

    // Sign-out ends a session at once.
    const c = new Browser(t.central.url);
    await signIn(c, await linkFor(t, c, PER));
    const kept = c.cookies.get('ks_okt')!;
    expect((await c.post('/kundeservice/logg-ut', { _csrf: c.csrf() })).status).toBe(200);
    expect(c.cookies.has('ks_okt')).toBe(false);
    c.cookies.set('ks_okt', kept);
    expect((await c.get('/kundeservice/saker')).status).toBe(401);
  });

  it('shows only the reporter’s own tickets and their public history, takes answers with files, never another’s ticket', async () => {
    const t = await startIntakeCentral(engine, {}, cleanup);
    const mine = await file(t, PER, { title: 'Gerica henger' });
    const theirs = await file(t, ANNE, { title: 'Annes skriver' });

    // An agent writes an internal note and one meant for the reporter.
    const { client } = await centralUser(t.central, { username: 'kari', role: 'agent' });
    const at = new Date().toISOString();
    const pushed = await client.sync.push.mutate({
      clientId: randomUUID(),
      mutations: [
        pushedMutation(1, 'ticket.note', {
          ticketId: mine,
          at,
          noteId: randomUUID(),
          visibility: 'internal',
          text: 'INTERN: brukeren er kjent for dette',
        }),
        pushedMutation(2, 'ticket.note', {
          ticketId: mine,
          at,
          noteId: randomUUID(),
          visibility: 'reporter',
          text: 'Vi ser på det nå.',
        }),
      ],
    });
    expect(pushed.results.map((r) => r.status)).toEqual(['applied', 'applied']);

    const per = new Browser(t.central.url);
    await signIn(per, await linkFor(t, per, PER));
    const list = await per.get('/kundeservice/saker');
    expect(list.html).toContain('Gerica henger');
    expect(list.html).not.toContain('Annes skriver');
    expect(list.html).toContain('Mottatt, ikke påbegynt');

    const view = await per.get(`/kundeservice/saker/${mine}`);
    expect(view.status).toBe(200);
    expect(view.html).toContain('Vi ser på det nå.');
    expect(view.html).not.toContain('INTERN');
    expect(view.html).not.toContain('Kari'); // staff are the service desk, not named

    // Another reporter's ticket is the same 404 as one that does not exist.
    const other = await per.get(`/kundeservice/saker/${theirs}`);
    expect(other.status).toBe(404);
    expect(other.html).not.toContain('Annes skriver');
    expect((await per.get(`/kundeservice/saker/${randomUUID()}`)).status).toBe(404);
    const intruding = await per.post(`/kundeservice/saker/${theirs}`, { _csrf: per.csrf(), text: 'Hei' }, []);
    expect(intruding.status).toBe(404);

    // An answer with a file; an empty answer is named on its field, its file kept for the next try.
    const empty = await per.post(`/kundeservice/saker/${mine}`, { _csrf: per.csrf(), text: '  ' }, [
      { name: 'logg.txt', type: 'text/plain', bytes: Buffer.from('logg') },
    ]);
    expect(empty.status).toBe(400);
    expect(empty.html).toContain('<a href="#f-text">Skriv et svar.</a>');
    expect(keptIn(empty.html)).toEqual(['logg.txt (4 B)']);
    const draft = draftIn(empty.html)!;
    // The draft belongs to this ticket's answer form: on the ticket form it keeps nothing.
    const elsewhere = await per.post(
      '/kundeservice/sak',
      { _csrf: per.csrf(), ...ticketForm({ reporterPhone: '' }), draft, 'keep-0': '1' },
      [],
    );
    expect(keptIn(elsewhere.html)).toEqual([]);
    expect(elsewhere.html).toContain('Vedleggene du valgte tidligere er ikke lenger tatt vare på');
    const answered = await per.post(
      `/kundeservice/saker/${mine}`,
      { _csrf: per.csrf(), text: 'Det hjalp å starte på nytt.', draft, 'keep-0': '1' },
      [{ name: 'logg <1>.txt', type: 'text/plain', bytes: Buffer.from('feillogg') }],
    );
    expect(answered.status).toBe(303);
    expect(answered.location).toBe(`/kundeservice/saker/${mine}?sendt=1`);
    const after = await per.get(answered.location!);
    expect(after.html).toContain('Svaret ditt er sendt til servicedesken.');
    expect(after.html).toContain('Det hjalp å starte på nytt.');
    const m = t.central.server.store.dataSource.manager;
    const events = await withStore(t.central.server.store, () =>
      m.find(TicketEvent, { where: { ticketId: mine, kind: 'reporterMessage' } }),
    );
    expect(events).toHaveLength(1);
    expect(JSON.parse(events[0]!.data)).toMatchObject({
      channel: 'web',
      from: PER,
      text: 'Det hjalp å starte på nytt.',
    });

    // The file downloads as an attachment, for its reporter only.
    const href = /href="(\/kundeservice\/saker\/[0-9a-f-]+\/vedlegg\/[0-9a-f-]+)" download>logg &lt;1/.exec(
      after.html,
    )![1]!;
    // The kept file went with the answer too.
    const kept = /href="(\/kundeservice\/saker\/[0-9a-f-]+\/vedlegg\/[0-9a-f-]+)" download>logg\.txt</.exec(
      after.html,
    )![1]!;
    expect((await per.get(kept)).html).toBe('logg');
    const download = await per.get(href);
    expect(download.status).toBe(200);
    expect(download.html).toBe('feillogg');
    expect(download.headers.get('content-disposition')).toMatch(
      /^attachment; filename="logg _1_.txt"; filename\*=UTF-8''logg%20%3C1%3E.txt$/,
    );
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(unescape(after.html)).toContain('logg <1>.txt');
    const anne = new Browser(t.central.url);
    await signIn(anne, await linkFor(t, anne, ANNE));
    expect((await anne.get(href)).status).toBe(404);
    expect((await anne.get(`/kundeservice/saker/${mine}`)).status).toBe(404);
    expect((await new Browser(t.central.url).get(href)).status).toBe(401);
  });

  it('refuses answer files over the per-message limit beside the field, keeping the text', async () => {
    const t = await startIntakeCentral(engine, { intake: { maxMessageBytes: 1000 } }, cleanup);
    const mine = await file(t, PER);
    const per = new Browser(t.central.url);
    await signIn(per, await linkFor(t, per, PER));
    const res = await per.post(
      `/kundeservice/saker/${mine}`,
      { _csrf: per.csrf(), text: 'Her er loggene.' },
      [{ name: 'stor.bin', type: 'application/octet-stream', bytes: Buffer.alloc(1500) }],
    );
    expect(res.status).toBe(400);
    expect(unescape(res.html)).toContain('Vedleggene er for store');
    expect(res.html).toContain('>Her er loggene.</textarea>');
    const m = t.central.server.store.dataSource.manager;
    expect(
      await withStore(t.central.server.store, () =>
        m.count(TicketEvent, { where: { kind: 'reporterMessage' } }),
      ),
    ).toBe(0);
  });
});
