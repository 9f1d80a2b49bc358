// Systems, outages, notices and uptime end to end (issue 16) in Chromium
// against a browser-mode desk: a team lead adds a system to the register with
// its owner at Molde kommune, records an hour-long outage last month and an
// ongoing one now, and publishes a notice from the ongoing outage. An agent
// making a ticket for that system and customer sees the notice and links the
// ticket to it with one click. Last month's uptime, in the report and in the
// month's detail, is 1 − 60 min ÷ the month's true length (Oslo time).
import { expect, test, type Page } from '@playwright/test';
import { DateTime } from 'luxon';
import { KARI, TONE, createFirstAdmin, createUser, signIn, signOut } from './support/deskPage';
import { startDeskProcess, tempDataDir, type DeskProcess } from './support/deskProcess';
import { ticketHeader, timeline } from './support/ticketPage';

const SYSTEM = 'Gerica';
const CUSTOMER = 'Molde kommune';
const OWNER = { name: 'Siv Systemeier', contact: 'siv.systemeier@molde.kommune.no' };
const OUTAGE_MINUTES = 60;
const TARGET = 0.998;

/** A datetime-local input's value, in Oslo time. */
const inputValue = (at: DateTime) => at.setZone('Europe/Oslo').toFormat("yyyy-MM-dd'T'HH:mm");

/** Minutes as the report writes them: at most one decimal, a decimal comma ("86,4"). */
const minutesText = (n: number) => String(Number(n.toFixed(1))).replace('.', ',');

let desk: DeskProcess | null = null;
test.afterEach(async () => {
  await desk?.stop();
  desk = null;
});

/** Goes to one of the systems section's tabs through the main menu. */
async function systemsTab(page: Page, tab: 'Systemregister' | 'Utfall' | 'Oppetid') {
  await page.getByRole('link', { name: 'Systemer', exact: true }).click();
  await page
    .getByRole('navigation', { name: 'Systemer' })
    .getByRole('link', { name: tab, exact: true })
    .click();
}

