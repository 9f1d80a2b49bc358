// Sync on the local router: the status the UI shows (online, pending,
// last sync, rejected, first-sync progress), a manual "sync now", and the
// needs-attention list of mutations the central store rejected.
import { IsNull } from 'typeorm';
import { z } from 'zod';
import { RejectedMutation } from '../store/entities';
import { actorProcedure, publicProcedure, router } from '../local/trpc';

export const syncRouter = router({
  status: publicProcedure.query(async ({ ctx }) => (ctx.desk.sync ? ctx.desk.sync.getStatus() : null)),
  syncNow: actorProcedure.mutation(async ({ ctx }) => {
    await ctx.desk.sync?.syncNow();
    return ctx.desk.sync ? ctx.desk.sync.getStatus() : null;
  }),
  rejected: actorProcedure.query(async ({ ctx }) => {
    const rows = await ctx.desk.store.dataSource.manager.find(RejectedMutation, {
      where: { dismissedAt: IsNull() },
      order: { rejectedAt: 'DESC' },
    });
    return rows.map((r) => ({
      mutationId: r.mutationId,
      name: r.name,
      args: JSON.parse(r.args) as Record<string, unknown>,
      actorName: r.actorName,
      createdAt: r.createdAt,
      rejectedAt: r.rejectedAt,
      code: r.code,
      reason: r.reason,
      details: JSON.parse(r.details) as Record<string, unknown>,
    }));
  }),
  dismissRejected: actorProcedure
    .input(z.object({ mutationId: z.uuid() }))
    .mutation(async ({ ctx, input }) => {
      await ctx.desk.mutations.exclusive(() =>
        ctx.desk.store.dataSource.manager.update(
          RejectedMutation,
          { mutationId: input.mutationId },
          { dismissedAt: new Date().toISOString() },
        ),
      );
      return { ok: true };
    }),
});
