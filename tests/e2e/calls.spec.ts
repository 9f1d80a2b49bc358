// The call log end to end in Chromium against browser mode (R3): log three
// calls, take next (the oldest), be refused the third, override as team lead
// (recorded), finish with an outcome, restart on the same data and find it all.
import { expect, test, type Page } from '@playwright/test';
import { startDeskProcess, tempDataDir, type DeskProcess } from './support/deskProcess';

let desk: DeskProcess | null = null;
test.afterEach(async () => {
  await desk?.stop();
  desk = null;
});

async function chooseProfile(page: Page, name: string, role: string) {
  await page.getByLabel('Navn', { exact: true }).fill(name);
  await page.getByLabel('Rolle').selectOption({ label: role });
  await page.getByRole('button', { name: 'Lagre profil' }).click();
}

async function logCall(page: Page, number: string, name: string) {
  const form = page.getByRole('form', { name: 'Registrer innkommende samtale' });
  await form.getByLabel('Telefonnummer').fill(number);
  await form.getByLabel('Navn på innringer').fill(name);
  await form.getByLabel('Tjenestemottaker').selectOption({ label: 'Molde kommune' });
  await form.getByLabel('Telefonnummer').press('Enter');
  await expect(form.getByLabel('Telefonnummer')).toHaveValue('');
}

test('an agent works the queue in arrival order; a team lead overrides; everything survives a restart', async ({
  page,
}) => {
  const dataDir = tempDataDir();
  desk = await startDeskProcess(dataDir);
  await page.goto(desk.url);

  await expect(page.getByRole('heading', { name: 'Velkommen til Kundeservice' })).toBeVisible();
  await chooseProfile(page, 'Kari Agent', 'Saksbehandler');

  // A malformed number is refused next to the field, and nothing is queued.
  const form = page.getByRole('form', { name: 'Registrer innkommende samtale' });
  await form.getByLabel('Telefonnummer').fill('12ab');
  await form.getByRole('button', { name: 'Legg i kø' }).click();
  await expect(form.getByText('Ugyldig telefonnummer.')).toBeVisible();
  await form.getByLabel('Telefonnummer').fill('');

  await logCall(page, '900 00 001', 'Anne Først');
  await logCall(page, '900 00 002', 'Bjørn Andre');
  await logCall(page, '900 00 003', 'Cecilie Tredje');
  const queue = page.getByRole('table', { name: 'Ventende samtaler' });
  await expect(queue.getByRole('row')).toHaveCount(4); // header + 3
  await expect(queue.getByRole('row').nth(1)).toContainText('Anne Først');

  // Take next (F2) hands over the oldest call.
  await page.keyboard.press('F2');
  const active = page.getByRole('region', { name: 'Pågående samtale' });
  await expect(active).toBeVisible();
  await expect(active.getByLabel('Navn på innringer')).toHaveValue('Anne Først');
  await expect(active.getByTestId('waiting-time')).toHaveText(/\d+:\d\d/);

  // Finish it with an outcome and a summary.
  await active.getByLabel('Sammendrag').fill('Glemt passord, tilbakestilt');
  await active.getByLabel('Løst på telefon').check();
  await active.getByRole('button', { name: 'Avslutt samtale' }).click();
  await expect(active).toBeHidden();
  await expect(queue.getByRole('row')).toHaveCount(3);

  // Taking the third while the second waits is refused, naming the first in line.
  const third = queue.getByRole('row').filter({ hasText: 'Cecilie Tredje' });
  await third.getByRole('button', { name: 'Ta', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('90 00 00 02 er først i køen');
  await expect(page.getByRole('region', { name: 'Pågående samtale' })).toBeHidden();

  // A team lead may override with a reason.
  await page.getByRole('link', { name: /Kari Agent/ }).click();
  await chooseProfile(page, 'Tone Teamleder', 'Teamleder');
  await third.getByRole('button', { name: 'Ta', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Overstyr rekkefølgen' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Begrunnelse').fill('Legevakt, kritisk system nede');
  await dialog.getByRole('button', { name: 'Ta samtalen' }).click();
  await expect(active.getByLabel('Navn på innringer')).toHaveValue('Cecilie Tredje');
  await expect(active).toContainText('overstyrt av Tone Teamleder');
  await active.getByLabel('Trenger sak').check();
  await active.getByRole('button', { name: 'Avslutt samtale' }).click();
  await expect(active).toBeHidden();

  // Restart the desk on the same data folder.
  await desk.stop();
  desk = await startDeskProcess(dataDir);
  await page.goto(desk.url);
  await expect(page.getByRole('link', { name: /Tone Teamleder/ })).toBeVisible();
  await expect(queue.getByRole('row')).toHaveCount(2);
  await expect(queue).toContainText('Bjørn Andre');

  await page.getByRole('link', { name: 'Samtalelogg' }).click();
  const list = page.getByRole('table', { name: 'Samtalelogg' });
  await expect(list.getByRole('row')).toHaveCount(3);
  await page.getByLabel('Søk').fill('Cecilie');
  await expect(list.getByRole('row')).toHaveCount(1);
  await list.getByRole('row').first().click();
  await expect(page.getByTestId('override-record')).toContainText('Legevakt, kritisk system nede');
  await page.getByLabel('Søk').fill('');
  await page.getByLabel('Rekkefølge').selectOption({ label: 'Eldste ankomst først' });
  await expect(list.getByRole('row').first()).toContainText('Anne Først');
  await expect(list.getByRole('row').first()).toContainText('Løst på telefon');

  await page.screenshot({ path: 'test-results/calls-history.png', fullPage: true });
});

test('English can be chosen and is remembered', async ({ page }) => {
  desk = await startDeskProcess(tempDataDir());
  await page.goto(desk.url);
  await chooseProfile(page, 'Kari Agent', 'Saksbehandler');
  await page.getByLabel('Språk').selectOption('en');
  await expect(page.getByRole('button', { name: /Take next call/ })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('link', { name: 'Call log' })).toBeVisible();
});

test('browser mode without its token says how to get in', async ({ page }) => {
  desk = await startDeskProcess(tempDataDir());
  await page.goto(desk.url.replace(/#.*$/, ''));
  await expect(page.getByRole('alert')).toContainText('tilgangsnøkkelen');
});
