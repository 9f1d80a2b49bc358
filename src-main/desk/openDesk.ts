// A desk: the local store, this installation's client id, the mutation
// runner, who is signed in, the sync engine and the feed of changed tables.
// It syncs with the central store at the URL it is given; the host (browser
// mode or Electron main) starts an embedded central store first where none
// is configured and hands it over (host/openHostedDesk.ts), so the desk
// itself never imports the central store.
import { randomBytes } from 'node:crypto';
import { uuidv7 } from 'uuidv7';
import { SYNC_CONNECTION_TOPIC, SYNC_STATE_TOPIC } from '../../src-shared/sync/status';
import type { DeskContext } from '../local/context';
import { createTableChanges, type TableChanges } from '../local/tableChanges';
import { createMutationRunner } from '../mutations/runner';
import { deviceSearchUpkeep, type DeviceSearchUpkeep } from '../equipment/searchIndex';
import { closeOnce } from '../store/closeOnce';
import { readSetting, writeSetting } from '../store/localSettings';
import { openLocalStore } from '../store/openLocalStore';
import { SyncClient } from '../sync/syncClient';
import { forgetTicketTouches, prepareLiveView } from '../shifts';
import { SHIFT_LEAD_ROLES, type Role } from '../../src-shared/roles';
import { actorOf, SessionStore, type SecretBox } from './session';
import { staffDirectory } from './staffDirectory';

/** A central store running in the host's process, which the desk closes with itself. */
export interface EmbeddedCentral {
  url: string;
  close(): Promise<void>;
}

export interface DeskOptions {
  /** The central store to sync with; null runs none (no sync at all: tests of the local store alone). */
  centralUrl?: string | null;
  /** The host's embedded central store (its url is the one synced with); closed with the desk. */
  embeddedCentral?: EmbeddedCentral | null;
  secretBox?: SecretBox | null;
  /** How often to sync without a poke (ms). */
  pollMs?: number;
  /** Sync by itself (default). Tests turn it off and call sync.syncNow() where they mean to. */
  autoSync?: boolean;
}

export interface Desk extends DeskContext {
  sessions: SessionStore;
  sync: SyncClient | null;
  embeddedCentral: EmbeddedCentral | null;
  close(): Promise<void>;
}

/**
 * Tells the change feed when the sync status shown changed, and when the connection did (online,
 * signed out, waiting for someone to sign in again), which is what the account status depends on.
 * A sync starting is not news (one runs after every change); its end is, if someone read the
 * status meanwhile (and saw it syncing) or what it shows changed.
 */
function announceSyncState(sync: SyncClient, changes: TableChanges): () => void {
  let shown = '';
  let connection = '';
  return () => {
    const s = sync.liveStatus();
    const topics: string[] = [];
    const nowConnection = JSON.stringify([s.online, s.state === 'signedOut', s.waitingFor]);
    if (nowConnection !== connection) topics.push(SYNC_CONNECTION_TOPIC);
    connection = nowConnection;
    if (s.state !== 'syncing' || s.bootstrap) {
      // The status shows the time of the last sync to the minute.
      const minute = new Date().toISOString().slice(0, 16);
      const nowShown = JSON.stringify([s.state, s.online, s.lastError, s.waitingFor, s.bootstrap, minute]);
      const seenSyncing = s.state !== 'syncing' && sync.takeReadWhileSyncing();
      if (nowShown !== shown || seenSyncing) topics.push(SYNC_STATE_TOPIC);
      shown = nowShown;
    }
    if (topics.length) changes.notify(topics);
  };
}

export async function openDesk(dataDir: string, opts: DeskOptions = {}): Promise<Desk> {
  const store = await openLocalStore(dataDir);
  const manager = store.dataSource.manager;
  let clientId = await readSetting<string>(manager, 'clientId');
  if (!clientId) {
    clientId = uuidv7();
    await writeSetting(manager, 'clientId', clientId);
  }
  let deskKey = await readSetting<string>(manager, 'deskKey');
  if (!deskKey) {
    deskKey = randomBytes(32).toString('base64url');
    await writeSetting(manager, 'deskKey', deskKey);
  }
  const changes = createTableChanges();
  let sync: SyncClient | null = null;
  // Set just below: the runner and the upkeep need each other.
  let lookupIndexes: DeviceSearchUpkeep | null = null;
  const mutations = createMutationRunner(store.dataSource, clientId, (tables) => {
    changes.notify(tables);
    lookupIndexes?.changed(tables);
    sync?.syncSoon();
  });
  lookupIndexes = deviceSearchUpkeep(store.dataSource, mutations);
  // Entries a crash left stale are rewritten before anyone searches.
  await lookupIndexes.fresh();
  await forgetTicketTouches(manager);
  let closed = false;
  let preparing: Promise<unknown> = Promise.resolve();
  const prepareViews = (role: Role) => {
    // A team lead's first look at the live view is as quick as the later ones (it keeps what it
    // read); the reading is done here, in the background, not while they wait for the page.
    if (!SHIFT_LEAD_ROLES.includes(role) || closed) return;
    preparing = preparing
      .then(() => (closed ? undefined : prepareLiveView(manager)))
      .catch((e: unknown) => {
        if (!closed) console.error('[desk] preparing the live view:', e);
      });
  };
  const sessions = new SessionStore(manager, opts.secretBox ?? null, (user) => prepareViews(user.role));

  const embeddedCentral = opts.embeddedCentral ?? null;
  const centralUrl = embeddedCentral?.url ?? opts.centralUrl ?? null;
  if (centralUrl) {
    sync = new SyncClient(store.dataSource, mutations, sessions, clientId, centralUrl, {
      pollMs: opts.pollMs,
      onTablesChanged: (tables) => {
        changes.notify(tables);
        lookupIndexes?.changed(tables);
      },
    });
    sync.onChange(announceSyncState(sync, changes));
    if (opts.autoSync !== false) sync.start();
  }

  const desk: Desk = {
    store,
    clientId,
    deskKey,
    dataDir,
    mutations,
    sessions,
    sync,
    embeddedCentral,
    changes,
    lookupIndexes,
    async profile() {
      // Only a session this desk holds acts (not one left over from before a restart in browser
      // mode); an expired one only within the offline grace, while the central store cannot be
      // reached (R27: attribution stays with that user).
      const user = await sessions.actingUser(() => sync?.liveStatus().online ?? false);
      return user ? actorOf(user) : null;
    },
    staffDirectory: () => staffDirectory(desk),
    close: closeOnce(async () => {
      closed = true;
      await preparing;
      lookupIndexes?.close();
      await sync?.stop();
      await embeddedCentral?.close();
      await store.close();
    }),
  };
  // Whoever is still signed in from before (the desktop app keeps sessions across restarts).
  preparing = sessions
    .current()
    .then((c) => c && prepareViews(c.user.role))
    .catch(() => undefined);
  return desk;
}
