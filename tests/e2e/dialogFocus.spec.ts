// Focus around the desk's confirmation dialogs, dialog by dialog, from the keyboard (issue 18,
// viewFocus.ts): opened with Enter on its button, a dialog has the focus on its first sensible
// control; closed with Escape or its "Avbryt" (Tab to it, Enter), the focus is back on the button
// that opened it; confirmed (the step done, the button gone with it), the focus is never left on
// the page body: it is on the view's heading (<main> on the call desk, which has no h1), or where
// the next step puts it (an overridden call's panel).
import { expect, test, type Locator, type Page } from '@playwright/test';
import {
  createFirstAdmin,
  KARI,
  logCall,
  OLA,
  signedInAsNewUsers,
  TONE,
  waitingQueue,
} from './support/deskPage';
import { importDevices, importModels } from './support/equipmentPage';
import { startDeskProcess, tempDataDir, type DeskProcess } from './support/deskProcess';
import { ticketHeader } from './support/ticketPage';

let desk: DeskProcess | null = null;
test.afterEach(async () => {
  await desk?.stop();
  desk = null;
});

const MODELS_CSV = [
  'Kategori;Produsent;Modell;Leverandør;Rammeavtale;Godkjent fra;Godkjent til;Bestilles via servicedesk;Årsak',
  'Bærbar PC;HP;EliteBook 840 G10;Atea;Rammeavtale IKT-utstyr 2023;01.01.2023;;ja;lisens',
].join('\r\n');
const DEVICES_CSV = [
  'Serienummer;Produsent;Modell;Inventarnummer;Kommune;Arbeidssted;Bruker;Nettverk;Levert;Status',
  '5CG9ALDR01;HP;EliteBook 840 G10;MK-1001;Molde kommune;Molde rådhus;Per Pleier;hoved;01.02.2019;i bruk',
  '5CG3NYTT01;HP;EliteBook 840 G10;MK-2001;Molde kommune;Molde rådhus;;hoved;;på lager',
].join('\r\n');
/** The page's document, seen from this Node-typed file (written out in each evaluate: it runs there). */
type PageDocument = { document: { activeElement: { tagName: string } | null } };

/** Tab (or Shift+Tab) until `target` has the focus; fails after `max` presses. */
async function tabTo(page: Page, target: Locator, key: 'Tab' | 'Shift+Tab' = 'Tab', max = 12): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === (globalThis as unknown as PageDocument).document.activeElement))
      return;
    await page.keyboard.press(key);
  }
  await expect(target).toBeFocused();
}

/**
 * Opens the dialog with Enter on `opener` and checks `first` has the focus; Escape puts the focus
 * back on the opener; opened again, "Avbryt" (reached with `cancelKey`, then Enter) does the same.
 * Leaves the dialog open once more, with the focus on its first control, for the caller to confirm.
 */
async function escapeAndCancelReturnFocus(
  page: Page,
  opener: Locator,
  dialog: Locator,
  first: Locator,
  cancelKey: 'Tab' | 'Shift+Tab' = 'Tab',
): Promise<void> {
  const open = async () => {
    // Enter on the focused opener; once more if no dialog came (seen once in CI on the recycling
    // register, where a sync's refetch re-renders the list; not reproduced in 8 runs under load).
    // What this test is about is where the focus goes, checked below.
    await expect(async () => {
      if (!(await dialog.isVisible())) {
        await opener.focus();
        await page.keyboard.press('Enter');
      }
      await expect(dialog).toBeVisible({ timeout: 2000 });
    }).toPass({ timeout: 10_000 });
    await expect(first).toBeFocused();
  };
  await open();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();

  await open();
  const cancel = dialog.getByRole('button', { name: 'Avbryt' });
  await tabTo(page, cancel, cancelKey);
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();

  await open();
}

/** The focus is on something of the page, not on <body> (nor nowhere). */
async function expectFocusNotOnBody(page: Page): Promise<void> {
  await expect
    .poll(() =>
      page.evaluate(() => (globalThis as unknown as PageDocument).document.activeElement?.tagName ?? 'none'),
    )
    .not.toMatch(/^(BODY|HTML|none)$/);
}

/** The view's heading (viewFocus.ts: where the focus goes when what had it is gone). */
const viewHeading = (page: Page) => page.locator('main h1');
/** A view without an h1 (the call desk): <main> itself. */
const mainRegion = (page: Page) => page.locator('main#main');

