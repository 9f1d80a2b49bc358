// Shutting down is idempotent (issue 13, item 12): closing a desk with its
// embedded central store twice at once, or a browser-mode process that gets
// two SIGINTs right after it started, ends cleanly instead of closing a
// database that is already closed.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openHostedDesk } from '../../../../src-main/host/openHostedDesk';
import { removeDir, tempDir } from '../../../support/tempDesk';

describe('shutting down', () => {
  it('closes a desk and its embedded central store once, however often it is asked', async () => {
    const dir = tempDir('shutdown-');
    const { desk, central } = await openHostedDesk(dir, { autoSync: true });
    await Promise.all([desk.close(), desk.close(), central!.close()]);
    await desk.close();
    expect(desk.store.dataSource.isInitialized).toBe(false);
    removeDir(dir);
  });

  const hostJs = join(resolve(import.meta.dirname, '../../../..'), 'out/main/host.js');
  // npm test builds before it runs the suites, so the built host is there (run alone, build first).
  it.runIf(existsSync(hostJs))(
    'exits 0 on two SIGINTs right after start (browser mode, embedded central store)',
    async () => {
      const dir = tempDir('shutdown-cli-');
      const child = spawn(process.execPath, [hostJs, '--data-dir', dir, '--port', '0'], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stderr.on('data', (c: Buffer) => (output += c.toString()));
      await new Promise<void>((resolveStarted, reject) => {
        child.stdout.on('data', (c: Buffer) => {
          output += c.toString();
          if (output.includes('Browser mode: open')) resolveStarted();
        });
        child.once('exit', () => reject(new Error(`exited early:\n${output}`)));
      });
      const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
      child.kill('SIGINT');
      child.kill('SIGINT');
      expect(await exited, output).toBe(0);
      expect(output).not.toContain('CannotExecuteNotConnectedError');
      removeDir(dir);
    },
  );
});
