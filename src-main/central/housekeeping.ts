// Rows the central store keeps only for a while, removed once they can no
// longer matter: rate-limit counts (login_attempt: the sign-in limiter's and
// the web intake's), the web intake's links, receipts and sessions, and its
// drafts with their bytes. Each request adds such rows and nothing else
// removes them, so without this the tables only grow. Run an hour apart, and
// once soon after start; safe to run from several processes at once.
// Deliberately not here: the staff's sessions (central/auth) and the change
// log (its own compaction).
import type { CentralStore } from './store/openCentralStore';
import { withStore } from './store/serialize';
import { placeholder, runSql } from '../store/rowSql';
import { removeExpiredDrafts } from './intake/drafts';

/** Rate-limit counts and used or expired tokens are kept a day past their window, for inquiries. */
const KEEP_MS = 24 * 3_600_000;

/** Removes what has expired by `now`. */
export async function sweepExpired(store: CentralStore, now: Date): Promise<void> {
  const longAgo = new Date(now.getTime() - KEEP_MS).toISOString();
  await withStore(store, () =>
    store.dataSource.transaction(async (m) => {
      const p = placeholder(m);
      await runSql(m, `DELETE FROM login_attempt WHERE window_start < ${p(0)}`, [longAgo]);
      await runSql(m, `DELETE FROM reporter_link WHERE expires_at < ${p(0)}`, [longAgo]);
      await runSql(m, `DELETE FROM reporter_session WHERE expires_at < ${p(0)}`, [longAgo]);
      await removeExpiredDrafts(m, now);
    }),
  );
}

export interface Housekeeping {
  stop(): Promise<void>;
}

/** Sweeps a minute after start, then every `everyMs` (an hour); stop waits for a sweep under way. */
export function startHousekeeping(
  store: CentralStore,
  opts: { everyMs?: number; firstMs?: number; now?: () => Date; quiet?: boolean } = {},
): Housekeeping {
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const sweep = () => {
    if (stopped) return;
    running = sweepExpired(store, opts.now?.() ?? new Date()).catch((e: unknown) => {
      if (!opts.quiet) console.warn('[central] housekeeping: expired rows were not removed this time:', e);
    });
  };
  const first = setTimeout(sweep, opts.firstMs ?? 60_000);
  const every = setInterval(sweep, opts.everyMs ?? 3_600_000);
  first.unref();
  every.unref();
  return {
    async stop() {
      stopped = true;
      clearTimeout(first);
      clearInterval(every);
      await running;
    },
  };
}
