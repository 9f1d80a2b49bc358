// tRPC on the central store: context (the store, the change notifier, the
// caller's session), the shared error shape, and procedure builders that
// require a valid session and, where asked, a role. Roles are checked here,
// on the server, for every procedure (DESIGN.md "Security").
import { TRPCError } from '@trpc/server';
import type { Role } from '../../src-shared/roles';
import { initRouterKit } from '../trpc/errorShape';
import { resolveSession } from './auth/sessions';
import { actorOf } from './auth/users';
import type { DeskLinkWatch } from './deskLinks';
import type { WallboardFeed } from './wallboard/feed';
import type { ChangeNotifier } from './notifier';
import type { CentralStore } from './store/openCentralStore';
import { withStore } from './store/serialize';

export interface CentralContext {
  store: CentralStore;
  notifier: ChangeNotifier;
  /** The bearer token from the Authorization header, or the SSE connection parameters. */
  token: string | null;
  /** The caller's address, for the login rate limit. */
  ip: string;
  /** Told of every request from a desk's session (presence's "frakoblet"). */
  deskLinks?: DeskLinkWatch;
  /** The wall screens' feed: a revoked screen's stream is closed at once. */
  wallboards?: WallboardFeed;
}

const kit = initRouterKit<CentralContext>({ sse: { ping: { enabled: true, intervalMs: 15_000 } } });

export const router = kit.router;
export const publicProcedure = kit.publicProcedure;

/** A valid, unexpired session of an active user; 401 without saying which part failed. */
export const authedProcedure = publicProcedure.use(async ({ ctx, next }) => {
  const session = await withStore(ctx.store, () => resolveSession(ctx.store.dataSource.manager, ctx.token));
  if (!session) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Not signed in' });
  const actor = actorOf(session.user);
  if (session.clientId) ctx.deskLinks?.seen(actor, session.clientId);
  return next({ ctx: { ...ctx, session, actor } });
});

export function roleProcedure(roles: readonly Role[]) {
  return authedProcedure.use(({ ctx, next }) => {
    if (!roles.includes(ctx.actor.role))
      throw new TRPCError({ code: 'FORBIDDEN', message: 'Not allowed for your role' });
    return next();
  });
}
