// Starts the wallboards' figures worker (figuresWorker.ts) and asks it for the
// figures. From the built application it runs the worker's own built entry;
// from the sources (tests, benchmarks) it runs the TypeScript file through tsx.
// Should the worker fail to start or stop unexpectedly, the figures are
// computed on the server's thread, as before there was a worker.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { CentralConnection } from '../store/openCentralStore';

export interface FiguresRequest {
  id: number;
  atMs: number;
}
export type FiguresReply = { id: number; json: string; live: string[] } | { id: number; error: string };

export interface FiguresThread {
  /** The figures now, as JSON, and the screens whose token is still valid. */
  compute(): Promise<{ json: string; live: Set<string> }>;
  stop(): Promise<void>;
}

/** The worker's script: the built entry beside the server's code, else the source through tsx. */
function workerEntry(): { href: string; typescript: boolean } | null {
  for (const [relative, typescript] of [
    ['./figuresWorker.ts', true],
    ['./wallboardFigures.js', false],
    ['../wallboardFigures.js', false],
  ] as const) {
    const url = new URL(relative, import.meta.url);
    if (existsSync(fileURLToPath(url))) return { href: url.href, typescript };
  }
  return null;
}

// CommonJS run by the worker (eval): loads the worker's module, registering tsx first for a .ts one.
const BOOT = `
const { workerData } = require('node:worker_threads');
(async () => {
  if (workerData.typescript) (await import('tsx/esm/api')).register();
  await import(workerData.href);
})().catch((e) => { console.error('[central] wallboard figures worker:', e); process.exit(1); });`;

/**
 * The worker thread, or null where it cannot run (its script not found). `fallback` computes the
 * figures on this thread; it answers while the worker starts and after it has failed.
 */
export function startFiguresThread(
  connection: CentralConnection,
  fallback: () => Promise<{ json: string; live: Set<string> }>,
): FiguresThread {
  const entry = workerEntry();
  let worker: Worker | null = null;
  let ready = false;
  let nextId = 1;
  const waiting = new Map<number, { resolve: (r: FiguresReply) => void }>();
  const failAll = () => {
    for (const [id, w] of waiting) w.resolve({ id, error: 'the figures worker stopped' });
    waiting.clear();
  };
  if (entry) {
    worker = new Worker(BOOT, {
      eval: true,
      workerData: { ...connection, href: entry.href, typescript: entry.typescript },
    });
    worker.unref(); // it must not keep the process alive
    worker.on('message', (m: FiguresReply | 'ready') => {
      if (m === 'ready') {
        ready = true;
        return;
      }
      waiting.get(m.id)?.resolve(m);
      waiting.delete(m.id);
    });
    worker.on('error', (e) => console.error('[central] wallboard figures worker:', e));
    worker.once('exit', () => {
      worker = null;
      ready = false;
      failAll();
    });
  }
  return {
    async compute() {
      if (!worker || !ready) return fallback();
      const id = nextId++;
      const reply = await new Promise<FiguresReply>((resolve) => {
        waiting.set(id, { resolve });
        worker!.postMessage({ id, atMs: Date.now() } satisfies FiguresRequest);
      });
      if ('error' in reply) {
        console.error('[central] wallboard figures:', reply.error);
        return fallback();
      }
      return { json: reply.json, live: new Set(reply.live) };
    },
    async stop() {
      const w = worker;
      if (!w) return;
      const exited = new Promise<void>((resolve) => w.once('exit', () => resolve()));
      w.postMessage('stop');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 2_000).unref())]);
      if (worker) await w.terminate();
    },
  };
}
