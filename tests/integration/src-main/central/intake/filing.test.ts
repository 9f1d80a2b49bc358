// The web intake's front page and filing (issue 17, items 6 and 8) over real
// HTTP on a real central store (SQLite, and PostgreSQL when TEST_DATABASE_URL
// is set): headers and CSP, notices first, a ticket filed on Friday evening
// gets its reference at once (receipt), its clock from Monday's opening and
// its acknowledgement by e-mail; bad input is named per field with what was
// typed kept and nothing stored, the chosen files kept as a draft for the
// next try (in that browser only, for an hour); CSRF and the rate limits refuse.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { readContent } from '../../../../../src-main/central/attachments/content';
import { INTAKE_CSP } from '../../../../../src-main/central/intake/http';
import { withStore } from '../../../../../src-main/central/store/serialize';
import { Ticket, TicketAttachment } from '../../../../../src-main/store/entities';
import { centralUser, ENGINES, pushedMutation } from '../../../../support/central';
import { Browser, csrfIn, draftIn, keptIn, MOLDE, startIntakeCentral, ticketForm, unescape } from './client';

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step().catch(() => undefined);
});

describe.each(ENGINES)('web intake filing on %s', (engine) => {
  it('serves the front page with strict headers, notices first, then the form', async () => {
    const t = await startIntakeCentral(engine, { smtp: false }, cleanup);
    const { client } = await centralUser(t.central, { username: 'tone', role: 'team_lead' });
    const now = Date.now();
    const res = await client.sync.push.mutate({
      clientId: randomUUID(),
      mutations: [
        pushedMutation(1, 'notice.publish', {
          at: new Date(now - 60_000).toISOString(),
          id: randomUUID(),
          notice: {
            title: 'Gerica er nede',
            body: 'Vi jobber med saken.',
            state: 'ongoing',
            systemIds: [],
            customerIds: [MOLDE],
            startsAt: new Date(now - 60_000).toISOString(),
            endsAt: null,
          },
        }),
      ],
    });
    expect(res.results[0]).toMatchObject({ status: 'applied' });

    const b = new Browser(t.central.url);
    const page = await b.get('/kundeservice/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(INTAKE_CSP);
    expect(INTAKE_CSP).toBe(
      "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    );
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('referrer-policy')).toBe('same-origin');
    expect(page.headers.get('cache-control')).toBe('no-store');
    const csrfCookie = page.headers.getSetCookie().find((c) => c.startsWith('ks_csrf='))!;
    expect(csrfCookie).toMatch(/HttpOnly/);
    expect(csrfCookie).toMatch(/SameSite=Strict/);
    expect(csrfCookie).toMatch(/Path=\/kundeservice/);
    expect(csrfCookie).not.toMatch(/Secure/); // plain HTTP on loopback
    expect(csrfIn(page.html)).toBe(b.csrf());
    expect(page.html).toContain('<html lang="nb">');
    expect(page.html).not.toMatch(/<script|style=|<style/);
    // Notices before the form, with a link to all of them.
    const notice = page.html.indexOf('Gerica er nede');
    expect(notice).toBeGreaterThan(0);
    expect(notice).toBeLessThan(page.html.indexOf('<form method="post" action="/kundeservice/sak"'));
    expect(page.html).toContain('href="/notices"');
    // R4 in plain words, R5's fields with labels.
    expect(page.html).toContain('Systemer som trengs for liv og helse');
    for (const f of [
      'reporterName',
      'reporterPhone',
      'reporterEmail',
      'customerId',
      'workplace',
      'description',
    ])
      expect(page.html).toContain(`<label for="f-${f}">`);
    expect(page.html).toContain('Molde kommune');

    const css = await b.get('/kundeservice/stil.css');
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(css.html).toContain(':focus-visible');
    expect(
      (await b.get('/kundeservice/stil.css', { 'if-none-match': css.headers.get('etag')! })).status,
    ).toBe(304);

    // English by link (then kept by cookie) and by Accept-Language.
    const en = await b.get('/kundeservice/?lang=en');
    expect(en.html).toContain('<html lang="en">');
    expect(en.html).toContain('Report an issue');
    expect((await b.get('/kundeservice/')).html).toContain('<html lang="en">');
    const fresh = new Browser(t.central.url);
    expect((await fresh.get('/kundeservice/', { 'accept-language': 'en-GB,en;q=0.9' })).html).toContain(
      'lang="en"',
    );
    expect((await fresh.get('/kundeservice/', { 'accept-language': 'nn-NO,en;q=0.5' })).html).toContain(
      'lang="nb"',
    );

    expect((await b.get('/kundeservice')).status).toBe(308);
    expect((await b.get('/kundeservice/finnes-ikke')).status).toBe(404);
  });

  it('files a ticket on Friday evening: the receipt shows the reference, the clock starts Monday, the e-mail goes out', async () => {
    const t = await startIntakeCentral(engine, {}, cleanup);
    const b = new Browser(t.central.url);
    await b.get('/kundeservice/');
    const png = Buffer.from('89504e470d0a1a0a', 'hex');
    const res = await b.post('/kundeservice/sak', { _csrf: b.csrf(), ...ticketForm() }, [
      { name: 'skjerm.png', type: 'image/png', bytes: png },
    ]);
    expect(res.status).toBe(303);
    expect(res.location).toMatch(/^\/kundeservice\/kvittering\/[0-9a-f-]{36}\/[A-Za-z0-9_-]{43}$/);

    const m = t.central.server.store.dataSource.manager;
    const [ticket] = await withStore(t.central.server.store, () => m.find(Ticket));
    expect(ticket).toMatchObject({
      channel: 'web',
      reporterName: 'Per Pleier',
      reporterPhone: '+4791234567',
      reporterEmail: 'per.pleier@molde.kommune.no',
      customerId: MOLDE,
      workplace: 'Molde legevakt',
      priority: 'high',
      createdAt: t.now().toISOString(),
    });
    expect(ticket!.reference).toMatch(/^RI-\d{4}-\d{6}$/);
    // Friday 22:00 → the clock starts at Monday's opening (R2): High's response hour ends 09:00.
    const due = new Date(ticket!.responseDueAt);
    const oslo = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Oslo',
      weekday: 'long',
      hour: '2-digit',
      minute: '2-digit',
    }).format(due);
    expect(oslo).toMatch(/^(Monday|Tuesday) 09:00$/); // Tuesday only when Monday is a holiday
    const files = await withStore(t.central.server.store, () => m.find(TicketAttachment));
    expect(files).toMatchObject([{ filename: 'skjerm.png', contentType: 'image/png', size: png.length }]);

    const receipt = await b.get(res.location!);
    expect(receipt.status).toBe(200);
    expect(receipt.html).toContain(ticket!.reference!);
    expect(receipt.html).toContain('per.pleier@molde.kommune.no');
    expect(receipt.html).toMatch(/Saken blir behandlet fra (mandag|tirsdag) .* 08:00/);
    // Another browser with the URL minus one character of its token, or another ticket's id: nothing.
    const other = new Browser(t.central.url);
    const tampered = `${res.location!.slice(0, -1)}${res.location!.endsWith('A') ? 'B' : 'A'}`;
    const refused = await other.get(tampered);
    expect(refused.status).toBe(404);
    expect(refused.html).not.toContain(ticket!.reference!);
    expect((await other.get(res.location!.replace(ticket!.id, randomUUID()))).status).toBe(404);
    // It expires.
    t.advance(61 * 60_000);
    expect((await b.get(res.location!)).status).toBe(404);

    const mail = await t.smtp!.waitFor((x) => x.subject.includes(ticket!.reference!));
    expect(mail.to).toEqual(['per.pleier@molde.kommune.no']);
  });

  it('names each bad field beside it and in the summary, keeps what was typed, stores nothing', async () => {
    const t = await startIntakeCentral(engine, { smtp: false }, cleanup);
    const b = new Browser(t.central.url);
    await b.get('/kundeservice/');
    const res = await b.post(
      '/kundeservice/sak',
      {
        _csrf: b.csrf(),
        ...ticketForm({
          reporterName: '',
          reporterPhone: '12',
          reporterEmail: 'ikke-en-adresse',
          description: 'Kort <b>',
          priority: '',
          workplace: 'Molde "legevakt"',
        }),
      },
      [{ name: 'bilde.png', type: 'image/png', bytes: Buffer.from('x') }],
    );
    expect(res.status).toBe(400);
    expect(res.html).toMatch(/<title>Feil: /);
    expect(res.html).toContain('class="error-summary"');
    for (const [field, text] of [
      ['reporterName', 'Skriv navnet ditt.'],
      ['reporterPhone', 'Skriv et gyldig telefonnummer'],
      ['reporterEmail', 'Skriv en gyldig e-postadresse'],
      ['description', 'minst 10 tegn'],
    ] as const) {
      expect(res.html).toMatch(new RegExp(`<a href="#f-${field}">[^<]*${text}`));
      expect(res.html).toMatch(new RegExp(`<p class="error" id="f-${field}-error">.*${text}`));
      expect(res.html).toMatch(new RegExp(`id="f-${field}"[^>]*aria-describedby="[^"]*f-${field}-error"`));
    }
    expect(res.html).toContain('<a href="#f-priority-critical">Velg hvor alvorlig det er.');
    // The file is kept for the next try: listed, ticked, with the draft's token.
    expect(res.html).not.toContain('på nytt');
    expect(keptIn(res.html)).toEqual(['bilde.png (1 B)']);
    // What was typed is there again, escaped.
    expect(res.html).toContain('value="ikke-en-adresse"');
    expect(res.html).toContain('value="Molde &quot;legevakt&quot;"');
    expect(res.html).toContain('>Kort &lt;b&gt;</textarea>');
    expect(res.html).toContain(`<option value="${MOLDE}" selected>`);
    const m = t.central.server.store.dataSource.manager;
    expect(await withStore(t.central.server.store, () => m.count(Ticket))).toBe(0);

    // An unknown municipality (a tampered select) is named on its field too.
    const unknown = await b.post('/kundeservice/sak', {
      _csrf: b.csrf(),
      ...ticketForm({ customerId: randomUUID() }),
    });
    expect(unknown.status).toBe(400);
    expect(unescape(unknown.html)).toContain('Vi kjenner ikke kommunen du valgte');
    expect(await withStore(t.central.server.store, () => m.count(Ticket))).toBe(0);
  });

  it('refuses a form without the CSRF token, with a wrong one, or from another site', async () => {
    const t = await startIntakeCentral(engine, { smtp: false }, cleanup);
    const b = new Browser(t.central.url);
    await b.get('/kundeservice/');
    expect((await b.post('/kundeservice/sak', ticketForm())).status).toBe(403);
    expect((await b.post('/kundeservice/sak', { ...ticketForm(), _csrf: 'A'.repeat(43) })).status).toBe(403);
    // A page on another site posting with the victim's cookies cannot know the token, and its Origin tells.
    b.origin = 'https://evil.example';
    expect((await b.post('/kundeservice/sak', { ...ticketForm(), _csrf: b.csrf() })).status).toBe(403);
    b.origin = null;
    expect(
      (
        await b.post('/kundeservice/sak', { ...ticketForm(), _csrf: b.csrf() }, null, {
          referer: 'https://evil.example/x',
        })
      ).status,
    ).toBe(403);
    // A browser without the cookie at all.
    const stranger = new Browser(t.central.url);
    expect((await stranger.post('/kundeservice/sak', { ...ticketForm(), _csrf: b.csrf() })).status).toBe(403);
    const m = t.central.server.store.dataSource.manager;
    expect(await withStore(t.central.server.store, () => m.count(Ticket))).toBe(0);
    // The same browser from our own page is accepted.
    b.origin = t.central.url;
    expect((await b.post('/kundeservice/sak', { ...ticketForm(), _csrf: b.csrf() })).status).toBe(303);
  });

  it('limits tickets per client address and per e-mail address, in the database', async () => {
    const t = await startIntakeCentral(
      engine,
      { smtp: false, intake: { limits: { ticketsPerAddress: 3, ticketsPerEmail: 2 } } },
      cleanup,
    );
    const b = new Browser(t.central.url);
    await b.get('/kundeservice/');
    const file = (email: string) =>
      b.post('/kundeservice/sak', { _csrf: b.csrf(), ...ticketForm({ reporterEmail: email }) });
    expect((await file('a@molde.kommune.no')).status).toBe(303);
    expect((await file('a@molde.kommune.no')).status).toBe(303);
    const perEmail = await file('a@molde.kommune.no');
    expect(perEmail.status).toBe(429);
    expect(perEmail.html).toContain('For mange forsøk');
    expect(perEmail.headers.get('retry-after')).toBe('900');
    // Another address gets through until the client address has used its share.
    expect((await file('b@molde.kommune.no')).status).toBe(429); // the address's 4th attempt
    const m = t.central.server.store.dataSource.manager;
    expect(await withStore(t.central.server.store, () => m.count(Ticket))).toBe(2);
    // The window passes.
    t.advance(16 * 60_000);
    expect((await file('b@molde.kommune.no')).status).toBe(303);
  });

  it('refuses attachments over the per-message limit beside the field, keeping the text', async () => {
    const t = await startIntakeCentral(engine, { smtp: false, intake: { maxMessageBytes: 1000 } }, cleanup);
    const b = new Browser(t.central.url);
    await b.get('/kundeservice/');
    const over = await b.post('/kundeservice/sak', { _csrf: b.csrf(), ...ticketForm() }, [
      { name: 'a.bin', type: 'application/octet-stream', bytes: Buffer.alloc(600) },
      { name: 'b.bin', type: 'application/octet-stream', bytes: Buffer.alloc(600) },
    ]);
    expect(over.status).toBe(400);
    expect(unescape(over.html)).toContain(
      'Vedleggene er for store: til sammen 2 kB, grensen er 1000 B per melding',
    );
    expect(over.html).toContain('<a href="#f-attachments">');
    expect(over.html).toContain('value="Per Pleier"');
    // A body far beyond any limit is cut off with 413 and a page saying so.
    const huge = await b.post('/kundeservice/sak', { _csrf: b.csrf(), ...ticketForm() }, [
      { name: 'c.bin', type: 'application/octet-stream', bytes: Buffer.alloc(1_200_000) },
    ]);
    expect(huge.status).toBe(413);
    expect(huge.html).toContain('For stor forsendelse');
    const m = t.central.server.store.dataSource.manager;
    expect(await withStore(t.central.server.store, () => m.count(Ticket))).toBe(0);
    expect(
      (
        await b.post('/kundeservice/sak', { _csrf: b.csrf(), ...ticketForm() }, [
          { name: 'ok.txt', type: 'text/plain', bytes: Buffer.alloc(900, 'a') },
        ])
      ).status,
    ).toBe(303);
  });

  it('keeps the files of a form that failed for the next try, in that browser, for an hour', async () => {
    const t = await startIntakeCentral(engine, { smtp: false, intake: { maxMessageBytes: 1000 } }, cleanup);
    const store = t.central.server.store;
    const m = store.dataSource.manager;
    const tickets = () => withStore(store, () => m.find(Ticket));
    const attachmentsOf = (ticketId: string) =>
      withStore(store, () => m.find(TicketAttachment, { where: { ticketId }, order: { filename: 'ASC' } }));
    const shot = { name: 'skjermbilde.png', type: 'image/png', bytes: Buffer.alloc(300, 7) };
    const log = { name: 'logg.txt', type: 'text/plain', bytes: Buffer.from('feil 42\n') };
    const count = async (table: string) =>
      Number(
        ((await withStore(store, () => m.query(`SELECT count(*) AS n FROM ${table}`))) as [{ n: unknown }])[0]
          .n,
      );
    const b = new Browser(t.central.url);
    await b.get('/kundeservice/');

    // A missing phone number: the page comes again with both files listed, ticked, and a draft token.
    const failed = await b.post(
      '/kundeservice/sak',
      { _csrf: b.csrf(), ...ticketForm({ reporterPhone: '' }) },
      [shot, log],
    );
    expect(failed.status).toBe(400);
    expect(failed.html).toContain('<legend>Vedlegg du allerede har valgt</legend>');
    expect(keptIn(failed.html)).toEqual(['skjermbilde.png (300 B)', 'logg.txt (8 B)']);
    expect(failed.html).toMatch(/<input type="checkbox" id="f-keep-0" name="keep-0" value="1" checked>/);
    expect(failed.html).not.toContain('på nytt');
    const draft = draftIn(failed.html)!;
    expect(draft).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Stored hashed: the token itself is nowhere in the database.
    const rows = (await withStore(store, () => m.query('SELECT * FROM intake_draft'))) as unknown[];
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(draft);
    expect(await tickets()).toHaveLength(0);
    // The bytes are the draft's, not yet among the attachments: a form that never files leaves none.
    expect(await count('intake_draft_content')).toBe(2);
    expect(await count('attachment_content')).toBe(0);

    // Another browser (its own CSRF cookie) with the same token and boxes gets nothing, and is told.
    const other = new Browser(t.central.url);
    await other.get('/kundeservice/');
    const foreign = await other.post(
      '/kundeservice/sak',
      { _csrf: other.csrf(), ...ticketForm(), draft, 'keep-0': '1', 'keep-1': '1' },
      [],
    );
    expect(foreign.status).toBe(400);
    expect(foreign.html).toContain('Vedleggene du valgte tidligere er ikke lenger tatt vare på');
    expect(foreign.html).toContain('<a href="#f-attachments">');
    expect(foreign.html).toContain('value="Per Pleier"');
    expect(keptIn(foreign.html)).toEqual([]);
    expect(await tickets()).toHaveLength(0);
    // A malformed token is the same: no error page, the typed values kept.
    const garbled = await other.post(
      '/kundeservice/sak',
      { _csrf: other.csrf(), ...ticketForm(), draft: "'; DROP TABLE intake_draft; --", 'keep-0': '1' },
      [],
    );
    expect(garbled.status).toBe(400);
    expect(garbled.html).toContain('value="Per Pleier"');

    // Over the limits together with a new file: named, and only the kept files offered again.
    const over = await b.post(
      '/kundeservice/sak',
      { _csrf: b.csrf(), ...ticketForm(), draft, 'keep-0': '1', 'keep-1': '1' },
      [{ name: 'stor.bin', type: 'application/octet-stream', bytes: Buffer.alloc(800) }],
    );
    expect(over.status).toBe(400);
    expect(unescape(over.html)).toContain('Vedleggene er for store: til sammen 2 kB');
    expect(keptIn(over.html)).toEqual(['skjermbilde.png (300 B)', 'logg.txt (8 B)']);
    const draft2 = draftIn(over.html)!;
    expect(draft2).not.toBe(draft);

    // The form fixed, the screenshot kept, the log unticked, no new file: filed with the screenshot's bytes.
    const filed = await b.post(
      '/kundeservice/sak',
      { _csrf: b.csrf(), ...ticketForm(), draft: draft2, 'keep-0': '1' },
      [],
    );
    expect(filed.status).toBe(303);
    const [ticket] = await tickets();
    const files = await attachmentsOf(ticket!.id);
    expect(files).toMatchObject([{ filename: 'skjermbilde.png', contentType: 'image/png', size: 300 }]);
    expect((await readContent(store, files[0]!.sha256))?.equals(shot.bytes)).toBe(true);
    // The unticked log went with the draft; only the filed screenshot is among the attachments.
    expect(await count('attachment_content')).toBe(1);
    expect(await count('intake_draft_content')).toBe(0);
    // The draft is used up.
    const again = await b.post(
      '/kundeservice/sak',
      { _csrf: b.csrf(), ...ticketForm(), draft: draft2, 'keep-0': '1' },
      [],
    );
    expect(again.status).toBe(400);
    expect(again.html).toContain('Vedleggene du valgte tidligere er ikke lenger tatt vare på');

    // Kept files and a new one together; then the draft expires after an hour.
    const second = await b.post(
      '/kundeservice/sak',
      { _csrf: b.csrf(), ...ticketForm({ description: 'kort' }) },
      [log],
    );
    expect(keptIn(second.html)).toEqual(['logg.txt (8 B)']);
    const both = await b.post(
      '/kundeservice/sak',
      {
        _csrf: b.csrf(),
        ...ticketForm({ title: 'Med to filer' }),
        draft: draftIn(second.html)!,
        'keep-0': '1',
      },
      [shot],
    );
    expect(both.status).toBe(303);
    const withTwo = (await tickets()).find((x) => x.title === 'Med to filer')!;
    expect((await attachmentsOf(withTwo.id)).map((f) => f.filename)).toEqual(['logg.txt', 'skjermbilde.png']);

    const third = await b.post(
      '/kundeservice/sak?lang=en',
      { _csrf: b.csrf(), ...ticketForm({ reporterEmail: 'nei' }) },
      [shot],
    );
    expect(third.html).toContain('<legend>Attachments you have already chosen</legend>');
    expect(keptIn(third.html)).toEqual(['skjermbilde.png (300 B)']);
    t.advance(61 * 60_000);
    const expired = await b.post(
      '/kundeservice/sak',
      {
        _csrf: b.csrf(),
        ...ticketForm({ title: 'Etter en time' }),
        draft: draftIn(third.html)!,
        'keep-0': '1',
      },
      [],
    );
    expect(expired.status).toBe(400);
    expect(expired.html).toContain('The attachments you chose earlier are no longer kept');
    expect(keptIn(expired.html)).toEqual([]);
    expect((await tickets()).some((x) => x.title === 'Etter en time')).toBe(false);
    // Submitted again without them, it is filed with no files.
    const without = await b.post(
      '/kundeservice/sak',
      { _csrf: b.csrf(), ...ticketForm({ title: 'Etter en time' }) },
      [],
    );
    expect(without.status).toBe(303);
    const late = (await tickets()).find((x) => x.title === 'Etter en time')!;
    expect(await attachmentsOf(late.id)).toEqual([]);
    // The next draft made clears the expired one and its bytes.
    await b.post('/kundeservice/sak', { _csrf: b.csrf(), ...ticketForm({ reporterPhone: '' }) }, [log]);
    expect(await count('intake_draft')).toBe(1);
    expect(await count('intake_draft_content')).toBe(1);
  });
});
