// Who is signed in on this desk, as every feature reads it: the account
// status (user, central store address, first-run flag) and the sync status
// (both refetched when the desk says its sync state changed: liveQueries.ts),
// plus a watcher that notices when an action was refused because
// nobody is signed in any more. Signing in and out is the account feature's.
import { useEffect } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import type { LocalRouter } from '../../src-main/desk/router';
import type { Actor } from '../../src-shared/roles';
import { domainCode } from './errors';
import { useTRPC } from './trpc';

type Outputs = inferRouterOutputs<LocalRouter>;
export type AccountStatus = Outputs['account']['status'];
export type SignedInUser = NonNullable<AccountStatus['user']>;
export type SyncStatus = NonNullable<Outputs['sync']['status']>;

const SIGNED_OUT_RECHECK_MS = 5000;

export function useAccountStatus() {
  const trpc = useTRPC();
  return useQuery(
    trpc.account.status.queryOptions(undefined, {
      // Signed in, the desk's change feed says when the sync state (and so this) changed. Signed
      // out, the desk does not sync: whether another desk has created the first administrator
      // meanwhile is known only to the central store, so the sign-in screens ask it now and then.
      refetchInterval: (q) => (q.state.data?.user ? false : SIGNED_OUT_RECHECK_MS),
    }),
  );
}

/** The signed-in user; the shell renders features only when there is one. */
export function useSignedInUser(): SignedInUser | null {
  return useAccountStatus().data?.user ?? null;
}

export function actorOf(user: SignedInUser): Actor {
  return { userId: user.id, name: user.displayName, role: user.role };
}

export function useSyncStatus() {
  const trpc = useTRPC();
  return useQuery(trpc.sync.status.queryOptions());
}

/**
 * The signed-in user must sign in again: the desk acts for nobody until
 * then (after a restart in browser mode, where tokens live only in memory,
 * or past the offline grace), or their session can no longer reach the
 * central store (expired or revoked) while the central store itself is
 * reachable (`setupNeeded` is known only then). Offline, within the grace,
 * the user keeps working.
 */
export function needsSignInAgain(status: AccountStatus): boolean {
  if (!status.user) return false;
  return status.signInRequired || (!status.sessionValid && status.setupNeeded !== null);
}

/** When any query or mutation is refused with `signedOut`, re-read who is signed in (the login screen follows). */
export function useSignedOutWatcher(): void {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  useEffect(() => {
    const recheck = (error: unknown) => {
      if (domainCode(error) === 'signedOut') {
        void queryClient.invalidateQueries({ queryKey: trpc.account.status.queryKey() });
      }
    };
    const offQueries = queryClient.getQueryCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'error') recheck(event.action.error);
    });
    const offMutations = queryClient.getMutationCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'error') recheck(event.action.error);
    });
    return () => {
      offQueries();
      offMutations();
    };
  }, [queryClient, trpc]);
}
