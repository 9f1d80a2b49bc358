// What the probes read from the central store (issue 16 item 6): the systems
// to watch (not retired, with a probe) and a system's open probe outages
// (source 'probe', no measured end), which a probe continues from after a
// restart or a change of its settings instead of opening a second one. Reads
// take their turn on the store (SQLite has one connection; see serialize.ts).
import { probeSchema, type Probe } from '../../../src-shared/systems/register';
import { placeholder, runSql } from '../../store/rowSql';
import type { CentralStore } from '../store/openCentralStore';
import { withStore } from '../store/serialize';

export interface WatchedSystem {
  id: string;
  name: string;
  probe: Probe;
  /** The probe as stored: a different text is a changed probe. */
  probeText: string;
}

/** The systems with a probe that are not retired. A probe the schema no longer accepts is left out. */
export async function watchedSystems(store: CentralStore): Promise<WatchedSystem[]> {
  const rows = (await withStore(store, () =>
    runSql(
      store.dataSource.manager,
      `SELECT id, name, probe FROM business_system WHERE probe IS NOT NULL AND retired = 0 ORDER BY id`,
      [],
    ),
  )) as Array<{ id: string; name: string; probe: string }>;
  const out: WatchedSystem[] = [];
  for (const r of rows) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(r.probe);
    } catch {
      continue;
    }
    const probe = probeSchema.safeParse(parsed);
    if (probe.success) out.push({ id: r.id, name: r.name, probe: probe.data, probeText: r.probe });
  }
  return out;
}

/** The probe's outages of this system that have no measured end yet, oldest first. */
export async function openProbeOutages(store: CentralStore, systemId: string): Promise<string[]> {
  const m = store.dataSource.manager;
  const p = placeholder(m);
  const rows = (await withStore(store, () =>
    runSql(
      m,
      `SELECT id, system_ids FROM outage WHERE source = ${p(0)} AND measured_end IS NULL ORDER BY measured_start, id`,
      ['probe'],
    ),
  )) as Array<{ id: string; system_ids: string }>;
  return rows.filter((r) => (JSON.parse(r.system_ids) as string[]).includes(systemId)).map((r) => r.id);
}
