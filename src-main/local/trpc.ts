// tRPC for the desk's local router: context (the desk, as local/context.ts
// describes it) and the procedure builders. Domain errors and validation
// errors leave with their field names and codes (trpc/errorShape.ts) so the
// renderer can show them next to the right input.
import { TRPCError } from '@trpc/server';
import { DomainError } from '../../src-shared/errors';
import type { Role } from '../../src-shared/roles';
import { initRouterKit } from '../trpc/errorShape';
import type { DeskContext } from './context';

export interface LocalContext {
  desk: DeskContext;
}

const kit = initRouterKit<LocalContext>();

export const router = kit.router;
export const publicProcedure = kit.publicProcedure;

/** Procedures that act for someone: somebody must be signed in on this desk (an expired session still counts offline). */
export const actorProcedure = publicProcedure.use(async ({ ctx, next }) => {
  const actor = await ctx.desk.profile();
  if (!actor) {
    throw new TRPCError({
      code: 'PRECONDITION_FAILED',
      message: 'Sign in first',
      cause: new DomainError('signedOut', 'Sign in first'),
    });
  }
  return next({ ctx: { ...ctx, actor } });
});

/** Reads only some roles may see (the team lead's views, the phone rules): 'forbidden' for the rest. */
export function rolesProcedure(roles: readonly Role[], what: string) {
  return actorProcedure.use(({ ctx, next }) => {
    if (!roles.includes(ctx.actor.role)) {
      throw new DomainError('forbidden', `${what} is not shown to the role ${ctx.actor.role}`, {
        role: ctx.actor.role,
      });
    }
    return next();
  });
}
