// The central store's tRPC router: accounts and sessions, the sync protocol
// (push, pull, snapshot, change pokes over SSE) and the admin's views. The
// role each procedure needs is the README's role matrix.
import { tracked, TRPCError } from '@trpc/server';
import { z } from 'zod';
import { DomainError } from '../../src-shared/errors';
import { pullInput, pushInput, snapshotInput } from '../../src-shared/sync/protocol';
import { textSchema } from '../../src-shared/text';
import { DUMMY_HASH_PROMISE, verifyPassword } from './auth/passwords';
import { createSession, revokeSession } from './auth/sessions';
import { deskKeySchema, registerDeskKey } from './auth/deskKeys';
import { addressKey, clearFailures, releaseAttempt, reserveAttempt, userKey } from './auth/loginLimiter';
import {
  changeUser,
  countUsers,
  createUser,
  assertMayDeactivate,
  findUserByName,
  listStaff,
  listUsers,
  newUserSchema,
  passwordResetSchema,
  resetPassword,
  toUserView,
  userChangeSchema,
  usernameSchema,
} from './auth/users';
import { UserAccount } from './store/entities';
import { TicketAttachment } from '../store/entities';
import { readContent } from './attachments/content';
import { withStore } from './store/serialize';
import { readCounter, SERVER_VERSION } from './sync/changeLog';
import { pullChanges, snapshotInfo, snapshotPage } from './sync/pull';
import { PushOrderError, pushMutations } from './sync/push';
import { ctiEventsQuery } from '../../src-shared/calls/cti';
import { listPhoneEvents } from '../calls';
import { listAudit, auditQuery } from './audit';
import { authedProcedure, publicProcedure, roleProcedure, router } from './trpc';
import { SHIFT_LEAD_ROLES } from '../../src-shared/roles';
import {
  createWallboard,
  listWallboards,
  revokeWallboard,
  wallboardCreateInput,
  wallboardRevokeInput,
} from './wallboard/tokens';

/**
 * A desk signs in with its client id and its secret key; the session is then bound to that client
 * id (auth/deskKeys.ts). A client id without its key would let anyone claim a desk's sequence.
 */
const deskIdentity = z.object({ clientId: z.uuid().optional(), deskKey: deskKeySchema.optional() });
const withDeskKey = (v: { clientId?: string | undefined; deskKey?: string | undefined }) =>
  (v.clientId === undefined) === (v.deskKey === undefined);
const DESK_KEY_MESSAGE = 'clientId and deskKey go together: a desk signs in with both, a tool with neither';

const loginInput = z.object({
  username: textSchema.trim().min(1, 'User name is required').max(100),
  password: z.string().min(1, 'Password is required').max(200),
  ...deskIdentity.shape,
});

const loginWithDesk = loginInput.refine(withDeskKey, { message: DESK_KEY_MESSAGE, path: ['deskKey'] });

const adminProcedure = roleProcedure(['admin']);
const shiftLeadProcedure = roleProcedure(SHIFT_LEAD_ROLES);

