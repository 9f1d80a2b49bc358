// The wallboard feed's kept rows on a real central store (SQLite and
// PostgreSQL) with a real desk: after calls are logged, taken and finished and
// tickets opened and resolved, the rows it keeps from the change log's images
// are the rows a fresh read gives; and so they stay across a new day and a
// change log compacted past what it had seen.
import { describe, expect, it } from 'vitest';
import { keptWallboardFacts } from '../../../../src-main/central/wallboard/keptFacts';
import {
  LOG_HORIZON,
  SERVER_VERSION,
  readCounter,
  writeCounter,
} from '../../../../src-main/central/sync/changeLog';
import { readFigureRows, type FigureRows } from '../../../../src-main/shifts/liveView';
import { referenceRows } from '../../../../src-main/store/referenceData';
import { osloDayBounds, type DayBounds } from '../../../../src-shared/shifts/liveFigures';
import { ENGINES } from '../../../support/central';
import { useDeskCluster } from '../../../support/deskCluster';
import { signIn } from '../../../support/tempDesk';

const cluster = useDeskCluster();
const [molde] = referenceRows().customers;

const byId = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => (a.id < b.id ? -1 : 1));

describe.each(ENGINES)('the wallboard feed’s kept rows on %s', (engine) => {
  it('are the rows a fresh read gives, change after change, day after day, past a compaction', async () => {
    const {
      central,
      desks: [a],
    } = await cluster(engine, 1);
    await signIn(a!.client, { name: 'Anne Agent', role: 'agent' });
    const manager = central.server.store.dataSource.manager;
    const kept = keptWallboardFacts();
    const same = async (rows: FigureRows, day: DayBounds) => {
      const [k, fresh] = [await rows(manager, day), await readFigureRows(manager, day)];
      expect(byId(k.calls)).toEqual(byId(fresh.calls));
      expect(byId(k.open)).toEqual(byId(fresh.open));
      return fresh;
    };
    const today = osloDayBounds(Date.now());
    expect(await same(kept, today)).toEqual({ calls: [], open: [] });

    const ticket = () =>
      a!.client.tickets.create.mutate({
        reporterName: 'Åse Gussiås',
        reporterPhone: '91234567',
        customerId: molde!.id,
        workplace: 'Molde legevakt',
        description: 'Skriveren skriver ikke',
        priority: 'medium',
        system: 'Skriver',
        category: 'incident',
        channel: 'phone',
        notifyBy: 'none',
      });
    const [c1, c2, c3] = [
      await a!.client.calls.log.mutate({ callerNumber: '91234567' }),
      await a!.client.calls.log.mutate({ callerNumber: '92345678' }),
      await a!.client.calls.log.mutate({ callerNumber: '93456789' }),
    ];
    const [t1, t2] = [await ticket(), await ticket()];
    await a!.desk.sync!.syncNow();
    let fresh = await same(kept, today);
    expect(fresh.calls).toHaveLength(3);
    expect(fresh.open).toHaveLength(2);

    // Taken, finished, abandoned; one ticket resolved, the other assigned: only the changes are read.
    await a!.client.calls.take.mutate({ callId: c1!.id });
    await a!.client.calls.finish.mutate({ callId: c1!.id, outcome: 'solved' });
    await a!.client.calls.abandon.mutate({ callId: c2!.id });
    await a!.client.tickets.resolve.mutate({ ticketId: t1!.id, resolution: 'Byttet toner' });
    await a!.desk.sync!.syncNow();
    fresh = await same(kept, today);
    expect(fresh.calls.map((c) => c.status).sort()).toEqual(['finished', 'finished', 'waiting']);
    expect(fresh.open.map((t) => t.id)).toEqual([t2!.id]);

    // Tomorrow: yesterday's finished calls leave, the one still waiting stays.
    const tomorrow = osloDayBounds(today.endMs + 3_600_000);
    fresh = await same(kept, tomorrow);
    expect(fresh.calls.map((c) => c.id)).toEqual([c3!.id]);

    // The log compacted past the version the feed had seen: the entries it missed are gone, so
    // only a full read finds the changes they carried.
    await a!.client.calls.take.mutate({ callId: c3!.id });
    await a!.client.tickets.resolve.mutate({ ticketId: t2!.id, resolution: 'Startet på nytt' });
    await a!.desk.sync!.syncNow();
    const head = await readCounter(manager, SERVER_VERSION);
    await manager.query(`DELETE FROM change_log`);
    await writeCounter(manager, LOG_HORIZON, head);
    fresh = await same(kept, tomorrow);
    expect(fresh).toEqual({ calls: [], open: [] });
  });
});
