// The renderer's live feed: a tRPC subscription (SSE over loopback HTTP in
// browser mode, streamed over IPC in Electron) that yields the names of the
// tables that changed on this desk, from its own mutations and from every
// sync. The renderer refetches only the queries that read those tables.
import { publicProcedure } from '../local/trpc';

export const tableChangesSubscription = publicProcedure.subscription(async function* ({ ctx, signal }) {
  let wake: (() => void) | null = null;
  let pending = new Set<string>();
  const unsubscribe = ctx.desk.changes.subscribe((tables) => {
    for (const t of tables) pending.add(t);
    wake?.();
  });
  const aborted = new Promise<void>((resolve) => signal?.addEventListener('abort', () => resolve()));
  try {
    // The first message says the feed is live; a renderer that (re)connects refetches what it shows.
    yield { tables: [] as string[], connected: true };
    while (!signal?.aborted) {
      if (pending.size === 0) {
        await Promise.race([new Promise<void>((resolve) => (wake = resolve)), aborted]);
        wake = null;
        continue;
      }
      const tables = [...pending];
      pending = new Set();
      yield { tables, connected: false };
    }
  } finally {
    unsubscribe();
  }
});
