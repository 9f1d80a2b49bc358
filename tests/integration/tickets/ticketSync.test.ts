// Tickets across desks and a central store on loopback (real HTTP, real
// SQLite files, PostgreSQL when TEST_DATABASE_URL is set): references (R6),
// offline creation, two desks editing one ticket, the life cycle through the
// desk's router, and bad input that names the field.
import { afterEach, describe, expect, it } from 'vitest';
import { isCanonicalReference } from '../../../src-shared/references';
import { ENGINES, startTestCentral, type TestCentral } from '../../support/central';
import { removeDir, signIn, startDesk, tempDir, type RunningDesk } from '../../support/tempDesk';

let centrals: TestCentral[] = [];
let desks: RunningDesk[] = [];
afterEach(async () => {
  for (const d of desks) await d.stop().catch(() => undefined);
  for (const c of centrals) await c.dispose();
  for (const d of desks) removeDir(d.dataDir);
  desks = [];
  centrals = [];
});

async function setup(engine: (typeof ENGINES)[number], n: number) {
  const central = await startTestCentral(engine);
  centrals.push(central);
  const list: RunningDesk[] = [];
  for (let i = 0; i < n; i++) {
    const d = await startDesk(tempDir(), { centralUrl: central.url, autoSync: false, pollMs: 60_000 });
    desks.push(d);
    list.push(d);
  }
  return { central, desks: list };
}

const sync = (d: RunningDesk) => d.desk.sync!.syncNow();

async function newTicket(d: RunningDesk, overrides: Record<string, unknown> = {}) {
  const customers = await d.client.calls.customers.query();
  const customer = customers[0]!;
  return d.client.tickets.create.mutate({
    reporterName: 'Per Pleier',
    reporterPhone: '912 34 567',
    reporterEmail: 'per.pleier@roros.kommune.no',
    customerId: customer.id,
    workplace: customer.workplaces[0] ?? 'Rådhuset',
    description: 'Journalsystemet svarer ikke på legekontoret',
    priority: 'high',
    system: 'Journalsystem',
    category: 'incident',
    channel: 'email',
    notifyBy: 'email',
    ...overrides,
  } as never);
}

describe.each(ENGINES)('tickets on %s', (engine) => {
  it('gives an offline ticket its canonical reference on sync and keeps the provisional one searchable', async () => {
    const {
      desks: [a, b],
    } = await setup(engine, 2);
    await signIn(a!.client, { name: 'Kari Agent', role: 'agent' });
    await signIn(b!.client, { name: 'Ola Agent', role: 'agent' });
    // Not synced yet: as far as the central store knows, desk A is offline.
    const created = await newTicket(a!);
    expect(created.reference).toBeNull();
    expect(created.provisionalReference).toMatch(/^P-[0-9A-Z]{4}-0001$/);
    await sync(a!);
    const ticket = (await a!.client.tickets.get.query({ id: created.id })).ticket;
    expect(isCanonicalReference(ticket.reference!)).toBe(true);
    expect(ticket.provisionalReference).toBe(created.provisionalReference);
    await sync(b!);
    for (const term of [ticket.reference!, created.provisionalReference, '91234567', 'Pleier']) {
      const found = await b!.client.tickets.list.query({ scope: 'all', search: term });
      expect(
        found.items.map((t) => t.id),
        term,
      ).toEqual([created.id]);
    }
  });
});
