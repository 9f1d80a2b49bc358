// The desk by keyboard alone (issue 18), in Chromium against browser mode: every view gets its
// own page title and puts focus on its heading (or the field to fill), a skip link leads past the
// menu, closing a panel gives focus back to its opener, the work tabs follow the arrow keys, and
// an agent takes a call, makes it a ticket and resolves it without the mouse. Also what a new
// user meets first: an empty password at sign-in, a technician's start page, an unknown address.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { KARI, createFirstAdmin, createUser, logCall, signIn, signOut } from './support/deskPage';
import { startDeskProcess, tempDataDir, type DeskProcess } from './support/deskProcess';
import { expectStatus, ticketHeader } from './support/ticketPage';

const TEO = { username: 'teo', name: 'Teo Tekniker', role: 'Tekniker', password: 'teo-passord-12' };
const TITLE = 'ROR-IKT Kundeservice';

let desk: DeskProcess | null = null;
test.afterEach(async () => {
  await desk?.stop();
  desk = null;
});

/** Presses Tab until `target` has focus (it must be reachable by keyboard), at most `max` times. */
async function tabTo(page: Page, target: Locator, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    if ((await target.and(page.locator(':focus')).count()) > 0) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

function heading(page: Page): Locator {
  return page.locator('main h1');
}

test('focus and page titles follow the view; skip link, sign-in, technician, unknown address', async ({
  page,
}) => {
  test.setTimeout(120_000);
  desk = await startDeskProcess(tempDataDir());
  await page.goto(desk.url);
  await createFirstAdmin(page);
  await createUser(page, KARI);
  await createUser(page, TEO);
  // The menu has no link to a part that does not exist yet.
  await expect(
    page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Rapporter' }),
  ).toHaveCount(0);
  await signOut(page);

  // Sign-in: its own title; an empty password is named as missing, not as "too short".
  await expect(page).toHaveTitle(`Logg inn – ${TITLE}`);
  const form = page.getByRole('form', { name: /Logg inn/ });
  await expect(form.getByLabel('Brukernavn')).toBeFocused();
  await page.keyboard.type(KARI.username);
  await page.keyboard.press('Enter');
  await expect(form.getByText('Skriv inn passordet.')).toBeVisible();
  await expect(form.getByText(/minst 10 tegn/)).toHaveCount(0);
  await expect(form.getByRole('textbox', { name: /Passord/ })).toBeFocused();
  await page.keyboard.type(KARI.password);
  await page.keyboard.press('Enter');

  // After signing in, focus is in the new view (its heading, or the field it asks for), not on the body.
  await expect(page.getByTestId('signed-in-user')).toContainText(KARI.name);
  await expect(page).toHaveTitle(new RegExp(`^Samtaler – ${TITLE}$`));
  await expect(page.locator('main:focus, main :focus')).toHaveCount(1);

  // Alt+2: the ticket lists; focus on their heading, the title names them.
  await page.keyboard.press('Alt+2');
  await expect(heading(page)).toBeFocused();
  await expect(page).toHaveTitle(`Åpne saker – ${TITLE}`);
  await page.keyboard.press('Alt+1');
  await expect(page.locator('main:focus, main :focus')).toHaveCount(1);

  // The skip link is the first Tab stop and leads to the view's heading.
  await page.keyboard.press('Alt+2');
  await expect(heading(page)).toBeFocused();
  // As on a page just opened: focus on the document itself, then the first Tab.
  await page.evaluate(
    "document.body.tabIndex = -1; document.body.focus(); document.body.removeAttribute('tabindex')",
  );
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Hopp til innholdet' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.screenshot({ path: 'test-results/screens/skip-link.png' });
  await page.keyboard.press('Enter');
  await expect(heading(page)).toBeFocused();
  await expect(page).toHaveURL(/#\/tickets$/);

  // An address the desk does not know says so (not "comes in a later version").
  await page.goto(`${desk.url.split('#')[0]}#/reports`);
  await expect(heading(page)).toHaveText('Siden finnes ikke');
  await expect(page.getByText(/senere versjon/)).toHaveCount(0);
  await expect(page).toHaveTitle(`Siden finnes ikke – ${TITLE}`);
  await page.screenshot({ path: 'test-results/screens/not-found.png' });

  // A technician does not answer calls: they start on their own tickets.
  await signOut(page);
  await signIn(page, TEO);
  await expect(page).toHaveURL(/#\/tickets\/mine$/);
  await expect(page.getByRole('heading', { name: /Mine saker/ })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Ventende samtaler' })).toHaveCount(0);
});

test('keyboard only: take a call, make it a ticket, resolve it; panels give focus back', async ({ page }) => {
  test.setTimeout(150_000);
  desk = await startDeskProcess(tempDataDir());
  await page.goto(desk.url);
  await createFirstAdmin(page);
  await createUser(page, KARI);
  await signOut(page);
  await signIn(page, KARI);
  await logCall(page, '912 34 567', 'Per Pleier');

  // From here on only the keyboard. F2 takes the call; Alt+T makes a ticket of it.
  await page.keyboard.press('F2');
  const active = page.getByRole('region', { name: 'Pågående samtale' });
  await expect(active.getByLabel('Navn på innringer')).toHaveValue('Per Pleier');
  await tabTo(page, active.getByLabel('Arbeidssted'));
  await page.keyboard.type('Molde legekontor');
  await tabTo(page, active.getByLabel('Sammendrag'));
  await page.keyboard.type('Journalsystemet svarer ikke på legekontoret.');
  await page.keyboard.press('Alt+T');
  const ticketForm = page.getByRole('form', { name: 'Ny sak' });
  await expect(ticketForm).toBeVisible();
  // The new view has focus: its heading or the first field to fill, not the page body.
  await expect(page.locator('main:focus, main :focus')).toHaveCount(1);
  await expect(page).toHaveTitle(new RegExp(` – ${TITLE}$`));
  await tabTo(page, ticketForm.getByLabel('System / tjeneste'));
  await page.keyboard.type('Journalsystem');
  await tabTo(page, ticketForm.getByRole('button', { name: 'Opprett sak' }));
  await page.keyboard.press('Enter');

  // The ticket page: focus on its heading.
  const header = ticketHeader(page);
  await expectStatus(page, 'Ny');
  await expect(heading(page)).toBeFocused();

  // The work tabs: one Tab stop, arrow keys between them.
  const internal = page.getByRole('tab', { name: 'Internt notat' });
  await tabTo(page, internal);
  await page.keyboard.press('ArrowRight');
  const second = page.getByRole('tab').nth(1);
  await expect(second).toBeFocused();
  await expect(second).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowLeft');
  await expect(internal).toBeFocused();
  await page.keyboard.press('End');
  await expect(page.getByRole('tab', { name: 'Besøk på stedet' })).toBeFocused();
  await page.keyboard.press('Home');
  await expect(internal).toBeFocused();
  await expect(page.getByRole('tab', { selected: false }).first()).toHaveAttribute('tabindex', '-1');

  // A panel closed with Escape gives focus back to its button: the next Tab is not lost.
  const resolveButton = header.getByRole('button', { name: 'Løs saken …' });
  await tabTo(page, resolveButton);
  await page.keyboard.press('Enter');
  const resolve = page.getByRole('form', { name: 'Løs saken' });
  await expect(resolve.getByLabel('Hvordan ble saken løst')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(resolve).toBeHidden();
  await expect(resolveButton).toBeFocused();

  // Resolved by keyboard.
  await page.keyboard.press('Enter');
  await expect(resolve.getByLabel('Hvordan ble saken løst')).toBeFocused();
  await page.keyboard.type('Journalklienten startet på nytt; virker igjen.');
  await tabTo(page, resolve.getByRole('button', { name: 'Marker som løst' }));
  await page.keyboard.press('Enter');
  await expectStatus(page, 'Løst');
  await expect(page.locator('main:focus, main :focus')).toHaveCount(1);
  await page.screenshot({ path: 'test-results/screens/keyboard-resolved.png', fullPage: true });

  // Back on the call (Alt+1), finished by keyboard: focus stays in the view, not on the body.
  await page.keyboard.press('Alt+1');
  await expect(active).toBeVisible();
  await tabTo(page, active.getByLabel('Trenger sak'));
  await page.keyboard.press('Space');
  await tabTo(page, active.getByRole('button', { name: 'Avslutt samtale' }));
  await page.keyboard.press('Enter');
  await expect(active).toBeHidden();
  await expect(page.locator('main:focus, main :focus')).toHaveCount(1);
});
