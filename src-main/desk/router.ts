// The desk's local tRPC router: what the renderer may call, over IPC in
// Electron or HTTP in browser mode. The desk's own procedures (its info, the
// change feed, sign-in and the admin views, sync) and, under each domain's
// name, the procedures that domain registers (src-main/domains.ts).
import { DOMAINS } from '../domains';
import { routersOf } from '../local/domain';
import { publicProcedure, router } from '../local/trpc';
import { syncRouter } from '../sync/router';
import { accountRouter } from './accountRouter';
import { attachmentRouter } from './attachmentRouter';
import { tableChangesSubscription } from './changesSubscription';
import { wallboardRouter } from './wallboardRouter';

export const localRouter = router({
  desk: router({
    info: publicProcedure.query(async ({ ctx }) => {
      const rows: Array<{ n: number }> = await ctx.desk.store.dataSource.manager.query(
        `SELECT count(*) AS n FROM outbox`,
      );
      return { clientId: ctx.desk.clientId, dataDir: ctx.desk.dataDir, pendingMutations: rows[0]?.n ?? 0 };
    }),
    /** Which tables changed, pushed as they change (live screens; no polling). */
    changes: tableChangesSubscription,
  }),
  account: accountRouter,
  sync: syncRouter,
  wallboards: wallboardRouter,
  attachments: attachmentRouter,
  ...routersOf(DOMAINS),
});

export type LocalRouter = typeof localRouter;
