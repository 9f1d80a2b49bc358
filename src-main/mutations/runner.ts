// Runs a named mutation on the desk: validates its arguments, applies it and
// appends it to the outbox in ONE SQLite transaction, so a change is never
// saved without the record the central store will read, nor the other way.
import type { DataSource } from 'typeorm';
import { uuidv7 } from 'uuidv7';
import type { z } from 'zod';
import type { Actor } from '../../src-shared/roles';
import { Outbox } from '../store/entities';
import type { Mutation } from './define';

export interface MutationRunner {
  run<S extends z.ZodType, R>(mutation: Mutation<S, R>, rawArgs: z.input<S>, actor: Actor): Promise<R>;
}

export function createMutationRunner(dataSource: DataSource, clientId: string): MutationRunner {
  // One SQLite connection: transactions must not interleave, so they queue.
  let tail: Promise<unknown> = Promise.resolve();
  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    const next = tail.then(work, work);
    tail = next.catch(() => undefined);
    return next;
  };

  return {
    async run(mutation, rawArgs, actor) {
      const args = mutation.args.parse(rawArgs); // rejects with a ZodError naming the field
      return serially(() =>
        dataSource.transaction(async (manager) => {
          const result = await mutation.apply({ manager, actor, clientId }, args);
          await manager.insert(Outbox, {
            mutationId: uuidv7(),
            clientId,
            name: mutation.name,
            args: JSON.stringify(args),
            schemaVersion: mutation.schemaVersion,
            actorId: actor.userId,
            createdAt: new Date().toISOString(),
          });
          return result;
        }),
      );
    },
  };
}
