// The shift roster end to end (issue 15), two browser-mode desks and a
// standalone central store: a team lead sets a week from the keyboard and
// saves it, copies it onto the next week; an agent on the other desk reads
// it (without controls to change it) and sees a later change arrive on the
// open page by itself, pushed through the sync pokes; her presence (set with
// a keyboard shortcut) shows on the team lead's roster the same way.
import { expect, test } from '@playwright/test';
import { DateTime } from 'luxon';
import { KARI, OLA, TONE, createFirstAdmin, createUser, signIn, signOut } from './support/deskPage';
import {
  startCentralProcess,
  startDeskProcess,
  tempDataDir,
  type CentralProcess,
  type DeskProcess,
} from './support/deskProcess';

const running: Array<DeskProcess | CentralProcess> = [];
test.afterEach(async () => {
  for (const p of running.reverse()) await p.stop();
  running.length = 0;
});

/** How the roster names a day in its labels: "mandag 30.11.". */
const dayLabel = (d: DateTime) => d.setLocale('nb-NO').toFormat('cccc d.M.');

test('a team lead sets and copies the week; an agent on another desk sees it, live', async ({ page }) => {
  test.setTimeout(180_000);
  const central = await startCentralProcess(tempDataDir(), 0);
  running.push(central);
  const lead = await startDeskProcess(tempDataDir(), { central: central.url });
  const agent = await startDeskProcess(tempDataDir(), { central: central.url });
  running.push(lead, agent);

  await page.goto(lead.url);
  await createFirstAdmin(page);
  await createUser(page, TONE);
  await createUser(page, KARI);
  await createUser(page, OLA);
  await signOut(page);
  await signIn(page, TONE);

  await page.getByRole('link', { name: 'Vaktplan' }).click();
  const monday = DateTime.now().setZone('Europe/Oslo').startOf('week');
  await expect(
    page.getByRole('heading', { name: `Vaktplan uke ${monday.weekNumber}, ${monday.weekYear}` }),
  ).toBeVisible();
  const cell = (name: string, day: DateTime) => page.getByLabel(`Vakt for ${name}, ${dayLabel(day)}`);

  // From the keyboard: a select takes its option by the typed first letters.
  await cell(KARI.name, monday).focus();
  await page.keyboard.type('Telefon');
  await cell(OLA.name, monday).selectOption({ label: 'Saker' });
  await cell(OLA.name, monday.plus({ days: 1 })).selectOption({ label: 'På oppdrag' });
  await expect(cell(KARI.name, monday)).toHaveValue('phone');
  await expect(page.getByTestId(`phone-count-${monday.toISODate()}`)).toHaveText('1');
  await page.getByRole('button', { name: 'Lagre uken (3 endringer)' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Vaktplanen for uken er lagret.' })).toBeVisible();
  await expect(page.getByText(`Sist endret av ${TONE.name}`)).toBeVisible();

  // Copied onto next week, weekday by weekday.
  await page.getByRole('button', { name: 'Neste uke →' }).click();
  const next = monday.plus({ weeks: 1 });
  await expect(
    page.getByRole('heading', { name: `Vaktplan uke ${next.weekNumber}, ${next.weekYear}` }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Kopier forrige uke' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Kopierte 3 vakter fra forrige uke.' }),
  ).toBeVisible();
  await expect(cell(OLA.name, next.plus({ days: 1 }))).toHaveValue('on_site');
  // Copying again asks first: it would replace what the week has now.
  await page.getByRole('button', { name: 'Kopier forrige uke' }).click();
  await expect(page.getByRole('group', { name: 'Bekreft kopiering' })).toContainText(
    'Dette erstatter vaktplanen for denne uken med forrige ukes.',
  );
  await page.getByRole('button', { name: 'Avbryt' }).click();
  await page.getByRole('button', { name: 'Denne uken' }).click();

  // Kari, on the other desk, reads this week's roster; she has nothing to change it with.
  const agentPage = await page.context().newPage();
  await agentPage.goto(agent.url);
  await signIn(agentPage, KARI);
  await agentPage.getByRole('link', { name: 'Vaktplan' }).click();
  const roster = agentPage.getByRole('table');
  await expect(roster.getByRole('row', { name: new RegExp(KARI.name) })).toContainText('Telefon', {
    timeout: 20_000,
  });
  await expect(roster.getByRole('row', { name: new RegExp(OLA.name) })).toContainText('På oppdrag');
  await expect(roster.getByRole('combobox')).toHaveCount(0);
  await expect(agentPage.getByText('Bare teamledere kan endre vaktplanen.')).toBeVisible();

  // Tone gives Kari Tuesday off; Kari's open page shows it without a reload.
  await cell(KARI.name, monday.plus({ days: 1 })).selectOption({ label: 'Fri' });
  await page.getByRole('button', { name: 'Lagre uken (1 endring)' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Vaktplanen for uken er lagret.' })).toBeVisible();
  await expect(roster.getByRole('row', { name: new RegExp(KARI.name) })).toContainText('Fri', {
    timeout: 10_000,
  });
  await agentPage.screenshot({ path: 'test-results/screens/roster-agent.png', fullPage: true });

  // Presence: Kari takes a break with Alt+P; Tone's open roster shows it by itself.
  await agentPage.keyboard.press('Alt+P');
  await expect(agentPage.getByTestId('presence')).toHaveValue('break');
  await expect(page.getByRole('row', { name: new RegExp(KARI.name) })).toContainText('Nå: Pause i 0 min', {
    timeout: 10_000,
  });
  await agentPage.getByLabel('Status').selectOption('available');
  await expect(page.getByRole('row', { name: new RegExp(KARI.name) })).toContainText('Nå: Ledig', {
    timeout: 10_000,
  });
});
