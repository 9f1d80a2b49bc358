// Signing in on the desk (replacing the foundation's local profile), the
// first-run creation of the first administrator, and the admin's views of
// users (create, change role and extension, reset a password, deactivate or
// reactivate) and the audit trail: all forwarded to the central store with the
// signed-in user's token. The central store decides; the desk passes on.
import { z } from 'zod';
import { roleSchema } from '../../src-shared/roles';
import { actorProcedure, publicProcedure, router } from '../local/trpc';
import { forwardCentralError } from '../sync/forwardError';
import { asSignedIn, central } from './centralAsUser';
import { ctiEventsQuery } from '../../src-shared/calls/cti';

const credentials = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
});

export const accountRouter = router({
  status: publicProcedure.query(async ({ ctx }) => {
    const current = await ctx.desk.sessions.current();
    let setupNeeded: boolean | null;
    try {
      setupNeeded = (await central(ctx.desk).auth.status.query()).setupNeeded;
    } catch {
      setupNeeded = null; // offline: the signed-in user (if any) keeps working
    }
    return {
      user: current?.user ?? null,
      expiresAt: current?.expiresAt ?? null,
      /** False when the signed-in user's token is gone or expired: sign in again to sync. */
      sessionValid: current?.sessionValid ?? false,
      /**
       * True when the desk acts for nobody until someone signs in (after a restart in browser mode,
       * or past the offline grace), even while the central store cannot be reached.
       */
      signInRequired: (await ctx.desk.profile()) === null,
      setupNeeded,
      centralUrl: ctx.desk.sync?.centralUrl ?? null,
      embedded: !!ctx.desk.embeddedCentral,
    };
  }),
  setupFirstAdmin: publicProcedure
    .input(
      z.object({
        username: z.string().max(100),
        displayName: z.string().max(100),
        password: z.string().max(200),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const session = await central(ctx.desk)
        .auth.setupFirstAdmin.mutate({ ...input, clientId: ctx.desk.clientId, deskKey: ctx.desk.deskKey })
        .catch(forwardCentralError);
      await ctx.desk.sessions.signIn(session);
      ctx.desk.sync?.syncSoon();
      return session.user;
    }),
  login: publicProcedure.input(credentials).mutation(async ({ ctx, input }) => {
    const session = await central(ctx.desk)
      .auth.login.mutate({ ...input, clientId: ctx.desk.clientId, deskKey: ctx.desk.deskKey })
      .catch(forwardCentralError);
    await ctx.desk.sessions.signIn(session);
    ctx.desk.sync?.syncSoon();
    return session.user;
  }),
  logout: actorProcedure.mutation(async ({ ctx }) => {
    await ctx.desk.sessions.signOut();
    ctx.desk.sync?.syncSoon();
    return { ok: true };
  }),

  users: actorProcedure.query(async ({ ctx }) =>
    (await asSignedIn(ctx.desk)).admin.users.query().catch(forwardCentralError),
  ),
  createUser: actorProcedure
    .input(
      z.object({
        username: z.string().max(100),
        displayName: z.string().max(100),
        role: roleSchema,
        password: z.string().max(200),
        /** The number or extension the phone system names when this user answers (checked by the central store). */
        phone: z.string().max(40).nullish(),
      }),
    )
    .mutation(async ({ ctx, input }) =>
      (await asSignedIn(ctx.desk)).admin.createUser.mutate(input).catch(forwardCentralError),
    ),
  setUserActive: actorProcedure
    .input(z.object({ username: z.string().max(100), active: z.boolean() }))
    .mutation(async ({ ctx, input }) =>
      (await asSignedIn(ctx.desk)).admin.setUserActive.mutate(input).catch(forwardCentralError),
    ),
  /** An account's role and extension (checked by the central store). */
  updateUser: actorProcedure
    .input(
      z.object({
        username: z.string().max(100),
        role: roleSchema,
        phone: z.string().max(40).nullish(),
      }),
    )
    .mutation(async ({ ctx, input }) =>
      (await asSignedIn(ctx.desk)).admin.updateUser.mutate(input).catch(forwardCentralError),
    ),
  /** A new password for an account (checked by the central store, which ends the account's sessions). */
  resetPassword: actorProcedure
    .input(z.object({ username: z.string().max(100), password: z.string().max(200) }))
    .mutation(async ({ ctx, input }) =>
      (await asSignedIn(ctx.desk)).admin.resetPassword.mutate(input).catch(forwardCentralError),
    ),
  audit: actorProcedure
    .input(
      z.object({
        name: z.string().max(100).optional(),
        before: z.object({ appliedAt: z.string().max(40), mutationId: z.string().max(100) }).optional(),
        limit: z.number().int().min(1).max(500).default(100),
      }),
    )
    .query(async ({ ctx, input }) =>
      (await asSignedIn(ctx.desk)).admin.audit.query(input).catch(forwardCentralError),
    ),
  /** The phone system's events and what became of them (issue 6), from the central store. */
  ctiEvents: actorProcedure
    .input(ctiEventsQuery)
    .query(async ({ ctx, input }) =>
      (await asSignedIn(ctx.desk)).admin.ctiEvents.query(input).catch(forwardCentralError),
    ),
});
