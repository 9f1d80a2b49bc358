// After signing in or out, re-read in an order that never shows a screen for
// a moment that does not belong to the new state: after signing in, the sync
// status first (so the new session is not judged by the old one's "signed
// out"); after signing out, nobody at once. Then everything else.
import { useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../../app/trpc';

export function useRefreshAfterAccountChange(change: 'signedIn' | 'signedOut'): () => Promise<void> {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return async () => {
    if (change === 'signedIn') {
      await queryClient.refetchQueries({ queryKey: trpc.sync.status.queryKey() });
    } else {
      queryClient.setQueryData(
        trpc.account.status.queryKey(),
        (old) => old && { ...old, user: null, expiresAt: null },
      );
    }
    await queryClient.invalidateQueries();
  };
}
