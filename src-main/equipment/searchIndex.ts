// The desk's trigram look-up index (device_search) is kept up to date after
// the commit that changes a device, not inside it: a handover's commit then
// writes the device rows and a small note of the values the index still holds
// (device_search_stale, filled by a trigger), instead of rewriting the
// device's trigrams in the same flush (issue 14: a handover within 3 × the
// durable-commit floor). The entries are rewritten in their own transaction
// when the desk has been quiet for a moment, at start-up, and always before a
// look-up reads the index, so a search never sees a stale entry.
import type { DataSource, EntityManager } from 'typeorm';
import type { MutationRunner } from '../mutations/runner';

const SEARCHED = 'serial, asset_tag, assigned_user, workplace';
/** How long the desk waits after the last change to a device before rewriting its entry. */
export const SEARCH_REFRESH_DELAY_MS = 250;

export async function staleSearchEntries(manager: EntityManager): Promise<number> {
  const [row] = (await manager.query(`SELECT count(*) AS n FROM device_search_stale`)) as Array<{
    n: number;
  }>;
  return Number(row!.n);
}

/** Rewrites every stale entry from the device's current values, in one transaction; returns how many. */
export async function refreshDeviceSearch(dataSource: DataSource): Promise<number> {
  if ((await staleSearchEntries(dataSource.manager)) === 0) return 0;
  return dataSource.transaction(async (m) => {
    const n = await staleSearchEntries(m);
    await m.query(
      `INSERT INTO device_search (device_search, rowid, ${SEARCHED}) SELECT 'delete', device_rowid, ${SEARCHED} FROM device_search_stale`,
    );
    await m.query(
      `INSERT INTO device_search (rowid, ${SEARCHED})
       SELECT d.rowid, d.serial, d.asset_tag, d.assigned_user, d.workplace
       FROM device_search_stale s JOIN device d ON d.rowid = s.device_rowid`,
    );
    await m.query(`DELETE FROM device_search_stale`);
    return n;
  });
}

export interface DeviceSearchUpkeep {
  /** Tells the upkeep which tables a commit or a pull wrote. */
  changed(tables: ReadonlySet<string>): void;
  /** Brings the index up to date now (before a look-up). */
  fresh(): Promise<void>;
  close(): void;
}

/** Keeps the desk's look-up index current, on the store's connection between mutations. */
export function deviceSearchUpkeep(dataSource: DataSource, mutations: MutationRunner): DeviceSearchUpkeep {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let closed = false;
  const fresh = async () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (!closed) await mutations.exclusive(() => refreshDeviceSearch(dataSource));
  };
  return {
    changed(tables) {
      if (closed || !tables.has('device')) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        // A failure here only delays the entry: the next look-up tries again before it reads.
        fresh().catch(() => undefined);
      }, SEARCH_REFRESH_DELAY_MS);
      timer.unref?.();
    },
    fresh,
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