test('call desk: the override, "Lagt på" and "Ringt tilbake" dialogs give the focus back', async ({
  page,
}) => {
  // Checks, as a team lead at the call desk: "Ta" out of turn (override: the reason box has the
  // focus), "Lagt på" in the queue and "Ringt tilbake" in the missed calls ("Avbryt" has the
  // focus): Escape and "Avbryt" return the focus to the row's button; confirmed, the focus is not
  // left on the body ("Lagt på"/"Ringt tilbake": the row is gone, so the view, <main>, as the
  // call desk has no h1; the override: the call panel's caller name, as with F2).
  desk = await startDeskProcess(tempDataDir());
  await signedInAsNewUsers(page, desk.url, [TONE]);
  await page.getByRole('link', { name: 'Samtaler' }).click();
  await logCall(page, '900 00 001', 'Anne Først');
  await logCall(page, '900 00 002', 'Bjørn Andre');
  const queue = waitingQueue(page);
  await expect(queue.getByRole('row')).toHaveCount(3);
  const anne = queue.getByRole('row').filter({ hasText: 'Anne Først' });
  const bjorn = queue.getByRole('row').filter({ hasText: 'Bjørn Andre' });

  // "Lagt på" (ConfirmCallAction): "Avbryt" has the focus.
  const abandon = page.getByRole('dialog', { name: 'La innringeren ha lagt på?' });
  await escapeAndCancelReturnFocus(
    page,
    anne.getByRole('button', { name: 'Lagt på' }),
    abandon,
    abandon.getByRole('button', { name: 'Avbryt' }),
  );
  await tabTo(page, abandon.getByRole('button', { name: 'Ja, lagt på' }));
  await page.keyboard.press('Enter');
  await expect(abandon).toBeHidden();
  await expect(queue.getByRole('row')).toHaveCount(2);
  await expectFocusNotOnBody(page);
  await expect(mainRegion(page)).toBeFocused();

  // "Ringt tilbake" (ConfirmCallAction in the missed calls).
  const missed = page.getByRole('table', { name: 'Tapte anrop – ring tilbake' });
  const calledBack = page.getByRole('dialog', { name: 'Har du ringt tilbake?' });
  await escapeAndCancelReturnFocus(
    page,
    missed.getByRole('row').filter({ hasText: 'Anne Først' }).getByRole('button', { name: 'Ringt tilbake' }),
    calledBack,
    calledBack.getByRole('button', { name: 'Avbryt' }),
  );
  await tabTo(page, calledBack.getByRole('button', { name: 'Ringt tilbake' }));
  await page.keyboard.press('Enter');
  await expect(calledBack).toBeHidden();
  await expect(page.getByText('Ingen tapte anrop å ringe tilbake.')).toBeVisible();
  await expectFocusNotOnBody(page);
  await expect(mainRegion(page)).toBeFocused();

  // Override (a team lead takes Bjørn before Cecilie, who came first).
  await logCall(page, '900 00 003', 'Cecilie Tredje');
  await expect(queue.getByRole('row')).toHaveCount(3);
  const cecilie = queue.getByRole('row').filter({ hasText: 'Cecilie Tredje' });
  await expect(queue.getByRole('row').nth(1)).toContainText('Bjørn Andre');
  const override = page.getByRole('dialog', { name: 'Overstyr rekkefølgen' });
  await escapeAndCancelReturnFocus(
    page,
    cecilie.getByRole('button', { name: 'Ta', exact: true }),
    override,
    override.getByLabel('Begrunnelse'),
  );
  await page.keyboard.type('Legevakt, kritisk system nede');
  await tabTo(page, override.getByRole('button', { name: 'Ta samtalen' }));
  await page.keyboard.press('Enter');
  await expect(override).toBeHidden();
  const active = page.getByRole('region', { name: 'Pågående samtale' });
  await expect(active.getByLabel('Navn på innringer')).toHaveValue('Cecilie Tredje');
  await expectFocusNotOnBody(page);
  await expect(active.getByLabel('Navn på innringer')).toBeFocused();
  await expect(bjorn).toBeVisible();
});

test('phone rules: lifting a block asks in a dialog that gives the focus back', async ({ page }) => {
  // Checks the administrator's "Opphev" on a blocked number: the dialog opens with the focus on
  // "Opphev sperren"; Escape and "Avbryt" (Shift+Tab to it) return the focus to "Opphev";
  // confirmed, the row is gone and the focus is on the view's heading, not the body.
  desk = await startDeskProcess(tempDataDir());
  await page.goto(desk.url);
  await createFirstAdmin(page);
  await page.getByRole('link', { name: 'Telefoniregler' }).click();
  const block = page.getByRole('form', { name: 'Sperr et nummer' });
  await block.getByLabel('Nummer').fill('900 00 009');
  await block.getByLabel('Årsak').fill('Gjentatte falske anrop');
  await block.getByRole('button', { name: 'Sperr nummeret' }).click();
  const blocked = page.getByRole('table', { name: 'Sperrede numre' });
  await expect(blocked.getByRole('row')).toHaveCount(2);

  const dialog = page.getByRole('dialog', { name: /^Oppheve sperren for/ });
  await escapeAndCancelReturnFocus(
    page,
    blocked.getByRole('button', { name: 'Opphev' }),
    dialog,
    dialog.getByRole('button', { name: 'Opphev sperren' }),
    'Shift+Tab',
  );
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Ingen numre er sperret.')).toBeVisible();
  await expectFocusNotOnBody(page);
  await expect(viewHeading(page)).toBeFocused();
});