test('an outage last month shows in its uptime; a ticket is linked to the notice of an ongoing one', async ({
  page,
}) => {
  test.setTimeout(240_000);
  // Last month by the Oslo calendar, and its true length (a DST change makes it an hour longer or shorter).
  const now = DateTime.now().setZone('Europe/Oslo');
  const lastMonth = now.minus({ months: 1 }).startOf('month');
  const monthMinutes = lastMonth.plus({ months: 1 }).diff(lastMonth, 'minutes').minutes;
  // The 10th at 10:00: no maintenance windows on the system, so nothing is taken out of the month.
  const outageStart = lastMonth.set({ day: 10, hour: 10, minute: 0 });
  const outageEnd = outageStart.plus({ minutes: OUTAGE_MINUTES });
  const uptime = 1 - OUTAGE_MINUTES / monthMinutes;
  // The report cuts to three decimals of a percent (never rounding up to the target): "99,861 %".
  const percentText = (Math.floor(uptime * 100_000) / 1000).toFixed(3).replace('.', ',');
  const percent = new RegExp(`${percentText}\\s%`);
  const met = uptime >= TARGET;
  const budget = (1 - TARGET) * monthMinutes;
  const days = Math.round(monthMinutes / 1440);

  desk = await startDeskProcess(tempDataDir());
  await page.goto(desk.url);
  await createFirstAdmin(page);
  await createUser(page, TONE);
  await createUser(page, KARI);
  await signOut(page);
  await signIn(page, TONE);

  // Tone adds the system to the register, measured against 99.8 %.
  await systemsTab(page, 'Systemregister');
  await page.getByRole('button', { name: 'Nytt system' }).click();
  const systemForm = page.getByRole('form', { name: 'Nytt system' });
  await systemForm.getByLabel('Navn').fill(SYSTEM);
  await systemForm.getByLabel('Leverandør').fill('Tieto');
  await expect(systemForm.getByLabel(/Skal være tilgjengelig kontinuerlig/)).toBeChecked();
  await systemForm.getByRole('button', { name: 'Lagre' }).click();
  await expect(page.getByRole('heading', { name: SYSTEM, level: 1 })).toBeVisible();
  const systemUrl = page.url();

  // Molde kommune uses it; Siv is its owner there.
  await page.getByRole('button', { name: 'Legg til tjenestemottaker' }).click();
  const rolesForm = page.getByRole('form', { name: `Legg til tjenestemottaker for ${SYSTEM}` });
  await rolesForm.getByLabel('Tjenestemottaker').selectOption({ label: CUSTOMER });
  const owner = rolesForm.getByRole('group', { name: 'Systemeier' });
  await owner.getByLabel('Navn', { exact: true }).fill(OWNER.name);
  await owner.getByLabel('Kontakt', { exact: true }).fill(OWNER.contact);
  await rolesForm.getByRole('button', { name: 'Lagre' }).click();
  await expect(rolesForm).toBeHidden();
  const roles = page.getByRole('table', { name: 'Tjenestemottakere og roller' });
  await expect(roles.getByRole('row', { name: new RegExp(CUSTOMER) })).toContainText(OWNER.name);

  // Last month: an hour down (unplanned, cause unknown: it counts), at Molde kommune.
  await systemsTab(page, 'Utfall');
  await page.getByRole('link', { name: 'Registrer utfall' }).click();
  const past = page.getByRole('form', { name: 'Registrer utfall' });
  await past.getByLabel('Hva er nede').fill(`${SYSTEM} utilgjengelig`);
  await past.getByLabel('Start').fill(inputValue(outageStart));
  await past.getByLabel('Slutt').fill(inputValue(outageEnd));
  await past.getByRole('group', { name: 'Systemer' }).getByRole('checkbox', { name: SYSTEM }).check();
  await past
    .getByRole('group', { name: 'Tjenestemottakere' })
    .getByRole('checkbox', { name: CUSTOMER })
    .check();
  await expect(past.getByRole('radio', { name: 'Uplanlagt' })).toBeChecked();
  await past.getByRole('button', { name: 'Registrer utfall' }).click();
  await expect(page.getByRole('heading', { name: `${SYSTEM} utilgjengelig`, level: 1 })).toBeVisible();
  await expect(page.getByTestId('outage-state')).toHaveText('Bekreftet');

  // Now: an ongoing outage, recorded from the system's page (the system already chosen).
  await page.goto(systemUrl);
  await page.getByRole('link', { name: 'Registrer utfall' }).click();
  const ongoing = page.getByRole('form', { name: 'Registrer utfall' });
  await expect(
    ongoing.getByRole('group', { name: 'Systemer' }).getByRole('checkbox', { name: SYSTEM }),
  ).toBeChecked();
  await ongoing.getByLabel('Hva er nede').fill(`${SYSTEM} svarer ikke`);
  // A couple of minutes ago, but never before this month began (last month's figure stays as it is).
  await ongoing
    .getByLabel('Start')
    .fill(inputValue(DateTime.max(now.minus({ minutes: 2 }), now.startOf('month'))));
  await ongoing
    .getByRole('group', { name: 'Tjenestemottakere' })
    .getByRole('checkbox', { name: CUSTOMER })
    .check();
  await ongoing.getByRole('button', { name: 'Registrer utfall' }).click();
  await expect(page.getByRole('heading', { name: `${SYSTEM} svarer ikke`, level: 1 })).toBeVisible();
  await expect(page.getByText('pågår', { exact: true })).toBeVisible();

  // A notice published from the outage, prefilled from it.
  await page.getByRole('button', { name: 'Publiser driftsmelding' }).click();
  const noticeForm = page.getByRole('form', { name: 'Publiser driftsmelding' });
  await expect(noticeForm.getByLabel('Tittel')).toHaveValue(`${SYSTEM} svarer ikke`);
  await noticeForm
    .getByLabel('Tekst til brukerne')
    .fill(`${SYSTEM} svarer ikke. Leverandøren feilsøker; vi melder når det virker igjen.`);
  await page.screenshot({ path: 'test-results/screens/systems-notice-from-outage.png', fullPage: true });
  await noticeForm.getByRole('button', { name: 'Publiser', exact: true }).click();
  await expect(page).toHaveURL(/#\/systems\/notices\/[0-9a-f-]+$/);
  await expect(page.getByRole('heading', { name: `${SYSTEM} svarer ikke`, level: 1 })).toBeVisible();
  await signOut(page);

  // Kari makes a ticket for the system at Molde kommune: the notice shows, one click links it.
  await signIn(page, KARI);
  await page.getByRole('link', { name: 'Saker', exact: true }).click();
  await page.getByTestId('new-ticket-link').click();
  const form = page.getByRole('form', { name: 'Ny sak' });
  await form.getByLabel('Navn på innmelder').fill('Per Pleier');
  await form.getByLabel('Telefonnummer').fill('912 34 567');
  await form.getByLabel('Tjenestemottaker').selectOption({ label: CUSTOMER });
  await form.getByLabel('Arbeidssted').fill('Molde rådhus');
  await form.getByLabel('Beskrivelse av behov eller feil').fill(`Får ikke logget inn i ${SYSTEM} i dag.`);
  await form.getByLabel('System / tjeneste').fill(SYSTEM);
  await expect(form.getByTestId('system-from-register')).toHaveText(`Fra systemregisteret: ${SYSTEM}.`);
  await form.getByRole('radio', { name: 'Ikke varsle' }).check();
  const banner = page.getByRole('complementary', { name: 'Aktiv driftsmelding' });
  await expect(banner).toBeVisible({ timeout: 20_000 });
  await expect(banner).toContainText(`${SYSTEM} svarer ikke`);
  await expect(banner).toContainText('Pågår');
  await banner.getByRole('button', { name: 'Knytt saken til denne driftsmeldingen' }).click();
  await expect(
    banner.getByRole('status').filter({ hasText: 'Saken knyttes til denne driftsmeldingen' }),
  ).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/systems-ticket-notice-banner.png', fullPage: true });
  await form.getByRole('button', { name: 'Opprett sak' }).click();

  // The ticket page shows the linked notice.
  await expect(ticketHeader(page).getByTestId('status')).toHaveText('Ny');
  const card = page.getByRole('region', { name: 'System og drift' });
  await expect(card.getByTestId('ticket-system-name')).toContainText(SYSTEM);
  await expect(card.getByTestId('linked-notice')).toContainText(`${SYSTEM} svarer ikke`);
  await expect(timeline(page)).toContainText('Saken ble knyttet til driftsmeldingen');
  await page.screenshot({ path: 'test-results/screens/systems-ticket-linked-notice.png', fullPage: true });

  // Last month's uptime in the report, for the system at Molde kommune.
  await systemsTab(page, 'Oppetid');
  await expect(page.getByRole('heading', { name: `Oppetid ${now.year}` })).toBeVisible();
  if (lastMonth.year !== now.year) await page.getByLabel('År').selectOption(String(lastMonth.year));
  await expect(page.getByRole('heading', { name: `Oppetid ${lastMonth.year}` })).toBeVisible();
  const row = page
    .getByTestId('uptime-table')
    .getByRole('row')
    .filter({ hasText: SYSTEM })
    .filter({ hasText: CUSTOMER });
  const cell = row.getByRole('cell').nth(lastMonth.month - 1);
  await expect(cell).toContainText(percent);
  if (met) {
    await expect(cell).toContainText('nådd');
    await expect(cell).not.toContainText('ikke nådd');
  } else {
    await expect(cell).toContainText('ikke nådd');
  }
  await page.screenshot({ path: 'test-results/screens/systems-uptime-year.png', fullPage: true });

  // The month's detail: the figure, the verdict, and the downtime budget used and left.
  await cell.getByRole('link').click();
  const monthName = lastMonth.setLocale('nb-NO').toFormat('LLLL yyyy');
  await expect(
    page.getByRole('heading', { name: `${SYSTEM} hos ${CUSTOMER}, ${monthName}`, level: 1 }),
  ).toBeVisible();
  const figures = page.getByTestId('month-figures');
  await expect(figures).toContainText(percent);
  await expect(figures).toContainText(met ? '✓ nådd' : '✗ ikke nådd');
  await expect(figures).toContainText(`${minutesText(budget)} min i en ${days}-dagers måned`);
  await expect(figures).toContainText(`${OUTAGE_MINUTES} min`);
  await expect(figures).toContainText(`${minutesText(budget - OUTAGE_MINUTES)} min`);
  await expect(page.getByRole('table', { name: 'Utfall i måneden' })).toContainText(
    `${SYSTEM} utilgjengelig`,
  );
  await page.screenshot({ path: 'test-results/screens/systems-uptime-month.png', fullPage: true });
});
