// Who a desk acts for (issue 13, item 11): only a session this desk holds. In
// browser mode tokens live in memory, so a desk restarted on the same data
// folder refuses writes (and reads) under the previous user until someone
// signs in, also while the central store is out of reach; the desktop app's
// token sealed by safeStorage survives a restart. An expired session keeps
// working offline only within the explicit, bounded offline grace.
import { afterEach, describe, expect, it } from 'vitest';
import { OFFLINE_GRACE_MS } from '../../../../src-main/desk/session';
import { Call, Outbox } from '../../../../src-main/store/entities';
import { startTestCentral, type TestCentral } from '../../../support/central';
import {
  minutesAgo,
  removeDir,
  signIn,
  startDesk,
  tempDir,
  type RunningDesk,
  errorOf,
} from '../../../support/tempDesk';

let desks: RunningDesk[] = [];
let centrals: TestCentral[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const d of desks) await d.stop().catch(() => undefined);
  for (const c of centrals) await c.dispose();
  for (const dir of dirs.splice(0)) removeDir(dir);
  desks = [];
  centrals = [];
});

async function desk(dataDir: string, opts: Parameters<typeof startDesk>[1] = {}): Promise<RunningDesk> {
  const d = await startDesk(dataDir, opts);
  desks.push(d);
  return d;
}

/** The desk's refusal to act for nobody: the same as before anyone ever signed in. */
async function expectSignInFirst(p: Promise<unknown>): Promise<void> {
  const err = await errorOf(p);
  expect(err.data?.code).toBe('PRECONDITION_FAILED');
  expect(err.data?.domain?.code).toBe('signedOut');
  expect(err.message).toBe('Sign in first');
}

const stored = async (d: RunningDesk) => {
  const m = d.desk.store.dataSource.manager;
  return { calls: await m.count(Call), outbox: await m.count(Outbox) };
};

describe('signing in after a restart (browser mode)', () => {
  it('a desk restarted on the same data folder writes nothing for the previous user until someone signs in', async () => {
    const dataDir = tempDir();
    dirs.push(dataDir);
    const first = await desk(dataDir);
    await signIn(first.client, { name: 'Kari Agent', role: 'agent' });
    await first.client.calls.log.mutate({ callerNumber: '91234567', arrivedAt: minutesAgo(3) });
    await first.stop();

    const again = await desk(dataDir);
    const before = await stored(again);
    await expectSignInFirst(again.client.calls.log.mutate({ callerNumber: '92345678' }));
    await expectSignInFirst(again.client.calls.queue.query());
    expect(await again.desk.profile()).toBeNull();
    expect(await stored(again)).toEqual(before);
    // The desk remembers who was signed in (the sign-in form fills in the user name), but acts for nobody.
    expect(await again.client.account.status.query()).toMatchObject({
      user: { username: 'kari.agent', displayName: 'Kari Agent' },
      sessionValid: false,
      signInRequired: true,
    });

    await signIn(again.client, { name: 'Kari Agent', role: 'agent' });
    expect((await again.client.account.status.query()).signInRequired).toBe(false);
    const call = await again.client.calls.log.mutate({ callerNumber: '92345678' });
    const { events } = await again.client.calls.get.query({ id: call.id });
    expect(events.map((e) => e.actorName)).toEqual(['Kari Agent']);
    expect(await stored(again)).toEqual({ calls: before.calls + 1, outbox: before.outbox + 1 });
  });

  it('with the central store out of reach, the restarted desk still refuses: the grace does not outlive the process', async () => {
    const central = await startTestCentral('sqlite');
    centrals.push(central);
    const dataDir = tempDir();
    dirs.push(dataDir);
    const first = await desk(dataDir, { centralUrl: central.url });
    await signIn(first.client, { name: 'Kari Agent', role: 'agent' });
    await first.stop();
    await central.stop();

    const again = await desk(dataDir, { centralUrl: central.url });
    await expectSignInFirst(again.client.calls.log.mutate({ callerNumber: '92345678' }));
    expect((await again.client.account.status.query()).signInRequired).toBe(true);
    expect((await stored(again)).calls).toBe(0);
    // Signing in needs the central store; once it answers, the user signs in and works.
    expect(
      (await errorOf(again.client.account.login.mutate({ username: 'kari.agent', password: 'x' }))).data
        ?.domain?.code,
    ).toBe('centralUnavailable');
    await central.restart();
    await signIn(again.client, { name: 'Kari Agent', role: 'agent' });
    await again.client.calls.log.mutate({ callerNumber: '92345678' });
    expect((await stored(again)).calls).toBe(1);
  });

  it('the desktop app keeps a session sealed by its SecretBox across a restart, and only with that box', async () => {
    // A stand-in for Electron's safeStorage (the edge these machines cannot run): sealed per "OS account".
    const box = (key: string) => ({
      seal: (plain: string) => Buffer.from(`${key}:${plain}`).toString('base64'),
      open(sealed: string) {
        const text = Buffer.from(sealed, 'base64').toString();
        if (!text.startsWith(`${key}:`)) throw new Error('sealed under another key');
        return text.slice(key.length + 1);
      },
    });
    const dataDir = tempDir();
    dirs.push(dataDir);
    const first = await desk(dataDir, { secretBox: box('kari-pc') });
    await signIn(first.client, { name: 'Kari Agent', role: 'agent' });
    await first.stop();

    const elsewhere = await desk(dataDir, { secretBox: box('other-account') });
    await expectSignInFirst(elsewhere.client.calls.log.mutate({ callerNumber: '92345678' }));
    await elsewhere.stop();

    const again = await desk(dataDir, { secretBox: box('kari-pc') });
    const call = await again.client.calls.log.mutate({ callerNumber: '92345678' });
    const { events } = await again.client.calls.get.query({ id: call.id });
    expect(events.map((e) => e.actorName)).toEqual(['Kari Agent']);
  });

  it('offline, a session held since sign-in keeps working; expired, only within OFFLINE_GRACE_MS', async () => {
    const central = await startTestCentral('sqlite');
    centrals.push(central);
    const dataDir = tempDir();
    dirs.push(dataDir);
    const d = await desk(dataDir, { centralUrl: central.url });
    await signIn(d.client, { name: 'Kari Agent', role: 'agent' });
    await central.stop();
    await d.desk.sync!.syncNow().catch(() => undefined);
    expect((await d.client.sync.status.query())?.online).toBe(false);
    // Not restarted: the desk holds Kari's session and works offline.
    await d.client.calls.log.mutate({ callerNumber: '92345678' });

    const { expiresAt } = (await d.desk.sessions.current())!;
    const at = (ms: number) => new Date(Date.parse(expiresAt) + ms);
    const offline = () => false;
    const online = () => true;
    const who = async (reachable: () => boolean, now: Date) =>
      (await d.desk.sessions.actingUser(reachable, now))?.displayName ?? null;
    expect(OFFLINE_GRACE_MS).toBe(12 * 3600_000);
    expect(await who(online, at(-1))).toBe('Kari Agent');
    expect(await who(online, at(0))).toBeNull(); // expired and the central store answers: sign in again
    expect(await who(offline, at(0))).toBe('Kari Agent');
    expect(await who(offline, at(OFFLINE_GRACE_MS - 1))).toBe('Kari Agent');
    expect(await who(offline, at(OFFLINE_GRACE_MS))).toBeNull(); // the grace is over
    // Signed out, nobody acts, offline or not.
    await d.client.account.logout.mutate();
    expect(await who(offline, at(-1))).toBeNull();
    await expectSignInFirst(d.client.calls.log.mutate({ callerNumber: '92345678' }));
  });
});
