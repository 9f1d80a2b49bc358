// Pokes: "the change log has grown to version N". In one process an event
// emitter carries them; with PostgreSQL, NOTIFY carries them between
// central-store processes (LISTEN on a dedicated connection), so no process
// keeps state the others need.
import { EventEmitter, on } from 'node:events';
import pg from 'pg';

export const NOTIFY_CHANNEL = 'ror_desk_changes';

export interface ChangeNotifier {
  /** Called after a commit that advanced the server version. */
  notify(serverVersion: number): void;
  /** Versions as they are announced, until the signal aborts. */
  versions(signal: AbortSignal): AsyncIterable<number>;
  close(): Promise<void>;
}

export function createLocalNotifier(): ChangeNotifier {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    notify: (v) => emitter.emit('version', v),
    async *versions(signal) {
      try {
        for await (const [v] of on(emitter, 'version', { signal })) yield v as number;
      } catch (e) {
        if (!signal.aborted) throw e;
      }
    },
    close: async () => void emitter.removeAllListeners(),
  };
}

export async function createPostgresNotifier(databaseUrl: string): Promise<ChangeNotifier> {
  const local = createLocalNotifier();
  const listener = new pg.Client({ connectionString: databaseUrl });
  const sender = new pg.Client({ connectionString: databaseUrl });
  await listener.connect();
  await sender.connect();
  listener.on('notification', (msg) => {
    const v = Number(msg.payload);
    if (msg.channel === NOTIFY_CHANNEL && Number.isFinite(v)) local.notify(v);
  });
  await listener.query(`LISTEN ${NOTIFY_CHANNEL}`);
  return {
    // Every process, this one included, hears the NOTIFY and pokes its own subscribers.
    notify: (v) =>
      void sender.query('SELECT pg_notify($1, $2)', [NOTIFY_CHANNEL, String(v)]).catch(() => local.notify(v)),
    versions: (signal) => local.versions(signal),
    async close() {
      await local.close();
      await Promise.allSettled([listener.end(), sender.end()]);
    },
  };
}
