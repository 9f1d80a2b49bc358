// The central store's probes (issue 16 item 6): one watcher per business
// system that has a probe and is not retired. The configuration is read again
// soon after every commit (the notifier's pokes, a quarter second apart at
// most) and every `refreshMs` besides, so a probe a team lead adds, changes or
// removes takes effect without a restart. A changed probe's watcher is
// stopped and a new one started, which continues from the open outage. On
// PostgreSQL only the process holding the probe lock runs watchers (see
// leader.ts). With no probes configured it costs one small read per look.
import type { ChangeNotifier } from '../notifier';
import type { CentralStore } from '../store/openCentralStore';
import type { ServerMutations } from '../sync/serverMutations';
import { watchedSystems } from './config';
import { probeLeadership } from './leader';
import { startWatcher, type Watcher } from './watcher';

export interface ProbeOptions {
  /** How long one of a probe's `intervalSeconds` lasts (default 1000 ms); tests shorten it. */
  secondMs?: number;
  /** A check with no answer by then fails as ETIMEDOUT (default 10 s). */
  timeoutMs?: number;
  /** How often the configuration is read when no commit pokes (default 30 s). */
  refreshMs?: number;
}

export interface ProbeRunner {
  /** The systems watched now (ids). */
  watching(): string[];
  /** Reads the configuration now (also on every commit and every refreshMs). */
  refresh(): Promise<void>;
  /** Stops every timer and check, and resolves once nothing more will be recorded. */
  stop(): Promise<void>;
}

export interface ProbeRunnerDeps {
  store: CentralStore;
  notifier: ChangeNotifier;
  serverMutations: ServerMutations;
  options?: ProbeOptions;
}

/** Pokes within this long share one read of the configuration. */
const POKE_DEBOUNCE_MS = 250;

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e)).replace(/\s+/g, ' ');

export function startProbeRunner(deps: ProbeRunnerDeps): ProbeRunner {
  const { store, notifier, serverMutations } = deps;
  const secondMs = deps.options?.secondMs ?? 1000;
  const timeoutMs = deps.options?.timeoutMs ?? 10_000;
  const refreshMs = deps.options?.refreshMs ?? 30_000;
  const leadership = probeLeadership(store);
  const watchers = new Map<string, Watcher>();
  const problems = new Map<string, string>();
  const abort = new AbortController();
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;
  let poke: NodeJS.Timeout | null = null;
  let stopping: Promise<void> | null = null;

  /** Says each distinct problem once (per system, or for the configuration), and when it is over. */
  const report = (key: string, problem: string | null) => {
    const before = problems.get(key);
    if (problem === null) {
      if (before !== undefined) problems.delete(key);
      return;
    }
    if (before === problem) return;
    problems.set(key, problem);
    console.error(`[central] probe${key === 'config' ? 's' : ` of system ${key}`}: ${problem}`);
  };

  const stopWatchers = async (ids: string[]) => {
    const stopping = ids.map((id) => {
      const w = watchers.get(id)!;
      watchers.delete(id);
      return w.stop();
    });
    await Promise.allSettled(stopping);
  };

  const look = async () => {
    const systems = await watchedSystems(store);
    if (stopped) return;
    const lead = systems.length > 0 ? await leadership.claim() : false;
    if (stopped) return;
    const wanted = new Map(lead ? systems.map((s) => [s.id, s]) : []);
    // Gone, retired, or changed: stop (and wait) before a new watcher reads the open outage.
    const old = [...watchers.values()]
      .filter((w) => wanted.get(w.system.id)?.probeText !== w.system.probeText)
      .map((w) => w.system.id);
    await stopWatchers(old);
    if (stopped) return;
    for (const s of wanted.values()) {
      if (!watchers.has(s.id))
        watchers.set(s.id, startWatcher(s, { store, serverMutations, secondMs, timeoutMs, report }));
    }
    if (systems.length === 0 && watchers.size === 0) await leadership.release();
  };

  const refresh = (): Promise<void> => {
    if (stopped) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = look()
      .then(() => report('config', null))
      .catch((e: unknown) => {
        if (!stopped) report('config', errorText(e));
      })
      .finally(() => {
        running = null;
        if (again && !stopped) {
          again = false;
          void refresh();
        }
      });
    return running;
  };

  const schedule = () => {
    if (poke || stopped) return;
    poke = setTimeout(() => {
      poke = null;
      void refresh();
    }, POKE_DEBOUNCE_MS);
  };

  void (async () => {
    for await (const _ of notifier.versions(abort.signal)) schedule();
  })().catch(() => undefined);
  const tick = setInterval(() => void refresh(), refreshMs);
  tick.unref();
  void refresh();

  return {
    watching: () => [...watchers.keys()],
    refresh,
    stop() {
      stopping ??= (async () => {
        stopped = true;
        abort.abort();
        clearInterval(tick);
        if (poke) clearTimeout(poke);
        await running;
        await stopWatchers([...watchers.keys()]);
        await leadership.release();
      })();
      return stopping;
    },
  };
}
