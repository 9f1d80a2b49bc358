// Two browser-mode desks against one standalone central store (DESIGN.md
// "Data and sync"): a call logged on one desk shows up in the other's queue
// at once (the central store's poke, then the desk's change feed to its
// screen; no screen polls its desk), and when both desks take the same call while
// the central store is down, the one that comes second is told so on its
// needs-attention page instead of losing the change silently, and at once in its
// call area, where the agent is looking (issue 18).
import { expect, test, type Page } from '@playwright/test';
import {
  KARI,
  OLA,
  createFirstAdmin,
  createUser,
  logCall,
  signIn,
  signOut,
  waitingQueue,
} from './support/deskPage';
import {
  freePort,
  startCentralProcess,
  startDeskProcess,
  tempDataDir,
  type CentralProcess,
  type DeskProcess,
} from './support/deskProcess';

const running: Array<DeskProcess | CentralProcess> = [];
test.afterEach(async () => {
  // Desks first, then the central store they talk to.
  for (const p of running.reverse()) await p.stop();
  running.length = 0;
});

async function desk(central: CentralProcess, dataDir = tempDataDir()): Promise<DeskProcess> {
  const d = await startDeskProcess(dataDir, { central: central.url });
  running.push(d);
  return d;
}

async function central(dataDir = tempDataDir(), port = 0): Promise<CentralProcess> {
  const c = await startCentralProcess(dataDir, port);
  running.unshift(c);
  return c;
}

/** Desk A gets the first administrator, who creates two agents; Kari signs in on A, Ola on B. */
async function twoAgents(pageA: Page, pageB: Page, c: CentralProcess, a: DeskProcess, b: DeskProcess) {
  await pageA.goto(a.url);
  await expect(pageA.getByTestId('central-address')).toContainText(c.url);
  await createFirstAdmin(pageA);
  await createUser(pageA, KARI);
  await createUser(pageA, OLA);
  await signOut(pageA);
  await signIn(pageA, KARI);

  // Desk B finds the administrator already there: it asks for a sign-in, not for a first administrator.
  await pageB.goto(b.url);
  await expect(pageB.getByRole('heading', { name: 'Logg inn', exact: true })).toBeVisible();
  await signIn(pageB, OLA);
}

test('a call logged on one desk appears in the other desk’s queue at once, pushed, not polled', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const c = await central();
  const a = await desk(c);
  const b = await desk(c);
  const pageB = await page.context().newPage();
  await twoAgents(page, pageB, c, a, b);

  // Idle, desk B's screen asks its desk for nothing: it listens to the desk's change feed instead.
  const asked: string[] = [];
  let lastAskedAt = Date.now();
  pageB.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.startsWith('/trpc/') && !path.includes('desk.changes')) {
      asked.push(path.slice(6));
      lastAskedAt = Date.now();
    }
  });
  // First let the sign-ins settle: desk B may still pull the accounts and
  // reference data desk A wrote, and each pull rightly refetches what it
  // touched. A screen that polled would never fall quiet for two seconds.
  await expect
    .poll(() => Date.now() - lastAskedAt, { timeout: 20_000, intervals: [250] })
    .toBeGreaterThan(2000);
  asked.length = 0;
  await pageB.waitForTimeout(5000);
  // (Its sync status may be read once: the desk's background sync says when the minute shown changes.)
  expect(asked.filter((p) => p !== 'sync.status')).toEqual([]);
  expect(asked.length).toBeLessThanOrEqual(1);

  await logCall(page, '912 34 567', 'Per Pasient');
  const queueB = waitingQueue(pageB);
  await expect(queueB.getByRole('row', { name: /Per Pasient/ })).toBeVisible({ timeout: 5000 });
  // …and the change made it refetch the call log's queries.
  expect(asked.join(',')).toContain('calls.queue');
  await expect(queueB).toContainText('91 23 45 67');

  // Ola answers it on desk B; it leaves desk A's queue just as quickly.
  await pageB.keyboard.press('F2');
  await expect(pageB.getByRole('region', { name: 'Pågående samtale' })).toBeVisible();
  await expect(page.getByText('Ingen samtaler venter.')).toBeVisible({ timeout: 5000 });
  await expect(pageB.getByTestId('sync-pill')).toHaveAttribute('data-state', 'idle');
  await pageB.screenshot({ path: 'test-results/screens/desk-b-on-call.png' });
});

