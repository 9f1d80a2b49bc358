// The equipment register end to end (issue 14), two browser-mode desks and a
// standalone central store: a team lead imports the approved models and the
// inventory from Excel-made CSV files (Windows-1252, semicolons, Norwegian
// headers) and sets the licence charge; a ticket is linked to a user's aged
// laptop. The technician's desk loses the central store, records the
// handover from the ticket (new laptop from stock, the old one handed in with
// its disk taken out) and a second one where the customer keeps the old PC,
// then comes back. The team lead's desk sees the old laptop in the recycling
// register, sends it in a batch, confirms its wipe, closes the batch with the
// recycler's certificate and downloads the licence-charge CSV.
import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { DateTime } from 'luxon';
import { createFirstAdmin, createUser, signIn, signOut, TONE } from './support/deskPage';
import {
  freePort,
  startCentralProcess,
  startDeskProcess,
  tempDataDir,
  type CentralProcess,
  type DeskProcess,
} from './support/deskProcess';
import { importDevices, importModels } from './support/equipmentPage';
import { timeline } from './support/ticketPage';

const TORE = { username: 'tore', name: 'Tore Tekniker', role: 'Tekniker', password: 'tore-passord-1' };

const MODELS_CSV = [
  'Kategori;Produsent;Modell;Leverandør;Rammeavtale;Godkjent fra;Godkjent til;Bestilles via servicedesk;Årsak',
  'Bærbar PC;HP;EliteBook 840 G10;Atea;Rammeavtale IKT-utstyr 2023;01.01.2023;;ja;lisens',
  'PC;Dell;OptiPlex 7050;Atea;Rammeavtale IKT 2017;01.01.2017;31.12.2022;nei;',
].join('\r\n');

const DEVICES_CSV = [
  'Serienummer;Produsent;Modell;Inventarnummer;Kommune;Arbeidssted;Bruker;Nettverk;Levert;Status',
  '5CG9ALDR01;HP;EliteBook 840 G10;MK-1001;Molde kommune;Molde rådhus;Per Pleier;hoved;01.02.2019;i bruk',
  '5CG3NYTT01;HP;EliteBook 840 G10;MK-2001;Molde kommune;Molde rådhus;;hoved;;på lager',
  '5CG3NYTT02;HP;EliteBook 840 G10;MK-2002;Molde kommune;Molde rådhus;;hoved;;på lager',
  'DL7050GML;Dell;OptiPlex 7050;MK-0501;Molde kommune;Kirkebakken omsorgssenter;Åse Ås;hoved;15.08.2018;i bruk',
].join('\r\n');

const running: Array<DeskProcess | CentralProcess> = [];
test.afterEach(async () => {
  for (const p of running.reverse()) await p.stop();
  running.length = 0;
});

const pill = (page: Page) => page.getByTestId('sync-pill');
const idle = (page: Page) => expect(pill(page)).toHaveAttribute('data-state', 'idle', { timeout: 20_000 });

