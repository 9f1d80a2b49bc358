// Accounts for the demo: the demo staff exist on the desk's embedded central
// store (with the ids the demo calls are attributed to), plus an administrator,
// all with a known demo password, and are signed in on the desk so their
// calls sync under their own names. Only for a desk with an embedded central
// store: a real central store gets real accounts from its administrator.
import { DEMO_ACTORS } from './generate';
import { countUsers, createUser, findUserByName } from '../central/auth/users';
import { registerDeskKey } from '../central/auth/deskKeys';
import { createSession } from '../central/auth/sessions';
import type { Desk } from '../desk/openDesk';
import type { CentralServer } from '../central/server';

export const DEMO_PASSWORD = 'demo-passord-2026';

function username(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .replace(/[^a-z0-9]+/g, '.');
}

export async function provisionDemoAccounts(
  desk: Desk,
  /** The central store the host runs for this desk; null when the desk uses a remote one. */
  central: CentralServer | null,
): Promise<Array<{ username: string; name: string; role: string }>> {
  if (!central)
    throw new Error(
      'Demo data needs a desk with its own (embedded) central store; this desk uses a remote one.',
    );
  const m = central.store.dataSource.manager;
  const accounts: Array<{ username: string; name: string; role: string }> = [];
  if ((await countUsers(m)) === 0) {
    await createUser(m, {
      username: 'admin',
      displayName: 'Demo Administrator',
      role: 'admin',
      password: DEMO_PASSWORD,
    });
    accounts.push({ username: 'admin', name: 'Demo Administrator', role: 'admin' });
  }
  for (const actor of DEMO_ACTORS) {
    const name = username(actor.name);
    let user = await findUserByName(m, name);
    if (!user) {
      await createUser(
        m,
        { username: name, displayName: actor.name, role: actor.role, password: DEMO_PASSWORD },
        actor.userId,
      );
      user = await findUserByName(m, name);
      accounts.push({ username: name, name: actor.name, role: actor.role });
    }
    // Sign them in on the desk as a real sign-in does (with the desk's key, so the client id stays this
    // desk's and anyone can sign in on it afterwards), push their calls, then sign out: nobody stays in.
    await registerDeskKey(m, desk.clientId, desk.deskKey, user!.id);
    const session = await createSession(m, user!.id, desk.clientId);
    await desk.sessions.signIn({
      token: session.token,
      expiresAt: session.expiresAt,
      user: { id: user!.id, username: name, displayName: actor.name, role: actor.role },
    });
    await desk.sessions.signOut();
  }
  return accounts;
}
