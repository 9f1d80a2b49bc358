// The call mutators on a real SQLite file, without any transport in between.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { ZodError } from 'zod';
import { openDesk, type Desk } from '../../../../src-main/desk/openDesk';
import { callAbandon, callFinish, callLog, callTake, callUpdate } from '../../../../src-main/calls/mutations';
import { waitingQueue } from '../../../../src-main/calls/queries';
import { DomainError } from '../../../../src-shared/errors';
import type { Actor } from '../../../../src-shared/roles';
import { removeDir, tempDir } from '../../../support/tempDesk';

const agent: Actor = { userId: uuidv7(), name: 'Kari Agent', role: 'agent' };
const agent2: Actor = { userId: uuidv7(), name: 'Ola Agent', role: 'agent' };
const lead: Actor = { userId: uuidv7(), name: 'Tone Teamleder', role: 'team_lead' };
const at = (minute: number) => new Date(Date.UTC(2026, 10, 26, 9, minute)).toISOString();

let dir: string;
let desk: Desk;
beforeEach(async () => {
  dir = tempDir();
  desk = await openDesk(dir, { centralUrl: null });
});
afterEach(async () => {
  await desk.close();
  removeDir(dir);
});

const log = (minute: number, number = '91234567') =>
  desk.mutations.run(callLog, { id: uuidv7(), arrivedAt: at(minute), callerNumber: number }, agent);
const outboxNames = async () =>
  (
    (await desk.store.dataSource.manager.query(`SELECT name FROM outbox ORDER BY seq`)) as { name: string }[]
  ).map((r) => r.name);

