// What a named mutation is: a name, a schema version, zod-validated arguments
// and a mutator that applies them inside a transaction it is handed. The same
// mutator runs on the desk (optimistically) and on the central store
// (authoritatively), so it reads through the EntityManager, writes only
// through ctx.write, takes every instant from its arguments and every new id
// from ctx.newId(): replayed anywhere, it produces the same rows.
import type { EntityManager } from 'typeorm';
import type { z } from 'zod';
import type { Actor, Role } from '../../src-shared/roles';
import type { RowWriter } from './rowWriter';

export interface MutationContext {
  manager: EntityManager;
  actor: Actor;
  clientId: string;
  mutationId: string;
  /** The n-th new id of this mutation, derived from its id: identical on every replay. */
  newId(): string;
  write: RowWriter;
  /**
   * True where the mutation runs authoritatively (the central store, in a push); false on a desk
   * (optimistically, and when replayed on rebase). A rule that needs the central store's own tables
   * (its accounts) is checked only then; the server's rows later replace the desk's guess.
   */
  authoritative: boolean;
  /**
   * The central store's counter service (R6): the next canonical reference of a year, in this
   * transaction. Present only where the mutation runs authoritatively; on a desk, mutators use the
   * provisional reference their arguments carry.
   */
  nextReference?: (year: number) => Promise<string>;
}

export interface Mutation<S extends z.ZodType = z.ZodType, R = unknown> {
  name: string;
  schemaVersion: number;
  args: S;
  /** Roles allowed to run it; checked by the runner on the desk and by the central store. */
  roles: readonly Role[];
  /**
   * Brings arguments written under an older schema version up to this one, so the central store
   * accepts desks that have not been updated yet (it accepts the last SCHEMA_VERSIONS_ACCEPTED).
   */
  upgrade?(args: unknown, fromVersion: number): unknown;
  apply(ctx: MutationContext, args: z.output<S>): Promise<R>;
}

export function defineMutation<S extends z.ZodType, R>(m: Mutation<S, R>): Mutation<S, R> {
  return m;
}
