// What a probe does after each check (issue 16 item 6), as a pure step: count
// failures in a row; at the probe's `failuresToOpen` open one suspected outage
// starting at the first failed check; while it is open and the system still
// fails, do nothing more; at the first good check, record that instant as the
// measured end. Writes that did not go through (the database away) are tried
// again at the next check with the same outage id and the same instants, so a
// retry never opens a second outage nor moves the measured times.
import type { CheckResult } from './check';

export interface WatchState {
  /** Failed checks in a row while no outage is open, and the instant of the first of them. */
  failures: number;
  since: string | null;
  /** The probe's open outages of this system (measured_end not set): normally none or one. */
  open: readonly string[];
  /** The id the suspected outage gets, kept until it is recorded. */
  pendingId: string | null;
  /** The first good check after an outage, kept until its end is recorded. */
  upAt: string | null;
}

export type Step =
  | { kind: 'none' }
  | { kind: 'suspect'; id: string; since: string; error: string }
  | { kind: 'recover'; outageIds: readonly string[]; upAt: string };

export const FRESH: WatchState = { failures: 0, since: null, open: [], pendingId: null, upAt: null };

/** Continues from the open outages found in the store (a restart, a changed probe). */
export function resumed(open: readonly string[]): WatchState {
  return { ...FRESH, open };
}

/** The state after a check at `at`, and what to record. */
export function afterCheck(
  state: WatchState,
  at: string,
  result: CheckResult,
  failuresToOpen: number,
  newId: () => string,
): { state: WatchState; step: Step } {
  if (result.ok) {
    const calm = { ...state, failures: 0, since: null, pendingId: null };
    if (state.open.length === 0) return { state: calm, step: { kind: 'none' } };
    const upAt = state.upAt ?? at;
    return { state: { ...calm, upAt }, step: { kind: 'recover', outageIds: state.open, upAt } };
  }
  if (state.open.length > 0) {
    // Still down (or down again before the end was recorded): the open outage goes on.
    return { state: { ...state, upAt: null }, step: { kind: 'none' } };
  }
  const next: WatchState = {
    ...state,
    failures: state.failures + 1,
    since: state.since ?? at,
  };
  if (next.failures < failuresToOpen) return { state: next, step: { kind: 'none' } };
  const id = state.pendingId ?? newId();
  return {
    state: { ...next, pendingId: id },
    step: { kind: 'suspect', id, since: next.since!, error: result.error },
  };
}

/** The state once a step was recorded. */
export function recorded(state: WatchState, step: Step): WatchState {
  if (step.kind === 'suspect') return { ...FRESH, open: [step.id] };
  if (step.kind === 'recover') return { ...FRESH };
  return state;
}
