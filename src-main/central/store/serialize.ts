// Write ordering on the central store. On PostgreSQL, the counter row's lock
// orders writers in the database, and readers see only committed data. On
// SQLite there is one connection, which would let a reader see a push's
// uncommitted rows: there every database use queues behind the one before.
import { serialQueues } from '../../store/serialQueue';
import type { CentralStore } from './openCentralStore';

const queueOf = serialQueues<CentralStore>();

export function withStore<T>(store: CentralStore, work: () => Promise<T>): Promise<T> {
  if (store.engine === 'postgres') return work();
  return queueOf(store)(work);
}
