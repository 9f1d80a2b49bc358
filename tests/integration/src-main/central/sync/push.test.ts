// The push protocol at the central store's door (DESIGN.md "Data and sync"),
// spoken by a raw signed-in client: per-mutation verdicts in order, unknown
// names and newer schemas stop the batch without moving the desk's sequence,
// retried batches are acknowledged without running twice, gaps inside a batch are refused,
// oversized bodies get 413, and the change log stays gap-free and
// commit-ordered while several desks push at once.
import { TRPCClientError } from '@trpc/client';
import type { EntityManager } from 'typeorm';
import { uuidv7 } from 'uuidv7';
import { afterEach, describe, expect, it } from 'vitest';
import type { CentralRouter } from '../../../../../src-main/central/router';
import { MAX_BODY_BYTES } from '../../../../../src-main/central/server';
import type { CentralClient } from '../../../../../src-main/sync/centralClient';
import type { ChangeEntry, PushedMutation, PushResult } from '../../../../../src-shared/sync/protocol';
import { centralUser, ENGINES, startTestCentral, type TestCentral } from '../../../../support/central';

let centrals: TestCentral[] = [];
afterEach(async () => {
  for (const c of centrals) await c.dispose();
  centrals = [];
});

async function setup(engine: (typeof ENGINES)[number]) {
  const central = await startTestCentral(engine);
  centrals.push(central);
  const kari = await centralUser(central, { username: 'kari', role: 'agent' });
  return { central, kari, m: central.server.store.dataSource.manager };
}

const base = Date.now() - 6 * 3600_000;
let tick = 0;
const logArgs = (id = uuidv7()) => ({
  id,
  arrivedAt: new Date(base + tick++ * 1000).toISOString(),
  callerNumber: '91234567',
});
const mutation = (seq: number, name: string, args: unknown, schemaVersion = 1): PushedMutation => ({
  mutationId: uuidv7(),
  seq,
  name,
  schemaVersion,
  args,
  createdAt: new Date().toISOString(),
});
const logs = (from: number, n: number) =>
  Array.from({ length: n }, (_, i) => mutation(from + i, 'call.log', logArgs()));

async function rows<T>(m: EntityManager, sql: string): Promise<T[]> {
  return (await m.query(sql)) as T[];
}
const ids = async (m: EntityManager, sql: string) =>
  (await rows<{ id: string }>(m, sql)).map((r) => r.id).sort();
const lastSeqOf = async (m: EntityManager, clientId: string) =>
  Number(
    (await m.query(`SELECT last_seq FROM client_state WHERE client_id = '${clientId}'`))[0]?.last_seq ?? 0,
  );

function trpcData(e: unknown) {
  if (!(e instanceof TRPCClientError)) throw e;
  return (e as TRPCClientError<CentralRouter>).data!;
}

