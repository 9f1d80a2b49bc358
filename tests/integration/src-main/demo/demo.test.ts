// Demo data on a real desk (temp SQLite file): enough calls, consistent with
// the FIFO rule and the outbox, and refused on a desk that already has calls.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { openDesk, type Desk } from '../../../../src-main/desk/openDesk';
import { assertNoCalls, DemoRefusedError, fillDemoData } from '../../../../src-main/demo/generate';
import { waitingQueue } from '../../../../src-main/calls/queries';
import { removeDir, tempDir } from '../../../support/tempDesk';
import { setClientClockWindow } from '../../../../src-shared/time';

let dir: string;
let desk: Desk;
beforeEach(async () => {
  // The demo runs at a fixed moment in March 2026, long before the desk's clock: the window for client
  // instants (issue 13, item 2) is not this suite's subject.
  setClientClockWindow({ pastDays: 36_500 });
  dir = tempDir('demo-');
  desk = await openDesk(dir, { centralUrl: null });
});
afterEach(async () => {
  await desk.close();
  removeDir(dir);
  setClientClockWindow(null);
});

// A Wednesday morning in Oslo (09:40 local): today's early calls are history too.
const NOW = new Date('2026-03-11T08:40:00.000Z');

interface Row {
  id: string;
  arrived_at: string;
  status: string;
  taken_at: string | null;
  ended_at: string | null;
  outcome: string | null;
  summary: string | null;
  caller_number: string;
  customer_id: string | null;
}

