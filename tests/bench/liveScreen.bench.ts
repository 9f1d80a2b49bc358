// How long a change on one desk takes to reach another desk's screen: desk A
// logs a call (through its local router, as its renderer would), and the
// time until the caller's name shows in desk B's waiting queue, in Chromium,
// is measured. Two standalone processes per desk and a central store, as in
// production. Run for this checkout's build and, for comparison, for a
// baseline commit built in a temporary git worktree (by default the last
// commit before the renderer learned of changes from the desk's change feed,
// when it polled every two seconds): LIVE_BASELINE=<commit> picks another,
// LIVE_BASELINE=none skips it.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium } from '@playwright/test';
import { createTRPCClient, httpLink } from '@trpc/client';
import type { LocalRouter } from '../../src-main/desk/router';
import { findChromium } from '../e2e/chromiumPath';
import {
  startCentralProcess,
  startDeskProcess,
  tempDataDir,
  type CentralProcess,
  type DeskProcess,
} from '../e2e/support/deskProcess';
import { emit, emitLatency } from './lib/report';

const BASELINE = process.env.LIVE_BASELINE ?? 'bc3ce55';
const SAMPLES = Number(process.env.LIVE_SAMPLES ?? 20);
const PASSWORD = 'bench-passord-1';

function deskClient(desk: DeskProcess) {
  const url = new URL(desk.url);
  const token = /token=([^&]+)/.exec(url.hash)![1]!;
  return createTRPCClient<LocalRouter>({
    links: [
      httpLink({
        url: `${url.origin}/trpc`,
        headers: { authorization: `Bearer ${decodeURIComponent(token)}` },
      }),
    ],
  });
}

/** The build to measure: this checkout's (built already), or a commit built in a temporary worktree. */
function buildOf(commit: string): { root: string; remove(): void } {
  const root = mkdtempSync(join(tmpdir(), 'live-baseline-'));
  execFileSync('git', ['worktree', 'add', '--detach', root, commit], { stdio: 'ignore' });
  symlinkSync(join(process.cwd(), 'node_modules'), join(root, 'node_modules'));
  execFileSync(
    process.execPath,
    [join(process.cwd(), 'node_modules/electron-vite/bin/electron-vite.js'), 'build'],
    {
      cwd: root,
      stdio: 'ignore',
    },
  );
  return {
    root,
    remove() {
      execFileSync('git', ['worktree', 'remove', '--force', root], { stdio: 'ignore' });
      rmSync(root, { recursive: true, force: true });
    },
  };
}

async function measure(root: string): Promise<number[]> {
  const running: Array<DeskProcess | CentralProcess> = [];
  const browser = await chromium.launch({
    executablePath: findChromium(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  try {
    const central = await startCentralProcess(tempDataDir(), 0, [], root);
    running.push(central);
    const a = await startDeskProcess(tempDataDir(), { central: central.url, root });
    const b = await startDeskProcess(tempDataDir(), { central: central.url, root });
    running.push(a, b);
    const clientA = deskClient(a);
    const clientB = deskClient(b);
    await clientA.account.setupFirstAdmin.mutate({
      username: 'admin',
      displayName: 'Anne Admin',
      password: PASSWORD,
    });
    for (const [username, displayName] of [
      ['kari', 'Kari Agent'],
      ['ola', 'Ola Agent'],
    ] as const) {
      await clientA.account.createUser.mutate({ username, displayName, role: 'agent', password: PASSWORD });
    }
    await clientA.account.login.mutate({ username: 'kari', password: PASSWORD });
    await clientB.account.login.mutate({ username: 'ola', password: PASSWORD });

    const page = await browser.newPage({ locale: 'nb-NO', timezoneId: 'Europe/Oslo' });
    await page.goto(b.url);
    const queue = page.getByRole('table', { name: 'Ventende samtaler' });
    await queue.waitFor({ timeout: 30_000 }).catch(async () => {
      // An empty queue shows a sentence instead of the table.
      await page.getByText('Ingen samtaler venter.').waitFor({ timeout: 30_000 });
    });

    const samples: number[] = [];
    for (let i = 0; i < SAMPLES + 2; i++) {
      const name = `Måling ${i} ${Date.now().toString(36)}`;
      // The page's CSP forbids evaluating strings: wait with a locator (Playwright polls it each frame).
      const shown = page.getByText(name).first().waitFor({ timeout: 30_000 });
      const t0 = performance.now();
      await clientA.calls.log.mutate({ callerNumber: `9${String(1000000 + i).slice(-7)}`, callerName: name });
      await shown;
      if (i >= 2) samples.push(performance.now() - t0); // the first two warm the page and the sockets
      await new Promise((r) => setTimeout(r, 150 + Math.random() * 350)); // not in step with any timer
    }
    return samples;
  } finally {
    await browser.close();
    for (const p of running.reverse()) await p.stop();
  }
}

async function main(): Promise<void> {
  if (!existsSync('out/main/host.js')) throw new Error('Run `npm run build` before this benchmark');
  const current = await measure(process.cwd());
  emitLatency('screen.change_to_other_desk', current);
  if (BASELINE !== 'none') {
    const baseline = buildOf(BASELINE);
    try {
      const before = await measure(baseline.root);
      emitLatency(`screen.change_to_other_desk.baseline_${BASELINE}`, before);
      const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
      emit(
        'screen.change_to_other_desk.baseline_over_current_p50',
        median(before) / median(current),
        'ratio',
      );
    } finally {
      baseline.remove();
    }
  }
}

main().then(
  () => process.exit(0), // the browser's and the desks' handles are closed; leave at once
  (e: unknown) => {
    console.error(e);
    process.exit(1); // a broken benchmark exits non-zero, so `npm run bench` reports it as failed
  },
);
