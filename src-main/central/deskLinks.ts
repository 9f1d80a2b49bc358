// Which desks are in touch (issue 15, "frakoblet"). Every signed-in desk pulls
// every few seconds, so each authenticated request is a heartbeat of its
// (person, desk). A desk that falls silent past the timeout — closed, crashed,
// its network gone, or a half-open connection the socket would take minutes to
// notice — is recorded offline from the last time it was heard; the next request
// records it online again. Only these transitions are written (server mutation
// presence.link), so steady heartbeats cost no writes. After a restart, desks
// the store still shows online get one timeout to be heard from again.
import { DESK_OFFLINE_AFTER_MS } from '../../src-shared/shifts/presence';
import { presenceLink } from '../shifts';
import { DeskLink } from '../store/entities';
import type { CentralStore } from './store/openCentralStore';
import { withStore } from './store/serialize';
import type { ServerMutations } from './sync/serverMutations';

export interface DeskLinkWatch {
  /** A request from this person on this desk (its session is bound to the desk's client id). */
  seen(user: { userId: string; name: string }, clientId: string): void;
  stop(): void;
}

interface Link {
  userId: string;
  userName: string;
  clientId: string;
  lastSeenMs: number;
  online: boolean;
}

export async function startDeskLinkWatch(
  store: CentralStore,
  serverMutations: ServerMutations,
  offlineAfterMs = DESK_OFFLINE_AFTER_MS,
): Promise<DeskLinkWatch> {
  const links = new Map<string, Link>();
  const startedMs = Date.now();
  const online = await withStore(store, () =>
    store.dataSource.manager.find(DeskLink, { where: { online: 1 } }),
  );
  for (const l of online)
    links.set(`${l.userId}|${l.clientId}`, { ...l, lastSeenMs: startedMs, online: true });

  const record = (link: Link, isOnline: boolean, atMs: number) => {
    link.online = isOnline;
    serverMutations
      .run(presenceLink, {
        userId: link.userId,
        userName: link.userName,
        clientId: link.clientId,
        online: isOnline,
        at: new Date(atMs).toISOString(),
      })
      .catch((e: unknown) => console.error('[central] desk link:', e));
  };

  const sweep = setInterval(
    () => {
      const now = Date.now();
      for (const link of links.values())
        if (link.online && now - link.lastSeenMs > offlineAfterMs) record(link, false, link.lastSeenMs);
    },
    Math.max(100, Math.floor(offlineAfterMs / 4)),
  );
  sweep.unref();

  return {
    seen(user, clientId) {
      const key = `${user.userId}|${clientId}`;
      const now = Date.now();
      let link = links.get(key);
      if (!link) {
        link = { userId: user.userId, userName: user.name, clientId, lastSeenMs: now, online: false };
        links.set(key, link);
      }
      link.lastSeenMs = now;
      if (!link.online) record(link, true, now);
    },
    stop: () => clearInterval(sweep),
  };
}
