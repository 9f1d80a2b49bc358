// Test support: a real desk on a real SQLite file in a temp folder, served by
// the real browser-mode host on a loopback port, and a real tRPC client.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTRPCClient, httpLink, TRPCClientError } from '@trpc/client';
import type { Desk } from '../../src-main/desk/openDesk';
import { openHostedDesk, type HostedDeskOptions } from '../../src-main/host/openHostedDesk';
import type { Role } from '../../src-shared/roles';
import { createLocalHandler } from '../../src-main/desk/handler';
import type { LocalRouter } from '../../src-main/desk/router';
import { startBrowserHost, type BrowserHost } from '../../src-main/host/browserHost';

export function tempDir(prefix = 'desk-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export interface RunningDesk {
  desk: Desk;
  host: BrowserHost;
  dataDir: string;
  client: ReturnType<typeof createTRPCClient<LocalRouter>>;
  stop(): Promise<void>;
}

export async function startDesk(dataDir = tempDir(), opts: HostedDeskOptions = {}): Promise<RunningDesk> {
  const { desk } = await openHostedDesk(dataDir, { autoSync: false, ...opts });
  const host = await startBrowserHost({
    handler: createLocalHandler(desk),
    rendererDir: join(dataDir, 'no-renderer'),
  });
  const client = createTRPCClient<LocalRouter>({
    links: [
      httpLink({
        url: `http://127.0.0.1:${host.port}/trpc`,
        headers: { authorization: `Bearer ${host.token}` },
      }),
    ],
  });
  return {
    desk,
    host,
    dataDir,
    client,
    async stop() {
      await host.close();
      await desk.close();
    },
  };
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** An instant `minutes` before a fixed reference, as an ISO string. */
export function minutesAgo(minutes: number, from = Date.now()): string {
  return new Date(from - minutes * 60_000).toISOString();
}

export type DeskClient = RunningDesk['client'];

/** The tRPC error a desk call ends with; fails the test if the call succeeds or fails otherwise. */
export async function errorOf(p: Promise<unknown>): Promise<TRPCClientError<LocalRouter>> {
  try {
    await p;
  } catch (e) {
    if (e instanceof TRPCClientError) return e as TRPCClientError<LocalRouter>;
    throw e;
  }
  throw new Error('expected the call to fail');
}

export const TEST_PASSWORD = 'korrekt-hest-batteri';

/**
 * Signs in on a desk as a user with this name and role, creating what is missing on its
 * central store: the first administrator ("admin"), then the user.
 */
export async function signIn(client: DeskClient, who: { name: string; role: Role }): Promise<void> {
  const status = await client.account.status.query();
  if (status.setupNeeded) {
    await client.account.setupFirstAdmin.mutate({
      username: 'admin',
      displayName: 'Ada Admin',
      password: TEST_PASSWORD,
    });
  }
  const username = who.name.toLowerCase().replace(/[^a-z0-9]+/g, '.');
  const login = () => client.account.login.mutate({ username, password: TEST_PASSWORD });
  try {
    await login();
  } catch {
    await client.account.login.mutate({ username: 'admin', password: TEST_PASSWORD });
    await client.account.createUser.mutate({
      username,
      displayName: who.name,
      role: who.role,
      password: TEST_PASSWORD,
    });
    await login();
  }
}
