// The desk's local tRPC router: what the renderer may call, over IPC in
// Electron or HTTP in browser mode. Each domain registers its own procedures.
import { callsRouter } from '../calls/router';
import { accountRouter } from '../account/router';
import { syncRouter } from '../sync/router';
import { slaRouter } from '../sla/router';
import { ticketsRouter } from '../tickets/router';
import { reportersRouter } from '../reporters/router';
import { publicProcedure, router } from './trpc';

export const localRouter = router({
  desk: router({
    info: publicProcedure.query(async ({ ctx }) => {
      const rows: Array<{ n: number }> = await ctx.desk.store.dataSource.manager.query(
        `SELECT count(*) AS n FROM outbox`,
      );
      return { clientId: ctx.desk.clientId, dataDir: ctx.desk.dataDir, pendingMutations: rows[0]?.n ?? 0 };
    }),
  }),
  account: accountRouter,
  sync: syncRouter,
  calls: callsRouter,
  sla: slaRouter,
  tickets: ticketsRouter,
  reporters: reportersRouter,
});

export type LocalRouter = typeof localRouter;
