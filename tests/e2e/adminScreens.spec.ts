// The SLA screens, the users page and the audit trail as a new user tries them
// (issue 18), in Chromium against a browser-mode desk. An agent sees the SLA
// settings as values, not fields, and a preview time the desk cannot read
// ("99:99", "abc") is said beside its field instead of giving some other day's
// deadlines. A team lead's empty or negative target, impossible date and
// closing time before opening are said in bokmål beside their fields, with the
// opening and closing fields kept in line. The administrator changes an
// agent's role and extension, gives them a new password, deactivates and
// reactivates them; the audit trail names every change in words, can be
// filtered on every kind, and shows when each change was made.
import { expect, test, type Page } from '@playwright/test';
import { ADMIN, KARI, TONE, createFirstAdmin, createUser, signIn, signOut } from './support/deskPage';
import { startDeskProcess, tempDataDir, type DeskProcess } from './support/deskProcess';

let desk: DeskProcess | null = null;
test.afterEach(async () => {
  await desk?.stop();
  desk = null;
});

const settingsForm = (page: Page) => page.getByRole('form', { name: 'SLA-innstillinger' });

test('SLA screens say what is wrong beside the field; an agent’s settings are read-only', async ({
  page,
}) => {
  test.setTimeout(180_000);
  desk = await startDeskProcess(tempDataDir());
  await page.goto(desk.url);
  await createFirstAdmin(page);
  await createUser(page, TONE);
  await createUser(page, KARI);
  await signOut(page);

  // Kari, an agent: the preview refuses a time it cannot read, beside the field.
  await signIn(page, KARI);
  await page.getByRole('link', { name: 'SLA', exact: true }).click();
  const openedAt = page.getByLabel('Opprettet (tt:mm, i dag)');
  const preview = page.getByTestId('sla-preview');
  await expect(page.getByTestId('response-due')).not.toHaveText('…');
  for (const typed of ['99:99', 'abc', '24:00']) {
    await openedAt.fill(typed);
    await expect(openedAt).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByRole('alert').filter({ hasText: 'tt:mm' })).toHaveText(
      'Skriv klokkeslett som tt:mm, fra 00:00 til 23:59.',
    );
    await expect(preview.getByTestId('response-due')).toHaveText('…');
  }
  await openedAt.fill('9:05');
  await expect(openedAt).toHaveAttribute('aria-invalid', 'false');
  await expect(page.getByRole('alert').filter({ hasText: 'tt:mm' })).toHaveCount(0);
  await expect(preview.getByTestId('response-due')).toContainText(/\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}/);

  // The settings are values to read: no borders, no buttons to add or remove.
  const form = settingsForm(page);
  const target = form.getByLabel('Kritisk: Svartid (minutter)');
  await expect(target).toBeDisabled();
  await expect(target).toHaveCSS('border-top-color', 'rgba(0, 0, 0, 0)');
  await expect(form.getByRole('button')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screens/sla-agent.png', fullPage: true });
  await signOut(page);

  // Tone, a team lead: targets that are no number of minutes.
  await signIn(page, TONE);
  await page.getByRole('link', { name: 'SLA', exact: true }).click();
  const critical = settingsForm(page).getByLabel('Kritisk: Svartid (minutter)');
  const criticalCell = settingsForm(page)
    .getByRole('cell')
    .filter({ has: page.getByLabel('Kritisk: Svartid (minutter)') });
  await expect(criticalCell.getByTestId('target-in-hours')).toHaveText('15 min');
  // Empty and negative: no "NaN t NaN min", no "-1 t -5 min"; nothing until it is a number of minutes.
  await critical.fill('');
  await expect(criticalCell.getByTestId('target-in-hours')).toHaveCount(0);
  await expect(criticalCell).not.toContainText('NaN');
  await critical.fill('-5');
  await expect(criticalCell.getByTestId('target-in-hours')).toHaveCount(0);
  await expect(criticalCell).not.toContainText('-1 t');
  await settingsForm(page).getByRole('button', { name: 'Legg til stengt dag' }).click();
  // The ordinary hours' fields (their label holds the error as well, once there is one).
  const open = settingsForm(page)
    .getByRole('textbox', { name: /^Åpner/ })
    .first();
  const close = settingsForm(page)
    .getByRole('textbox', { name: /^Stenger/ })
    .first();
  await close.fill('07:00');
  await settingsForm(page).getByRole('button', { name: 'Lagre innstillinger' }).click();
  await expect(criticalCell.getByRole('alert')).toHaveText('Skriv et antall minutter større enn 0.');
  // The number fixed, the server's checks speak bokmål beside their fields.
  await critical.fill('30');
  await expect(criticalCell).toContainText('30 min');
  await settingsForm(page).getByRole('button', { name: 'Lagre innstillinger' }).click();
  const closedDateRow = settingsForm(page)
    .locator('.row')
    .filter({ has: page.getByLabel('Stengt dato') });
  await expect(closedDateRow.getByRole('alert')).toHaveText('Velg en gyldig dato.');
  await expect(settingsForm(page)).not.toContainText('must be');
  await expect(settingsForm(page).getByRole('alert').filter({ hasText: 'Stengetiden' })).toHaveText(
    'Stengetiden må være etter åpningstiden.',
  );
  // Opening and closing stay in line while one of them has an error.
  const [openBox, closeBox] = [await open.boundingBox(), await close.boundingBox()];
  expect(Math.abs(openBox!.y - closeBox!.y)).toBeLessThan(1);
  await page.screenshot({ path: 'test-results/screens/sla-errors.png', fullPage: true });

  await close.fill('15:30');
  await closedDateRow.getByRole('button', { name: 'Fjern' }).click();
  await settingsForm(page).getByRole('button', { name: 'Lagre innstillinger' }).click();
  await expect(page.getByText(/Sist endret .* av Tone Teamleder/)).toBeVisible();
  await signOut(page);

  // The administrator reads the change in words, filtered on its kind, with the time it was made.
  await signIn(page, ADMIN);
  await page.getByRole('link', { name: 'Revisjonslogg' }).click();
  const filter = page.getByRole('combobox', { name: 'Vis' });
  await expect(filter.locator('option', { hasText: 'Avtalt plan for sak' })).toHaveCount(1);
  await expect(filter.locator('option', { hasText: 'Utstyr overlevert' })).toHaveCount(1);
  await expect(filter.locator('optgroup[label="Saker"]')).toHaveCount(1);
  await filter.selectOption({ label: 'SLA-innstillinger endret' });
  const trail = page.getByRole('table', { name: 'Revisjonslogg' });
  await expect(async () => {
    await page.reload();
    await filter.selectOption({ label: 'SLA-innstillinger endret' });
    await expect(trail.getByRole('row')).toHaveCount(2, { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  const row = trail.getByRole('row').nth(1);
  await expect(row).toContainText('SLA-innstillinger endret');
  await expect(row).toContainText('Tone Teamleder');
  await expect(row.getByRole('term')).toHaveText('Innstillinger');
  await expect(row.getByRole('definition')).toHaveText('Kalender, Mål, Varsel «i fare»');
  await expect(trail).not.toContainText('sla.setSettings');
  await expect(trail).not.toContainText('{"');
  await expect(row.locator('time')).toHaveText(/^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}$/);
  await page.screenshot({ path: 'test-results/screens/audit.png', fullPage: true });
});

test('an administrator changes a user’s role and extension, resets the password and reactivates them', async ({
  page,
}) => {
  test.setTimeout(180_000);
  desk = await startDeskProcess(tempDataDir());
  await page.goto(desk.url);
  await createFirstAdmin(page);
  await createUser(page, KARI);
  const users = page.getByRole('table', { name: 'Brukere' });
  const kari = users.getByRole('row', { name: KARI.name });

  await kari.getByRole('button', { name: `Endre ${KARI.name}` }).click();
  const details = page.getByRole('form', { name: 'Rolle og internnummer' });
  await details.getByLabel('Rolle').selectOption({ label: 'Teamleder' });
  await details.getByLabel('Telefon eller internnummer').fill('20 1');
  await details.getByRole('button', { name: 'Lagre endringene' }).click();
  await expect(details.getByRole('status')).toHaveText(`Endringene for ${KARI.name} er lagret.`);
  await expect(kari.getByRole('cell').nth(2)).toHaveText('Teamleder');
  await expect(kari.getByRole('cell').nth(3)).toHaveText('201');
  await details.getByLabel('Telefon eller internnummer').fill('tjue');
  await details.getByRole('button', { name: 'Lagre endringene' }).click();
  await expect(details.getByRole('alert')).toHaveText('Bare sifre: et telefonnummer eller et internnummer.');

  const reset = page.getByRole('form', { name: 'Nytt passord' });
  await reset.getByLabel('Nytt passord').fill('kort');
  await reset.getByRole('button', { name: 'Sett nytt passord' }).click();
  await expect(reset.getByRole('alert')).toHaveText('Passordet må ha minst 10 tegn.');
  await reset.getByLabel('Nytt passord').fill('kari-nytt-passord-2');
  await reset.getByRole('button', { name: 'Sett nytt passord' }).click();
  await expect(reset.getByRole('status')).toHaveText(`${KARI.name} har fått nytt passord og er logget ut.`);

  // Deactivated, then reactivated: "Aktiver" brings the account back.
  await kari.getByRole('button', { name: `Deaktiver ${KARI.name}` }).click();
  await expect(kari.getByRole('cell').nth(4)).toHaveText('Deaktivert');
  await kari.getByRole('button', { name: `Aktiver ${KARI.name}` }).click();
  await expect(kari.getByRole('cell').nth(4)).toHaveText('Aktiv');

  // One's own role is not for changing here, and one's own password is not reset from this page.
  await users
    .getByRole('row', { name: ADMIN.name })
    .getByRole('button', { name: `Endre ${ADMIN.name}` })
    .click();
  await expect(page.getByRole('form', { name: 'Rolle og internnummer' }).getByLabel('Rolle')).toBeDisabled();
  await expect(page.getByRole('form', { name: 'Nytt passord' })).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screens/users.png', fullPage: true });
  await signOut(page);

  // Kari signs in with the new password, as a team lead.
  await signIn(page, { ...KARI, password: 'kari-nytt-passord-2' });
  await expect(page.getByTestId('signed-in-user')).toHaveText(`${KARI.name} · Teamleder`);
});
