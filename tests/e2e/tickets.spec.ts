// Tickets end to end in Chromium against browser mode (R4–R12), with a real
// desk process, its embedded central store and a real SMTP server on
// loopback: an agent takes a call and turns it into a ticket in one step,
// sees both deadlines, records a remote session, agrees a further plan (the
// resolution clock pauses), resolves the ticket, and the reporter's e-mails
// (acknowledgement with the reference, and the resolution) arrive over SMTP.
import { expect, test } from '@playwright/test';
import { startTestSmtp, type TestSmtp } from '../support/smtpServer';
import { KARI, OLA, createFirstAdmin, createUser, logCall, signIn, signOut } from './support/deskPage';
import {
  startCentralProcess,
  startDeskProcess,
  tempDataDir,
  type CentralProcess,
  type DeskProcess,
} from './support/deskProcess';
import {
  clock,
  expectStatus,
  osloTimeAgo,
  ticketHeader,
  ticketList,
  ticketRows,
  timeline,
} from './support/ticketPage';

const REPORTER = {
  name: 'Per Pleier',
  number: '912 34 567',
  email: 'per.pleier@molde.kommune.no',
};

let desk: DeskProcess | null = null;
let smtp: TestSmtp | null = null;
const others: Array<DeskProcess | CentralProcess> = [];
test.afterEach(async () => {
  await desk?.stop();
  await smtp?.close();
  desk = null;
  smtp = null;
  // Desks first, then the central store they talk to.
  for (const p of others.reverse()) await p.stop();
  others.length = 0;
});