async function rejection(p: Promise<unknown>): Promise<DomainError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  if (!(e instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(e)}`);
  return e;
}

describe('call mutations', () => {
  it('call.log normalises the number and queues the call', async () => {
    const { id } = await desk.mutations.run(
      callLog,
      { id: uuidv7(), arrivedAt: at(0), callerNumber: '+47 912 34 567', callerName: '  Ola ', workplace: '' },
      agent,
    );
    const [call] = await waitingQueue(desk.store.dataSource.manager);
    expect(call).toMatchObject({
      id,
      callerNumber: '+4791234567',
      callerName: 'Ola',
      workplace: null,
      status: 'waiting',
      loggedByName: 'Kari Agent',
    });
  });

  it('call.log rejects bad arguments before touching the store', async () => {
    await expect(
      desk.mutations.run(callLog, { id: 'x', arrivedAt: 'yesterday', callerNumber: '' }, agent),
    ).rejects.toBeInstanceOf(ZodError);
    expect(await outboxNames()).toEqual([]);
  });

  it('call.take enforces arrival order and records a team lead override', async () => {
    const first = await log(1);
    const second = await log(2);
    expect(
      (await rejection(desk.mutations.run(callTake, { callId: second.id, at: at(3) }, agent))).code,
    ).toBe('notFirstInQueue');
    expect(
      (
        await rejection(
          desk.mutations.run(
            callTake,
            { callId: second.id, at: at(3), override: { reason: 'Akutt' } },
            agent,
          ),
        )
      ).code,
    ).toBe('overrideNotAllowed');
    const res = await desk.mutations.run(
      callTake,
      { callId: second.id, at: at(3), override: { reason: 'Akutt' } },
      lead,
    );
    expect(res.overridden).toBe(true);
    // The skipped call is still first for everyone else.
    expect((await waitingQueue(desk.store.dataSource.manager)).map((c) => c.id)).toEqual([first.id]);
    expect(await outboxNames()).toEqual(['call.log', 'call.log', 'call.take']);
  });

  it('call.take refuses a call someone else has, naming them', async () => {
    const { id } = await log(1);
    await desk.mutations.run(callTake, { callId: id, at: at(2) }, agent);
    const e = await rejection(desk.mutations.run(callTake, { callId: id, at: at(2) }, agent2));
    expect(e.code).toBe('callTakenByOther');
    expect(e.details.takenByName).toBe('Kari Agent');
  });

  it('call.take refuses a second call while the agent is on one', async () => {
    const a = await log(1);
    await log(2);
    await desk.mutations.run(callTake, { callId: a.id, at: at(3) }, agent);
    const queue = await waitingQueue(desk.store.dataSource.manager);
    expect(
      (await rejection(desk.mutations.run(callTake, { callId: queue[0]!.id, at: at(4) }, agent))).code,
    ).toBe('alreadyOnCall');
  });

  it('call.update records what changed, from what to what', async () => {
    const { id } = await log(1);
    await expect(
      desk.mutations.run(callUpdate, { callId: id, at: at(2), summary: 'x' }, agent),
    ).rejects.toMatchObject({ code: 'callNotTaken' });
    await desk.mutations.run(callTake, { callId: id, at: at(2) }, agent);
    const res = await desk.mutations.run(
      callUpdate,
      { callId: id, at: at(3), callerName: 'Per', summary: 'Printer' },
      agent,
    );
    expect(res.changed.sort()).toEqual(['callerName', 'summary']);
    const events: { kind: string; data: string }[] = await desk.store.dataSource.manager.query(
      `SELECT kind, data FROM call_event WHERE call_id = ? ORDER BY at`,
      [id],
    );
    expect(JSON.parse(events.find((e) => e.kind === 'updated')!.data)).toEqual({
      changes: { callerName: [null, 'Per'], summary: [null, 'Printer'] },
    });
    // Nothing changed: nothing recorded.
    expect(
      (await desk.mutations.run(callUpdate, { callId: id, at: at(4), callerName: 'Per' }, agent)).changed,
    ).toEqual([]);
  });

  it('call.finish needs a taken call and an end after it was taken', async () => {
    const { id } = await log(1);
    await expect(
      desk.mutations.run(callFinish, { callId: id, outcome: 'solved', endedAt: at(5) }, agent),
    ).rejects.toMatchObject({
      code: 'callNotTaken',
    });
    await desk.mutations.run(callTake, { callId: id, at: at(3) }, agent);
    await expect(
      desk.mutations.run(callFinish, { callId: id, outcome: 'solved', endedAt: at(2) }, agent),
    ).rejects.toMatchObject({
      code: 'endBeforeStart',
    });
    await desk.mutations.run(
      callFinish,
      { callId: id, outcome: 'transferred', endedAt: at(9), summary: 'Til drift' },
      agent,
    );
    const [row] = await desk.store.dataSource.manager.query(
      `SELECT status, outcome, ended_at, summary FROM call WHERE id = ?`,
      [id],
    );
    expect(row).toEqual({
      status: 'finished',
      outcome: 'transferred',
      ended_at: at(9),
      summary: 'Til drift',
    });
  });

  it('call.abandon takes a waiting call out of the queue, so the next one is first', async () => {
    const a = await log(1);
    const b = await log(2);
    await desk.mutations.run(callAbandon, { callId: a.id, at: at(3) }, agent);
    await expect(desk.mutations.run(callAbandon, { callId: a.id, at: at(3) }, agent)).rejects.toMatchObject({
      code: 'callNotWaiting',
    });
    expect((await desk.mutations.run(callTake, { callId: b.id, at: at(4) }, agent2)).overridden).toBe(false);
  });

  it('a failed mutation leaves neither its changes nor an outbox entry', async () => {
    const a = await log(1);
    const b = await log(2);
    await rejection(desk.mutations.run(callTake, { callId: b.id, at: at(3) }, agent));
    const [row] = await desk.store.dataSource.manager.query(`SELECT status FROM call WHERE id = ?`, [b.id]);
    expect(row.status).toBe('waiting');
    expect(await outboxNames()).toEqual(['call.log', 'call.log']);
    expect(a.id).not.toBe(b.id);
  });

  it('concurrent mutations are applied one at a time, none lost', async () => {
    await Promise.all(Array.from({ length: 40 }, (_, i) => log(i % 60, `9${String(i).padStart(7, '0')}`)));
    expect((await waitingQueue(desk.store.dataSource.manager)).length).toBe(40);
    const seqs: { seq: number }[] = await desk.store.dataSource.manager.query(
      `SELECT seq FROM outbox ORDER BY seq`,
    );
    expect(seqs.map((s) => s.seq)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  });
});
