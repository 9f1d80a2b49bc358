// The public page of operational notices (R14, issue 16 item 7) in Chromium:
// a standalone central store from the build; its first administrator
// publishes an ongoing, a planned and a resolved notice by pushes (as a desk
// does); the page opens with no login and is checked with axe against WCAG
// 2.1 A and AA, and read as a person would: headings by state, states in
// words, the feeds linked.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { createTRPCClient, httpLink } from '@trpc/client';
import { randomUUID } from 'node:crypto';
import type { CentralRouter } from '../../src-main/central/router';
import { startCentralProcess, tempDataDir, type CentralProcess } from './support/deskProcess';

const MOLDE = '01a21bf8-0000-7000-8000-000001000000';
const ADMIN = { username: 'admin', displayName: 'Anne Admin', password: 'admin-passord-1' };

let central: CentralProcess | null = null;
test.afterEach(async () => {
  await central?.stop();
  central = null;
});

/** A signed-in pusher of named mutations, as a desk pushes them. */
async function pusher(url: string) {
  let token: string | null = null;
  const client = createTRPCClient<CentralRouter>({
    links: [
      httpLink({ url: `${url}/trpc`, headers: () => (token ? { authorization: `Bearer ${token}` } : {}) }),
    ],
  });
  token = (await client.auth.setupFirstAdmin.mutate(ADMIN)).token;
  const clientId = randomUUID();
  let seq = 0;
  return async (name: string, args: unknown) => {
    seq += 1;
    const res = await client.sync.push.mutate({
      clientId,
      mutations: [
        { mutationId: randomUUID(), seq, name, schemaVersion: 1, args, createdAt: new Date().toISOString() },
      ],
    });
    expect(res.results[0], name).toMatchObject({ status: 'applied' });
  };
}

test('the public notice page reads well and passes axe (WCAG 2.1 AA)', async ({ page }) => {
  central = await startCentralProcess(tempDataDir(), 0, ['--no-probes']);
  const push = await pusher(central.url);
  const now = Date.now();
  const iso = (ms: number) => new Date(ms).toISOString();
  const systems = [
    { id: randomUUID(), name: 'Visma Flyt Skole' },
    { id: randomUUID(), name: 'Gerica' },
  ];
  for (const s of systems) {
    await push('systems.save', {
      at: iso(now - 60_000),
      system: { ...s, criticality: 'high', continuous: true, remoteAccess: false, probe: null },
    });
  }
  const [visma, gerica] = systems as [(typeof systems)[0], (typeof systems)[0]];
  const ongoing = randomUUID();
  const resolved = randomUUID();
  await push('notice.publish', {
    at: iso(now - 30 * 60_000),
    id: ongoing,
    notice: {
      title: 'Visma Flyt Skole er nede',
      body: 'Lærere i Molde får ikke logget inn.',
      state: 'ongoing',
      systemIds: [visma.id],
      customerIds: [MOLDE],
      startsAt: iso(now - 30 * 60_000),
      endsAt: null,
    },
  });
  await push('notice.update', {
    at: iso(now - 10 * 60_000),
    noticeId: ongoing,
    state: 'ongoing',
    text: 'Leverandøren feilsøker.',
  });
  await push('notice.publish', {
    at: iso(now - 2 * 86_400_000),
    id: randomUUID(),
    notice: {
      title: 'Oppgradering av Gerica',
      body: 'Gerica er utilgjengelig under oppgraderingen.\n\nLagre arbeidet ditt før kl. 16.',
      state: 'planned',
      systemIds: [gerica.id],
      customerIds: [],
      startsAt: iso(now + 5 * 86_400_000),
      endsAt: iso(now + 5 * 86_400_000 + 2 * 3_600_000),
    },
  });
  await push('notice.publish', {
    at: iso(now - 3 * 86_400_000),
    id: resolved,
    notice: {
      title: 'Treg innlogging i Visma',
      body: 'Innloggingen tar lang tid.',
      state: 'ongoing',
      systemIds: [visma.id],
      customerIds: [MOLDE],
      startsAt: iso(now - 3 * 86_400_000),
      endsAt: null,
    },
  });
  await push('notice.update', {
    at: iso(now - 3 * 86_400_000 + 3_600_000),
    noticeId: resolved,
    state: 'resolved',
    text: 'Innloggingen er normal igjen.',
  });

  // A fresh context: no session, no cookies, nothing but the address.
  await page.goto(`${central.url}/notices`);
  await expect(page.getByRole('heading', { level: 1, name: 'Driftsmeldinger' })).toBeVisible();
  for (const name of ['Pågår nå', 'Planlagt', 'Løst siste 14 dager'])
    await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
  const down = page.getByRole('article', { name: 'Visma Flyt Skole er nede' });
  await expect(down).toContainText('Pågår');
  await expect(down).toContainText('Molde kommune');
  await expect(down.getByRole('listitem')).toHaveText([/Lærere i Molde/, /Leverandøren feilsøker/]);
  await expect(page.getByRole('article', { name: 'Oppgradering av Gerica' })).toContainText('Planlagt');
  await expect(page.getByRole('article', { name: 'Treg innlogging i Visma' })).toContainText('Løst');
  await expect(page.locator('link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute(
    'href',
    '/notices.atom',
  );
  await expect(page.locator('body')).not.toContainText(ADMIN.displayName);
  await page.screenshot({ path: 'test-results/screens/notices.png', fullPage: true });

  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual(
    [],
  );

  // The feed the page links to is there for readers.
  const atom = await page.request.get(`${central.url}/notices.atom`);
  expect(atom.headers()['content-type']).toBe('application/atom+xml; charset=utf-8');
  expect(await atom.text()).toContain(`<id>urn:uuid:${ongoing}</id>`);
});
