// Write ordering on the central store. On PostgreSQL, the counter row's lock
// orders writers in the database, and readers see only committed data. On
// SQLite there is one connection, which would let a reader see a push's
// uncommitted rows: there every database use queues behind the one before.
import type { CentralStore } from './openCentralStore';

const queues = new WeakMap<CentralStore, Promise<unknown>>();

export function withStore<T>(store: CentralStore, work: () => Promise<T>): Promise<T> {
  if (store.engine === 'postgres') return work();
  const tail = queues.get(store) ?? Promise.resolve();
  const next = tail.then(work, work);
  queues.set(
    store,
    next.catch(() => undefined),
  );
  return next;
}
