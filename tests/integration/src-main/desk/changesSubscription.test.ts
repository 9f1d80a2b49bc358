// The desk's change feed (desk.changes): a tRPC subscription over the real
// browser-mode host (server-sent events on loopback, the token in a header as
// the renderer sends it), told of the desk's own mutations and of changes
// another desk made that arrived by sync, without any polling.
import { afterEach, describe, expect, it } from 'vitest';
import { createTRPCClient, httpLink, httpSubscriptionLink, splitLink } from '@trpc/client';
import { EventSource } from 'eventsource';
import type { LocalRouter } from '../../../../src-main/desk/router';
import { useDeskCluster } from '../../../support/deskCluster';
import { minutesAgo, signIn, type RunningDesk } from '../../../support/tempDesk';

const cluster = useDeskCluster({ autoSync: true });

/** A client of the desk's router whose subscriptions travel as the renderer's do. */
function feedClient(d: RunningDesk) {
  const url = `http://127.0.0.1:${d.host.port}/trpc`;
  const withToken: typeof fetch = (input, init) => {
    const headers = new Headers(init?.headers);
    headers.set('authorization', `Bearer ${d.host.token}`);
    return fetch(input, { ...init, headers });
  };
  return createTRPCClient<LocalRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: httpSubscriptionLink({ url, EventSource, eventSourceOptions: () => ({ fetch: withToken }) }),
        false: httpLink({ url, fetch: withToken }),
      }),
    ],
  });
}

interface Feed {
  batches: string[][];
  connected: number;
  next(predicate: (tables: string[]) => boolean, ms?: number): Promise<string[]>;
  stop(): void;
}

function listen(d: RunningDesk): Promise<Feed> {
  const feed = { batches: [] as string[][], connected: 0 };
  const waiters: Array<() => void> = [];
  return new Promise((resolve, reject) => {
    const sub = feedClient(d).desk.changes.subscribe(undefined, {
      onData: (e) => {
        if (e.connected) {
          feed.connected++;
          resolve(api);
        } else feed.batches.push(e.tables);
        for (const w of waiters.splice(0)) w();
      },
      onError: reject,
    });
    const api: Feed = {
      ...feed,
      get batches() {
        return feed.batches;
      },
      get connected() {
        return feed.connected;
      },
      async next(predicate, ms = 5000) {
        const until = Date.now() + ms;
        for (;;) {
          const found = feed.batches.find(predicate);
          if (found) return found;
          if (Date.now() > until) throw new Error(`no change feed batch matched in ${ms} ms`);
          await new Promise<void>((r) => {
            waiters.push(r);
            setTimeout(r, until - Date.now());
          });
        }
      },
      stop: () => sub.unsubscribe(),
    };
  });
}

let feeds: Feed[] = [];
afterEach(() => {
  for (const f of feeds) f.stop();
  feeds = [];
});

describe('the desk change feed', () => {
  it("names the tables of the desk's own mutation, then those another desk changed, as they change", async () => {
    const {
      desks: [a, b],
    } = await cluster('sqlite', 2);
    await signIn(a!.client, { name: 'Kari Agent', role: 'agent' });
    await signIn(b!.client, { name: 'Ola Agent', role: 'agent' });
    await b!.desk.sync!.syncNow();
    const feedA = await listen(a!);
    const feedB = await listen(b!);
    feeds.push(feedA, feedB);
    expect(feedA.connected).toBe(1);

    await a!.client.calls.log.mutate({ callerNumber: '912 34 567', arrivedAt: minutesAgo(1) });
    const own = await feedA.next((t) => t.includes('call'));
    expect(own).toEqual(expect.arrayContaining(['call', 'call_event', 'outbox']));

    // Desk B hears of it by the central store's poke and its pull: no poll is involved (pollMs 60 s).
    const pulled = await feedB.next((t) => t.includes('call'));
    expect(pulled).toEqual(expect.arrayContaining(['call', 'call_event']));
    expect((await b!.client.calls.queue.query()).map((c) => c.callerNumber)).toEqual(['+4791234567']);
  });

  it('says when the sync status changed, and stops when the subscriber leaves', async () => {
    const {
      desks: [a],
    } = await cluster('sqlite', 1);
    const feed = await listen(a!);
    feeds.push(feed);
    await signIn(a!.client, { name: 'Kari Agent', role: 'agent' });
    await feed.next((t) => t.includes('sync_state'));
    expect(a!.desk.changes.listeners()).toBe(1);
    // The page goes away: the host sees the connection close and the subscription ends on the desk.
    feed.stop();
    const until = Date.now() + 5000;
    while (a!.desk.changes.listeners() > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    expect(a!.desk.changes.listeners()).toBe(0);
  });
});
