#!/usr/bin/env node
// Runs one of the built main-side commands (out/main/<name>.js), building
// first if it is missing: `npm run central` and friends.
import { existsSync } from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const [name, ...args] = process.argv.slice(2);
const entry = join(root, 'out/main', `${name}.js`);
if (!existsSync(entry)) {
  const isWindows = process.platform === 'win32';
  const bin = join(root, 'node_modules/.bin', isWindows ? 'electron-vite.cmd' : 'electron-vite');
  const built = spawnSync(bin, ['build'], { cwd: root, stdio: 'inherit', shell: isWindows });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
const child = spawn(process.execPath, [entry, ...args], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
