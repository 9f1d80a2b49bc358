// What a person does on a desk page, in bokmål: create the first
// administrator, sign in and out, create users, log calls. Shared by the
// end-to-end specs so each reads as the story it tells.
import { expect, type Locator, type Page } from '@playwright/test';

export const ADMIN = { username: 'admin', name: 'Anne Admin', password: 'admin-passord-1' };
export const KARI = {
  username: 'kari',
  name: 'Kari Agent',
  role: 'Saksbehandler',
  password: 'kari-passord-1',
};
export const TONE = {
  username: 'tone',
  name: 'Tone Teamleder',
  role: 'Teamleder',
  password: 'tone-passord-1',
};
export const OLA = { username: 'ola', name: 'Ola Agent', role: 'Saksbehandler', password: 'ola-passord-12' };

export async function createFirstAdmin(page: Page): Promise<void> {
  const form = page.getByRole('form', { name: 'Opprett første administrator' });
  await expect(form).toBeVisible();
  await form.getByLabel('Brukernavn').fill(ADMIN.username);
  await form.getByLabel('Fullt navn').fill(ADMIN.name);
  await form.getByRole('textbox', { name: /^Passord/ }).fill(ADMIN.password);
  await form.getByLabel('Gjenta passordet').fill(ADMIN.password);
  await form.getByLabel('Gjenta passordet').press('Enter');
  await expect(signedInAs(page)).toHaveText(`${ADMIN.name} · Administrator`);
}

export function signedInAs(page: Page): Locator {
  return page.getByTestId('signed-in-user');
}

export async function signIn(page: Page, user: { username: string; password: string; name: string }) {
  const form = page.getByRole('form', { name: /Logg inn/ });
  await expect(form).toBeVisible();
  await form.getByLabel('Brukernavn').fill(user.username);
  await form.getByLabel('Passord').fill(user.password);
  await form.getByLabel('Passord').press('Enter');
  await expect(signedInAs(page)).toContainText(user.name);
}

export async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Logg ut' }).click();
  await expect(page.getByRole('heading', { name: 'Logg inn', exact: true })).toBeVisible();
}

/**
 * A fresh desk's first steps: the first administrator, then these accounts, then signed in as the
 * first of them (the usual start of a test about one role).
 */
export async function signedInAsNewUsers(
  page: Page,
  url: string,
  users: [
    { username: string; name: string; role: string; password: string; phone?: string },
    ...Array<{ username: string; name: string; role: string; password: string; phone?: string }>,
  ],
): Promise<void> {
  await page.goto(url);
  await createFirstAdmin(page);
  for (const user of users) await createUser(page, user);
  await signOut(page);
  await signIn(page, users[0]);
}

/** Creates an account on the users page; `phone` is the extension the phone system names when they answer. */
export async function createUser(
  page: Page,
  user: { username: string; name: string; role: string; password: string; phone?: string },
): Promise<void> {
  await page.getByRole('link', { name: 'Brukere' }).click();
  const form = page.getByRole('form', { name: 'Ny bruker' });
  await form.getByLabel('Brukernavn').fill(user.username);
  await form.getByLabel('Fullt navn').fill(user.name);
  await form.getByLabel('Rolle').selectOption({ label: user.role });
  await form.getByLabel('Passord (første gang)').fill(user.password);
  if (user.phone) await form.getByLabel('Telefon eller internnummer').fill(user.phone);
  await form.getByLabel('Passord (første gang)').press('Enter');
  await expect(form.getByRole('status')).toContainText(`${user.name} (${user.username}) er opprettet`);
  await expect(
    page.getByRole('table', { name: 'Brukere' }).getByRole('row', { name: user.name }),
  ).toBeVisible();
}

export async function logCall(page: Page, number: string, name: string) {
  const form = page.getByRole('form', { name: 'Registrer innkommende samtale' });
  await form.getByLabel('Telefonnummer').fill(number);
  await form.getByLabel('Navn på innringer').fill(name);
  await form.getByLabel('Tjenestemottaker').selectOption({ label: 'Molde kommune' });
  await form.getByLabel('Telefonnummer').press('Enter');
  await expect(form.getByLabel('Telefonnummer')).toHaveValue('');
}

export function waitingQueue(page: Page): Locator {
  return page.getByRole('table', { name: 'Ventende samtaler' });
}
