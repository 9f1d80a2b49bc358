#!/usr/bin/env node
// Makes sure a Chromium for the end-to-end tests exists before `playwright test`:
// the lookup of tests/e2e/chromiumPath.ts (repeated here in plain JS), then an
// install where none is found: Debian's package when root with apt-get, else
// Playwright's download. Prints the path found; exits 1 with the reason if none.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

function candidates() {
  const list = [];
  if (process.env.PLAYWRIGHT_CHROMIUM_PATH) list.push(process.env.PLAYWRIGHT_CHROMIUM_PATH);
  list.push('/usr/bin/chromium', '/usr/bin/chromium-browser');
  return list;
}

async function playwrightChromium() {
  try {
    const { chromium } = await import('@playwright/test');
    return chromium.executablePath();
  } catch {
    return null;
  }
}

async function find() {
  const fromEnv = process.env.PLAYWRIGHT_CHROMIUM_PATH;
  if (fromEnv && !existsSync(fromEnv)) {
    console.error(`PLAYWRIGHT_CHROMIUM_PATH is set to ${fromEnv}, but no file is there.`);
    process.exit(1);
  }
  const own = await playwrightChromium();
  return [...candidates(), ...(own ? [own] : [])].find((p) => existsSync(p)) ?? null;
}

const run = (cmd, args, env = process.env) => spawnSync(cmd, args, { stdio: 'inherit', env }).status === 0;
const hasCommand = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;

let path = await find();
if (!path) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && hasCommand('apt-get')) {
    console.log("No Chromium found: installing Debian's chromium package (apt-get)...");
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    if (
      !run('apt-get', ['update'], env) ||
      !run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], env)
    ) {
      console.error('apt-get could not install chromium.');
    }
  } else {
    console.log("No Chromium found: downloading Playwright's (npx playwright install chromium)...");
    if (!run('npx', ['playwright', 'install', 'chromium']))
      console.error('npx playwright install chromium failed.');
  }
  path = await find();
}
if (!path) {
  console.error(
    'No Chromium for the end-to-end tests, and installing one did not work. ' +
      "Install Debian's package (`apt-get install -y chromium`) or set PLAYWRIGHT_CHROMIUM_PATH to a Chromium binary.",
  );
  process.exit(1);
}
console.log(`Chromium for end-to-end tests: ${path}`);
