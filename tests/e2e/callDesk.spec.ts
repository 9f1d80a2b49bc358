// The call desk tried as a new user would (issue 18): the one phone-number
// rule refuses "123" and "abc-def"; a time that is no time ("25:99") is called
// invalid, not "in the future"; "Lagt på" and "Ringt tilbake" ask first; F2
// puts the focus in the call panel; missed calls are newest first with the
// oldest flagged; a call logged outside opening hours says so; and the call
// log is one grid, one Tab stop, moved with the arrow keys (axe: no
// aria-required-children / aria-required-parent).
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { KARI, logCall, waitingQueue, signedInAsNewUsers } from './support/deskPage';
import { startDeskProcess, tempDataDir, type DeskProcess } from './support/deskProcess';

let desk: DeskProcess | null = null;
test.afterEach(async () => {
  await desk?.stop();
  desk = null;
});

test('a new agent at the call desk: checks, confirmations, focus, missed calls and the call log grid', async ({
  page,
}) => {
  test.setTimeout(120_000);
  desk = await startDeskProcess(tempDataDir());
  await signedInAsNewUsers(page, desk.url, [KARI]);

  // Item 1: a short number and letters are refused next to the field; nothing is queued.
  const form = page.getByRole('form', { name: 'Registrer innkommende samtale' });
  const queue = waitingQueue(page);
  for (const bad of ['123', 'abc-def']) {
    await form.getByLabel('Telefonnummer').fill(bad);
    await form.getByRole('button', { name: 'Legg i kø' }).click();
    await expect(form.getByText('Ugyldig telefonnummer.')).toBeVisible();
  }
  await expect(page.getByText('Ingen samtaler venter.')).toBeVisible();
  await form.getByLabel('Telefonnummer').fill('');

  await logCall(page, '900 00 001', 'Anne Først');
  await logCall(page, '900 00 002', 'Bjørn Andre');
  await expect(queue.getByRole('row')).toHaveCount(3);

  // Item 6: "Lagt på" asks first; "Avbryt" (focused) leaves the caller waiting.
  const bjorn = queue.getByRole('row').filter({ hasText: 'Bjørn Andre' });
  await bjorn.getByRole('button', { name: 'Lagt på' }).click();
  const confirm = page.getByRole('dialog', { name: 'La innringeren ha lagt på?' });
  await expect(confirm).toContainText('90 00 00 02');
  await expect(confirm.getByRole('button', { name: 'Avbryt' })).toBeFocused();
  await page.screenshot({ path: 'test-results/screens/calls-confirm-abandon.png' });
  await page.keyboard.press('Enter');
  await expect(confirm).toBeHidden();
  await expect(queue.getByRole('row')).toHaveCount(3);

  // Item 9: F2 puts the focus on the caller's name in the call panel.
  await page.keyboard.press('F2');
  const active = page.getByRole('region', { name: 'Pågående samtale' });
  await expect(active.getByLabel('Navn på innringer')).toHaveValue('Anne Først');
  await expect(active.getByLabel('Navn på innringer')).toBeFocused();

  // Item 4: "25:99" is no time of day, and is called that.
  await active.getByLabel('Løst på telefon').check();
  await active.getByLabel('Avsluttet').fill('25:99');
  await active.getByRole('button', { name: 'Avslutt samtale' }).click();
  await expect(active.getByText('Ugyldig klokkeslett. Skriv tt:mm (00:00–23:59).')).toBeVisible();
  await expect(active.getByText('Tidspunktet kan ikke være i fremtiden.')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screens/calls-invalid-time.png' });
  await active.getByLabel('Avsluttet').fill('');
  await active.getByRole('button', { name: 'Avslutt samtale' }).click();
  await expect(active).toBeHidden();

  // Confirmed, "Lagt på" takes the caller out of the queue and onto the missed calls.
  await bjorn.getByRole('button', { name: 'Lagt på' }).click();
  await confirm.getByRole('button', { name: 'Ja, lagt på' }).click();
  await expect(page.getByText('Ingen samtaler venter.')).toBeVisible();
  await logCall(page, '900 00 003', 'Cecilie Tredje');
  const cecilie = queue.getByRole('row').filter({ hasText: 'Cecilie Tredje' });
  await cecilie.getByRole('button', { name: 'Lagt på' }).click();
  await confirm.getByRole('button', { name: 'Ja, lagt på' }).click();

  // Item 16: missed calls newest first, the oldest flagged.
  const missed = page.getByRole('table', { name: 'Tapte anrop – ring tilbake' });
  await expect(missed.getByRole('row')).toHaveCount(3);
  await expect(missed.getByRole('row').nth(1)).toContainText('Cecilie Tredje');
  await expect(missed.getByRole('row').nth(2)).toContainText('Bjørn Andre');
  await expect(missed.getByRole('row').nth(2).getByTestId('missed-oldest')).toHaveText('Eldste');
  await expect(missed.getByTestId('missed-oldest')).toHaveCount(1);

  // "Ringt tilbake" asks too; cancelled, the call stays on the list; confirmed, it leaves it.
  const cecilieMissed = missed.getByRole('row').filter({ hasText: 'Cecilie Tredje' });
  await cecilieMissed.getByRole('button', { name: 'Ringt tilbake' }).click();
  const calledBack = page.getByRole('dialog', { name: 'Har du ringt tilbake?' });
  await expect(calledBack).toContainText('90 00 00 03');
  await page.screenshot({ path: 'test-results/screens/calls-confirm-called-back.png', fullPage: true });
  await calledBack.getByRole('button', { name: 'Avbryt' }).click();
  await expect(missed.getByRole('row')).toHaveCount(3);
  await cecilieMissed.getByRole('button', { name: 'Ringt tilbake' }).click();
  await calledBack.getByRole('button', { name: 'Ringt tilbake' }).click();
  await expect(missed.getByRole('row')).toHaveCount(2);
  await page.screenshot({ path: 'test-results/screens/calls-missed.png', fullPage: true });

  // Item 16: a call logged outside opening hours says so (a Wednesday; Mon–Fri 08:00–15:30).
  await page.clock.setFixedTime(new Date('2026-12-09T12:00:00+01:00'));
  const arrived = form.getByLabel('Ankomst');
  await arrived.fill('10:00');
  await expect(form.getByTestId('outside-hours')).toBeHidden();
  await arrived.fill('16:10');
  await expect(form.getByTestId('outside-hours')).toHaveText(
    'Utenfor åpningstid. Servicedesken åpner torsdag 10.12. kl. 08:00; en sak fra denne samtalen får frister fra da.',
  );
  await form.screenshot({ path: 'test-results/screens/calls-outside-hours.png' });
  await arrived.fill('07:30');
  await expect(form.getByTestId('outside-hours')).toContainText('onsdag 09.12. kl. 08:00');
  await arrived.fill('');

  // Item 19: the call log is one grid with its header inside, one Tab stop, moved with the arrows.
  await page.getByRole('link', { name: 'Samtalelogg' }).click();
  const list = page.getByRole('grid', { name: 'Samtalelogg' });
  await expect(list.getByRole('row')).toHaveCount(1 + 3);
  await expect(list.getByRole('columnheader', { name: 'Telefonnummer' })).toBeVisible();
  await expect(list.locator('[role="row"][tabindex]')).toHaveCount(0);
  const axe = await new AxeBuilder({ page }).include('.history-list').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual(
    [],
  );
  await page.getByLabel('Rekkefølge').focus();
  await page.keyboard.press('Tab');
  await expect(list).toBeFocused();
  const rows = list.getByRole('row');
  await expect(list).toHaveAttribute('aria-activedescendant', (await rows.nth(1).getAttribute('id'))!);
  await page.keyboard.press('ArrowDown');
  await expect(list).toHaveAttribute('aria-activedescendant', (await rows.nth(2).getAttribute('id'))!);
  await expect(list).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: '90 00 00 02' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/calls-history-grid.png', fullPage: true });
});
