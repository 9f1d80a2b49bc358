// The desk's provisional ticket references (R6): its own running number,
// taken in the transaction that creates the ticket, so a refused or failed
// creation uses no number.
import type { EntityManager } from 'typeorm';
import { provisionalReference } from '../../src-shared/references';
import { readSetting, writeSetting } from '../store/localSettings';

const PROVISIONAL_COUNTER = 'provisionalReferenceCounter';

export async function nextProvisionalReference(manager: EntityManager, clientId: string): Promise<string> {
  const n = ((await readSetting<number>(manager, PROVISIONAL_COUNTER)) ?? 0) + 1;
  await writeSetting(manager, PROVISIONAL_COUNTER, n);
  return provisionalReference(clientId, n);
}