test('a call becomes a ticket; remote session, agreed plan (paused clock), resolved; the reporter gets e-mail', async ({
  page,
}) => {
  test.setTimeout(180_000);
  smtp = await startTestSmtp();
  desk = await startDeskProcess(tempDataDir(), {}, [
    '--smtp-url',
    smtp.url,
    '--mail-from',
    'ROR-IKT Servicedesk <servicedesk@ror-ikt.no>',
  ]);
  await page.goto(desk.url);
  await createFirstAdmin(page);
  await createUser(page, KARI);
  await signOut(page);
  await signIn(page, KARI);

  // The ticket section is real: empty lists for now.
  await page.getByRole('link', { name: 'Saker', exact: true }).click();
  await expect(page.getByRole('heading', { name: /Åpne saker/ })).toBeVisible();
  await expect(page.getByText('Ingen saker her.')).toBeVisible();

  // A call comes in and is taken (F2); the agent notes where and what.
  await page.getByRole('link', { name: 'Samtaler' }).click();
  await logCall(page, REPORTER.number, REPORTER.name);
  await page.keyboard.press('F2');
  const active = page.getByRole('region', { name: 'Pågående samtale' });
  await expect(active.getByLabel('Navn på innringer')).toHaveValue(REPORTER.name);
  await active.getByLabel('Arbeidssted').fill('Molde legekontor');
  await active
    .getByLabel('Sammendrag')
    .fill('Journalsystemet svarer ikke; pasienter venter på legekontoret.');

  // "Lag sak" (Alt+T on a call) opens the ticket form prefilled from the call.
  await page.keyboard.press('Alt+T');
  const form = page.getByRole('form', { name: 'Ny sak' });
  await expect(page.getByTestId('from-call')).toContainText('91 23 45 67');
  await expect(form.getByLabel('Navn på innmelder')).toHaveValue(REPORTER.name);
  await expect(form.getByLabel('Telefonnummer')).toHaveValue('91 23 45 67');
  await expect(form.getByLabel('Tjenestemottaker')).toHaveText(/Molde kommune/);
  await expect(form.getByLabel('Arbeidssted')).toHaveValue('Molde legekontor');
  await expect(form.getByLabel('Beskrivelse av behov eller feil')).toHaveValue(/Journalsystemet svarer ikke/);
  await expect(form.getByRole('radio', { name: 'Ikke varsle' })).toBeChecked(); // no e-mail address yet

  // A missing required field is named next to it, in bokmål.
  await form.getByRole('button', { name: 'Opprett sak' }).click();
  await expect(form.getByText('Skriv hvilket system eller hvilken tjeneste saken gjelder.')).toBeVisible();
  await form.getByLabel('E-postadresse').fill('per.pleier@');
  await form.getByLabel('System / tjeneste').fill('Journalsystem');
  await form.getByRole('button', { name: 'Opprett sak' }).click();
  await expect(form.getByText('Ugyldig e-postadresse.')).toBeVisible();
  await form.getByLabel('E-postadresse').fill(REPORTER.email);
  await expect(form.getByRole('radio', { name: 'E-post' })).toBeChecked(); // an address: notify by e-mail

  // High priority, with the deadlines it gives shown before saving.
  await form.getByText('Høy', { exact: true }).click();
  await expect(form.getByTestId('response-due')).toHaveText(/\d\d\.\d\d\.\d{4} \d\d:\d\d/);
  await expect(form.getByTestId('resolution-due')).toHaveText(/\d\d\.\d\d\.\d{4} \d\d:\d\d/);
  await page.screenshot({ path: 'test-results/screens/ticket-from-call.png', fullPage: true });
  await form.getByRole('button', { name: 'Opprett sak' }).click();

  // The ticket page: its reference (canonical once synced, the provisional one kept as an alias),
  // status, priority, and both clocks: the answered call was the first response (R8).
  const header = ticketHeader(page);
  await expectStatus(page, 'Ny');
  await expect(header.getByTestId('priority')).toHaveText('Høy');
  await expect(page.getByTestId('ticket-reference')).toHaveText(/^RI-\d{4}-\d{6}$/, { timeout: 20_000 });
  await expect(page.getByTestId('ticket-alias')).toHaveText(/P-[0-9A-Z]{4}-0001/);
  const reference = (await page.getByTestId('ticket-reference').textContent())!;
  await expect(clock(page, 'response')).toContainText('Innfridd');
  await expect(clock(page, 'resolution')).toContainText(/Løper|I fare/);
  await expect(page.getByTestId('resolution-due')).toHaveText(/\d\d\.\d\d\.\d{4} \d\d:\d\d/);
  await expect(page.getByTestId('call-still-open')).toContainText('91 23 45 67');
  await expect(timeline(page)).toContainText('Saken ble opprettet via Telefon, prioritet Høy');
  await expect(timeline(page)).toContainText('Samtalen ble besvart');

  // The reporter is told the reference at once (R6), by e-mail through the central store.
  const created = await smtp.waitFor(
    (m) => m.to.includes(REPORTER.email) && m.subject.includes('registrert'),
    30_000,
  );
  expect(created.subject).toContain(reference);

  // A remote session (R11) is recorded and starts the work.
  await page.getByRole('tab', { name: 'Fjernstyring' }).click();
  const remote = page.getByRole('form', { name: 'Fjernstyring' });
  await remote.getByLabel('Verktøy').fill('BeyondTrust');
  await remote.getByLabel('Start').fill(osloTimeAgo(12));
  await remote.getByLabel('Hva ble gjort').fill('Startet journalklienten på nytt og tømte hurtigbufferen.');
  await remote.getByLabel('Resultat').fill('Klienten svarer igjen, men tregt.');
  await remote.getByRole('button', { name: 'Lagre fjernstyring' }).click();
  await expect(page.getByText('Fjernstyringen er registrert.')).toBeVisible();
  await expect(timeline(page)).toContainText('Fjernstyring med BeyondTrust');
  await expect(timeline(page)).toContainText('Klienten svarer igjen, men tregt.');
  await expectStatus(page, 'Under arbeid');

  // A third party is needed: the further plan is agreed (R10) and the resolution clock pauses.
  await header.getByRole('button', { name: 'Avtalt plan …' }).click();
  const plan = page.getByRole('form', { name: 'Avtalt videre fremdrift' });
  await expect(plan.getByLabel('Navn')).toHaveValue(REPORTER.name);
  await plan.getByRole('button', { name: 'Lagre avtalt plan' }).click();
  await expect(plan.getByText('Beskriv hva som er avtalt.')).toBeVisible();
  await plan
    .getByLabel('Hva er avtalt')
    .fill('Leverandøren feilsøker databasen; vi melder tilbake innen fredag.');
  await plan.getByRole('button', { name: 'Lagre avtalt plan' }).click();
  await expectStatus(page, 'Avtalt plan');
  await expect(clock(page, 'resolution')).toContainText('På pause');
  await expect(page.getByTestId('resolution-due')).toHaveText('Ingen frist mens saken står på pause');
  const pausedLeft = await page.getByTestId('resolution-remaining').textContent();
  await expect(page.getByTestId('agreed-plan')).toContainText('Leverandøren feilsøker databasen');
  await page.screenshot({ path: 'test-results/screens/ticket-agreed-plan.png', fullPage: true });
  await page.waitForTimeout(2500);
  await expect(page.getByTestId('resolution-remaining')).toHaveText(pausedLeft!);

  // Resolved: the resolution clock stops (met), the reporter is told (R9).
  await header.getByRole('button', { name: 'Løs saken …' }).click();
  const resolve = page.getByRole('form', { name: 'Løs saken' });
  await resolve
    .getByLabel('Hvordan ble saken løst')
    .fill('Leverandøren rettet indeksen; journalen er rask igjen.');
  await resolve.getByRole('button', { name: 'Marker som løst' }).click();
  await expectStatus(page, 'Løst');
  await expect(clock(page, 'resolution')).toContainText('Innfridd');
  await expect(timeline(page)).toContainText('Saken ble løst');
  await expect(header.getByRole('button', { name: 'Gjenåpne …' })).toBeVisible();
  await expect(header.getByRole('button', { name: 'Avtalt plan …' })).toHaveCount(0);

  const resolved = await smtp.waitFor(
    (m) => m.to.includes(REPORTER.email) && m.subject.includes('løst'),
    30_000,
  );
  expect(resolved.subject).toContain(reference);
  expect(resolved.text).toContain('Leverandøren rettet indeksen');
  // Once the central store has sent them, the desk shows the messages as sent.
  await expect(page.getByTestId('messages').locator('[data-status="sent"]')).toHaveCount(2, {
    timeout: 30_000,
  });
  await page.screenshot({ path: 'test-results/screens/ticket-resolved.png', fullPage: true });

  // Back on the call, which still runs: it links to its ticket, and is finished.
  await page.keyboard.press('Alt+1');
  await expect(active.getByTestId('call-ticket-link')).toHaveText(`Sak ${reference}`);
  await active.getByLabel('Trenger sak').check();
  await active.getByRole('button', { name: 'Avslutt samtale' }).click();
  await expect(active).toBeHidden();

  // Resolved tickets leave the open list; all tickets finds it by reference and by phone number.
  await page.getByRole('link', { name: 'Saker', exact: true }).click();
  await expect(ticketRows(ticketList(page, 'Åpne saker'))).toHaveCount(0);
  await page.getByRole('link', { name: 'Alle saker' }).click();
  const all = ticketList(page, 'Alle saker');
  await page.getByLabel('Søk').fill(reference);
  await expect(ticketRows(all)).toHaveCount(1);
  await expect(ticketRows(all).first()).toContainText('Løst');
  await page.getByLabel('Søk').fill('91 23');
  await expect(page.getByText('Skriv minst 3 tegn for å søke.')).toHaveCount(0);
  await expect(ticketRows(all)).toHaveCount(1);
  await page.getByLabel('Søk').press('Enter');
  await expect(page.getByTestId('ticket-reference')).toHaveText(reference);
});

