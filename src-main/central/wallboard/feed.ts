// The wallboards' live feed (issue 15). However many screens hang on the
// walls, the figures are computed once per change (the change log's pokes,
// debounced) and once every few seconds while anyone watches (at-risk and
// breached move with the clock), then the same JSON goes to every screen over
// server-sent events. Screens whose token was revoked are told so and closed.
// The computing is done by a worker thread on its own connection
// (figuresThread.ts), so that the pushes meanwhile do not wait for it.
import type { ServerResponse } from 'node:http';
import type { EntityManager } from 'typeorm';
import { wallboardFigures } from '../../shifts';
import { listStaff } from '../auth/users';
import type { ChangeNotifier } from '../notifier';
import type { CentralStore } from '../store/openCentralStore';
import { withStore } from '../store/serialize';
import { WALLBOARD_VERSION } from './assets';
import { startFiguresThread, type FiguresThread } from './figuresThread';
import { keptWallboardFacts } from './keptFacts';
import { liveWallboardIds } from './tokens';

interface Screen {
  wallboardId: string;
  res: ServerResponse;
}

export interface WallboardFeed {
  /** Streams to `res` until it closes: the latest figures at once, then each new set. */
  attach(wallboardId: string, res: ServerResponse): void;
  /** Closes the streams of a revoked screen now. */
  revoked(wallboardId: string): void;
  screens(): number;
  stop(): Promise<void>;
}

/** Changes within this long share one computation (a burst of pushes costs one, not one each). */
const DEBOUNCE_MS = 250;
const TICK_MS = 15_000;
const KEEP_ALIVE_MS = 20_000;
/** How long closing waits for a computation in flight. */
const STOP_WAIT_MS = 2_000;

export function startWallboardFeed(store: CentralStore, notifier: ChangeNotifier): WallboardFeed {
  const screens = new Set<Screen>();
  const abort = new AbortController();
  let latest: string | null = null;
  let timer: NodeJS.Timeout | null = null;
  let computing: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  const rows = keptWallboardFacts();

  const send = (s: Screen, chunk: string) => {
    if (!s.res.destroyed) s.res.write(chunk);
  };
  const close = (s: Screen, event: string | null) => {
    screens.delete(s);
    if (event) send(s, `event: ${event}\ndata: {}\n\n`);
    s.res.end();
  };

  /** On this thread, each read its own turn on the store: while the worker starts, or if it fails. */
  const computeHere = async () => {
    const read = <T>(work: (m: EntityManager) => Promise<T>) =>
      withStore(store, () => work(store.dataSource.manager));
    const view = await wallboardFigures(read, await read(listStaff), new Date(), rows);
    return { json: JSON.stringify(view), live: await read(liveWallboardIds) };
  };
  // Started when the first screen attaches: most central stores never have one.
  let thread: FiguresThread | null = null;

  const compute = async () => {
    const { json, live } = await (thread ? thread.compute() : computeHere());
    latest = json;
    for (const s of [...screens]) {
      if (!live.has(s.wallboardId)) close(s, 'revoked');
      else send(s, `data: ${json}\n\n`);
    }
  };

  const refresh = () => {
    if (stopped) return;
    if (screens.size === 0) {
      latest = null; // nobody watches: the next screen gets fresh figures
      return;
    }
    if (computing) {
      again = true;
      return;
    }
    computing = compute()
      .catch((e: unknown) => console.error('[central] wallboard:', e))
      .finally(() => {
        computing = null;
        if (again) {
          again = false;
          schedule();
        }
      });
  };
  const schedule = () => {
    if (timer || stopped) return;
    timer = setTimeout(() => {
      timer = null;
      refresh();
    }, DEBOUNCE_MS);
  };

  void (async () => {
    for await (const _ of notifier.versions(abort.signal)) schedule();
  })().catch(() => undefined);
  const tick = setInterval(schedule, TICK_MS);
  tick.unref();
  const keepAlive = setInterval(() => {
    for (const s of screens) send(s, `: keep-alive\n\n`);
  }, KEEP_ALIVE_MS);
  keepAlive.unref();

  return {
    attach(wallboardId, res) {
      if (stopped) {
        res.end(); // the server is closing
        return;
      }
      thread ??= startFiguresThread(store.connection, computeHere);
      const screen = { wallboardId, res };
      screens.add(screen);
      res.on('close', () => screens.delete(screen));
      send(screen, `event: version\ndata: ${JSON.stringify(WALLBOARD_VERSION)}\n\n`);
      if (latest) send(screen, `data: ${latest}\n\n`);
      else schedule();
    },
    revoked(wallboardId) {
      for (const s of [...screens]) if (s.wallboardId === wallboardId) close(s, 'revoked');
    },
    screens: () => screens.size,
    async stop() {
      stopped = true;
      abort.abort();
      clearInterval(tick);
      clearInterval(keepAlive);
      if (timer) clearTimeout(timer);
      for (const s of [...screens]) close(s, null);
      // A computation in flight may finish (a hung read must not hold the server's close for ever).
      await Promise.race([computing, new Promise((r) => setTimeout(r, STOP_WAIT_MS).unref())]);
      await thread?.stop();
    },
  };
}
