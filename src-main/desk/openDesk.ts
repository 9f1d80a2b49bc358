// A desk: the local store, this installation's client id, the mutation
// runner, who is signed in, and the sync engine. With no central store
// configured it runs one inside the same process (SQLite, loopback, random
// port), so one machine works out of the box; given a URL it is a client of
// that server. Electron main and browser mode both host a desk.
import { join } from 'node:path';
import { uuidv7 } from 'uuidv7';
import type { Actor } from '../../src-shared/roles';
import type { SmtpSettings } from '../central/messages/config';
import { startCentralServer, type CentralServer } from '../central/server';
import { createMutationRunner, type MutationRunner } from '../mutations/runner';
import { openLocalStore, type LocalStore } from '../store/openLocalStore';
import { SyncClient } from '../sync/syncClient';
import { readSetting, writeSetting } from './localSettings';
import { actorOf, SessionStore, type SecretBox } from './session';

export interface DeskOptions {
  /** The central store to sync with; undefined runs an embedded one, null runs none (no sync at all). */
  centralUrl?: string | null;
  secretBox?: SecretBox | null;
  /** How often to sync without a poke (ms). */
  pollMs?: number;
  /** Sync by itself (default). Tests turn it off and call sync.syncNow() where they mean to. */
  autoSync?: boolean;
  /** SMTP for the embedded central store's e-mail to reporters (ignored with a centralUrl). */
  smtp?: SmtpSettings;
  /** The phone system's secret for the embedded central store's CTI endpoint (ignored with a centralUrl). */
  ctiToken?: string;
}

export interface Desk {
  store: LocalStore;
  clientId: string;
  dataDir: string;
  mutations: MutationRunner;
  sessions: SessionStore;
  /** Absent only when opened with centralUrl: null (tests of the local store alone). */
  sync: SyncClient | null;
  /** The central store running inside this process, when no URL was configured. */
  embeddedCentral: CentralServer | null;
  /** Who acts on this desk: the signed-in user (also while offline with an expired session). */
  profile(): Promise<Actor | null>;
  close(): Promise<void>;
}

export async function openDesk(dataDir: string, opts: DeskOptions = {}): Promise<Desk> {
  const store = await openLocalStore(dataDir);
  const manager = store.dataSource.manager;
  let clientId = await readSetting<string>(manager, 'clientId');
  if (!clientId) {
    clientId = uuidv7();
    await writeSetting(manager, 'clientId', clientId);
  }
  let sync: SyncClient | null = null;
  const mutations = createMutationRunner(store.dataSource, clientId, () => sync?.syncSoon());
  const sessions = new SessionStore(manager, opts.secretBox ?? null);

  let embeddedCentral: CentralServer | null = null;
  let centralUrl = opts.centralUrl ?? null;
  if (opts.centralUrl === undefined) {
    embeddedCentral = await startCentralServer({
      dataDir: join(dataDir, 'central'),
      port: 0,
      quiet: true,
      smtp: opts.smtp,
      ctiToken: opts.ctiToken,
    });
    centralUrl = embeddedCentral.url;
  }
  if (centralUrl) {
    sync = new SyncClient(store.dataSource, mutations, sessions, clientId, centralUrl, {
      pollMs: opts.pollMs,
    });
    if (opts.autoSync !== false) sync.start();
  }

  return {
    store,
    clientId,
    dataDir,
    mutations,
    sessions,
    sync,
    embeddedCentral,
    async profile() {
      const current = await sessions.current();
      if (!current) return null;
      // An expired session still works while the central store cannot be reached (offline work, R27
      // attribution stays with that user); online, the user must sign in again.
      const expired = current.expiresAt <= new Date().toISOString();
      if (expired && sync && (await sync.getStatus()).online) return null;
      return actorOf(current.user);
    },
    async close() {
      await sync?.stop();
      await embeddedCentral?.close();
      await store.close();
    },
  };
}
