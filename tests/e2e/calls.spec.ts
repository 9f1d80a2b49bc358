// The call log end to end in Chromium against browser mode (R3), with real
// sign-in: first start creates the administrator, who creates an agent and a
// team lead; the agent works the queue in arrival order, the team lead
// overrides (recorded); after a restart everyone signs in again and finds it
// all, and the administrator reads it in the audit trail.
import { expect, test } from '@playwright/test';
import {
  ADMIN,
  KARI,
  TONE,
  createFirstAdmin,
  createUser,
  logCall,
  signIn,
  signOut,
  signedInAs,
  waitingQueue,
} from './support/deskPage';
import { startDeskProcess, tempDataDir, type DeskProcess } from './support/deskProcess';

let desk: DeskProcess | null = null;
test.afterEach(async () => {
  await desk?.stop();
  desk = null;
});

test('an agent works the queue in arrival order; a team lead overrides; everything survives a restart', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const dataDir = tempDataDir();
  desk = await startDeskProcess(dataDir);
  await page.goto(desk.url);

  // First start: the first administrator; bad input is refused next to its field.
  const setup = page.getByRole('form', { name: 'Opprett første administrator' });
  await expect(setup).toBeVisible();
  await expect(page.getByTestId('central-address')).toContainText('lokal sentral database');
  await setup.getByLabel('Brukernavn').fill('Å');
  await setup.getByLabel('Fullt navn').fill(ADMIN.name);
  await setup.getByRole('textbox', { name: /^Passord/ }).fill('kort');
  await setup.getByLabel('Gjenta passordet').fill('kort');
  await setup.getByLabel('Gjenta passordet').press('Enter');
  await expect(setup.getByText('Passordet må ha minst 10 tegn.')).toBeVisible();
  await expect(setup.getByText('Bruk 2–40 tegn: a–z, 0–9')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/first-admin.png' });
  await createFirstAdmin(page);

  // An administrator does not answer calls, but makes the accounts.
  await expect(page.getByTestId('calls-read-only')).toBeVisible();
  await createUser(page, KARI);
  await createUser(page, TONE);
  const users = page.getByRole('form', { name: 'Ny bruker' });
  await users.getByLabel('Brukernavn').fill(KARI.username);
  await users.getByLabel('Fullt navn').fill('Kari Kopi');
  await users.getByLabel('Passord (første gang)').fill('kopi-passord-1');
  await users.getByLabel('Passord (første gang)').press('Enter');
  await expect(users.getByText('Brukernavnet er allerede i bruk.')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/users.png' });
  await signOut(page);

  // The sign-in screen explains a wrong password.
  const login = page.getByRole('form', { name: 'Logg inn' });
  await login.getByLabel('Brukernavn').fill(KARI.username);
  await login.getByLabel('Passord').fill('feil-passord');
  await login.getByLabel('Passord').press('Enter');
  await expect(login.getByRole('alert')).toHaveText('Feil brukernavn eller passord.');
  await page.screenshot({ path: 'test-results/screens/login.png' });
  await signIn(page, KARI);
  await expect(signedInAs(page)).toHaveText('Kari Agent · Saksbehandler');
  await expect(page.getByRole('link', { name: 'Brukere' })).toHaveCount(0);

  // A malformed number is refused next to the field, and nothing is queued.
  const form = page.getByRole('form', { name: 'Registrer innkommende samtale' });
  await form.getByLabel('Telefonnummer').fill('12ab');
  await form.getByRole('button', { name: 'Legg i kø' }).click();
  await expect(form.getByText('Ugyldig telefonnummer.')).toBeVisible();
  await form.getByLabel('Telefonnummer').fill('');

  await logCall(page, '900 00 001', 'Anne Først');
  await logCall(page, '900 00 002', 'Bjørn Andre');
  await logCall(page, '900 00 003', 'Cecilie Tredje');
  const queue = waitingQueue(page);
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

  // The desk has synced Kari's changes to the (embedded) central store.
  await expect(page.getByTestId('sync-pill')).toHaveText(/^Synkronisert \d\d:\d\d$/);
  await page.locator('.topbar').screenshot({ path: 'test-results/screens/topbar-synced.png' });

  // A team lead may override with a reason.
  await signOut(page);
  await signIn(page, TONE);
  await expect(signedInAs(page)).toHaveText('Tone Teamleder · Teamleder');
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
  await expect(page.getByTestId('sync-pill')).toHaveText(/^Synkronisert/);

  // Restart the desk on the same data folder: browser mode keeps sessions in
  // memory only, so Tone signs in again, and finds everything where it was.
  await desk.stop();
  desk = await startDeskProcess(dataDir);
  await page.goto(desk.url);
  await expect(page.getByRole('heading', { name: /Logg inn/ })).toBeVisible();
  await signIn(page, TONE);
  await expect(queue.getByRole('row')).toHaveCount(2);
  await expect(queue).toContainText('Bjørn Andre');

  await page.getByRole('link', { name: 'Samtalelogg' }).click();
  // One grid with its header row inside (issue 18): header + 3 calls.
  const list = page.getByRole('grid', { name: 'Samtalelogg' });
  await expect(list.getByRole('row')).toHaveCount(1 + 3);
  await page.getByLabel('Søk').fill('Cecilie');
  await expect(list.getByRole('row')).toHaveCount(1 + 1);
  await list.getByRole('row').nth(1).click();
  await expect(page.getByTestId('override-record')).toContainText('Legevakt, kritisk system nede');
  await page.getByLabel('Søk').fill('');
  await page.getByLabel('Rekkefølge').selectOption({ label: 'Eldste ankomst først' });
  await expect(list.getByRole('row').nth(1)).toContainText('Anne Først');
  await expect(list.getByRole('row').nth(1)).toContainText('Løst på telefon');
  await page.screenshot({ path: 'test-results/screens/calls-history.png', fullPage: true });

  // The administrator reads every change in the audit trail: who, what, from which desk.
  await signOut(page);
  await signIn(page, ADMIN);
  await page.getByRole('link', { name: 'Revisjonslogg' }).click();
  const audit = page.getByRole('table', { name: 'Revisjonslogg' });
  // Header, 3 logged, 2 taken, 2 finished; besides them, the central store's own records of the
  // desks coming and going (presence.link, for "frakoblet"). Changes are named in words (issue 18).
  await expect(audit.getByRole('row').filter({ hasNotText: 'Tilstedeværelse koblet' })).toHaveCount(
    1 + 3 + 2 + 2,
  );
  const override = audit
    .getByRole('row')
    .filter({ hasText: 'Samtale besvart' })
    .filter({ hasText: 'Tone Teamleder' });
  await expect(override).toContainText('Legevakt, kritisk system nede');
  await expect(override).toContainText('Teamleder');
  await expect(override).toContainText('Utført');
  await page.screenshot({ path: 'test-results/screens/audit.png', fullPage: true });
});

test('English can be chosen and is remembered', async ({ page }) => {
  desk = await startDeskProcess(tempDataDir());
  await page.goto(desk.url);
  await createFirstAdmin(page);
  await page.getByLabel('Språk').selectOption('en');
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(signedInAs(page)).toHaveText(`${ADMIN.name} · Administrator`);
  await page.reload();
  await expect(page.getByRole('link', { name: 'Call log' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Audit trail' })).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByTestId('central-address')).toContainText('local central store');
});

test('browser mode without its token says how to get in', async ({ page }) => {
  desk = await startDeskProcess(tempDataDir());
  await page.goto(desk.url.replace(/#.*$/, ''));
  await expect(page.getByRole('alert')).toContainText('tilgangsnøkkelen');
});
