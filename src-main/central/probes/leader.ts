// Which central-store process probes (issue 16 item 6). Several processes may
// serve one PostgreSQL database (scale-out); if each probed, each would open
// its own suspected outage for one failure. The one holding a session-level
// advisory lock on a connection of its own probes; the others try again at
// each look at the configuration, and take over when that connection ends
// (its process stopped or died: PostgreSQL releases the lock). On SQLite one
// process serves the file, and it always probes.
import pg from 'pg';
import type { CentralStore } from '../store/openCentralStore';

/** The advisory lock's key (an arbitrary constant, apart from the migrations' one). */
export const PROBE_LOCK = 0x524f5250;

export interface Leadership {
  /** Whether this process probes now; tries to become the one if nobody is. */
  claim(): Promise<boolean>;
  /** Lets another process take over. */
  release(): Promise<void>;
}

export function probeLeadership(store: CentralStore): Leadership {
  const connection = store.connection;
  if (connection.engine !== 'postgres') return { claim: async () => true, release: async () => undefined };
  let client: pg.Client | null = null;
  let held = false;
  const drop = () => {
    const c = client;
    client = null;
    held = false;
    if (c) void c.end().catch(() => undefined);
  };
  return {
    async claim() {
      if (held && client) return true;
      if (!client) {
        const c = new pg.Client({ connectionString: connection.url });
        // A lost connection has lost the lock too: another process may take over.
        c.on('error', () => {
          if (client === c) drop();
        });
        c.on('end', () => {
          if (client === c) drop();
        });
        client = c;
        try {
          await c.connect();
        } catch {
          drop();
          return false;
        }
      }
      try {
        const rows = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [
          PROBE_LOCK,
        ]);
        held = rows.rows[0]?.locked === true;
      } catch {
        drop();
        return false;
      }
      return held;
    },
    async release() {
      const c = client;
      client = null;
      held = false;
      // Ending the session releases the lock.
      await c?.end().catch(() => undefined);
    },
  };
}
