// What a named mutation is: a name, a schema version, zod-validated arguments
// and a mutator that applies them inside a transaction it is handed. The same
// mutator runs on the desk (optimistically) and, later, on the central store
// (authoritatively), so it reads and writes only through the EntityManager
// and takes every instant from its arguments, never from the clock.
import type { EntityManager } from 'typeorm';
import type { z } from 'zod';
import type { Actor } from '../../src-shared/roles';

export interface MutationContext {
  manager: EntityManager;
  actor: Actor;
  clientId: string;
}

export interface Mutation<S extends z.ZodType = z.ZodType, R = unknown> {
  name: string;
  schemaVersion: number;
  args: S;
  apply(ctx: MutationContext, args: z.output<S>): Promise<R>;
}

export function defineMutation<S extends z.ZodType, R>(m: Mutation<S, R>): Mutation<S, R> {
  return m;
}
