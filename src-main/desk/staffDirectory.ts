// The people tickets can be assigned to, from the central store's account
// list. The last list seen is kept on the desk, so assignment works offline.
import type { StaffMember } from '../../src-shared/session';
import { readSetting, writeSetting } from '../store/localSettings';
import type { MutationRunner } from '../mutations/runner';
import type { LocalStore } from '../store/openLocalStore';
import type { SessionStore } from './session';
import type { SyncClient } from '../sync/syncClient';

const STAFF_KEY = 'staffDirectory';

export async function staffDirectory(desk: {
  store: LocalStore;
  mutations: MutationRunner;
  sessions: SessionStore;
  sync: SyncClient | null;
}): Promise<{ staff: StaffMember[]; offline: boolean }> {
  const manager = desk.store.dataSource.manager;
  const current = await desk.sessions.current();
  const token = current ? await desk.sessions.token(current.user.id) : null;
  if (desk.sync && token) {
    try {
      const staff = await desk.sync.centralAs(token).auth.staff.query();
      await desk.mutations.exclusive(() => writeSetting(manager, STAFF_KEY, staff));
      return { staff, offline: false };
    } catch {
      // Offline or the central store is down: the last list seen below.
    }
  }
  return { staff: (await readSetting<StaffMember[]>(manager, STAFF_KEY)) ?? [], offline: true };
}