test('a ticket made from an e-mail on one desk; another desk sees its changes after sync', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const central = await startCentralProcess(tempDataDir());
  others.push(central);
  const a = await startDeskProcess(tempDataDir(), { central: central.url });
  others.push(a);
  const b = await startDeskProcess(tempDataDir(), { central: central.url });
  others.push(b);

  await page.goto(a.url);
  await createFirstAdmin(page);
  await createUser(page, KARI);
  await createUser(page, OLA);
  await signOut(page);
  await signIn(page, KARI);
  const pageB = await page.context().newPage();
  await pageB.goto(b.url);
  await signIn(pageB, OLA);

  // Kari registers an e-mail from a reporter directly (Alt+T), low priority, no e-mail notice.
  await page.keyboard.press('Alt+T');
  const form = page.getByRole('form', { name: 'Ny sak' });
  await form.getByLabel('Navn på innmelder').fill('Siri Skole');
  await form.getByLabel('Telefonnummer').fill('48 12 34 56');
  await form.getByLabel('Tjenestemottaker').selectOption({ label: 'Molde kommune' });
  await form.getByLabel('Arbeidssted').fill('Kvam skole');
  await form.getByLabel('Beskrivelse av behov eller feil').fill('Kort');
  await form.getByLabel('System / tjeneste').fill('Skriver');
  await form.getByLabel('Kanal').selectOption({ label: 'E-post' });
  await form.getByRole('radio', { name: 'Ikke varsle' }).check();
  await form.getByText('Lav', { exact: true }).click();
  await form.getByRole('button', { name: 'Opprett sak' }).click();
  await expect(form.getByText('Beskriv behovet eller feilen med noen ord (minst 10 tegn).')).toBeVisible();
  await form
    .getByLabel('Beskrivelse av behov eller feil')
    .fill('Skriveren på lærerrommet skriver bare blanke ark.');
  await form.getByRole('button', { name: 'Opprett sak' }).click();
  await expectStatus(page, 'Ny');
  await expect(page.getByTestId('ticket-reference')).toHaveText(/^RI-\d{4}-\d{6}$/, { timeout: 20_000 });
  const reference = (await page.getByTestId('ticket-reference').textContent())!;
  // Not answered yet: the response clock runs (the call-less ticket has no first response).
  await expect(clock(page, 'response')).toContainText(/Løper|I fare|Brutt/);

  // Ola finds it on desk B among the open tickets, by the reporter's name, and opens it.
  await pageB.getByRole('link', { name: 'Saker', exact: true }).click();
  const open = ticketList(pageB, 'Åpne saker');
  await pageB.getByLabel('Søk').fill('Siri');
  await expect(ticketRows(open)).toHaveCount(1, { timeout: 15_000 });
  await expect(ticketRows(open).first()).toContainText(reference);
  await expect(ticketRows(open).first()).toContainText('Lav');
  await pageB.getByLabel('Søk').press('ArrowDown');
  await pageB.keyboard.press('Enter');
  await expectStatus(pageB, 'Ny');
  await expect(pageB.getByTestId('assignee')).toHaveText('Ingen');

  // Kari takes it and starts work on desk A; desk B shows the ticket's real state without a reload.
  await ticketHeader(page).getByRole('button', { name: 'Ta saken' }).click();
  await expect(page.getByTestId('assignee')).toHaveText(KARI.name);
  await ticketHeader(page).getByRole('button', { name: 'Start arbeidet' }).click();
  await expectStatus(page, 'Under arbeid');
  await expect(pageB.getByTestId('assignee')).toHaveText(KARI.name, { timeout: 15_000 });
  await expectStatus(pageB, 'Under arbeid');
  await expect(timeline(pageB)).toContainText('Arbeidet ble startet');
  await expect(ticketHeader(pageB).getByRole('button', { name: 'Start arbeidet' })).toHaveCount(0);
  await pageB.screenshot({ path: 'test-results/screens/ticket-other-desk.png', fullPage: true });

  // Ola corrects the workplace on desk B: a blank one is refused beside the field and nothing is
  // saved; only the changed field is sent, and Kari's desk shows it and its history line.
  await ticketHeader(pageB).getByRole('button', { name: 'Endre opplysninger …' }).click();
  const details = pageB.getByRole('form', { name: 'Endre opplysninger' });
  await expect(details.getByLabel('Navn på innmelder')).toHaveValue('Siri Skole');
  await pageB.screenshot({ path: 'test-results/screens/ticket-edit-details.png', fullPage: true });
  await details.getByLabel('Arbeidssted').fill('');
  await details.getByRole('button', { name: 'Lagre endringer' }).click();
  await expect(details.getByText('Skriv arbeidsstedet til innmelder.')).toBeVisible();
  await details.getByLabel('Arbeidssted').fill('Kvam skole, lærerrommet');
  await details.getByRole('button', { name: 'Lagre endringer' }).click();
  await expect(details).toBeHidden();
  await expect(timeline(pageB)).toContainText('Arbeidssted: Kvam skole → Kvam skole, lærerrommet');
  await expect(timeline(page)).toContainText('Arbeidssted: Kvam skole → Kvam skole, lærerrommet', {
    timeout: 15_000,
  });
  await expect(timeline(page).getByText('Telefonnummer:')).toHaveCount(0);

  // Kari's own list of tickets has it.
  await page.getByRole('link', { name: 'Saker', exact: true }).click();
  await page.getByRole('link', { name: 'Mine saker' }).click();
  await expect(ticketRows(ticketList(page, 'Mine saker'))).toHaveCount(1);
  await page.screenshot({ path: 'test-results/screens/tickets-mine.png' });
});
