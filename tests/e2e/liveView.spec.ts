// The team lead's live view and the wallboard end to end (issue 15): three
// browser-mode desks (two agents' and the team lead's) on a standalone central
// store, and the phone system played by the test. The team lead makes a
// wallboard address and opens it at 1920×1080 (checked with axe against WCAG
// 2.1 AA); a call arriving from the phone system shows on the team lead's view
// and the wallboard by itself, waits past the team lead's threshold and raises
// an alert, once; an agent answers on her phone and the figures move on both
// screens; a new unassigned ticket is reassigned from the view to the other
// agent; the day summary shows the day, also as CSV.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { KARI, OLA, TONE, createFirstAdmin, createUser, signIn, signOut } from './support/deskPage';
import { CTI_TOKEN, DESK_NUMBER, phoneSystem } from './support/phoneSystem';
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

test('the team lead runs the shift from the live view; the wallboard follows', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const central = await startCentralProcess(tempDataDir(), 0, ['--cti-token', CTI_TOKEN]);
  running.push(central);
  const pbx = phoneSystem(central.url);
  const leadDesk = await startDeskProcess(tempDataDir(), { central: central.url });
  const agentDesk = await startDeskProcess(tempDataDir(), { central: central.url });
  const otherDesk = await startDeskProcess(tempDataDir(), { central: central.url });
  running.push(leadDesk, agentDesk, otherDesk);

  // The desktop notification is the one edge faked here: the page's Notification API records them.
  await page.addInitScript(() => {
    const shown: Array<{ title: string; body: string | undefined }> = [];
    (globalThis as unknown as { notes: typeof shown }).notes = shown;
    class RecordedNotification {
      static permission = 'granted';
      static requestPermission = () => Promise.resolve('granted');
      onclick: (() => void) | null = null;
      constructor(title: string, options?: { body?: string }) {
        shown.push({ title, body: options?.body });
      }
    }
    (globalThis as unknown as { Notification: unknown }).Notification = RecordedNotification;
  });
  await page.goto(leadDesk.url);
  await createFirstAdmin(page);
  await createUser(page, TONE);
  await createUser(page, { ...KARI, phone: '201' });
  await createUser(page, OLA);
  await signOut(page);
  await signIn(page, TONE);
  await page.getByRole('link', { name: 'Køoversikt' }).click();
  await expect(page.getByRole('heading', { name: 'Køoversikt', level: 1 })).toBeVisible();

  // Alerts after 10 s in the queue (the threshold is the team lead's setting).
  await page.getByLabel('Varsle når en innringer har ventet (sekunder)').fill('10');
  await page.getByRole('button', { name: 'Lagre' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Innstillingene er lagret.' })).toBeVisible();

  // A wallboard address, shown once; the wall screen needs no account.
  await page.getByTestId('wallboard-name').fill('Skjerm i gangen');
  await page.getByRole('button', { name: 'Lag adresse' }).click();
  const wallboardUrl = (await page.getByTestId('wallboard-url').textContent())!;
  expect(wallboardUrl.startsWith(`${central.url}/wallboard/`)).toBe(true);
  const wall = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
  await wall.goto(wallboardUrl);
  await expect(wall.locator('#status')).toHaveText('Direkte');
  await expect(wall.locator('#waiting')).toHaveText('0');
  const axe = await new AxeBuilder({ page: wall })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual(
    [],
  );

  // Kari and Ola are at their desks; Ola says he is available (Alt+L).
  const agent = await page.context().newPage();
  await agent.goto(agentDesk.url);
  await signIn(agent, KARI);
  const other = await page.context().newPage();
  await other.goto(otherDesk.url);
  await signIn(other, OLA);
  await other.keyboard.press('Alt+L');
  await expect(page.getByRole('row', { name: new RegExp(OLA.name) })).toContainText('Ledig', {
    timeout: 10_000,
  });

  // A call arrives from the phone system: the team lead's view and the wallboard show it waiting.
  const call = { direction: 'in', from: '4790000001', to: DESK_NUMBER, callId: 'live-1' };
  await pbx.json({ event: 'newCall', ...call, user: ['Kundeservice'] });
  const waiting = page.getByTestId('live-waiting');
  await expect(waiting).toContainText('1', { timeout: 5_000 });
  await expect(page.getByRole('table').filter({ hasText: 'Innringer' })).toContainText('Ukjent innringer');
  await expect(wall.locator('#waiting')).toHaveText('1', { timeout: 5_000 });
  // The wall shows no caller's number.
  await expect(wall.locator('body')).not.toContainText('90 00 00 01');
  await expect(wall.locator('body')).not.toContainText('4790000001');
  await wall.screenshot({ path: 'test-results/screens/wallboard.png' });

  // She waits past the threshold: the team lead's alert fires, once, as a banner and a notification.
  const alert = page.getByTestId('shift-alerts').getByRole('link', {
    name: 'En innringer har ventet i køen i over 10 s',
  });
  await expect(alert).toBeVisible({ timeout: 20_000 });
  await expect(wall.locator('#longest-label')).toHaveText('Lengste ventetid – over 10 s');
  const notes = () => page.evaluate(() => (globalThis as unknown as { notes: unknown[] }).notes);
  await expect
    .poll(notes)
    .toEqual([{ title: 'Varsler', body: 'En innringer har ventet i køen i over 10 s' }]);

  // Kari answers on her phone (extension 201): the call leaves the queue and counts as answered,
  // on both screens, and she is "i samtale".
  await pbx.json({ event: 'answer', ...call, answeringNumber: '201' });
  await expect(agent.getByRole('region', { name: /Pågående samtale/ })).toBeVisible({ timeout: 10_000 });
  await expect(waiting).toContainText('0', { timeout: 5_000 });
  await expect(page.getByTestId('live-answered')).toContainText('1');
  await expect(wall.locator('#answered')).toHaveText('1', { timeout: 5_000 });
  await expect(page.getByRole('row', { name: new RegExp(KARI.name) })).toContainText('I samtale');
  await expect(wall.locator('#people')).toContainText('Kari');
  await expect(wall.locator('#people')).not.toContainText('Kari Agent');
  const active = agent.getByRole('region', { name: /Pågående samtale/ });
  await pbx.json({ event: 'hangup', ...call, cause: 'normalClearing', answeringNumber: '201' });
  await expect(active.getByTestId('phone-ended')).toBeVisible({ timeout: 10_000 });
  await active.getByLabel('Løst på telefon').check();
  await active.getByRole('button', { name: 'Avslutt samtale' }).click();
  await expect(active).toBeHidden();
  // Shown once: the banner still has the one line, and no second notification came.
  await expect(page.getByTestId('shift-alerts').getByRole('listitem')).toHaveCount(1);
  expect(await notes()).toHaveLength(1);

  // Kari files a ticket nobody has taken: it is on the team lead's list to act on.
  await agent.keyboard.press('Alt+T');
  const form = agent.getByRole('form', { name: 'Ny sak' });
  await form.getByLabel('Navn på innmelder').fill('Siri Skole');
  await form.getByLabel('Telefonnummer').fill('48 12 34 56');
  await form.getByLabel('Tjenestemottaker').selectOption({ label: 'Molde kommune' });
  await form.getByLabel('Arbeidssted').fill('Kvam skole');
  await form
    .getByLabel('Beskrivelse av behov eller feil')
    .fill('Skriveren på lærerrommet skriver bare blanke ark.');
  await form.getByLabel('System / tjeneste').fill('Skriver');
  await form.getByRole('radio', { name: 'Ikke varsle' }).check();
  await form.getByText('Lav', { exact: true }).click();
  await form.getByRole('button', { name: 'Opprett sak' }).click();
  await expect(agent.getByTestId('ticket-reference')).toBeVisible();

  await expect(page.getByTestId('live-unassigned')).toContainText('1', { timeout: 10_000 });
  const row = page.getByRole('row').filter({ hasText: 'Skriveren på lærerrommet' });
  await row.getByRole('checkbox').check();
  await page.getByTestId('live-assignee').selectOption({ label: OLA.name });
  await page.getByRole('button', { name: 'Tildel 1 valgt sak' }).click();
  await expect(page.getByRole('status').filter({ hasText: '1 sak tildelt.' })).toBeVisible();
  await expect(page.getByTestId('live-unassigned')).toContainText('0');
  await page.screenshot({ path: 'test-results/screens/live-view.png', fullPage: true });

  // A click on a group opens the ticket list filtered the same way.
  await page.getByRole('button', { name: /Lav$/ }).click();
  await expect(page.getByRole('heading', { name: /Åpne saker/ })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Prioritet' })).toHaveValue('low');
  await expect(page.getByText('Skriveren på lærerrommet')).toBeVisible();

  // The end-of-day summary: the day's figures to print, and as CSV.
  await page.getByRole('link', { name: 'Køoversikt' }).click();
  await page.getByRole('link', { name: 'Dagsrapport' }).click();
  await expect(page.getByRole('heading', { name: /^Dagsrapport \d{4}-\d{2}-\d{2}$/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /Innkomne samtaler/ })).toContainText('1');
  await expect(page.getByRole('row', { name: /Besvart i dag/ })).toContainText('1');
  await expect(page.getByRole('row', { name: new RegExp(KARI.name) })).toContainText('1');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Last ned CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^dagsrapport-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = await new Promise<string>((resolve, reject) => {
    void file.createReadStream().then((stream) => {
      let body = '';
      stream.on('data', (c: Buffer) => (body += c.toString('utf8')));
      stream.on('end', () => resolve(body));
      stream.on('error', reject);
    });
  });
  expect(text).toContain('Telefon;Besvart;1');
  await page.screenshot({ path: 'test-results/screens/day-summary.png', fullPage: true });
});
