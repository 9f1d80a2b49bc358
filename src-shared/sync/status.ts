// What the desk says about its sync with the central store: the state the
// status pill and the first-sync progress show. Produced by the sync client
// (src-main/sync), read by the renderer.
export type SyncState = 'idle' | 'syncing' | 'offline' | 'signedOut' | 'versionBlocked';

export interface SyncStatus {
  centralUrl: string;
  online: boolean;
  state: SyncState;
  pending: number;
  rejected: number;
  lastSyncAt: string | null;
  lastError: string | null;
  /** During a first sync (or after `reset`): rows fetched of rows to fetch. */
  bootstrap: { done: number; total: number } | null;
  /** Pending changes waiting for their author to sign in again. */
  waitingFor: string | null;
  cursor: number;
}

/** The name the desk's change feed uses for "the sync status shown changed" (beside real table names). */
export const SYNC_STATE_TOPIC = 'sync_state';
/** …and for "the connection to the central store changed" (online, signed out): the account status follows. */
export const SYNC_CONNECTION_TOPIC = 'sync_connection';
