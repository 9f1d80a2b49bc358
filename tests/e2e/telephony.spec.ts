// Telephony end to end (issue 6, R3): a standalone central store takes the
// phone system's events (Zammad generic CTI) and a browser-mode desk works
// against it. A team lead imports the reporter directory from a CSV file (the
// bad row reported with its line); a call from a known number then appears in
// the waiting queue by itself, its caller recognised; the agent answers on
// their phone (by extension) and the call opens on their desk; a caller who
// hangs up before anyone answers lands on the call-back list; and the
// administrator reads every event, out-of-order ones marked.
import { expect, test } from '@playwright/test';
import {
  ADMIN,
  KARI,
  TONE,
  createFirstAdmin,
  createUser,
  signIn,
  signOut,
  waitingQueue,
} from './support/deskPage';
import {
  startCentralProcess,
  startDeskProcess,
  tempDataDir,
  type CentralProcess,
  type DeskProcess,
} from './support/deskProcess';
import { CTI_TOKEN, DESK_NUMBER, phoneSystem } from './support/phoneSystem';

/** Kari's extension: what the phone system names as answeringNumber when she picks up. */
const KARI_EXTENSION = '201';

const DIRECTORY_CSV = [
  'navn;telefon;arbeidssted;kommune;epost',
  'Per Pasient;412 34 567;Kirkebakken omsorgssenter;Molde kommune;per.pasient@molde.kommune.no',
  'Berit Bortenfor;923 45 678;Oslo rådhus;Oslo kommune;',
].join('\n');

/** How long a phone event may take to reach the desk's screen (central → poke → pull → refetch). */
const ARRIVES = { timeout: 15_000 };

const running: Array<DeskProcess | CentralProcess> = [];
test.afterEach(async () => {
  // The desk first, then the central store it talks to.
  for (const p of running.reverse()) await p.stop();
  running.length = 0;
});

