// One system's probe (issue 16 item 6): its own loop of checks every
// `intervalSeconds`, independent of every other system's, so a slow or hung
// check delays nobody else. It first finds the probe's outage of the system
// still open in the store and continues from it; after each check it records
// what streak.ts says (outage.suspect, outage.probeRecovered) through the
// central store's own mutations. stop() ends the wait and the check in
// flight, and resolves once the loop has finished (nothing is recorded after).
import { uuidv7 } from 'uuidv7';
import { outageProbeRecovered, outageSuspect } from '../../systems';
import type { CentralStore } from '../store/openCentralStore';
import type { ServerMutations } from '../sync/serverMutations';
import { runCheck } from './check';
import { openProbeOutages, type WatchedSystem } from './config';
import { afterCheck, recorded, resumed, type Step, type WatchState } from './streak';

export interface WatcherDeps {
  store: CentralStore;
  serverMutations: ServerMutations;
  /** How long one of the probe's `intervalSeconds` lasts (1000; tests shorten it). */
  secondMs: number;
  timeoutMs: number;
  /** Says a problem (once per distinct problem: a database away would otherwise fill the log). */
  report(systemId: string, problem: string | null): void;
}

export interface Watcher {
  system: WatchedSystem;
  stop(): Promise<void>;
}

/** Records a step; false when the central store refused it. */
async function record(deps: WatcherDeps, systemId: string, step: Step): Promise<boolean> {
  const at = new Date().toISOString();
  if (step.kind === 'suspect') {
    const r = await deps.serverMutations.run(outageSuspect, {
      at,
      id: step.id,
      systemId,
      since: step.since,
      error: step.error.slice(0, 500),
    });
    return r.status === 'applied';
  }
  if (step.kind === 'recover') {
    for (const outageId of step.outageIds) {
      const r = await deps.serverMutations.run(outageProbeRecovered, { at, outageId, upAt: step.upAt });
      if (r.status !== 'applied') return false;
    }
  }
  return true;
}

export function startWatcher(system: WatchedSystem, deps: WatcherDeps): Watcher {
  const abort = new AbortController();
  const intervalMs = system.probe.intervalSeconds * deps.secondMs;
  let state: WatchState | null = null;
  let wake: (() => void) | null = null;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wake = null;
        resolve();
      }
      wake = done;
    });

  /** After a write whose outcome is unknown (the database went away), what the store has decides. */
  let unsure = false;
  const resync = async () => {
    const open = await openProbeOutages(deps.store, system.id);
    if (!state || (state.pendingId !== null && open.includes(state.pendingId))) state = resumed(open);
    else state = { ...state, open, upAt: open.length > 0 ? state.upAt : null };
  };

  const once = async () => {
    if (!state || unsure) {
      await resync();
      unsure = false;
    }
    const at = new Date().toISOString();
    const result = await runCheck(system.probe, deps.timeoutMs, abort.signal);
    if (abort.signal.aborted) return;
    const next = afterCheck(state!, at, result, system.probe.failuresToOpen, uuidv7);
    state = next.state;
    const step = next.step;
    if (step.kind === 'none') return;
    let applied: boolean;
    try {
      applied = await record(deps, system.id, step);
    } catch (e) {
      unsure = true; // tried again at the next check, with the same id and instants
      throw e;
    }
    if (!applied) {
      // Refused (recorded already by an attempt whose answer was lost?): start again from the store.
      state = null;
      throw new Error(`${step.kind === 'suspect' ? 'outage.suspect' : 'outage.probeRecovered'} was refused`);
    }
    state = recorded(state, step);
  };

  const loop = (async () => {
    while (!abort.signal.aborted) {
      const started = Date.now();
      try {
        await once();
        deps.report(system.id, null);
      } catch (e) {
        if (abort.signal.aborted) break;
        deps.report(system.id, e instanceof Error ? e.message : String(e));
      }
      if (abort.signal.aborted) break;
      // Checks start every interval; one that took longer is followed at once (never two at a time).
      await sleep(Math.max(0, intervalMs - (Date.now() - started)));
    }
  })();

  return {
    system,
    async stop() {
      abort.abort();
      wake?.();
      await loop;
    },
  };
}
