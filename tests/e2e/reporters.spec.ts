// The reporter directory end to end (issue 18), in browser mode: a team lead
// adds a reporter by hand (a missing field and a bad number are refused next
// to their fields), finds them by search, corrects them, sees their calls and
// tickets; two waiting calls from one number are flagged in the queue, and a
// number the directory does not know is recognised from an earlier call, marked so.
import { expect, test } from '@playwright/test';
import { TONE, logCall, waitingQueue, signedInAsNewUsers } from './support/deskPage';
import { startDeskProcess, tempDataDir, type DeskProcess } from './support/deskProcess';

let desk: DeskProcess | null = null;
test.afterEach(async () => {
  await desk?.stop();
  desk = null;
});

test('a team lead adds, finds and corrects a reporter; the queue flags a number waiting twice', async ({
  page,
}) => {
  test.setTimeout(120_000);
  desk = await startDeskProcess(tempDataDir());
  await signedInAsNewUsers(page, desk.url, [TONE]);

  await page.getByRole('link', { name: 'Innmeldere' }).click();
  const directory = page.getByRole('region', { name: 'Innmeldere' });
  await expect(directory.getByText('Registeret er tomt.')).toBeVisible();
  await directory.getByRole('button', { name: 'Ny innmelder' }).click();
  const form = page.getByRole('form', { name: 'Ny innmelder' });
  await expect(form.getByLabel(/^Navn/)).toBeFocused();
  await form.getByLabel(/^Telefonnumre/).fill('12');
  await form.getByRole('button', { name: 'Lagre' }).click();
  await expect(form.getByText('Skriv navnet.')).toBeVisible();
  await expect(form.getByText('Velg kommune.')).toBeVisible();
  await expect(form.getByText('Ugyldig telefonnummer.')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/reporter-form-errors.png', fullPage: true });

  await form.getByLabel(/^Navn/).fill('Per Pleier');
  await form.getByLabel(/^Kommune/).selectOption({ label: 'Molde kommune' });
  await form.getByLabel(/^Arbeidssted/).fill('Molde legevakt');
  await form.getByLabel(/^Telefonnumre/).fill('91 23 45 67, 71 11 22 33');
  await form.getByRole('button', { name: 'Lagre' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Per Pleier er lagret.' })).toBeVisible();
  const detail = page.getByTestId('reporter-detail');
  await expect(detail.getByRole('heading', { name: 'Per Pleier' })).toBeVisible();
  await expect(detail).toContainText('91 23 45 67, 71 11 22 33');
  await expect(page.getByTestId('reporter-count')).toContainText('1 innmelder i registeret');

  // Searched by a part of a number, opened, corrected.
  await directory.getByLabel('Søk i registeret').fill('7111');
  await expect(directory.getByRole('button', { name: 'Vis Per Pleier' })).toBeVisible();
  await directory.getByLabel('Søk i registeret').fill('ingen slik');
  await expect(directory.getByText('Ingen innmeldere passer søket.')).toBeVisible();
  await directory.getByLabel('Søk i registeret').fill('legevakt');
  await directory.getByRole('button', { name: 'Vis Per Pleier' }).click();
  await detail.getByRole('button', { name: 'Endre' }).click();
  const edit = page.getByRole('form', { name: 'Endre Per Pleier' });
  await expect(edit.getByLabel(/^Telefonnumre/)).toHaveValue('91 23 45 67, 71 11 22 33');
  await edit.getByLabel(/^Arbeidssted/).fill('Molde rådhus');
  await edit.getByLabel(/^Telefonnumre/).press('Enter');
  await expect(detail).toContainText('Molde rådhus · Molde kommune');
  await expect(detail.getByText('Ingen samtaler fra disse numrene.')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/reporter-directory.png', fullPage: true });

  // Gunn, not in the directory, calls and is answered; her name and municipality are on that call.
  await page.getByRole('link', { name: 'Samtaler' }).click();
  await logCall(page, '95959595', 'Gunn Gjest');
  await page.keyboard.press('F2');
  const active = page.getByRole('region', { name: 'Pågående samtale' });
  await expect(active.getByLabel('Navn på innringer')).toHaveValue('Gunn Gjest');
  await active.getByLabel('Løst på telefon').check();
  await active.getByRole('button', { name: 'Avslutt samtale' }).click();
  await expect(active).toBeHidden();

  // Two calls from Per's number wait, flagged; Gunn calls again, known from her earlier call, marked so.
  await logCall(page, '71112233', 'Per Pleier');
  await logCall(page, '+47 71 11 22 33', 'Per Pleier');
  const log = page.getByRole('form', { name: 'Registrer innkommende samtale' });
  await log.getByLabel('Telefonnummer').fill('95 95 95 95');
  await log.getByLabel('Telefonnummer').press('Enter');
  const queue = waitingQueue(page);
  await expect(queue.getByRole('row')).toHaveCount(4);
  await expect(queue.getByTestId('same-number')).toHaveCount(2);
  await expect(queue.getByTestId('same-number').first()).toHaveText('2 i kø fra nummeret');
  const gunn = queue.getByRole('row').nth(3);
  await expect(gunn.getByTestId('same-number')).toHaveCount(0);
  await expect(gunn).toContainText('Gunn Gjest');
  await expect(gunn.getByTestId('earlier-call')).toHaveText('Kjent fra tidligere samtale');
  await expect(queue.getByTestId('earlier-call')).toHaveCount(1);
  await page.screenshot({ path: 'test-results/screens/queue-same-number.png', fullPage: true });

  // The directory shows Per's calls.
  await page.getByRole('link', { name: 'Innmeldere' }).click();
  await page.getByRole('button', { name: 'Vis Per Pleier' }).click();
  await expect(detail.getByRole('table', { name: 'Samtaler fra numrene' }).getByRole('row')).toHaveCount(3);
});
