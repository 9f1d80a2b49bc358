// What a desk's ticket procedures refuse before anything is written (issue 13,
// items 8 and 10): text with NUL, unpaired surrogates or control characters,
// naming the field; and a list search for NUL characters is a typed 400
// naming `search`, never a broken full-text query.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDir, signIn, startDesk, type RunningDesk, errorOf } from '../../../support/tempDesk';

let d: RunningDesk;
let customer: { id: string; workplaces: string[] };
beforeAll(async () => {
  d = await startDesk();
  await signIn(d.client, { name: 'Kari Agent', role: 'agent' });
  customer = (await d.client.calls.customers.query())[0]!;
});
afterAll(async () => {
  await d.stop();
  removeDir(d.dataDir);
});

const input = (overrides: Record<string, unknown> = {}) => ({
  reporterName: 'Per Pleier',
  reporterPhone: '912 34 567',
  reporterEmail: null,
  customerId: customer.id,
  workplace: customer.workplaces[0] ?? 'Rådhuset',
  description: 'Journalsystemet svarer ikke på legekontoret',
  priority: 'high' as const,
  system: 'Journalsystem',
  category: 'incident' as const,
  channel: 'email' as const,
  notifyBy: 'none' as const,
  ...overrides,
});

describe('ticket procedures and bad text', () => {
  it('refuses a ticket with NUL, an unpaired surrogate or a control character, naming the field', async () => {
    for (const [field, value, message] of [
      ['description', 'Journalsystemet\u0000 svarer ikke', 'contains a NUL character'],
      ['reporterName', 'Per \uD800', 'contains an unpaired surrogate (invalid UTF-16)'],
      ['title', 'Skriver\u0007', 'contains the control character U+0007'],
    ] as const) {
      const err = await errorOf(d.client.tickets.create.mutate(input({ [field]: value })));
      expect(err.data?.code, field).toBe('BAD_REQUEST');
      expect(err.data?.fieldErrors?.[field]?.[0]?.message, field).toBe(message);
    }
    const rows: unknown[] = await d.desk.store.dataSource.manager.query(`SELECT id FROM ticket`);
    expect(rows).toEqual([]);
  });

  it('answers a list search for NUL characters with BAD_REQUEST naming search, in every scope', async () => {
    await d.client.tickets.create.mutate(input());
    for (const scope of ['open', 'mine', 'all'] as const) {
      for (const search of ['\0\0\0', 'RI-\u0000', 'Per\uDC00']) {
        const err = await errorOf(d.client.tickets.list.query({ scope, search }));
        expect(err.data?.code, `${scope} ${JSON.stringify(search)}`).toBe('BAD_REQUEST');
        expect(err.data?.httpStatus).toBe(400);
        expect(Object.keys(err.data?.fieldErrors ?? {})).toEqual(['search']);
      }
    }
    const found = await d.client.tickets.list.query({ scope: 'all', search: 'Per Pleier' });
    expect(found.items).toHaveLength(1);
  });
});
