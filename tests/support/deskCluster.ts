// Test support: a central store and N desks against it (real HTTP, real SQLite
// files; PostgreSQL for the central store when the suite asks), all stopped
// and removed after each test. Desks do not sync by themselves: a test calls
// syncNow() where it means to.
import { afterEach } from 'vitest';
import type { CentralOptions } from '../../src-main/central/server';
import { startTestCentral, type Engine, type TestCentral } from './central';
import { removeDir, startDesk, tempDir, type RunningDesk } from './tempDesk';

export interface DeskCluster {
  central: TestCentral;
  desks: RunningDesk[];
}

/** Registers the clean-up (afterEach) and returns the function that starts a cluster. */
export function useDeskCluster(
  opts: { autoSync?: boolean; central?: Partial<CentralOptions> } = {},
): (engine: Engine, desks: number) => Promise<DeskCluster> {
  let centrals: TestCentral[] = [];
  let desks: RunningDesk[] = [];
  afterEach(async () => {
    for (const d of desks) await d.stop().catch(() => undefined);
    for (const c of centrals) await c.dispose();
    for (const d of desks) removeDir(d.dataDir);
    desks = [];
    centrals = [];
  });
  return async (engine, n) => {
    const central = await startTestCentral(engine, undefined, opts.central);
    centrals.push(central);
    const list: RunningDesk[] = [];
    for (let i = 0; i < n; i++) {
      const d = await startDesk(tempDir(), {
        centralUrl: central.url,
        autoSync: opts.autoSync ?? false,
        pollMs: 60_000,
      });
      desks.push(d);
      list.push(d);
    }
    return { central, desks: list };
  };
}
