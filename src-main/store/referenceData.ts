// Reference data every store starts with: ROR-IKT's member municipalities
// (tjenestemottakere) and some of their workplaces. Fixed ids, so every desk
// and the central store seed exactly the same rows. And the one read of them
// every domain shares (the call log, the reporter directory, the demo).
import type { EntityManager } from 'typeorm';
import { DomainError } from '../../src-shared/errors';
import { runSql } from './rowSql';

/** ROR-IKT's member municipalities (tjenestemottakere) with a few workplaces each. Fixed ids: every desk shares them. */
const CUSTOMERS: Array<[id: string, name: string, workplaces: string[]]> = [
  [
    '01a21bf8-0000-7000-8000-000001000000',
    'Molde kommune',
    [
      'Molde rådhus',
      'Molde legevakt',
      'Kirkebakken omsorgssenter',
      'Bergmo ungdomsskole',
      'Hjelset skole',
      'NAV Molde',
    ],
  ],
  [
    '01a21bf8-0000-7000-8000-000002000000',
    'Aukra kommune',
    ['Aukra rådhus', 'Aukra sjukeheim', 'Gossen barne- og ungdomsskule'],
  ],
  [
    '01a21bf8-0000-7000-8000-000003000000',
    'Gjemnes kommune',
    ['Gjemnes rådhus', 'Gjemnes sjukeheim', 'Batnfjord skole'],
  ],
  [
    '01a21bf8-0000-7000-8000-000004000000',
    'Hustadvika kommune',
    ['Hustadvika rådhus (Elnesvågen)', 'Eide omsorgssenter', 'Fræna ungdomsskole', 'Hustadvika legekontor'],
  ],
  [
    '01a21bf8-0000-7000-8000-000005000000',
    'Rauma kommune',
    ['Rauma rådhus', 'Åndalsnes helsesenter', 'Isfjorden skule'],
  ],
  [
    '01a21bf8-0000-7000-8000-000006000000',
    'Vestnes kommune',
    ['Vestnes rådhus', 'Vestnes helsetun', 'Tomrefjord skule'],
  ],
];

/** The customer and workplace rows to seed (workplace ids: the customer's id plus the workplace's index). */
export function referenceRows(): {
  customers: Array<{ id: string; name: string }>;
  workplaces: Array<{ id: string; customerId: string; name: string }>;
} {
  const customers = CUSTOMERS.map(([id, name]) => ({ id, name }));
  const workplaces = CUSTOMERS.flatMap(([id, , names]) =>
    names.map((name, i) => ({
      id: `${id.slice(0, 24)}${String(Number(id.slice(24)) + i + 1).padStart(12, '0')}`,
      customerId: id,
      name,
    })),
  );
  return { customers, workplaces };
}

/** The municipalities with their workplaces, by name. */
export async function customersWithWorkplaces(
  manager: EntityManager,
): Promise<Array<{ id: string; name: string; workplaces: string[] }>> {
  const rows: Array<{ id: string; name: string; wp: string | null }> = await manager.query(
    `SELECT cu.id, cu.name, w.name AS wp FROM customer cu LEFT JOIN workplace w ON w.customer_id = cu.id ORDER BY cu.name, w.name`,
  );
  const byId = new Map<string, { id: string; name: string; workplaces: string[] }>();
  for (const r of rows) {
    const c = byId.get(r.id) ?? { id: r.id, name: r.name, workplaces: [] };
    if (r.wp) c.workplaces.push(r.wp);
    byId.set(r.id, c);
  }
  return [...byId.values()];
}

/**
 * A call or ticket names a customer of the reference data, or none. The desk's store refuses any
 * other id on a call (a foreign key), the central store's has no such key: unchecked, a pushed row
 * with an unknown customer would be applied there and then break every desk's pull (issue 13).
 */
export async function assertCustomerExists(
  manager: EntityManager,
  customerId: string | null | undefined,
): Promise<void> {
  if (customerId == null) return;
  const p = manager.connection.driver.createParameter('p0', 0);
  const rows = await runSql(manager, `SELECT id FROM customer WHERE id = ${p}`, [customerId]);
  if (rows.length === 0)
    throw new DomainError('notFound', `No customer with id ${customerId}`, {
      field: 'customerId',
      customerId,
    });
}
