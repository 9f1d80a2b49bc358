// Keeps what the desk shows in step with the central store: when a sync pulls
// changes (the sync cursor moves), the queries that read synced data (tickets,
// calls, the reporter directory) are refetched, so a ticket another desk
// changed shows its real state, and a call the phone system queued, answered
// or hung up shows at once (calls.queue, calls.current and calls.missed are
// all under calls).
import { useEffect, useRef } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { SyncStatus } from './account';
import { useTRPC } from './trpc';

export function useSyncRefresh(status: SyncStatus | null): void {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const cursor = status?.cursor ?? null;
  const seen = useRef<number | null>(null);
  useEffect(() => {
    if (cursor === null) return;
    const before = seen.current;
    seen.current = cursor;
    if (before === null || before === cursor) return;
    void queryClient.invalidateQueries({ queryKey: trpc.tickets.pathKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.calls.pathKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.reporters.pathKey() });
  }, [cursor, queryClient, trpc]);
}
