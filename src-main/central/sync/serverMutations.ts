// Changes the central store makes on its own (a message's delivery, an event
// from the phone system): named mutations applied through the same push path
// as a desk's, so they land in the change log, reach every desk and are in
// the audit trail, attributed to the central store. Each server process acts
// as its own client (a fresh client id per process), numbering its mutations
// in memory and sending them one at a time. Server mutations are not in the
// desks' registry: no desk can push one.
import { uuidv7 } from 'uuidv7';
import type { z } from 'zod';
import type { Actor } from '../../../src-shared/roles';
import type { PushResult } from '../../../src-shared/sync/protocol';
import type { Mutation } from '../../mutations/define';
import type { CentralStore } from '../store/openCentralStore';
import { pushMutations } from './push';

/** Who the audit trail names for the central store's own changes. */
export const CENTRAL_ACTOR: Actor = { userId: 'central', name: 'Sentralen', role: 'admin' };

export interface ServerMutations {
  /** Applies one mutation; resolves with its verdict (applied or rejected with the reason). */
  run<S extends z.ZodType, R>(mutation: Mutation<S, R>, args: z.input<S>): Promise<PushResult>;
}

export function createServerMutations(
  store: CentralStore,
  onCommitted: (serverVersion: number) => void,
  actor: Actor = CENTRAL_ACTOR,
): ServerMutations {
  const clientId = uuidv7();
  let seq = 0;
  let tail: Promise<unknown> = Promise.resolve();
  return {
    run(mutation, args) {
      const work = async (): Promise<PushResult> => {
        const next = seq + 1;
        const response = await pushMutations(
          store,
          actor,
          {
            clientId,
            mutations: [
              {
                mutationId: uuidv7(),
                seq: next,
                name: mutation.name,
                schemaVersion: mutation.schemaVersion,
                args,
                createdAt: new Date().toISOString(),
              },
            ],
          },
          onCommitted,
          new Map([[mutation.name, mutation as Mutation]]),
        );
        seq = next; // only once the push committed: a failed push leaves the number free
        return response.results[0]!;
      };
      const result = tail.then(work, work);
      tail = result.catch(() => undefined);
      return result;
    },
  };
}
