#!/usr/bin/env node
// `npm start` / `npm run start:browser`: builds (unless --no-build), then runs
// the desk in Electron, or in browser mode when asked (--browser) or when the
// Electron binary cannot be had on this machine. Other args pass through.
import { existsSync } from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const browser = args.includes('--browser');
const build = !args.includes('--no-build');
const passThrough = args.filter((a) => a !== '--browser' && a !== '--no-build');
const isWindows = process.platform === 'win32';

if (build) {
  const bin = join(root, 'node_modules/.bin', isWindows ? 'electron-vite.cmd' : 'electron-vite');
  const result = spawnSync(bin, ['build'], { cwd: root, stdio: 'inherit', shell: isWindows });
  if (result.status !== 0) {
    console.error('The build failed; not starting.');
    process.exit(result.status ?? 1);
  }
}

/** The Electron binary's path, or why it cannot be had (the electron package downloads it at first use). */
function findElectron() {
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write('\\n' + require('electron'))"], {
    cwd: root,
    encoding: 'utf8',
    timeout: 90_000,
  });
  if (probe.error?.code === 'ETIMEDOUT')
    return { reason: 'downloading the Electron binary timed out after 90 s' };
  if (probe.error) return { reason: probe.error.message };
  if (probe.status !== 0) {
    const err = probe.stderr ?? '';
    if (/fetch failed/i.test(err))
      return { reason: 'the Electron binary could not be downloaded: fetch failed' };
    if (/Cannot find module 'electron'/.test(err)) return { reason: 'the electron package is not installed' };
    const message = /^\w*Error: (.+)$/m.exec(err)?.[1] ?? `exit code ${probe.status}`;
    return { reason: message.length > 120 ? `${message.slice(0, 117)}...` : message };
  }
  const path = (probe.stdout ?? '').split('\n').pop()?.trim() ?? '';
  if (!path || !existsSync(path)) return { reason: `the Electron binary is missing (${path || 'no path'})` };
  return { path };
}

let command;
let commandArgs;
if (browser) {
  [command, commandArgs] = [process.execPath, [join(root, 'out/main/host.js'), ...passThrough]];
} else {
  const electron = findElectron();
  if (electron.path) {
    [command, commandArgs] = [electron.path, [join(root, 'out/main/electron.js'), ...passThrough]];
  } else {
    console.log(
      `Electron is not available on this machine (${electron.reason}); starting browser mode instead.`,
    );
    [command, commandArgs] = [process.execPath, [join(root, 'out/main/host.js'), ...passThrough]];
  }
}

const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  });
}
child.on('error', (e) => {
  console.error(`Could not start ${command}: ${e.message}`);
  process.exit(1);
});
child.on('exit', (code, signal) => {
  if (signal) process.exit(128 + ({ SIGINT: 2, SIGTERM: 15 }[signal] ?? 1));
  process.exit(code ?? 1);
});
