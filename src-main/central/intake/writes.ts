// The web intake's own small writes (rate-limit counts, receipts, links,
// sessions) in group commits. On SQLite every commit waits for the disk
// (synchronous=FULL), and every database use queues behind the one before:
// a burst of reporters would pay one commit each, one after another. Here
// the writes queued while one batch commits go together in the next
// transaction, so fifty reporters at once cost a few commits, not fifty.
// A batch that fails runs its writes again one by one, so one bad write
// fails alone. PostgreSQL gets the same batches: one transaction (and one
// round trip to begin and to commit) per batch rather than per write raised
// its web-form throughput by about a tenth in tests/bench/webIntake.bench.ts.
// A write must not catch a database error and go on: on PostgreSQL the
// batch's transaction is then aborted, and its commit would silently undo
// the writes of everyone in the batch. Let it throw; the batch is retried.
// Deliberately not here: what is written (limits.ts, links.ts, drafts.ts).
import type { EntityManager } from 'typeorm';
import type { CentralStore } from '../store/openCentralStore';
import { withStore } from '../store/serialize';

export type Write<T> = (m: EntityManager) => Promise<T>;

export interface IntakeWrites {
  run<T>(work: Write<T>): Promise<T>;
}

interface Queued {
  work: Write<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

export function intakeWrites(store: CentralStore): IntakeWrites {
  let queue: Queued[] = [];
  let running = false;
  const one = (q: Queued) =>
    withStore(store, () => store.dataSource.transaction((m) => q.work(m))).then(q.resolve, q.reject);
  const drain = async () => {
    while (queue.length > 0) {
      const batch = queue;
      queue = [];
      if (batch.length === 1) {
        await one(batch[0]!);
        continue;
      }
      try {
        const results = await withStore(store, () =>
          store.dataSource.transaction(async (m) => {
            const out: unknown[] = [];
            for (const q of batch) out.push(await q.work(m));
            return out;
          }),
        );
        batch.forEach((q, i) => q.resolve(results[i]));
      } catch {
        for (const q of batch) await one(q);
      }
    }
    running = false;
  };
  return {
    run<T>(work: Write<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({ work, resolve: resolve as (v: unknown) => void, reject });
        if (running) return;
        running = true;
        setImmediate(() => void drain());
      });
    },
  };
}
