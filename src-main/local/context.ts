// What the desk's local router may use of the desk: the contract between the
// domains' procedures and the desk that hosts them. Declared here, below the
// domains, so a domain never imports desk/ or sync/; desk/openDesk.ts builds
// the object that satisfies it.
import type { Actor } from '../../src-shared/roles';
import type { SyncStatus } from '../../src-shared/sync/status';
import type { SessionUser, StaffMember } from '../../src-shared/session';
import type { MutationRunner } from '../mutations/runner';
import type { LocalStore } from '../store/openLocalStore';
import type { TableChanges } from './tableChanges';

/** Who is signed in on this desk, and their central-store tokens (desk/session.ts). */
export interface DeskSessions {
  current(): Promise<{ user: SessionUser; expiresAt: string; sessionValid: boolean } | null>;
  token(userId: string): Promise<string | null>;
  signIn(session: { token: string; user: SessionUser; expiresAt: string }): Promise<void>;
  signOut(): Promise<void>;
}

/** The desk's sync with its central store (sync/syncClient.ts). */
export interface DeskSync {
  readonly centralUrl: string;
  syncSoon(): void;
  syncNow(): Promise<void>;
  getStatus(): Promise<SyncStatus>;
}

export interface DeskContext {
  store: LocalStore;
  clientId: string;
  /** The desk's secret, sent only at sign-in: it proves to the central store that clientId is this desk's. */
  deskKey: string;
  dataDir: string;
  mutations: MutationRunner;
  sessions: DeskSessions;
  /** Absent only when the desk runs without a central store (tests of the local store alone). */
  sync: DeskSync | null;
  /** The central store the host runs in this process, when no URL was configured. */
  embeddedCentral: { url: string } | null;
  /** Which synced tables changed, from this desk's mutations and from pulls (live screens). */
  changes: TableChanges;
  /** Who acts on this desk: the signed-in user (also while offline with an expired session). */
  profile(): Promise<Actor | null>;
  /**
   * The desk's look-up indexes that are brought up to date after a commit, not inside it (the
   * device register's trigram index): a query that reads one awaits fresh() first.
   */
  lookupIndexes: { fresh(): Promise<void> };
  /** People a ticket can be assigned to: the central store's list, or the last one seen while offline. */
  staffDirectory(): Promise<{ staff: StaffMember[]; offline: boolean }>;
}
