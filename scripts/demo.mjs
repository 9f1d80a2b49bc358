#!/usr/bin/env node
// `npm run demo -- --data-dir DIR [--calls N] [--seed N] [--force]`: builds the
// main-side bundle if out/main/demo.js is missing, then runs it with the args.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const entry = join(root, 'out/main/demo.js');
if (!existsSync(entry)) {
  const bin = join(
    root,
    'node_modules/.bin',
    process.platform === 'win32' ? 'electron-vite.cmd' : 'electron-vite',
  );
  const build = spawnSync(bin, ['build'], {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (build.status !== 0) {
    console.error('The build failed; cannot run the demo-data command.');
    process.exit(build.status ?? 1);
  }
}
const run = spawnSync(process.execPath, [entry, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
process.exit(run.status ?? 1);
