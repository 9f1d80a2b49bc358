// The reporters' web intake end to end (issue 17, items 6–8) in Chromium: a
// standalone central store from the build, its intake clock set to last
// Friday 22:00 Oslo time, e-mail through a real test SMTP server, and a
// browser-mode desk against it. An operational notice is shown first; a
// reporter files a ticket with the keyboard alone (a mistake first: the error
// summary takes focus and links to the field, the chosen file is kept and
// goes with the ticket); the receipt shows the
// reference and that the clock starts at Monday's opening, and the
// acknowledgement e-mail carries the reference; the reporter asks for a
// sign-in link, signs in, answers with a file; the agent's desk marks the
// answer as new in the list and shows it and the response deadline from
// Monday 08:00. Another reporter's
// session cannot open the ticket, and the used link does not work again. axe
// (WCAG 2.1 A and AA) finds nothing on any page, on a phone-sized screen too.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { createTRPCClient, httpLink } from '@trpc/client';
import { DateTime } from 'luxon';
import { randomUUID } from 'node:crypto';
import type { CentralRouter } from '../../src-main/central/router';
import { createServiceCalendar, DEFAULT_SLA_SETTINGS } from '../../src-shared/sla';
import { startTestSmtp, type TestSmtp } from '../support/smtpServer';
import { ADMIN, KARI, signIn } from './support/deskPage';
import {
  startCentralProcess,
  startDeskProcess,
  tempDataDir,
  type CentralProcess,
  type DeskProcess,
} from './support/deskProcess';
import { ticketList, ticketRows, timeline } from './support/ticketPage';

const MOLDE = '01a21bf8-0000-7000-8000-000001000000';
const PER = { name: 'Per Pleier', phone: '912 34 567', email: 'per.pleier@molde.kommune.no' };
const ANNE = { name: 'Anne Annen', phone: '934 56 789', email: 'anne.annen@molde.kommune.no' };

const running: Array<DeskProcess | CentralProcess> = [];
let smtp: TestSmtp | null = null;
test.afterEach(async () => {
  for (const p of running.reverse()) await p.stop();
  running.length = 0;
  await smtp?.close();
  smtp = null;
});

/** The last Friday 22:00 in Oslo before now. */
function lastFridayEvening(): DateTime {
  let d = DateTime.now().setZone('Europe/Oslo').set({ hour: 22, minute: 0, second: 0, millisecond: 0 });
  while (d.weekday !== 5 || d.toMillis() > Date.now()) d = d.minus({ days: 1 });
  return d;
}

