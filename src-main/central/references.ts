// The central store's counter service for references: the next number of a
// year, taken in the caller's (push) transaction. The counter row is locked
// on PostgreSQL, so concurrent pushes get consecutive numbers, and a rolled
// back push gives its number back: gap-free per year.
import type { EntityManager } from 'typeorm';
import { canonicalReference, REFERENCE_PREFIX } from '../../src-shared/references';
import type { CentralEngine } from './store/openCentralStore';
import { readCounter, writeCounter } from './sync/changeLog';

export async function nextReference(
  manager: EntityManager,
  engine: CentralEngine,
  year: number,
  prefix = REFERENCE_PREFIX,
): Promise<string> {
  const name = `ref:${prefix}:${year}`;
  const p = (i: number) => manager.connection.driver.createParameter(`p${i}`, i);
  await manager.query(`INSERT INTO counter (name, value) VALUES (${p(0)}, 0) ON CONFLICT (name) DO NOTHING`, [
    name,
  ]);
  const n = (await readCounter(manager, name, engine)) + 1;
  await writeCounter(manager, name, n);
  return canonicalReference(year, n, prefix);
}