describe('demo data', () => {
  it('fills an empty desk through the named mutations only', async () => {
    const summary = await fillDemoData(desk, { now: NOW, seed: 42 });
    const m = desk.store.dataSource.manager;
    const calls: Row[] = await m.query(`SELECT * FROM call ORDER BY arrived_at, id`);
    expect(calls.length).toBeGreaterThanOrEqual(300);
    expect(summary.calls).toBe(calls.length);

    // Everything happened in the past, in a sensible order, during service hours.
    for (const c of calls) {
      expect(c.arrived_at < NOW.toISOString()).toBe(true);
      if (c.taken_at) expect(c.taken_at >= c.arrived_at).toBe(true);
      if (c.ended_at) expect(c.ended_at >= (c.taken_at ?? c.arrived_at)).toBe(true);
      expect(c.caller_number).toMatch(/^\+47[2-9]\d{7}$/);
      const local = DateTime.fromISO(c.arrived_at, { zone: 'Europe/Oslo' });
      const minute = local.hour * 60 + local.minute;
      expect(local.weekday).toBeLessThanOrEqual(5);
      expect(minute >= 8 * 60 && minute < 15 * 60 + 30).toBe(true);
    }
    // FIFO: the calls were taken in arrival order.
    const takes: Array<{ args: string }> = await m.query(
      `SELECT args FROM outbox WHERE name = 'call.take' ORDER BY seq`,
    );
    const order = new Map(calls.map((c, i) => [c.id, i]));
    const takenIdx = takes.map((t) => order.get((JSON.parse(t.args) as { callId: string }).callId)!);
    expect(takenIdx).toEqual([...takenIdx].sort((a, b) => a - b));

    // A few calls wait right now, the newest ones, arrived minutes ago.
    const waiting = await waitingQueue(m);
    expect(waiting.length).toBeGreaterThanOrEqual(3);
    expect(waiting.length).toBeLessThanOrEqual(5);
    for (const w of waiting) expect(NOW.getTime() - Date.parse(w.arrivedAt)).toBeLessThan(15 * 60_000);
    expect(calls.slice(-waiting.length).map((c) => c.id)).toEqual(waiting.map((w) => w.id));

    // Mixed outcomes, with Norwegian summaries and real customers.
    const outcomes = new Map<string, number>();
    for (const c of calls) if (c.outcome) outcomes.set(c.outcome, (outcomes.get(c.outcome) ?? 0) + 1);
    expect(outcomes.get('solved')! > outcomes.get('ticket_needed')!).toBe(true);
    for (const o of ['ticket_needed', 'transferred', 'abandoned']) expect(outcomes.get(o)).toBeGreaterThan(0);
    expect(calls.some((c) => c.summary === 'Får ikke logget på Visma')).toBe(true);
    const customers: Array<{ id: string }> = await m.query(`SELECT id FROM customer`);
    const known = new Set(customers.map((c) => c.id));
    expect(calls.filter((c) => c.customer_id).every((c) => known.has(c.customer_id!))).toBe(true);

    // One outbox row per mutation; one call event per call mutation.
    const outbox: Array<{ n: number }> = await m.query(`SELECT count(*) AS n FROM outbox`);
    const callMutations: Array<{ n: number }> = await m.query(
      `SELECT count(*) AS n FROM outbox WHERE name LIKE 'call.%'`,
    );
    const events: Array<{ n: number }> = await m.query(`SELECT count(*) AS n FROM call_event`);
    expect(outbox[0]!.n).toBe(summary.mutations);
    expect(events[0]!.n).toBe(callMutations[0]!.n);
    const finished = calls.filter((c) => c.status === 'finished').length;
    const taken = calls.filter((c) => c.taken_at).length;
    expect(callMutations[0]!.n).toBe(calls.length + taken + finished);

    // Every call that needed a ticket has one, made from it while it was taken, with the call's
    // details; they are worked as a desk would: some new, some in progress, resolved and closed.
    const needed = calls.filter((c) => c.outcome === 'ticket_needed');
    const tickets: Array<{
      call_id: string;
      status: string;
      reporter_phone: string;
      description: string;
      created_at: string;
      responded_at: string | null;
    }> = await m.query(`SELECT * FROM ticket`);
    expect(summary.tickets).toBe(needed.length);
    expect(tickets.map((t) => t.call_id).sort()).toEqual(needed.map((c) => c.id).sort());
    for (const t of tickets) {
      const call = needed.find((c) => c.id === t.call_id)!;
      expect(t.reporter_phone).toBe(call.caller_number);
      expect(t.description).toBe(call.summary);
      expect(t.created_at > call.taken_at! && t.created_at < call.ended_at!).toBe(true);
      expect(t.responded_at).toBe(t.created_at); // the answered call was the first response (R8)
    }
    const statuses = new Set(tickets.map((t) => t.status));
    for (const s of ['new', 'in_progress', 'resolved', 'closed']) expect(statuses).toContain(s);
    expect(summary.mutations).toBe(outbox[0]!.n);

    // The desk's profile is left for the user to choose.
    expect(await desk.profile()).toBeNull();
  });

  it('is deterministic for a seed and a moment', async () => {
    await fillDemoData(desk, { now: NOW, seed: 7, calls: 40 });
    const other = tempDir('demo-');
    const desk2 = await openDesk(other, { centralUrl: null });
    try {
      await fillDemoData(desk2, { now: NOW, seed: 7, calls: 40 });
      const q = `SELECT id, arrived_at, caller_number, caller_name, summary, outcome, taken_by FROM call ORDER BY id`;
      expect(await desk2.store.dataSource.manager.query(q)).toEqual(
        await desk.store.dataSource.manager.query(q),
      );
    } finally {
      await desk2.close();
      removeDir(other);
    }
  });

  it('refuses a desk that already has calls unless forced', async () => {
    await expect(assertNoCalls(desk)).resolves.toBeUndefined();
    await fillDemoData(desk, { now: NOW, calls: 30 });
    await expect(assertNoCalls(desk)).rejects.toBeInstanceOf(DemoRefusedError);
    const before: Array<{ n: number }> = await desk.store.dataSource.manager.query(
      `SELECT count(*) AS n FROM outbox`,
    );
    const refused = await fillDemoData(desk, { now: NOW, calls: 30 }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DemoRefusedError);
    expect((refused as DemoRefusedError).existingCalls).toBe(30);
    expect((refused as Error).message).toContain('--force');
    const after: Array<{ n: number }> = await desk.store.dataSource.manager.query(
      `SELECT count(*) AS n FROM outbox`,
    );
    expect(after[0]!.n).toBe(before[0]!.n);

    const forced = await fillDemoData(desk, { now: NOW, calls: 30, seed: 2, force: true });
    const total: Array<{ n: number }> = await desk.store.dataSource.manager.query(
      `SELECT count(*) AS n FROM call`,
    );
    expect(total[0]!.n).toBe(30 + forced.calls);
  });
});