describe.each(ENGINES)('push on %s', (engine) => {
  it('rejects only the malformed mutations of a batch, naming the field, and applies the rest in order', async () => {
    const { kari, m } = await setup(engine);
    const clientId = uuidv7();
    const [a, b, c] = [uuidv7(), uuidv7(), uuidv7()];
    const batch = [
      mutation(1, 'call.log', logArgs(a)),
      mutation(2, 'call.log', { ...logArgs(), callerNumber: 'ring meg' }),
      mutation(3, 'call.log', logArgs(b)),
      mutation(4, 'call.log', { id: uuidv7(), callerNumber: '91234567' }),
      mutation(5, 'call.log', 'not even an object'),
      mutation(6, 'call.log', logArgs(c)),
    ];
    const res = await kari.client.sync.push.mutate({ clientId, mutations: batch });
    expect(res.results.map((r) => [r.seq, r.status])).toEqual([
      [1, 'applied'],
      [2, 'rejected'],
      [3, 'applied'],
      [4, 'rejected'],
      [5, 'rejected'],
      [6, 'applied'],
    ]);
    const rejected = res.results.filter(
      (r): r is Extract<PushResult, { status: 'rejected' }> => r.status === 'rejected',
    );
    expect(rejected.map((r) => r.code)).toEqual(['invalidArguments', 'invalidArguments', 'invalidArguments']);
    expect(rejected[0]!.reason).toBe('callerNumber: Not a valid phone number');
    expect(rejected[1]!.reason).toMatch(/^arrivedAt: /);
    expect(rejected[2]!.reason).toMatch(/^args: /);
    expect(res.lastSeq).toBe(6);
    expect(await lastSeqOf(m, clientId)).toBe(6);
    expect(await ids(m, `SELECT id FROM call`)).toEqual([a, b, c].sort());

    // In order: each applied mutation's rows come after the previous one's in the change log.
    const log = await rows<{ server_version: number | string; entity: string; row_id: string }>(
      m,
      `SELECT server_version, entity, row_id FROM change_log WHERE entity = 'call' ORDER BY server_version`,
    );
    expect(log.map((r) => r.row_id)).toEqual([a, b, c]);
    const audit = await rows<{ seq: number | string; status: string; reason: string | null }>(
      m,
      `SELECT seq, status, reason FROM audit ORDER BY seq`,
    );
    expect(audit.map((r) => [Number(r.seq), r.status])).toEqual([
      [1, 'applied'],
      [2, 'rejected'],
      [3, 'applied'],
      [4, 'rejected'],
      [5, 'rejected'],
      [6, 'applied'],
    ]);
    expect(audit[1]!.reason).toBe('invalidArguments: callerNumber: Not a valid phone number');
  });

  it('stops at an unknown mutation: versionNotSupported, nothing after it applied, the sequence not moved past it', async () => {
    const { kari, m } = await setup(engine);
    const clientId = uuidv7();
    const [a, later] = [uuidv7(), uuidv7()];
    const batch = [
      mutation(1, 'call.log', logArgs(a)),
      mutation(2, 'ticket.teleport', { to: 'Molde' }),
      mutation(3, 'call.log', logArgs(later)),
    ];
    const res = await kari.client.sync.push.mutate({ clientId, mutations: batch });
    expect(res.results).toEqual([
      // The applied one carries what its mutator returned (call.log: the call's id).
      { mutationId: batch[0]!.mutationId, seq: 1, status: 'applied', duplicate: false, result: { id: a } },
      {
        mutationId: batch[1]!.mutationId,
        seq: 2,
        status: 'versionNotSupported',
        reason: 'Unknown mutation ticket.teleport',
      },
    ]);
    expect(res.lastSeq).toBe(1);
    expect(await lastSeqOf(m, clientId)).toBe(1);
    expect(await ids(m, `SELECT id FROM call`)).toEqual([a]);
    expect(Number((await m.query(`SELECT count(*) AS n FROM audit`))[0].n)).toBe(1);

    // The desk keeps it; asked again, the answer is the same (nothing was recorded as done).
    const again = await kari.client.sync.push.mutate({ clientId, mutations: batch.slice(1) });
    expect(again.results.map((r) => r.status)).toEqual(['versionNotSupported']);
    expect(again.lastSeq).toBe(1);
    // An updated desk sends something the server knows at seq 2: it goes on from there.
    const instead = uuidv7();
    const fixed = await kari.client.sync.push.mutate({
      clientId,
      mutations: [mutation(2, 'call.log', logArgs(instead)), batch[2]!],
    });
    expect(fixed.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    expect(fixed.results.map((r) => r.status === 'applied' && r.result)).toEqual([
      { id: instead },
      { id: later },
    ]);
    expect(fixed.lastSeq).toBe(3);
    expect(await ids(m, `SELECT id FROM call`)).toEqual([a, instead, later].sort());
  });

  it('answers a newer schema version versionNotSupported and keeps the sequence where it was', async () => {
    const { kari, m } = await setup(engine);
    const clientId = uuidv7();
    await kari.client.sync.push.mutate({ clientId, mutations: logs(1, 2) });
    const newer = mutation(3, 'call.log', { ...logArgs(), priority: 'high' }, 2);
    const res = await kari.client.sync.push.mutate({ clientId, mutations: [newer, ...logs(4, 2)] });
    expect(res.results).toEqual([
      {
        mutationId: newer.mutationId,
        seq: 3,
        status: 'versionNotSupported',
        reason: 'call.log schema version 2 is not supported (this server accepts 1)',
      },
    ]);
    expect(res.lastSeq).toBe(2);
    expect(await lastSeqOf(m, clientId)).toBe(2);
    expect(Number((await m.query(`SELECT count(*) AS n FROM call`))[0].n)).toBe(2);
  });

  it('acknowledges a batch pushed twice as duplicates without running it again; the audit has each mutation once', async () => {
    const { kari, m } = await setup(engine);
    const clientId = uuidv7();
    const batch = logs(1, 5);
    const first = await kari.client.sync.push.mutate({ clientId, mutations: batch });
    expect(first.results.every((r) => r.status === 'applied' && !r.duplicate)).toBe(true);
    expect(first.results.map((r) => r.status === 'applied' && r.result)).toEqual(
      batch.map((b) => ({ id: (b.args as { id: string }).id })),
    );
    const logSize = Number((await m.query(`SELECT count(*) AS n FROM change_log`))[0].n);

    // A duplicate is only acknowledged: nothing ran, so there is no result.
    const second = await kari.client.sync.push.mutate({ clientId, mutations: batch });
    expect(second.results.some((r) => 'result' in r)).toBe(false);
    expect(second.results).toEqual(
      batch.map((b) => ({ mutationId: b.mutationId, seq: b.seq, status: 'applied', duplicate: true })),
    );
    expect(second.lastSeq).toBe(5);
    expect(second.serverVersion).toBe(first.serverVersion);
    expect(Number((await m.query(`SELECT count(*) AS n FROM change_log`))[0].n)).toBe(logSize);
    const audit = await rows<{ mutation_id: string }>(m, `SELECT mutation_id FROM audit ORDER BY seq`);
    expect(audit.map((r) => r.mutation_id)).toEqual(batch.map((b) => b.mutationId));

    // Overlapping: the known part acknowledged, the new part applied.
    const overlap = [...batch.slice(3), ...logs(6, 2)];
    const third = await kari.client.sync.push.mutate({ clientId, mutations: overlap });
    expect(third.results.map((r) => r.status === 'applied' && r.duplicate)).toEqual([
      true,
      true,
      false,
      false,
    ]);
    expect(Number((await m.query(`SELECT count(*) AS n FROM audit`))[0].n)).toBe(7);
  });

  it('answers a retried rejection as rejected again, not as applied', async () => {
    const { kari, m } = await setup(engine);
    const clientId = uuidv7();
    const batch = [
      mutation(1, 'call.log', logArgs()),
      mutation(2, 'call.take', { callId: uuidv7(), at: new Date().toISOString() }),
    ];
    const first = await kari.client.sync.push.mutate({ clientId, mutations: batch });
    expect(first.results.map((r) => r.status)).toEqual(['applied', 'rejected']);
    const second = await kari.client.sync.push.mutate({ clientId, mutations: batch });
    expect(second.results[0]).toMatchObject({ status: 'applied', duplicate: true });
    expect(second.results[1]).toMatchObject({ status: 'rejected', code: 'notFound' });
    expect(Number((await m.query(`SELECT count(*) AS n FROM audit`))[0].n)).toBe(2);
  });

  it('takes a leading gap (the store lost acknowledged mutations: restored backup) but refuses one inside a batch', async () => {
    const { kari, m } = await setup(engine);
    const clientId = uuidv7();
    // The desk dropped 1 after the server acknowledged it; the server, restored from a backup, never saw it.
    const restored = await kari.client.sync.push.mutate({ clientId, mutations: logs(2, 2) });
    expect(restored.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    expect(await lastSeqOf(m, clientId)).toBe(3);
    // A gap in the middle of a batch is a broken desk: the whole batch is refused, nothing of it applied.
    const middle = await kari.client.sync.push
      .mutate({ clientId, mutations: [...logs(4, 1), ...logs(6, 1)] })
      .catch(trpcData);
    expect(middle).toMatchObject({
      code: 'CONFLICT',
      httpStatus: 409,
      domain: { code: 'conflict', details: { expectedSeq: 5 } },
    });
    expect(await lastSeqOf(m, clientId)).toBe(3);
    expect(Number((await m.query(`SELECT count(*) AS n FROM call`))[0].n)).toBe(2);
  });

  it('rejects, never drops, a new mutation that reuses a sequence number already applied', async () => {
    const { kari, m } = await setup(engine);
    const clientId = uuidv7();
    await kari.client.sync.push.mutate({ clientId, mutations: logs(1, 3) });
    // The desk's data folder was restored from an older copy: its number 2 is now a different mutation.
    const reused = await kari.client.sync.push.mutate({ clientId, mutations: logs(2, 1) });
    expect(reused.results[0]).toMatchObject({ status: 'rejected', code: 'sequenceReused' });
    expect(Number((await m.query(`SELECT count(*) AS n FROM call`))[0].n)).toBe(3);
  });

  it('refuses a request body over 8 MiB with 413 and keeps serving', async () => {
    const { central, kari } = await setup(engine);
    const url = `${central.url}/trpc/sync.push`;
    const headers = { authorization: `Bearer ${kari.token}`, 'content-type': 'application/json' };
    // A declared length over the limit.
    const big = Buffer.alloc(MAX_BODY_BYTES + 1, 0x20);
    const declared = await fetch(url, { method: 'POST', headers, body: big });
    expect(declared.status).toBe(413);
    expect(await declared.text()).toBe('Request body too large');
    // A streamed (chunked) body that only turns out too large while it is read.
    const chunk = new Uint8Array(1024 * 1024).fill(0x20);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 9; i++) controller.enqueue(chunk);
        controller.close();
      },
    });
    const streamed = await fetch(url, {
      method: 'POST',
      headers,
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);

    expect((await fetch(`${central.url}/health`)).status).toBe(200);
    const res = await kari.client.sync.push.mutate({ clientId: uuidv7(), mutations: logs(1, 1) });
    expect(res.results[0]).toMatchObject({ status: 'applied' });
  });

  it('keeps the change log gap-free and commit-ordered while five desks push at once', async () => {
    const { central, m } = await setup(engine);
    const desks: Array<{ client: CentralClient; clientId: string }> = [];
    for (let i = 0; i < 5; i++) {
      desks.push({
        client: (await centralUser(central, { username: `desk${i}`, role: 'agent' })).client,
        clientId: uuidv7(),
      });
    }
    const reader = desks[0]!.client;
    // A desk pulling all the while: with a commit-ordered log it never skips a version it has not seen yet.
    const seen: ChangeEntry[] = [];
    let cursor = 0;
    let pushing = true;
    const pull = async () => {
      for (;;) {
        const page = await reader.sync.pull.query({ cursor, limit: 200 });
        if (page.kind !== 'changes') throw new Error('unexpected reset');
        seen.push(...page.changes);
        cursor = page.cursor;
        if (!page.more) return;
      }
    };
    const puller = (async () => {
      while (pushing) await pull();
    })();
    const BATCHES = 8;
    const PER_BATCH = 10;
    const answers = await Promise.all(
      desks.map(async (d) => {
        const versions: number[] = [];
        for (let b = 0; b < BATCHES; b++) {
          const res = await d.client.sync.push.mutate({
            clientId: d.clientId,
            mutations: logs(1 + b * PER_BATCH, PER_BATCH),
          });
          expect(res.results.every((r) => r.status === 'applied')).toBe(true);
          versions.push(res.serverVersion);
        }
        return versions;
      }),
    );
    pushing = false;
    await puller;
    await pull();

    const head = Number((await m.query(`SELECT value FROM counter WHERE name = 'server_version'`))[0].value);
    const log = await rows<{ server_version: number | string }>(
      m,
      `SELECT server_version FROM change_log ORDER BY server_version`,
    );
    expect(log.map((r) => Number(r.server_version))).toEqual(Array.from({ length: head }, (_, i) => i + 1));
    expect(Number((await m.query(`SELECT count(*) AS n FROM call`))[0].n)).toBe(5 * BATCHES * PER_BATCH);
    expect(Number((await m.query(`SELECT count(*) AS n FROM audit`))[0].n)).toBe(5 * BATCHES * PER_BATCH);
    // Each desk's answers climb; the puller saw every version exactly once, in order.
    for (const versions of answers) expect([...versions].sort((x, y) => x - y)).toEqual(versions);
    expect(seen.map((e) => e.v)).toEqual(Array.from({ length: head }, (_, i) => i + 1));
  });
});