test('tickets: taking over a colleague’s ticket asks in a dialog that gives the focus back', async ({
  page,
}) => {
  // Checks "Ta saken" on a ticket Ola has, as Kari: the dialog opens with "Avbryt" focused; Escape
  // and "Avbryt" return the focus to "Ta saken"; confirmed, the button goes (the ticket is hers)
  // and the focus is on the view's heading, not the body.
  desk = await startDeskProcess(tempDataDir());
  await signedInAsNewUsers(page, desk.url, [KARI, OLA]);
  await page.getByRole('link', { name: 'Saker', exact: true }).click();
  await page.getByTestId('new-ticket-link').click();
  const form = page.getByRole('form', { name: 'Ny sak' });
  await form.getByLabel('Navn på innmelder').fill('Per Pleier');
  await form.getByLabel('Telefonnummer').fill('912 34 567');
  await form.getByLabel('Tjenestemottaker').selectOption({ label: 'Molde kommune' });
  await form.getByLabel('Arbeidssted').fill('Molde rådhus');
  await form.getByLabel('Beskrivelse av behov eller feil').fill('Skriveren skriver ikke ut');
  await form.getByLabel('System / tjeneste').fill('Utskrift');
  await form.getByLabel('Ansvarlig').selectOption({ label: OLA.name });
  await form.getByRole('button', { name: 'Opprett sak' }).click();
  await expect(ticketHeader(page).getByTestId('assignee')).toHaveText(OLA.name);

  const take = page.getByRole('button', { name: 'Ta saken' });
  const dialog = page.getByRole('dialog', { name: 'Ta saken fra en kollega?' });
  await escapeAndCancelReturnFocus(page, take, dialog, dialog.getByRole('button', { name: 'Avbryt' }));
  await tabTo(page, dialog.getByRole('button', { name: `Ta saken fra ${OLA.name}` }));
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(ticketHeader(page).getByTestId('assignee')).toHaveText(KARI.name);
  await expect(take).toHaveCount(0);
  await expectFocusNotOnBody(page);
  await expect(viewHeading(page)).toBeFocused();
});

test('equipment: confirming a wipe asks in a dialog that gives the focus back', async ({ page }) => {
  // Checks "Bekreft sletting" on a handed-in laptop in the recycling register, as the
  // administrator: the dialog opens with the focus on its first field ("Metode"); Escape and
  // "Avbryt" (Tab to it) return the focus to the row's button; confirmed, the button goes (the
  // wipe is shown instead) and the focus is on the view's heading, not the body.
  desk = await startDeskProcess(tempDataDir());
  await page.goto(desk.url);
  await createFirstAdmin(page);

  // One approved model, a laptop in use and one in stock; the one replaces the other.
  await page.getByRole('link', { name: 'Utstyr' }).click();
  await page.getByRole('link', { name: 'Godkjente modeller' }).click();
  await importModels(page, MODELS_CSV);
  await expect(page.getByTestId('import-models-result')).toContainText('1 nye');
  await importDevices(page, DEVICES_CSV);
  await expect(page.getByTestId('import-devices-result')).toContainText('2 registrert');
  await page.getByRole('link', { name: 'Overlevering', exact: true }).click();
  const handover = page.getByRole('form', { name: 'Overlevering på stedet' });
  await handover.getByLabel('Kommune').selectOption({ label: 'Molde kommune' });
  await handover.getByLabel('Arbeidssted').fill('Molde rådhus');
  await handover.getByLabel('Bruker').fill('Per Pleier');
  const stock = handover.getByLabel('Enhet fra lager');
  const fresh = stock.locator('option', { hasText: '5CG3NYTT01' });
  await expect(fresh).toHaveCount(1);
  await stock.selectOption((await fresh.getAttribute('value'))!);
  await handover.getByRole('combobox', { name: 'Finn den gamle enheten' }).fill('5CG9');
  await handover.getByRole('option', { name: /5CG9ALDR01/ }).click();
  await handover.getByRole('button', { name: 'Registrer overleveringen' }).click();
  await expect(handover.getByTestId('handover-done')).toContainText('5CG3NYTT01 er i bruk');

  await page.getByRole('link', { name: 'Gjenvinning' }).click();
  const row = page.getByTestId('waiting').getByRole('row', { name: /5CG9ALDR01/ });
  const dialog = page.getByRole('dialog', { name: 'Bekreft sletting av 5CG9ALDR01' });
  await escapeAndCancelReturnFocus(
    page,
    row.getByRole('button', { name: 'Bekreft sletting' }),
    dialog,
    dialog.getByLabel('Metode'),
  );
  await tabTo(page, dialog.getByLabel('Verktøy'));
  await page.keyboard.type('Blancco Drive Eraser');
  await tabTo(page, dialog.getByRole('textbox', { name: 'Slettet av' }));
  await page.keyboard.type('Anne Admin');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(row).toContainText('Slettet av oss');
  await expectFocusNotOnBody(page);
  await expect(viewHeading(page)).toBeFocused();
});
