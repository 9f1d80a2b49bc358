// A desk: the local store, this installation's client id, the mutation runner
// and the local profile. Electron main and browser mode both host one.
import { uuidv7 } from 'uuidv7';
import type { Actor } from '../../src-shared/roles';
import { openLocalStore, type LocalStore } from '../store/openLocalStore';
import { createMutationRunner, type MutationRunner } from '../mutations/runner';
import { readSetting, writeSetting } from './localSettings';

export interface Desk {
  store: LocalStore;
  clientId: string;
  dataDir: string;
  mutations: MutationRunner;
  profile(): Promise<Actor | null>;
  setProfile(p: { name: string; role: Actor['role'] }): Promise<Actor>;
  close(): Promise<void>;
}

export async function openDesk(dataDir: string): Promise<Desk> {
  const store = await openLocalStore(dataDir);
  const manager = store.dataSource.manager;
  let clientId = await readSetting<string>(manager, 'clientId');
  if (!clientId) {
    clientId = uuidv7();
    await writeSetting(manager, 'clientId', clientId);
  }
  return {
    store,
    clientId,
    dataDir,
    mutations: createMutationRunner(store.dataSource, clientId),
    profile: () => readSetting<Actor>(manager, 'profile'),
    async setProfile(p) {
      const existing = await readSetting<Actor>(manager, 'profile');
      const actor: Actor = { userId: existing?.userId ?? uuidv7(), name: p.name, role: p.role };
      await writeSetting(manager, 'profile', actor);
      return actor;
    },
    close: () => store.close(),
  };
}
