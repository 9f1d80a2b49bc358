// Starts real processes from the build: a browser-mode desk (out/main/host.js)
// on a data folder, returning the URL it prints (token included), and a
// standalone central store (out/main/central.js) that desks can share.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface DeskProcess {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

export interface CentralProcess {
  url: string;
  port: number;
  dataDir: string;
  stop(): Promise<void>;
}

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'desk-e2e-'));
}

/** A loopback port that was free a moment ago (for a central store that must come back on the same address). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** A built entry point of the checkout at `root` (this one unless a benchmark names another build). */
function built(file: string, root = process.cwd()): string {
  const entry = join(root, 'out/main', file);
  if (!existsSync(entry))
    throw new Error(`${entry} is missing: run \`npm run build\` before the end-to-end tests`);
  return entry;
}

/** Spawns node on a built entry and resolves with the first match of `ready` in its output. */
async function spawnUntil(
  args: string[],
  ready: RegExp,
  what: string,
): Promise<{ match: RegExpExecArray; stop(): Promise<void> }> {
  const child: ChildProcess = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const match = await new Promise<RegExpExecArray>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not start in time:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = ready.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited with ${code}:\n${output}`));
    });
  });
  return {
    match,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(force);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

/**
 * A browser-mode desk; with `central`, a client of that central store instead of running its own.
 * `extraArgs` go to the desk as they are (e.g. `--smtp-url smtp://127.0.0.1:PORT`).
 */
export async function startDeskProcess(
  dataDir: string,
  opts: { central?: string; root?: string } = {},
  extraArgs: readonly string[] = [],
): Promise<DeskProcess> {
  const args = [built('host.js', opts.root), '--data-dir', dataDir, '--port', '0'];
  if (opts.central) args.push('--central', opts.central);
  args.push(...extraArgs);
  const { match, stop } = await spawnUntil(args, /Browser mode: open (\S+)/, 'desk');
  return { url: match[1]!, dataDir, stop };
}

/**
 * A standalone central store on loopback (any free port unless one is given); `extraArgs` go to it
 * as they are (e.g. `--cti-token SECRET` for the phone system's events).
 */
export async function startCentralProcess(
  dataDir: string,
  port = 0,
  extraArgs: readonly string[] = [],
  root?: string,
): Promise<CentralProcess> {
  const { match, stop } = await spawnUntil(
    [built('central.js', root), '--port', String(port), '--data-dir', dataDir, ...extraArgs],
    /Central store listening on (http:\/\/127\.0\.0\.1:(\d+))/,
    'central store',
  );
  return { url: match[1]!, port: Number(match[2]), dataDir, stop };
}
