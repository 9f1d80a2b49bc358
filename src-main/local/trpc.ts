// tRPC for the desk's local router: context, error shape and the procedure
// builders. Domain errors and validation errors leave here with their field
// names and codes so the renderer can show them next to the right input.
import { initTRPC, TRPCError } from '@trpc/server';
import { DomainError } from '../../src-shared/errors';
import { formatError, toClientError } from '../trpc/errorShape';
import type { Desk } from '../desk/openDesk';

export interface LocalContext {
  desk: Desk;
}

const t = initTRPC.context<LocalContext>().create({ errorFormatter: formatError });

/** Turns rule violations and late validation failures into proper client errors. */
const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) throw toClientError(result.error);
  return result;
});

export const router = t.router;
export const publicProcedure = t.procedure.use(domainErrors);

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
