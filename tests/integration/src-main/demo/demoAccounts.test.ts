// The demo's accounts on a desk with its embedded central store, as `npm run
// demo` leaves it: the demo data has been pushed under the staff's names, and
// afterwards anyone with a demo account can still sign in on that desk and
// sync (the desk's client id stays the desk's, registered with its key).
import { afterEach, describe, expect, it } from 'vitest';
import type { CentralServer } from '../../../../src-main/central/server';
import { DEMO_PASSWORD, provisionDemoAccounts } from '../../../../src-main/demo/accounts';
import { fillDemoData } from '../../../../src-main/demo/generate';
import { Outbox } from '../../../../src-main/store/entities';
import { removeDir, startDesk, tempDir, type RunningDesk } from '../../../support/tempDesk';

let running: RunningDesk | null = null;
let dir = '';
afterEach(async () => {
  await running?.stop();
  running = null;
  removeDir(dir);
});

describe('demo accounts', () => {
  it('leave the desk open to every demo account after the demo data is pushed', async () => {
    dir = tempDir('demo-accounts-');
    running = await startDesk(dir);
    const { desk, client } = running;
    const central = desk.embeddedCentral as unknown as CentralServer;
    const accounts = await provisionDemoAccounts(desk, central);
    await fillDemoData(desk, { seed: 7 });
    await desk.sync!.syncNow();
    const m = desk.store.dataSource.manager;
    expect(await m.count(Outbox)).toBe(0);

    for (const username of ['oyvind.ronning', 'tone.aasen', 'admin']) {
      expect(accounts.map((a) => a.username)).toContain(username);
      const signedIn = await client.account.login.mutate({ username, password: DEMO_PASSWORD });
      expect(signedIn.username).toBe(username);
      await client.account.logout.mutate();
    }

    // What a signed-in technician does afterwards still reaches the central store.
    await client.account.login.mutate({ username: 'oyvind.ronning', password: DEMO_PASSWORD });
    const [stock] = await client.equipment.inStock.query();
    await client.equipment.recommendReplacement.mutate({
      deviceId: stock!.id,
      reason: 'Demo: skjermen flimrer',
    });
    await desk.sync!.syncNow();
    expect(await m.count(Outbox)).toBe(0);
    const [onCentral] = (await central.store.dataSource.manager.query(
      `SELECT status FROM device WHERE id = '${stock!.id}'`,
    )) as Array<{ status: string }>;
    expect(onCentral?.status).toBe('replacement_recommended');
  });
});