test('a technician’s offline handover reaches the team lead’s recycling register, batch, wipe and invoice', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const centralDir = tempDataDir();
  const port = await freePort();
  let central = await startCentralProcess(centralDir, port);
  running.push(central);
  const lead = await startDeskProcess(tempDataDir(), { central: central.url });
  const tech = await startDeskProcess(tempDataDir(), { central: central.url });
  running.push(lead, tech);

  // The first administrator makes Tone (team lead) and Tore (technician).
  await page.goto(lead.url);
  await createFirstAdmin(page);
  await createUser(page, TONE);
  await createUser(page, TORE);
  await signOut(page);
  await signIn(page, TONE);

  // Tone imports the catalogue and the inventory from Excel files.
  await page.getByRole('link', { name: 'Utstyr' }).click();
  await page.getByRole('link', { name: 'Godkjente modeller' }).click();
  await importModels(page, MODELS_CSV);
  await expect(page.getByTestId('import-models-result')).toContainText('2 nye, 0 endret, 0 uendret.');
  const catalogue = page.getByRole('table', { name: 'Godkjente modeller' });
  await expect(catalogue.getByRole('row', { name: /EliteBook 840 G10/ })).toContainText('Bærbar PC');
  await expect(catalogue.getByRole('row', { name: /OptiPlex 7050/ })).toContainText('ikke godkjent nå');
  await importDevices(page, DEVICES_CSV);
  await expect(page.getByTestId('import-devices-result')).toContainText('4 registrert, 0 fantes fra før.');

  // The licence charge for PCs kept by a customer.
  await page.getByRole('link', { name: 'Innstillinger og lisensgebyr' }).click();
  await page.getByLabel('Lisensgebyr for PC (stasjonær) (kr)').fill('1500');
  await page.getByRole('button', { name: 'Lagre' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Innstillingene er lagret.' })).toBeVisible();

  // Look-up as one types: Per's laptop is past its lifetime; the old Dell is not approved.
  await page.getByRole('link', { name: 'Oppslag' }).click();
  await page.getByTestId('device-search').fill('per ple');
  const results = page.getByTestId('device-results');
  await expect(results.getByRole('row', { name: /5CG9ALDR01/ })).toContainText('Utskifting anbefalt');
  await page.getByTestId('device-search').fill('MK-05');
  await expect(results.getByRole('row', { name: /DL7050GML/ })).toContainText(
    'Ikke godkjent modell: ingen nettverkstilgang og ingen støtte',
  );
  await page.screenshot({ path: 'test-results/screens/equipment-lookup.png', fullPage: true });

  // A ticket about Per's laptop, linked to it from the create form.
  await page.getByRole('link', { name: 'Saker', exact: true }).click();
  await page.getByTestId('new-ticket-link').click();
  const form = page.getByRole('form', { name: 'Ny sak' });
  await form.getByLabel('Navn på innmelder').fill('Per Pleier');
  await form.getByLabel('Telefonnummer').fill('912 34 567');
  await form.getByLabel('Tjenestemottaker').selectOption({ label: 'Molde kommune' });
  await form.getByLabel('Arbeidssted').fill('Molde rådhus');
  await form
    .getByLabel('Beskrivelse av behov eller feil')
    .fill('Den bærbare PC-en er treg og batteriet er dårlig');
  await form.getByLabel('System / tjeneste').fill('Klient');
  await form.getByRole('combobox', { name: /^Enhet \(valgfritt/ }).fill('5CG9');
  await form.getByRole('option', { name: /5CG9ALDR01/ }).click();
  await expect(form.getByTestId('linked-device')).toContainText('Utskifting anbefalt');
  await form.getByRole('button', { name: 'Opprett sak' }).click();
  await expect(page.getByTestId('ticket-reference')).toBeVisible();
  const ticketUrl = page.url();
  await idle(page);

  // Tore signs in on his desk, which has everything; then the central store goes down.
  const techPage = await page.context().newPage();
  await techPage.goto(tech.url);
  await signIn(techPage, TORE);
  await idle(techPage);
  await central.stop();
  running.splice(running.indexOf(central), 1);

  // Offline: from the ticket, the handover; the ticket's device is the one replaced.
  await techPage.goto(`${new URL(tech.url).origin}/${new URL(ticketUrl).hash}`);
  const linked = techPage.getByTestId('linked-device');
  await expect(linked).toContainText('5CG9ALDR01');
  await expect(linked).toContainText('Utskifting anbefalt');
  await techPage.getByTestId('start-handover').click();
  const handover = techPage.getByRole('form', { name: 'Overlevering på stedet' });
  await expect(handover.getByTestId('handover-ticket')).toBeVisible();
  await expect(handover.getByTestId('old-device')).toContainText('5CG9ALDR01');
  await expect(handover.getByLabel('Arbeidssted')).toHaveValue('Molde rådhus');
  await chooseContaining(handover.getByLabel('Enhet fra lager'), '5CG3NYTT01');
  await handover.getByLabel('Disken er tatt ut').check();
  await handover.getByLabel('Ankom (tt:mm)').fill(osloHHmm(-45));
  await handover.getByLabel('Reisetid (minutter)').fill('25');
  await handover.getByLabel('Merknad').fill('Data flyttet fra gammel maskin');
  await techPage.screenshot({ path: 'test-results/screens/equipment-handover.png', fullPage: true });
  await handover.getByRole('button', { name: 'Registrer overleveringen' }).click();
  await expect(handover.getByTestId('handover-done')).toContainText('5CG3NYTT01 er i bruk');
  await expect(pill(techPage)).toHaveText(/Frakoblet – 1 endring venter/, { timeout: 15_000 });

  // A second handover without a ticket: Åse keeps her old, unapproved Dell (a licence charge).
  await techPage.getByRole('link', { name: 'Overlevering', exact: true }).click();
  const second = techPage.getByRole('form', { name: 'Overlevering på stedet' });
  await second.getByLabel('Kommune').selectOption({ label: 'Molde kommune' });
  await second.getByLabel('Arbeidssted').fill('Kirkebakken omsorgssenter');
  await second.getByLabel('Bruker').fill('Åse Ås');
  await chooseContaining(second.getByLabel('Enhet fra lager'), '5CG3NYTT02');
  await second.getByRole('combobox', { name: 'Finn den gamle enheten' }).fill('DL7050');
  await second.getByRole('option', { name: /DL7050GML/ }).click();
  await second.getByLabel('Kunden beholder den (lisensgebyr)').check();
  await second.getByRole('button', { name: 'Registrer overleveringen' }).click();
  await expect(second.getByTestId('handover-done')).toContainText('Lisensgebyr 1500 kr er ført på kunden.');
  await expect(pill(techPage)).toHaveText(/Frakoblet – 2 endringer venter/, { timeout: 15_000 });

  // The central store comes back; Tore's desk sends both.
  central = await startCentralProcess(centralDir, port);
  running.unshift(central);
  await idle(techPage);
  await idle(page);

  // Tone sees the ticket's on-site visit, and the old laptop in the recycling register.
  await page.goto(ticketUrl);
  await expect(timeline(page)).toContainText('Tore Tekniker');
  await expect(timeline(page)).toContainText('Levert 5CG3NYTT01, innlevert 5CG9ALDR01');
  await page.getByRole('link', { name: 'Utstyr' }).click();
  await page.getByRole('link', { name: 'Gjenvinning' }).click();
  const waiting = page.getByTestId('waiting');
  await expect(waiting.getByRole('row', { name: /5CG9ALDR01/ })).toContainText('Tore Tekniker');
  await expect(waiting).not.toContainText('DL7050GML');
  await waiting.getByRole('checkbox', { name: 'Velg 5CG9ALDR01 til partiet' }).check();
  await page.getByLabel('Gjenvinner').fill('Retura Norsk Gjenvinning');
  await page.getByRole('button', { name: 'Send partiet' }).click();

  // The batch's handover sheet; it closes only once the wipe is confirmed (or covered).
  const lines = page.getByTestId('batch-lines');
  await expect(lines.getByRole('row', { name: /5CG9ALDR01/ })).toContainText('Tatt ut');
  await page.getByLabel('Sertifikatets referanse').fill('RETURA-2026-0412');
  await page.getByLabel('Destruksjonsmetode').fill('Makulering');
  await page.getByRole('button', { name: 'Lukk partiet' }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: 'Sletting er ikke bekreftet for 5CG9ALDR01' }),
  ).toBeVisible();
  await lines.getByRole('button', { name: 'Bekreft sletting' }).click();
  const wipe = page.getByRole('dialog', { name: 'Bekreft sletting av 5CG9ALDR01' });
  await wipe.getByLabel('Verktøy').fill('Blancco Drive Eraser');
  await wipe.getByRole('textbox', { name: 'Slettet av' }).fill(TONE.name);
  await wipe.getByRole('button', { name: 'Bekreft' }).click();
  await expect(lines.getByRole('row', { name: /5CG9ALDR01/ })).toContainText('Slettet av oss');
  await page.getByRole('button', { name: 'Lukk partiet' }).click();
  await expect(page.getByTestId('batch-state')).toContainText('Lukket med sertifikat RETURA-2026-0412');
  await page.screenshot({ path: 'test-results/screens/equipment-batch.png', fullPage: true });

  // The licence charge for the kept Dell, as CSV for invoicing.
  await page.getByRole('link', { name: 'Innstillinger og lisensgebyr' }).click();
  await expect(page.getByTestId('charges').getByRole('row', { name: /DL7050GML/ })).toContainText('1500 kr');
  const downloading = page.waitForEvent('download');
  await page.getByTestId('charges-csv').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^lisensgebyr-\d{4}-\d{2}\.csv$/);
  const csv = readFileSync((await download.path())!, 'utf8');
  expect(csv).toContain('Måned;Kommune;Dato;Serienummer');
  expect(csv).toMatch(
    /;Molde kommune;.*;DL7050GML;MK-0501;Dell;OptiPlex 7050;pc;Kirkebakken omsorgssenter;Tore Tekniker;1500/,
  );

  // Back on Tore's desk, the old laptop is recycled, with its wipe and the batch.
  await techPage.getByRole('link', { name: 'Oppslag' }).click();
  await techPage.getByTestId('device-search').fill('5CG9ALDR01');
  await techPage.getByRole('link', { name: '5CG9ALDR01' }).click();
  await expect(techPage.getByTestId('device-status')).toHaveText('Gjenvunnet', { timeout: 15_000 });
  await expect(techPage.getByTestId('device-wipe')).toContainText('Blancco Drive Eraser');
});

/** "HH:mm" in Oslo, `minutes` from now. */
function osloHHmm(minutes: number): string {
  return DateTime.now().setZone('Europe/Oslo').plus({ minutes }).toFormat('HH:mm');
}

/** Chooses the option of a select whose text contains `text`. */
async function chooseContaining(select: Locator, text: string): Promise<void> {
  const option = select.locator('option', { hasText: text });
  await expect(option).toHaveCount(1);
  await select.selectOption((await option.getAttribute('value'))!);
}
