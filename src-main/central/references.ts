// The central store's counter service for references: the next number of a
// year, taken in the caller's (push) transaction. The counter row is locked
// on PostgreSQL, so concurrent pushes get consecutive numbers, and a rolled
// back push gives its number back: gap-free per year.
import type { EntityManager } from 'typeorm';
import { canonicalReference, REFERENCE_PREFIX } from '../../src-shared/references';

export async function nextReference(
  manager: EntityManager,
  year: number,
  prefix = REFERENCE_PREFIX,
): Promise<string> {
  const name = `ref:${prefix}:${year}`;
  const p = (i: number) => manager.connection.driver.createParameter(`p${i}`, i);
  // One statement: the upsert takes the row's lock on PostgreSQL (held to the commit) as the
  // SELECT … FOR UPDATE did, and one round trip per ticket instead of three.
  const rows = (await manager.query(
    `INSERT INTO counter (name, value) VALUES (${p(0)}, 1)
     ON CONFLICT (name) DO UPDATE SET value = counter.value + 1 RETURNING value`,
    [name],
  )) as Array<{ value: number | string }>;
  return canonicalReference(year, Number(rows[0]!.value), prefix);
}