async function axe(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screens/intake-${name}.png`, fullPage: true });
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(
    result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    `axe on ${name}`,
  ).toEqual([]);
}

/** Whether the page is no wider than the screen (nothing to scroll sideways on a phone). */
const fitsWidth = (page: Page) =>
  page.evaluate(() => {
    const g = globalThis as unknown as {
      innerWidth: number;
      document: { documentElement: { scrollWidth: number } };
    };
    return g.document.documentElement.scrollWidth <= g.innerWidth;
  });

/** Presses Tab until `target` has the focus (keyboard only), failing after `max` presses. */
async function tabTo(page: Page, target: Locator, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (
      await target.evaluate(
        (el) =>
          el === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement,
      )
    )
      return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

async function typeInto(page: Page, target: Locator, text: string): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
}

test('a reporter files on Friday night, follows the ticket and answers; the agent sees it', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  smtp = await startTestSmtp();
  const friday = lastFridayEvening();
  const central = await startCentralProcess(tempDataDir(), 0, [
    '--no-probes',
    '--smtp-url',
    smtp.url,
    '--intake-clock',
    friday.toUTC().toISO()!,
  ]);
  running.push(central);

  // The first administrator (as the desk would make them), an agent, and an ongoing notice.
  let token: string | null = null;
  const api = createTRPCClient<CentralRouter>({
    links: [
      httpLink({
        url: `${central.url}/trpc`,
        headers: () => (token ? { authorization: `Bearer ${token}` } : {}),
      }),
    ],
  });
  token = (
    await api.auth.setupFirstAdmin.mutate({
      username: ADMIN.username,
      displayName: ADMIN.name,
      password: ADMIN.password,
    })
  ).token;
  await api.admin.createUser.mutate({
    username: KARI.username,
    displayName: KARI.name,
    role: 'agent',
    password: KARI.password,
  });
  const now = Date.now();
  const pushed = await api.sync.push.mutate({
    clientId: randomUUID(),
    mutations: [
      {
        mutationId: randomUUID(),
        seq: 1,
        name: 'notice.publish',
        schemaVersion: 1,
        createdAt: new Date(now).toISOString(),
        args: {
          at: new Date(now - 60_000).toISOString(),
          id: randomUUID(),
          notice: {
            title: 'Gerica er treg i Molde',
            body: 'Leverandøren feilsøker.',
            state: 'ongoing',
            systemIds: [],
            customerIds: [MOLDE],
            startsAt: new Date(now - 60_000).toISOString(),
            endsAt: null,
          },
        },
      },
    ],
  });
  expect(pushed.results[0]).toMatchObject({ status: 'applied' });

  // The front page: the notice first, then the form.
  await page.goto(`${central.url}/kundeservice/`);
  await expect(page.getByRole('heading', { level: 1, name: 'Kundeservice' })).toBeVisible();
  const notices = page.getByRole('region', { name: 'Driftsmeldinger nå' });
  await expect(notices.getByRole('article', { name: 'Gerica er treg i Molde' })).toContainText('Pågår');
  await axe(page, 'home');

  // Keyboard only: the skip link first, then the fields in reading order.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Hopp til innholdet' })).toBeFocused();
  await page.keyboard.press('Enter');
  const form = page.locator('form[action="/kundeservice/sak"]');
  await typeInto(page, form.getByLabel('Navnet ditt'), PER.name);
  await page.keyboard.press('Tab');
  await expect(form.getByLabel('Telefonnummer')).toBeFocused();
  await page.keyboard.type(PER.phone);
  await page.keyboard.press('Tab');
  await expect(form.getByLabel('E-postadresse')).toBeFocused();
  await page.keyboard.type(PER.email);
  await page.keyboard.press('Tab');
  const municipality = form.getByLabel('Kommune');
  await expect(municipality).toBeFocused();
  for (let i = 0; i < 10 && (await municipality.inputValue()) !== MOLDE; i++)
    await page.keyboard.press('ArrowDown');
  await expect(municipality).toHaveValue(MOLDE);
  await typeInto(page, form.getByLabel('Arbeidssted'), 'Molde legevakt');
  await page.keyboard.press('Escape'); // close the suggestions, if any
  await typeInto(page, form.getByLabel('System eller utstyr det gjelder'), 'Gerica');
  await typeInto(page, form.getByLabel('Beskriv behovet eller feilen'), 'Treg');
  await form.getByLabel(/^Vedlegg/).setInputFiles({
    name: 'feilmelding.png',
    mimeType: 'image/png',
    buffer: Buffer.from('89504e470d0a1a0a', 'hex'),
  });
  // The priorities: Tab reaches the group, Space chooses the first (Critical).
  await tabTo(page, form.getByRole('radio', { name: 'Kritisk' }));
  await page.keyboard.press('Space');
  await expect(form.getByRole('radio', { name: 'Kritisk' })).toBeChecked();
  await tabTo(page, form.getByRole('button', { name: 'Send inn saken' }));
  await page.keyboard.press('Enter');

  // Too short: the summary has the focus and links to the field; what was typed is kept.
  const summary = page.getByRole('alert');
  await expect(summary).toContainText('Skjemaet har feil');
  await expect(summary).toBeFocused();
  await expect(page).toHaveTitle(/^Feil: /);
  await expect(page.getByLabel('Navnet ditt')).toHaveValue(PER.name);
  await expect(page.getByRole('radio', { name: 'Kritisk' })).toBeChecked();
  // The chosen file is kept, ticked, in a group of its own (not to be chosen again).
  const keptFiles = page.getByRole('group', { name: 'Vedlegg du allerede har valgt' });
  await expect(keptFiles.getByRole('checkbox', { name: 'feilmelding.png (8 B)' })).toBeChecked();
  await page.screenshot({ path: 'test-results/screens/intake-kept-files.png', fullPage: true });
  await axe(page, 'form-errors');
  await tabTo(page, summary.getByRole('link', { name: /minst 10 tegn/ }));
  await page.keyboard.press('Enter');
  const description = page.getByLabel('Beskriv behovet eller feilen');
  await expect(description).toBeFocused();
  await expect(description).toHaveAccessibleDescription(/minst 10 tegn/);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('Gerica henger når vi åpner pasientlisten på legevakten.');
  await tabTo(page, page.getByRole('button', { name: 'Send inn saken' }));
  await page.keyboard.press('Enter');

  // The receipt: the reference at once, and when it will be handled (R2: Monday's opening).
  await expect(page.getByRole('heading', { level: 1, name: 'Saken er registrert' })).toBeVisible();
  const reference = (await page.getByTestId('reference').textContent())!.trim();
  expect(reference).toMatch(/^RI-\d{4}-\d{6}$/);
  const calendar = createServiceCalendar(DEFAULT_SLA_SETTINGS);
  const opening = DateTime.fromMillis(calendar.nextOpening(friday.toMillis())).setZone('Europe/Oslo');
  expect(opening.hour).toBe(8);
  expect(opening.weekday === 1 || opening.weekday === 2).toBe(true); // Tuesday only after a holiday Monday
  await expect(page.getByRole('main')).toContainText(
    `Saken blir behandlet fra ${opening.setLocale('nb').toFormat('cccc d. MMMM yyyy')} kl. 08:00`,
  );
  await axe(page, 'receipt');
  const ack = await smtp.waitFor((m) => m.subject.includes(reference));
  expect(ack.to).toEqual([PER.email]);

  // Following: ask for a link (the same answer for any address), sign in with its button.
  await page.getByRole('link', { name: 'Følg saken' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Følg saken' })).toBeVisible();
  await axe(page, 'follow');
  await page.getByLabel('E-postadresse').fill(PER.email);
  await page.getByRole('button', { name: 'Send meg en innloggingslenke' }).click();
  await expect(page.getByText('Hvis adressen har saker hos oss, har vi sendt en lenke')).toBeVisible();
  await axe(page, 'follow-sent');
  const linkMail = await smtp.waitFor(
    (m) => m.to.includes(PER.email) && m.subject.startsWith('Innloggingslenke'),
  );
  const link = /(http:\/\/\S+\/kundeservice\/logg-inn\?t=[A-Za-z0-9_-]{43})/.exec(linkMail.text)![1]!;
  await page.goto(link);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Logg inn for å følge sakene dine' }),
  ).toBeVisible();
  await axe(page, 'sign-in');
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sakene dine' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText(PER.email);
  await expect(page.getByRole('main')).toContainText('Mottatt, ikke påbegynt');
  await axe(page, 'tickets');
  await page.getByRole('link', { name: new RegExp(reference) }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(reference);
  await expect(page.getByRole('link', { name: 'feilmelding.png' })).toBeVisible();
  const ticketUrl = page.url();
  await page.getByLabel('Svaret ditt').fill('Det gjelder alle PC-ene på legevakten.');
  await page.getByLabel('Legg ved filer').setInputFiles({
    name: 'skjermbilde.png',
    mimeType: 'image/png',
    buffer: Buffer.from('89504e470d0a1a0a', 'hex'),
  });
  await page.getByRole('button', { name: 'Send svaret' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Svaret ditt er sendt' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('Det gjelder alle PC-ene på legevakten.');
  await expect(page.getByRole('link', { name: 'skjermbilde.png' })).toBeVisible();
  await axe(page, 'ticket');

  // On a phone: the same pages fit and pass.
  await page.setViewportSize({ width: 375, height: 740 });
  await expect.poll(() => fitsWidth(page)).toBe(true);
  await axe(page, 'ticket-phone');
  await page.goto(`${central.url}/kundeservice/?lang=en`);
  await expect(page.getByRole('heading', { level: 2, name: 'Report an issue' })).toBeVisible();
  expect(await fitsWidth(page)).toBe(true);
  await axe(page, 'home-phone-en');

  // Another reporter: their own ticket and link, but not Per's ticket; Per's used link is dead.
  const other = await browser.newContext();
  const anne = await other.newPage();
  await anne.goto(`${central.url}/kundeservice/`);
  await anne.getByLabel('Navnet ditt').fill(ANNE.name);
  await anne.getByLabel('Telefonnummer').fill(ANNE.phone);
  await anne.getByLabel('E-postadresse').fill(ANNE.email);
  await anne.getByLabel('Kommune').selectOption({ label: 'Molde kommune' });
  await anne.getByLabel('Arbeidssted').fill('Molde rådhus');
  await anne.getByLabel('Beskriv behovet eller feilen').fill('Skriveren i andre etasje skriver ikke.');
  await anne.getByRole('radio', { name: 'Lav' }).check();
  await anne.getByRole('button', { name: 'Send inn saken' }).click();
  await expect(anne.getByRole('heading', { level: 1, name: 'Saken er registrert' })).toBeVisible();
  await anne.goto(link);
  await expect(anne.getByRole('heading', { level: 1, name: 'Lenken virker ikke' })).toBeVisible();
  await axe(anne, 'link-used');
  await anne.goto(`${central.url}/kundeservice/folg`);
  await anne.getByLabel('E-postadresse').fill(ANNE.email);
  await anne.getByRole('button', { name: 'Send meg en innloggingslenke' }).click();
  const anneMail = await smtp.waitFor(
    (m) => m.to.includes(ANNE.email) && m.subject.startsWith('Innloggingslenke'),
  );
  await anne.goto(/(http:\/\/\S+\/kundeservice\/logg-inn\?t=[A-Za-z0-9_-]{43})/.exec(anneMail.text)![1]!);
  await anne.getByRole('button', { name: 'Logg inn' }).click();
  await expect(anne.getByRole('heading', { level: 1, name: 'Sakene dine' })).toBeVisible();
  await expect(anne.getByRole('main')).not.toContainText(reference);
  const refused = await anne.goto(ticketUrl);
  expect(refused?.status()).toBe(404);
  await expect(anne.getByRole('heading', { level: 1, name: 'Fant ikke siden' })).toBeVisible();
  await expect(anne.getByRole('main')).not.toContainText('legevakten');
  await axe(anne, 'not-found');
  await other.close();

  // The agent's desk: the ticket from the web, the answer in its history, the clock from Monday 08:00.
  const desk = await startDeskProcess(tempDataDir(), { central: central.url });
  running.push(desk);
  const deskPage = await browser.newPage();
  await deskPage.goto(desk.url);
  await signIn(deskPage, KARI);
  await deskPage.getByRole('link', { name: 'Saker', exact: true }).click();
  const open = ticketList(deskPage, 'Åpne saker');
  await deskPage.getByLabel('Søk').fill(PER.name);
  await expect(ticketRows(open)).toHaveCount(1, { timeout: 15_000 });
  await expect(ticketRows(open).first()).toContainText(reference);
  // Per's answer waits for the desk: the list says so until someone acts on the ticket.
  await expect(ticketRows(open).first().getByTestId('new-reply')).toHaveText('Nytt svar');
  await deskPage.screenshot({ path: 'test-results/screens/intake-new-reply.png' });
  await deskPage.getByLabel('Søk').press('ArrowDown');
  await deskPage.keyboard.press('Enter');
  await expect(timeline(deskPage)).toContainText('Det gjelder alle PC-ene på legevakten.', {
    timeout: 15_000,
  });
  await expect(deskPage.getByTestId('response-due')).toContainText(
    opening.plus({ minutes: 15 }).toFormat('dd.MM.yyyy HH:mm'),
  );
  await deskPage.screenshot({ path: 'test-results/screens/intake-desk.png', fullPage: true });
  await deskPage.close();
});
