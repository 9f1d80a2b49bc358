// Finds the Chromium the end-to-end tests drive (DESIGN.md "Testing"):
// PLAYWRIGHT_CHROMIUM_PATH, Debian's /usr/bin/chromium(-browser), else
// Playwright's own download if present. Never installs anything; that is
// scripts/ensure-chromium.mjs's job (which repeats this lookup in plain JS).
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/** The candidates in order of preference, with where each comes from. */
export function chromiumCandidates(
  env: NodeJS.ProcessEnv = process.env,
): Array<{ path: string; source: string }> {
  const out: Array<{ path: string; source: string }> = [];
  if (env.PLAYWRIGHT_CHROMIUM_PATH)
    out.push({ path: env.PLAYWRIGHT_CHROMIUM_PATH, source: 'PLAYWRIGHT_CHROMIUM_PATH' });
  out.push(
    { path: '/usr/bin/chromium', source: 'Debian package' },
    { path: '/usr/bin/chromium-browser', source: 'distribution package' },
  );
  try {
    out.push({ path: chromium.executablePath(), source: "Playwright's browser" });
  } catch {
    // Playwright does not know a browser for this platform: no candidate from it.
  }
  return out;
}

export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const candidates = chromiumCandidates(env);
  if (env.PLAYWRIGHT_CHROMIUM_PATH && !existsSync(env.PLAYWRIGHT_CHROMIUM_PATH)) {
    throw new Error(
      `PLAYWRIGHT_CHROMIUM_PATH is set to ${env.PLAYWRIGHT_CHROMIUM_PATH}, but no file is there.`,
    );
  }
  const found = candidates.find((c) => existsSync(c.path));
  if (found) return found.path;
  throw new Error(
    `No Chromium for the end-to-end tests. Looked at: ${candidates.map((c) => c.path).join(', ')}. ` +
      "Run `node scripts/ensure-chromium.mjs` (installs Debian's chromium as root, else Playwright's), " +
      'or set PLAYWRIGHT_CHROMIUM_PATH to a Chromium binary.',
  );
}
