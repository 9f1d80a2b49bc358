// Accessibility of the whole desk (issue 18): axe-core with the WCAG 2.1 A and AA rules on every
// main screen, as each role sees it, on a desk filled with the demo data (calls waiting and done,
// tickets, equipment, the roster, systems and notices), and on the sign-in screen. Any violation
// fails; the failure lists every screen's violations at once so they can be fixed together.
import { execFileSync } from 'node:child_process';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { startDeskProcess, tempDataDir, type DeskProcess } from './support/deskProcess';
import { ticketList, ticketRows } from './support/ticketPage';

const PASSWORD = 'demo-passord-2026';
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Every role's screens: the menu's and those under them; a screen a role may not see is skipped. */
const SCREENS = [
  '/',
  '/tickets',
  '/tickets/mine',
  '/tickets/all',
  '/tickets/new',
  '/history',
  '/sla',
  '/attention',
  '/reporters',
  '/equipment',
  '/equipment/handover',
  '/equipment/recycling',
  '/equipment/models',
  '/equipment/settings',
  '/shifts',
  '/queues',
  '/queues/summary',
  '/systems',
  '/systems/lacking-owner',
  '/systems/outages',
  '/systems/notices',
  '/systems/uptime',
  '/admin/users',
  '/admin/audit',
  '/admin/phone-events',
  '/admin/phone-rules',
  '/admin/inbound-mail',
  '/no-such-page',
];

/** Detail pages, reached from a list: the first link of the list that matches. */
const DETAILS: ReadonlyArray<{ list: string; link: RegExp }> = [
  { list: '/systems', link: /^#\/systems\/(?!outages|notices|uptime|lacking-owner)[^/]+$/ },
  { list: '/systems/outages', link: /^#\/systems\/outages\/(?!new)[^/]+$/ },
  { list: '/systems/notices', link: /^#\/systems\/notices\/[^/]+$/ },
];

const ROLES = [
  { role: 'agent', username: 'kari.nordvik' },
  { role: 'technician', username: 'oyvind.ronning' },
  { role: 'team lead', username: 'tone.aasen' },
  { role: 'admin', username: 'admin' },
];

let desk: DeskProcess | null = null;
let dataDir = '';

test.beforeAll(() => {
  dataDir = tempDataDir();
  execFileSync(process.execPath, ['out/main/demo.js', '--data-dir', dataDir, '--calls', '40'], {
    stdio: 'ignore',
  });
});
test.beforeEach(async () => {
  desk = await startDeskProcess(dataDir);
});
test.afterEach(async () => {
  await desk?.stop();
  desk = null;
});

/** Waits until the view has settled: nothing loading, its heading (or region) shown. */
async function settled(page: Page): Promise<void> {
  await expect(page.locator('main')).toBeVisible();
  await expect(page.locator('main')).not.toContainText('Laster …', { timeout: 15_000 });
  await expect(page.locator('main h1, main h2').first()).toBeVisible({ timeout: 15_000 });
  await page.waitForTimeout(300);
}

/** One line per violation: rule, impact, and where (the first few targets). */
async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  return result.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join(', ')}${v.nodes.length > 3 ? ` … (${v.nodes.length})` : ''}`,
  );
}

async function visit(page: Page, path: string): Promise<boolean> {
  await page.evaluate(`window.location.hash = ${JSON.stringify(path)}`);
  await test.step(path, () => settled(page));
  const now = await page.evaluate<string>("window.location.hash.slice(1) || '/'");
  return now === path;
}

test('the sign-in screen has no WCAG 2.1 A/AA violations', async ({ page }) => {
  await page.goto(desk!.url);
  await expect(page.getByRole('form', { name: /Logg inn/ })).toBeVisible();
  expect(await violations(page)).toEqual([]);
  // And with the errors it shows.
  await page.getByLabel('Brukernavn').press('Enter');
  await expect(page.getByText('Skriv inn passordet.')).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

for (const { role, username } of ROLES) {
  test(`every screen the ${role} role sees has no WCAG 2.1 A/AA violations`, async ({ page }) => {
    test.setTimeout(240_000);
    await page.goto(desk!.url);
    const form = page.getByRole('form', { name: /Logg inn/ });
    await form.getByLabel('Brukernavn').fill(username);
    await form.getByLabel('Passord').fill(PASSWORD);
    await form.getByLabel('Passord').press('Enter');
    await expect(page.getByTestId('signed-in-user')).toBeVisible();

    const found: Record<string, string[]> = {};
    const seen = new Set<string>();
    const check = async (name: string) => {
      const v = await violations(page);
      if (v.length > 0) found[name] = v;
    };
    for (const path of SCREENS) {
      if (!(await visit(page, path))) continue; // not this role's (it was sent elsewhere)
      seen.add(path);
      await check(path);
    }
    // A ticket (its rows open it; they are not links).
    if (seen.has('/tickets/all')) {
      await visit(page, '/tickets/all');
      const id = await ticketRows(ticketList(page, 'Alle saker')).first().getAttribute('data-ticket-id');
      await visit(page, `/tickets/${id}`);
      await check('/tickets/:id');
    }
    for (const { list, link } of DETAILS) {
      if (!seen.has(list)) continue;
      await visit(page, list);
      const hrefs = await Promise.all(
        (await page.locator('main a[href]').all()).map((a) => a.getAttribute('href')),
      );
      const href = hrefs.find((h) => h !== null && link.test(h)) ?? null;
      expect(href, `a link to a detail page on ${list}`).not.toBeNull();
      await visit(page, href!.slice(1));
      await check(href!.slice(1));
    }
    await page.screenshot({ path: `test-results/screens/a11y-${username}.png`, fullPage: true });
    expect(seen.size).toBeGreaterThan(8);
    expect(found).toEqual({});
  });
}