export const centralRouter = router({
  auth: router({
    /** Whether the first administrator still has to be created (first-run flow). */
    status: publicProcedure.query(async ({ ctx }) => ({
      setupNeeded: (await withStore(ctx.store, () => countUsers(ctx.store.dataSource.manager))) === 0,
    })),
    setupFirstAdmin: publicProcedure
      .input(
        newUserSchema
          .omit({ role: true })
          .extend(deskIdentity.shape)
          .refine(withDeskKey, { message: DESK_KEY_MESSAGE, path: ['deskKey'] }),
      )
      .mutation(({ ctx, input }) =>
        withStore(ctx.store, () =>
          ctx.store.dataSource.transaction(async (m) => {
            // On PostgreSQL two first-run setups could both count no users: the lock makes them take turns.
            if (ctx.store.engine === 'postgres')
              await m.query('LOCK TABLE user_account IN SHARE ROW EXCLUSIVE MODE');
            if ((await countUsers(m)) > 0) {
              throw new TRPCError({ code: 'FORBIDDEN', message: 'The first administrator already exists' });
            }
            const { clientId, deskKey, ...account } = input;
            const user = await createUser(m, { ...account, role: 'admin' });
            if (clientId && deskKey) await registerDeskKey(m, clientId, deskKey, user.id);
            const session = await createSession(m, user.id, clientId ?? null);
            return { ...session, user };
          }),
        ),
      ),
    login: publicProcedure.input(loginWithDesk).mutation(async ({ ctx, input }) => {
      const m = ctx.store.dataSource.manager;
      const name = input.username.trim().toLowerCase();
      const keys = [userKey(name), addressKey(ctx.ip)];
      // The attempt counts before the password is checked, so parallel guesses cannot slip in under the limit.
      if (!(await withStore(ctx.store, () => reserveAttempt(m, keys)))) {
        await withStore(ctx.store, () => releaseAttempt(m, keys));
        throw new TRPCError({
          code: 'TOO_MANY_REQUESTS',
          message: 'Too many failed logins; try again later',
        });
      }
      const user = await withStore(ctx.store, () => findUserByName(m, name));
      // Verify against a dummy hash for unknown users, so the answer takes as long either way.
      const ok = await verifyPassword(input.password, user?.passwordHash ?? (await DUMMY_HASH_PROMISE));
      if (!user || !ok || !user.active) {
        throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Wrong user name or password' });
      }
      return withStore(ctx.store, async () => {
        await clearFailures(m, [keys[0]!]);
        await releaseAttempt(m, [keys[1]!]);
        if (input.clientId && input.deskKey) await registerDeskKey(m, input.clientId, input.deskKey, user.id);
        const session = await createSession(m, user.id, input.clientId ?? null);
        return { ...session, user: toUserView(user) };
      });
    }),
    logout: authedProcedure.mutation(async ({ ctx }) => {
      await withStore(ctx.store, () => revokeSession(ctx.store.dataSource.manager, ctx.session.tokenHash));
      return { ok: true };
    }),
    me: authedProcedure.query(({ ctx }) => ({
      user: toUserView(ctx.session.user),
      expiresAt: ctx.session.expiresAt,
    })),
    /** Active people a ticket can be assigned to (names and roles only), for every signed-in user. */
    staff: authedProcedure.query(({ ctx }) =>
      withStore(ctx.store, () => listStaff(ctx.store.dataSource.manager)),
    ),
  }),

  sync: router({
    push: authedProcedure.input(pushInput).mutation(async ({ ctx, input }) => {
      try {
        return await pushMutations(ctx.store, ctx.actor, input, (v) => ctx.notifier.notify(v), {
          session: ctx.session,
        });
      } catch (e) {
        if (e instanceof PushOrderError) {
          throw new TRPCError({
            code: 'CONFLICT',
            message: e.message,
            cause: new DomainError('conflict', e.message, { expectedSeq: e.expectedSeq }),
          });
        }
        throw e;
      }
    }),
    pull: authedProcedure
      .input(pullInput)
      .query(({ ctx, input }) => pullChanges(ctx.store, input.cursor, input.limit)),
    snapshotInfo: authedProcedure.query(({ ctx }) => snapshotInfo(ctx.store)),
    snapshot: authedProcedure
      .input(snapshotInput)
      .query(({ ctx, input }) => snapshotPage(ctx.store, input.entity, input.afterId, input.limit)),
    /** Pokes a desk whenever the change log grows; resumes after `lastEventId` (tracked ids are server versions). */
    onChange: authedProcedure
      .input(z.object({ lastEventId: z.string().max(20).nullish() }).optional())
      .subscription(async function* ({ ctx, input, signal }) {
        const abort = signal ?? new AbortController().signal;
        let last = Number(input?.lastEventId ?? 0) || 0;
        const versions = ctx.notifier.versions(abort);
        const head = await withStore(ctx.store, () =>
          readCounter(ctx.store.dataSource.manager, SERVER_VERSION),
        );
        if (head > last) {
          last = head;
          yield tracked(String(head), { serverVersion: head });
        }
        for await (const v of versions) {
          if (v > last) {
            last = v;
            yield tracked(String(v), { serverVersion: v });
          }
        }
      }),
  }),

  /** A ticket's file (issue 17): any signed-in staff member, as the ticket itself (R27). */
  attachments: router({
    get: authedProcedure.input(z.object({ id: z.uuid() })).query(async ({ ctx, input }) => {
      const file = await withStore(ctx.store, () =>
        ctx.store.dataSource.manager.findOneBy(TicketAttachment, { id: input.id }),
      );
      const bytes = file ? await readContent(ctx.store, file.sha256) : null;
      if (!file || !bytes) throw new DomainError('notFound', `No attachment with id ${input.id}`);
      return {
        filename: file.filename,
        contentType: file.contentType,
        role: file.role,
        base64: bytes.toString('base64'),
      };
    }),
  }),

  /** The wall screens' tokens (issue 15): team leads and admins name, list and revoke them. */
  wallboards: router({
    list: shiftLeadProcedure.query(({ ctx }) =>
      withStore(ctx.store, () => listWallboards(ctx.store.dataSource.manager)),
    ),
    create: shiftLeadProcedure
      .input(wallboardCreateInput)
      .mutation(({ ctx, input }) =>
        withStore(ctx.store, () => createWallboard(ctx.store.dataSource.manager, input, ctx.actor)),
      ),
    revoke: shiftLeadProcedure.input(wallboardRevokeInput).mutation(async ({ ctx, input }) => {
      const revoked = await withStore(ctx.store, () =>
        revokeWallboard(ctx.store.dataSource.manager, input.id, ctx.actor),
      );
      ctx.wallboards?.revoked(input.id);
      return revoked;
    }),
  }),

  admin: router({
    users: adminProcedure.query(({ ctx }) =>
      withStore(ctx.store, () => listUsers(ctx.store.dataSource.manager)),
    ),
    createUser: adminProcedure
      .input(newUserSchema)
      .mutation(({ ctx, input }) =>
        withStore(ctx.store, () => createUser(ctx.store.dataSource.manager, input)),
      ),
    setUserActive: adminProcedure
      .input(z.object({ username: usernameSchema, active: z.boolean() }))
      .mutation(({ ctx, input }) =>
        withStore(ctx.store, async () => {
          const m = ctx.store.dataSource.manager;
          const user = await findUserByName(m, input.username);
          if (!user) throw new DomainError('notFound', `No user ${input.username}`, { field: 'username' });
          if (!input.active) await assertMayDeactivate(m, user, ctx.actor.userId);
          await m.update(UserAccount, { id: user.id }, { active: input.active ? 1 : 0 });
          return toUserView({ ...user, active: input.active ? 1 : 0 });
        }),
      ),
    /** An account's role and extension (issue 18); not one's own role, nor the last administrator's. */
    updateUser: adminProcedure
      .input(userChangeSchema)
      .mutation(({ ctx, input }) =>
        withStore(ctx.store, () => changeUser(ctx.store.dataSource.manager, input, ctx.actor.userId)),
      ),
    /** A new password for an account (issue 18); the account's sessions end. */
    resetPassword: adminProcedure
      .input(passwordResetSchema)
      .mutation(({ ctx, input }) =>
        withStore(ctx.store, () => resetPassword(ctx.store.dataSource.manager, input)),
      ),
    /** The phone system's events and what became of them (issue 6). */
    ctiEvents: adminProcedure.input(ctiEventsQuery).query(({ ctx, input }) =>
      // withStore: on SQLite the one connection may be inside a push; read between them.
      withStore(ctx.store, () => listPhoneEvents(ctx.store.dataSource.manager, input)),
    ),
    audit: adminProcedure.input(auditQuery).query(({ ctx, input }) => listAudit(ctx.store, input)),
  }),
});

export type CentralRouter = typeof centralRouter;