test('both desks take the same call while offline: the second is told on its needs-attention page', async ({
  page,
}) => {
  test.setTimeout(150_000);
  const centralDir = tempDataDir();
  const port = await freePort();
  let c = await central(centralDir, port);
  const a = await desk(c);
  const bDir = tempDataDir();
  let b = await desk(c, bDir);
  const pageB = await page.context().newPage();
  await twoAgents(page, pageB, c, a, b);

  await logCall(page, '912 34 567', 'Per Pasient');
  await expect(waitingQueue(pageB).getByRole('row', { name: /Per Pasient/ })).toBeVisible({ timeout: 5000 });

  // The central store goes away; Ola takes the call on desk B anyway (it waits in B's outbox).
  await c.stop();
  running.splice(running.indexOf(c), 1);
  const pillB = pageB.getByTestId('sync-pill');
  await pageB.keyboard.press('F2');
  await expect(pageB.getByRole('region', { name: 'Pågående samtale' })).toBeVisible();
  await expect(pillB).toHaveText('Frakoblet – 1 endring venter', { timeout: 15_000 });
  await pageB.locator('.topbar').screenshot({ path: 'test-results/screens/topbar-offline.png' });

  // Desk B shuts down with its change unsent; the central store comes back, and Kari takes the call on A.
  await b.stop();
  running.splice(running.indexOf(b), 1);
  c = await central(centralDir, port);
  await page.keyboard.press('F2');
  await expect(page.getByRole('region', { name: 'Pågående samtale' })).toBeVisible();
  await expect(page.getByTestId('sync-pill')).toHaveAttribute('data-state', 'idle', { timeout: 15_000 });
  await expect(page.getByTestId('sync-pill')).toHaveText(/^Synkronisert/);
  // Meanwhile the next caller rings.
  await logCall(page, '913 45 678', 'Siri Neste');

  // Desk B starts again: browser mode kept Ola's session in memory only, so Ola signs in again …
  b = await desk(c, bDir);
  await pageB.goto(b.url);
  await expect(pageB.getByRole('heading', { name: 'Logg inn igjen' })).toBeVisible({ timeout: 10_000 });
  await expect(pageB.getByLabel('Brukernavn')).toHaveValue(OLA.username);
  await pageB.screenshot({ path: 'test-results/screens/login-again.png' });
  await signIn(pageB, OLA);

  // … and B's change is refused: the call was Kari's. B says so, and undoes it locally.
  const attention = pageB.getByTestId('attention-pill');
  await expect(attention).toHaveText('1 trenger oppfølging', { timeout: 15_000 });
  await expect(pageB.getByRole('region', { name: 'Pågående samtale' })).toBeHidden();
  // The call area says so where Ola is looking: who has the call, and who is next.
  await expect(pageB.getByTestId('lost-call')).toHaveText(
    /Samtalen ble tatt av Kari Agent, neste i køen er 91 34 56 78 \(Siri Neste\)\./,
  );
  await pageB.screenshot({ path: 'test-results/screens/lost-call.png' });
  await pageB.locator('.topbar').screenshot({ path: 'test-results/screens/topbar-attention.png' });
  await attention.click();
  const item = pageB.getByRole('listitem').filter({ hasText: 'Du tok samtalen' });
  // The kind of change in words, not the mutation's name.
  await expect(item.getByTestId('attention-change')).toHaveText('Ta samtale');
  await expect(item).not.toContainText('call.take');
  await expect(item).toContainText(
    'Du tok samtalen fra 91 23 45 67, men den var allerede tatt av Kari Agent.',
  );
  await expect(item).toContainText(OLA.name);
  await pageB.screenshot({ path: 'test-results/screens/needs-attention.png', fullPage: true });
  await item.getByRole('button', { name: 'Marker som sett' }).click();
  await expect(pageB.getByTestId('attention-empty')).toBeVisible();
  await expect(attention).toBeHidden();
  // Seen there, the call area no longer says it.
  await pageB.getByRole('link', { name: 'Samtaler' }).click();
  await expect(pageB.getByRole('table', { name: 'Ventende samtaler' })).toContainText('Siri Neste');
  await expect(pageB.getByTestId('lost-call')).toBeHidden();
});