test('calls from the phone system: recognised callers, answered on the phone, missed calls rung back', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const central = await startCentralProcess(tempDataDir(), 0, ['--cti-token', CTI_TOKEN]);
  running.push(central);
  const desk = await startDeskProcess(tempDataDir(), { central: central.url });
  running.push(desk);
  const pbx = phoneSystem(central.url);

  await page.goto(desk.url);
  await createFirstAdmin(page);
  await createUser(page, TONE);
  await createUser(page, { ...KARI, phone: KARI_EXTENSION });
  await signOut(page);

  // A team lead imports the reporter directory: one good row, one with a municipality nobody knows.
  await signIn(page, TONE);
  await page.getByRole('link', { name: 'Innmeldere' }).click();
  await expect(page.getByTestId('reporter-count')).toHaveText('0 innmeldere i registeret');
  await page.getByLabel('Velg CSV-fil').setInputFiles({
    name: 'innmeldere.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(DIRECTORY_CSV, 'utf8'),
  });
  await expect(page.getByTestId('chosen-file')).toContainText('innmeldere.csv');
  await page.getByRole('button', { name: 'Importer' }).click();
  const result = page.getByTestId('import-result');
  await expect(result.getByRole('status')).toHaveText('1 innmelder importert. 1 linje ble avvist:');
  const rejected = result.getByRole('table', { name: 'Avviste linjer' }).getByRole('row');
  await expect(rejected).toHaveCount(2); // header + the bad row
  await expect(rejected.nth(1).getByRole('cell').nth(0)).toHaveText('3');
  await expect(rejected.nth(1).getByRole('cell').nth(1)).toHaveText('Ukjent kommune «Oslo kommune»');
  await expect(page.getByTestId('reporter-count')).toHaveText('1 innmelder i registeret');
  await page.screenshot({ path: 'test-results/screens/telephony-import.png', fullPage: true });
  await signOut(page);

  // Kari is at her desk. A call from Per's number arrives (JSON, the number as Zammad sends it).
  await signIn(page, KARI);
  await pbx.json({
    event: 'newCall',
    direction: 'in',
    from: '4741234567',
    to: DESK_NUMBER,
    callId: 'tel-1',
    user: ['Kundeservice'],
  });
  const queue = waitingQueue(page);
  const perRow = queue.getByRole('row', { name: /Per Pasient/ });
  await expect(perRow).toBeVisible(ARRIVES);
  await expect(perRow).toContainText('41 23 45 67');
  await expect(perRow).toContainText('Kirkebakken omsorgssenter · Molde kommune');
  await expect(perRow.getByTestId('phone-marker')).toHaveText('fra telefonsentralen');
  await page.screenshot({ path: 'test-results/screens/telephony-queue.png', fullPage: true });

  // Kari picks up on her phone (extension 201): the call opens on her desk as her current call.
  await pbx.json({
    event: 'answer',
    direction: 'in',
    from: '4741234567',
    to: DESK_NUMBER,
    callId: 'tel-1',
    answeringNumber: KARI_EXTENSION,
  });
  const active = page.getByRole('region', { name: /Pågående samtale/ });
  await expect(active).toBeVisible(ARRIVES);
  await expect(active.getByTestId('caller-name')).toHaveText('Per Pasient');
  await expect(active.getByLabel('Navn på innringer')).toHaveValue('Per Pasient');
  await expect(active.getByLabel('Arbeidssted')).toHaveValue('Kirkebakken omsorgssenter');
  await expect(page.getByText('Ingen samtaler venter.')).toBeVisible();

  // The phone hangs up (form-encoded); the desk says so, and Kari finishes the call with an outcome.
  await pbx.form({
    event: 'hangup',
    direction: 'in',
    from: '4741234567',
    to: DESK_NUMBER,
    callId: 'tel-1',
    cause: 'normalClearing',
    answeringNumber: KARI_EXTENSION,
  });
  await expect(active.getByTestId('phone-ended')).toContainText(
    /Samtalen er avsluttet i telefonen \(kl\. \d\d:\d\d:\d\d\)/,
    ARRIVES,
  );
  await page.screenshot({ path: 'test-results/screens/telephony-hung-up.png', fullPage: true });
  await active.getByLabel('Sammendrag').fill('Skriveren på avdelingen skrev ikke ut; startet køen på nytt');
  await active.getByLabel('Løst på telefon').check();
  await active.getByRole('button', { name: 'Avslutt samtale' }).click();
  await expect(active).toBeHidden();

  // An outbound call is only logged, never queued.
  await pbx.json({
    event: 'newCall',
    direction: 'out',
    from: DESK_NUMBER,
    to: '4741234567',
    callId: 'tel-out',
  });

  // A second caller (form-encoded, ringing both agents with user[]) hangs up before anyone answers.
  await pbx.form({
    event: 'newCall',
    direction: 'in',
    from: '4799887766',
    to: DESK_NUMBER,
    callId: 'tel-2',
    user: [KARI.name, TONE.name],
  });
  await expect(queue.getByRole('row', { name: /99 88 77 66/ })).toBeVisible(ARRIVES);
  await expect(queue.getByRole('row')).toHaveCount(2); // header + this call: the outbound one is not there
  await pbx.form({ event: 'hangup', direction: 'in', from: '4799887766', callId: 'tel-2', cause: 'cancel' });
  const missed = page.getByRole('table', { name: 'Tapte anrop – ring tilbake' });
  const missedRow = missed.getByRole('row', { name: /99 88 77 66/ });
  await expect(missedRow).toBeVisible(ARRIVES);
  await expect(missedRow).toContainText('Ukjent nummer');
  await expect(missedRow).toContainText('Innringer la på');
  await expect(page.getByText('Ingen samtaler venter.')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/telephony-missed.png', fullPage: true });

  // Kari rings back: the call leaves the list.
  await missedRow.getByRole('button', { name: 'Ringt tilbake' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Ringt tilbake' }).click();
  await expect(page.getByText('Ingen tapte anrop å ringe tilbake.')).toBeVisible();

  // A call logged by hand shows whose number it is as it is typed, and fills in the caller.
  const log = page.getByRole('form', { name: 'Registrer innkommende samtale' });
  await log.getByLabel('Telefonnummer').fill('412 34 567');
  await expect(log.getByTestId('caller-name')).toHaveText('Per Pasient');
  await log.getByRole('button', { name: 'Fyll inn' }).click();
  await expect(log.getByLabel('Navn på innringer')).toHaveValue('Per Pasient');
  await expect(log.getByLabel('Arbeidssted')).toHaveValue('Kirkebakken omsorgssenter');
  await log.getByLabel('Telefonnummer').fill('');

  // The phone system sends a hang-up before its call, then a repeat: both recorded, not lost.
  await pbx.json({ event: 'hangup', direction: 'in', from: '4790000003', callId: 'tel-3', cause: 'cancel' });
  await pbx.json({ event: 'newCall', direction: 'in', from: '4790000003', to: DESK_NUMBER, callId: 'tel-3' });
  await pbx.form({ event: 'hangup', direction: 'in', from: '4799887766', callId: 'tel-2', cause: 'cancel' });
  await expect(missed.getByRole('row', { name: /90 00 00 03/ })).toBeVisible(ARRIVES);
  await signOut(page);

  // The administrator reads the phone system's events, newest first, with what became of each.
  await signIn(page, ADMIN);
  await page.getByRole('link', { name: 'Telefonhendelser' }).click();
  const events = page.getByRole('table', { name: 'Telefonhendelser' });
  const rows = events.locator('tbody tr');
  await expect(rows).toHaveCount(9);
  const outOfOrder = events.locator('tr[data-outcome="outOfOrder"]');
  await expect(outOfOrder).toHaveCount(2);
  await expect(outOfOrder.first()).toContainText('tel-3');
  await expect(outOfOrder.first()).toContainText('Utenfor rekkefølge');
  await expect(events.locator('tr[data-outcome="duplicate"]')).toContainText('tel-2');
  await expect(events.locator('tr[data-outcome="logged"]')).toContainText('Logget (utgående)');
  // Kari's extension matched her account: the answer was applied with no note.
  const answer = rows.filter({ hasText: 'Besvart' });
  await expect(answer).toHaveCount(1);
  await expect(answer).toContainText('Utført');
  await expect(answer).toContainText(`svarte på ${KARI_EXTENSION}`);
  await expect(answer.getByRole('cell').last()).toHaveText('');
  await page.screenshot({ path: 'test-results/screens/telephony-events.png', fullPage: true });
});
