// The Electron window itself, through Playwright's _electron. It runs where the
// Electron binary exists; on machines where it cannot be downloaded (like these
// build machines) it is skipped, and the skip says why.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { _electron as electron, expect, test } from '@playwright/test';
import { tempDataDir } from './support/deskProcess';

function electronBinary(): { path: string } | { missing: string } {
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    encoding: 'utf8',
    timeout: 90_000,
  });
  const path = probe.stdout?.trim();
  if (probe.status === 0 && path && existsSync(path)) return { path };
  const reason =
    (probe.stderr || probe.error?.message || 'unknown').split('\n').find((l) => l.trim()) ?? 'unknown';
  return { missing: reason.trim().slice(0, 200) };
}

const binary = electronBinary();

test('the desktop window opens on the first-run administrator screen', async () => {
  test.skip(
    'missing' in binary,
    `Electron binary not available on this machine: ${'missing' in binary ? binary.missing : ''}`,
  );
  if (!('path' in binary)) return;
  const app = await electron.launch({
    executablePath: binary.path,
    args: ['out/main/electron.js', '--data-dir', tempDataDir()],
  });
  try {
    const page = await app.firstWindow();
    await expect(page).toHaveTitle(/ROR-IKT/);
    await expect(page.getByRole('heading', { name: 'Opprett første administrator' })).toBeVisible();
    // The renderer has no Node, and talks to main only through the bridge.
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(
      await page.evaluate(
        () => typeof (globalThis as { deskBridge?: { request?: unknown } }).deskBridge?.request,
      ),
    ).toBe('function');
  } finally {
    await app.close();
  }
});
