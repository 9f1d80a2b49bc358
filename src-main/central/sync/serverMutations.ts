// Changes the central store makes on its own (a message's delivery, an event
// from the phone system): named mutations applied through the same push path
// as a desk's, so they land in the change log, reach every desk and are in
// the audit trail, attributed to the central store. Each server process acts
// as its own client (a fresh client id per process) and numbers its mutations
// in memory. Mutations that queue up while a push is running go together in
// the next push (group commit): a burst of phone-system events costs one
// transaction, not one each. Server mutations are not in the desks' registry:
// no desk can push one.
import { uuidv7 } from 'uuidv7';
import type { z } from 'zod';
import type { Actor } from '../../../src-shared/roles';
import { PUSH_BATCH_MAX, type PushedMutation, type PushResult } from '../../../src-shared/sync/protocol';
import type { Mutation } from '../../mutations/define';
import type { CentralStore } from '../store/openCentralStore';
import { pushMutations } from './push';

/** Who the audit trail names for the central store's own changes. */
export const CENTRAL_ACTOR: Actor = { userId: 'central', name: 'Sentralen', role: 'admin' };

export interface ServerMutations {
  /** Applies one mutation; resolves with its verdict (applied or rejected with the reason). */
  run<S extends z.ZodType, R>(mutation: Mutation<S, R>, args: z.input<S>): Promise<PushResult>;
}

interface Waiting {
  mutation: Mutation;
  args: unknown;
  resolve(result: PushResult): void;
  reject(error: unknown): void;
}

export function createServerMutations(
  store: CentralStore,
  onCommitted: (serverVersion: number) => void,
  actor: Actor = CENTRAL_ACTOR,
): ServerMutations {
  const clientId = uuidv7();
  let seq = 0;
  let queue: Waiting[] = [];
  let running = false;

  const drain = async () => {
    while (queue.length > 0) {
      const batch = queue.slice(0, PUSH_BATCH_MAX);
      queue = queue.slice(batch.length);
      const mutations: PushedMutation[] = batch.map((w, i) => ({
        mutationId: uuidv7(),
        seq: seq + 1 + i,
        name: w.mutation.name,
        schemaVersion: w.mutation.schemaVersion,
        args: w.args,
        createdAt: new Date().toISOString(),
      }));
      try {
        const response = await pushMutations(
          store,
          actor,
          { clientId, mutations },
          onCommitted,
          // The process's own client id, owned by nobody else.
          { session: { clientId }, registry: new Map(batch.map((w) => [w.mutation.name, w.mutation])) },
        );
        seq = response.lastSeq; // only once the push committed: a failed push leaves the numbers free
        const byId = new Map(response.results.map((r) => [r.mutationId, r]));
        batch.forEach((w, i) => w.resolve(byId.get(mutations[i]!.mutationId)!));
      } catch (e) {
        for (const w of batch) w.reject(e);
      }
    }
    running = false;
  };

  return {
    run(mutation, args) {
      return new Promise<PushResult>((resolve, reject) => {
        queue.push({ mutation: mutation as Mutation, args, resolve, reject });
        if (running) return;
        running = true;
        // After this turn's I/O: the requests already read (SQLite blocks the loop while it
        // writes, so several are usually waiting) join the same push.
        setImmediate(() => void drain());
      });
    },
  };
}
