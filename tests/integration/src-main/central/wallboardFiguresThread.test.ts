// The wallboards' figures worker on a real central store (SQLite and
// PostgreSQL): once started it computes the figures on its own connection
// (the fallback on the server's thread is not asked), they are the figures the
// server's thread computes, they follow a desk's push, and after it is stopped
// the fallback answers again.
import { afterEach, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { startFiguresThread, type FiguresThread } from '../../../../src-main/central/wallboard/figuresThread';
import { listStaff } from '../../../../src-main/central/auth/users';
import { liveWallboardIds } from '../../../../src-main/central/wallboard/tokens';
import { wallboardFigures } from '../../../../src-main/shifts';
import type { WallboardView } from '../../../../src-shared/shifts/wallboard';
import {
  centralUser,
  ENGINES,
  pushedMutation,
  startTestCentral,
  type TestCentral,
} from '../../../support/central';

let central: TestCentral | null = null;
let thread: FiguresThread | null = null;
afterEach(async () => {
  await thread?.stop();
  await central?.dispose();
  thread = null;
  central = null;
});

const withoutInstant = (json: string) => {
  const { at: _at, ...rest } = JSON.parse(json) as WallboardView;
  return rest;
};

describe.each(ENGINES)('the wallboard figures worker on %s', (engine) => {
  it('computes on its own connection what the server’s thread would, and follows a push', async () => {
    central = await startTestCentral(engine);
    const c = central;
    const lead = await centralUser(c, { username: 'tone', role: 'team_lead', displayName: 'Tone Aasen' });
    const agent = await centralUser(c, { username: 'kari', role: 'agent', displayName: 'Kari Nordvik' });
    const wall = await lead.client.wallboards.create.mutate({ name: 'Gangen' });
    const m = c.server.store.dataSource.manager;
    let here = 0;
    const computeHere = async () => {
      here++;
      const view = await wallboardFigures((work) => work(m), await listStaff(m), new Date());
      return { json: JSON.stringify(view), live: await liveWallboardIds(m) };
    };
    thread = startFiguresThread(c.server.store.connection, computeHere);

    // Until the worker is ready the server's thread answers; then the worker does.
    const deadline = Date.now() + 20_000;
    let fromWorker: { json: string; live: Set<string> } | null = null;
    while (!fromWorker) {
      if (Date.now() > deadline) throw new Error('the worker was not ready within 20 s');
      const before = here;
      const got = await thread.compute();
      if (here === before) fromWorker = got;
      else await new Promise((r) => setTimeout(r, 100));
    }
    expect(fromWorker.live).toEqual(new Set([wall.id]));
    expect(withoutInstant(fromWorker.json)).toEqual(withoutInstant((await computeHere()).json));

    // A desk pushes a call: the worker's next figures have it (read from the change log).
    const pushed = await agent.client.sync.push.mutate({
      clientId: uuidv7(),
      mutations: [
        pushedMutation(1, 'call.log', {
          id: uuidv7(),
          arrivedAt: new Date().toISOString(),
          callerNumber: '91234567',
        }),
      ],
    });
    expect(pushed.results.map((r) => r.status)).toEqual(['applied']);
    const counted = here;
    const after = JSON.parse((await thread.compute()).json) as WallboardView;
    expect(here).toBe(counted);
    expect(after.calls.waiting).toBe(1);

    // Revoked: the worker says so. Stopped: the server's thread answers again.
    await lead.client.wallboards.revoke.mutate({ id: wall.id });
    expect((await thread.compute()).live).toEqual(new Set());
    await thread.stop();
    await thread.compute();
    expect(here).toBe(counted + 1);
  });
});
