// Copies the desk store's write-ahead log back into the database file from a
// worker thread, so a mutation's commit never pays for it. Left to SQLite, the
// checkpoint runs inside whichever COMMIT crosses 1000 WAL pages: that commit
// (every thirtieth ticket or so) takes several milliseconds longer, and in
// Electron it blocks the main process meanwhile. A PASSIVE checkpoint on a
// second connection runs beside the writer without taking its lock; once it
// has copied everything, the writer's next transaction starts the log afresh.
// Should the worker fail, the store goes back to SQLite's own checkpoints.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { DataSource } from 'typeorm';

/**
 * A steady stream of commits (a first sync) can keep the log from ever starting afresh; past this
 * many pages (about 32 MB) SQLite's own checkpoint in the commit takes over again. By then the
 * worker has copied nearly every frame, so that commit has little left to copy.
 */
const COMMIT_CHECKPOINT_ABOVE_PAGES = 8192;
/** The size the log file is cut back to when it starts afresh. */
const WAL_SIZE_LIMIT_BYTES = 64 * 1024 * 1024;
/** SQLite's default automatic checkpoint threshold, restored if the worker stops unexpectedly. */
const SQLITE_AUTOCHECKPOINT_PAGES = 1000;

// Plain CommonJS run by the worker (eval): no build step has to know about a second entry point.
// A PASSIVE pass copies the frames committed when it began and never waits for a lock; pass again
// while new frames keep arriving, so that the writer usually finds everything copied when its next
// transaction begins, which is when SQLite starts the log afresh.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
// SQLite's errors reach the parent as plain objects; rethrown as Error they keep their message.
const plain = (work) => { try { return work(); } catch (e) { throw new Error(e.message); } };
const db = plain(() => new Database(workerData.file, { fileMustExist: true }));
const tick = () => plain(() => {
  let last = -1;
  for (let pass = 0; pass < 8; pass++) {
    const [r] = db.pragma('wal_checkpoint(PASSIVE)');
    if (r.busy || r.log === last) return;
    last = r.log;
  }
});
const timer = setInterval(tick, workerData.intervalMs);
parentPort.on('message', () => { clearInterval(timer); tick(); db.close(); parentPort.close(); });
`;

export interface BackgroundCheckpoints {
  /** Stops the worker after a last checkpoint; call before closing the store. */
  stop(): Promise<void>;
}

export async function startBackgroundCheckpoints(
  dataSource: DataSource,
  file: string,
  intervalMs = 200,
): Promise<BackgroundCheckpoints> {
  // Set before the worker starts, so that a worker failing at once is not overruled.
  await dataSource.query(`PRAGMA wal_autocheckpoint = ${COMMIT_CHECKPOINT_ABOVE_PAGES}`);
  // After a burst (a first sync) the log file shrinks back to this size when it starts afresh.
  await dataSource.query(`PRAGMA journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`);
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { driver, file, intervalMs },
  });
  let stopping = false;
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  const fallBack = () => {
    if (stopping || !dataSource.isInitialized) return;
    dataSource.query(`PRAGMA wal_autocheckpoint = ${SQLITE_AUTOCHECKPOINT_PAGES}`).catch(() => undefined);
  };
  worker.on('error', (e) => {
    console.error(
      `Background checkpoints stopped (${(e as Error).message}); SQLite checkpoints every 1000 pages again.`,
    );
    fallBack();
  });
  worker.once('exit', fallBack);
  // The worker holds no lock while idle, so it must not keep the process alive.
  worker.unref();
  return {
    async stop() {
      stopping = true;
      worker.ref(); // keep the process alive until the last checkpoint is done
      worker.postMessage('stop');
      await exited;
    },
  };
}
