// Runs a named mutation on the desk: checks the role, validates the arguments,
// applies the mutator and appends it to the outbox in ONE SQLite transaction,
// so a change is never saved without the record the central store will read,
// nor the other way round. The outbox entry keeps the rows' previous images,
// so the desk can undo it when the server's state arrives (see sync/rebase).
import type { DataSource, EntityManager } from 'typeorm';
import { uuidv7 } from 'uuidv7';
import type { z } from 'zod';
import { DomainError } from '../../src-shared/errors';
import { constraintRefusal } from '../store/constraintViolation';
import type { Actor } from '../../src-shared/roles';
import { Outbox } from '../store/entities';
import { appendToOutbox } from '../store/outbox';
import { serialQueue } from '../store/serialQueue';
import type { Mutation } from './define';
import { derivedIds } from './derivedId';
import { createRowWriter, type TouchedRow, type UndoRow } from './rowWriter';

export interface MutationRunner {
  /**
   * Runs the mutation. The arguments may be a function of the transaction, for arguments that take
   * a desk-local number in the same commit (a ticket's provisional reference).
   */
  run<S extends z.ZodType, R>(
    mutation: Mutation<S, R>,
    rawArgs: z.input<S> | ((manager: EntityManager) => Promise<z.input<S>>),
    actor: Actor,
  ): Promise<R>;
  /** Runs work alone on the store's connection (no mutation in between). */
  exclusive<T>(work: () => Promise<T>): Promise<T>;
}

export function assertRole(mutation: Mutation, actor: Actor): void {
  if (!mutation.roles.includes(actor.role)) {
    throw new DomainError('forbidden', `${mutation.name} is not allowed for the role ${actor.role}`, {
      mutation: mutation.name,
      role: actor.role,
    });
  }
}

/** Applies an already validated mutation with its id in the given transaction; returns what it touched. */
export async function applyMutation<R>(
  manager: EntityManager,
  mutation: Mutation<z.ZodType, R>,
  args: unknown,
  actor: Actor,
  ids: { clientId: string; mutationId: string },
  /**
   * The central store's counter service: handed in only by the central store's push, so its
   * presence is what makes the run authoritative (ctx.authoritative); absent on a desk.
   */
  nextReference?: (year: number) => Promise<string>,
): Promise<{ result: R; touched: TouchedRow[]; undo: UndoRow[] }> {
  const write = createRowWriter(manager);
  const result = await mutation.apply(
    {
      manager,
      actor,
      clientId: ids.clientId,
      mutationId: ids.mutationId,
      newId: derivedIds(ids.mutationId),
      write,
      authoritative: nextReference !== undefined,
      ...(nextReference ? { nextReference } : {}),
    },
    args,
  );
  return { result, touched: write.touched(), undo: write.undo() };
}

export function createMutationRunner(
  dataSource: DataSource,
  clientId: string,
  /** Called after each committed mutation with the tables it wrote (the sync engine pushes soon after). */
  onCommitted: (tables: ReadonlySet<string>) => void = () => undefined,
): MutationRunner {
  // One SQLite connection: transactions must not interleave, so they queue.
  const serially = serialQueue();

  return {
    async run(mutation, rawArgs, actor) {
      assertRole(mutation, actor);
      // Rejects with a ZodError naming the field (before anything is written).
      const parse = (raw: unknown) => mutation.args.parse(raw) as unknown;
      const ready = typeof rawArgs === 'function' ? null : parse(rawArgs);
      const mutationId = uuidv7();
      let tables: ReadonlySet<string> = new Set();
      const result = await serially(() =>
        dataSource.transaction(async (manager) => {
          const args = ready ?? parse(await (rawArgs as (m: EntityManager) => Promise<unknown>)(manager));
          const { result, touched, undo } = await applyMutation(manager, mutation, args, actor, {
            clientId,
            mutationId,
          });
          await appendToOutbox(manager, {
            mutationId,
            clientId,
            name: mutation.name,
            args: JSON.stringify(args),
            schemaVersion: mutation.schemaVersion,
            actorId: actor.userId,
            actorName: actor.name,
            actorRole: actor.role,
            undo: JSON.stringify(undo),
            createdAt: new Date().toISOString(),
          });
          tables = new Set([...touched.map((t) => t.entity), Outbox.options.name]);
          return result;
        }),
      ).catch((e: unknown) => {
        // A constraint refused a row of this new change (an id already taken, a row that is not
        // there): the caller's input, so a rule's answer (409 / 404), not a crash (issue 13, item 8).
        throw constraintRefusal(e) ?? e;
      });
      onCommitted(tables);
      return result;
    },
    exclusive: (work) => serially(work),
  };
}
