// tRPC over the Electron IPC transport, minus Electron: a real tRPC client with
// the renderer's IPC fetch, a bridge that structured-clones each message (as
// Electron IPC does), main's IPC request handler and a real desk on SQLite.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pathToFileURL } from 'node:url';
import {
  createTRPCClient,
  httpBatchLink,
  httpLink,
  httpSubscriptionLink,
  splitLink,
  TRPCClientError,
} from '@trpc/client';
import { EventSource } from 'eventsource';
import type { Desk } from '../../../../src-main/desk/openDesk';
import { openHostedDesk } from '../../../../src-main/host/openHostedDesk';
import { createLocalHandler } from '../../../../src-main/desk/handler';
import type { LocalRouter } from '../../../../src-main/desk/router';
import {
  createIpcRequestHandler,
  createIpcStreams,
  isTrustedSender,
  type IpcStreams,
} from '../../../../src-main/electron/ipcHandler';
import type { DeskBridge, IpcHttpRequest, IpcHttpResponse } from '../../../../src-shared/ipc';
import { createIpcFetch } from '../../../../src-renderer/app/transport/ipcFetch';
import { minutesAgo, removeDir, signIn, tempDir } from '../../../support/tempDesk';

let dir: string;
let desk: Desk;
let handle: (raw: unknown) => Promise<IpcHttpResponse>;
let sent: IpcHttpRequest[];

let streams: IpcStreams;

/**
 * The fake edge: what ipcRenderer.invoke / send + ipcMain.handle / webContents.send (and the
 * preload's listener) do to a message, nothing more: every message crosses by structured cloning.
 */
function bridge(): DeskBridge {
  return {
    async request(req) {
      const cloned = structuredClone(req);
      sent.push(cloned);
      return structuredClone(await handle(cloned));
    },
    async stream(id, req, onChunk) {
      const head = await streams.open(structuredClone(id), structuredClone(req), (chunk) =>
        queueMicrotask(() => onChunk(structuredClone(chunk))),
      );
      return structuredClone(head);
    },
    cancel: (id) => streams.cancel(structuredClone(id)),
  };
}

const client = (batch = false) =>
  createTRPCClient<LocalRouter>({
    links: [
      batch
        ? httpBatchLink({ url: 'http://desk.ipc/trpc', fetch: createIpcFetch(bridge()) })
        : httpLink({ url: 'ipc://desk/trpc', fetch: createIpcFetch(bridge()) }),
    ],
  });

beforeEach(async () => {
  dir = tempDir('ipc-');
  ({ desk } = await openHostedDesk(dir, { autoSync: false }));
  handle = createIpcRequestHandler(createLocalHandler(desk));
  streams = createIpcStreams(createLocalHandler(desk));
  sent = [];
});
afterEach(async () => {
  await desk.close();
  removeDir(dir);
});

type ErrData = {
  code: string;
  fieldErrors: Record<string, { code: string; message: string }[]> | null;
  domain: { code: string; details: Record<string, unknown> } | null;
};
async function errorData(p: Promise<unknown>): Promise<ErrData> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(TRPCClientError);
  return (e as TRPCClientError<LocalRouter>).data as unknown as ErrData;
}

describe('tRPC over the IPC transport', () => {
  it('runs queries and mutations against the desk', async () => {
    const trpc = client();
    expect((await trpc.account.status.query()).user).toBeNull();
    await signIn(trpc, { name: 'Kari Agent', role: 'agent' });
    const a = await trpc.calls.log.mutate({
      callerNumber: '912 34 567',
      callerName: 'Åse Ødegård',
      arrivedAt: minutesAgo(4),
    });
    const b = await trpc.calls.log.mutate({ callerNumber: '71 11 22 33', arrivedAt: minutesAgo(2) });
    const queue = await trpc.calls.queue.query();
    expect(queue.map((c) => c.id)).toEqual([a.id, b.id]);
    expect(queue[0]).toMatchObject({
      callerNumber: '+4791234567',
      callerName: 'Åse Ødegård',
      status: 'waiting',
    });
    expect((await trpc.calls.takeNext.mutate())?.id).toBe(a.id);
    expect((await trpc.desk.info.query()).pendingMutations).toBe(3);

    // What crossed the bridge: plain strings and pairs, GET for queries, POST with a JSON body for mutations.
    const query = sent.find((m) => m.url.includes('calls.queue'))!;
    expect(query).toMatchObject({ method: 'GET', body: null });
    const mutation = sent.find((m) => m.url.includes('calls.log'))!;
    expect(mutation.method).toBe('POST');
    expect(JSON.parse(mutation.body!)).toMatchObject({ callerNumber: '912 34 567' });
    expect(mutation.headers.every(([k, v]) => typeof k === 'string' && typeof v === 'string')).toBe(true);
  });

  it('works with the batch link the renderer uses', async () => {
    const trpc = client(true);
    await signIn(trpc, { name: 'Kari Agent', role: 'agent' });
    const [queue, info, profile] = await Promise.all([
      trpc.calls.queue.query(),
      trpc.desk.info.query(),
      trpc.account.status.query(),
    ]);
    expect(queue).toEqual([]);
    expect(info.clientId).toBe(desk.clientId);
    expect(profile.user?.displayName).toBe('Kari Agent');
    expect(sent.some((m) => m.url.includes('batch=1') && m.url.includes(','))).toBe(true);
  });

  it('delivers domain errors with their code and details', async () => {
    const trpc = client();
    expect((await errorData(trpc.calls.log.mutate({ callerNumber: '91234567' }))).domain?.code).toBe(
      'signedOut',
    );
    await signIn(trpc, { name: 'Kari Agent', role: 'agent' });
    const first = await trpc.calls.log.mutate({ callerNumber: '90000001', arrivedAt: minutesAgo(3) });
    const second = await trpc.calls.log.mutate({ callerNumber: '90000002', arrivedAt: minutesAgo(1) });
    const data = await errorData(trpc.calls.take.mutate({ callId: second.id }));
    expect(data.code).toBe('CONFLICT');
    expect(data.domain?.code).toBe('notFirstInQueue');
    expect((data.domain?.details.firstCall as { id: string }).id).toBe(first.id);
    const missing = await errorData(trpc.calls.get.query({ id: '01a21bf8-0000-7000-8000-00000000dead' }));
    expect(missing).toMatchObject({ code: 'NOT_FOUND', domain: { code: 'notFound' } });
  });

  it('delivers validation errors by field', async () => {
    const trpc = client();
    await signIn(trpc, { name: 'Kari Agent', role: 'agent' });
    const data = await errorData(trpc.calls.log.mutate({ callerNumber: '12ab', customerId: 'nope' }));
    expect(data.code).toBe('BAD_REQUEST');
    expect(Object.keys(data.fieldErrors ?? {}).sort()).toEqual(['callerNumber', 'customerId']);
    expect((await trpc.calls.queue.query()).length).toBe(0);
  });

  it('answers malformed IPC messages with 400 and never reaches the router', async () => {
    const good: IpcHttpRequest = { url: '/trpc/desk.info', method: 'GET', headers: [], body: null };
    expect((await handle(good)).status).toBe(200);
    const bad: unknown[] = [
      undefined,
      null,
      'GET /trpc/calls.queue',
      42,
      {},
      { ...good, method: 'DELETE' },
      { ...good, headers: { accept: 'application/json' } },
      { ...good, headers: [['accept']] },
      { ...good, body: 17 },
      { ...good, url: undefined },
      { ...good, body: 'x'.repeat(1024 * 1024 + 1) },
    ];
    for (const raw of bad) {
      const res = await handle(raw);
      expect(res.status, JSON.stringify(raw)?.slice(0, 80)).toBe(400);
      expect(res.body).toContain('Malformed IPC request');
    }
    expect((await desk.store.dataSource.query(`SELECT count(*) AS n FROM outbox`))[0].n).toBe(0);
  });

  it('pins requests to the local router, whatever origin the renderer names', async () => {
    const res = await handle({
      url: 'https://evil.example/trpc/desk.info',
      method: 'GET',
      headers: [],
      body: null,
    });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body).result.data.clientId).toBe(desk.clientId);
  });

  it('turns a refused IPC call into a network-style error, not a bogus response', async () => {
    const refuse = () => Promise.reject(new Error('IPC refused: unknown sender'));
    const refusing: DeskBridge = { request: refuse, stream: refuse, cancel: () => undefined };
    const trpc = createTRPCClient<LocalRouter>({
      links: [httpLink({ url: 'http://desk.ipc/trpc', fetch: createIpcFetch(refusing) })],
    });
    const e = await trpc.desk.info.query().catch((err: unknown) => err);
    expect(e).toBeInstanceOf(TRPCClientError);
    expect((e as Error).message).toContain('IPC refused');
  });
});

describe('subscriptions streamed over the IPC transport', () => {
  const subscribing = () => {
    const fetch = createIpcFetch(bridge());
    return createTRPCClient<LocalRouter>({
      links: [
        splitLink({
          condition: (op) => op.type === 'subscription',
          true: httpSubscriptionLink({
            url: 'http://desk.ipc/trpc',
            EventSource,
            eventSourceOptions: () => ({ fetch }),
          }),
          false: httpBatchLink({ url: 'http://desk.ipc/trpc', fetch }),
        }),
      ],
    });
  };

  it("delivers the change feed as the desk's tables change, and ends it on the desk when cancelled", async () => {
    const trpc = subscribing();
    await signIn(trpc, { name: 'Kari Agent', role: 'agent' });
    const batches: string[][] = [];
    let connected!: () => void;
    const live = new Promise<void>((r) => (connected = r));
    const sub = trpc.desk.changes.subscribe(undefined, {
      onData: (e) => (e.connected ? connected() : batches.push(e.tables)),
    });
    await live;
    expect(desk.changes.listeners()).toBe(1);
    await trpc.calls.log.mutate({ callerNumber: '912 34 567', arrivedAt: minutesAgo(1) });
    const until = Date.now() + 5000;
    while (!batches.some((t) => t.includes('call')) && Date.now() < until)
      await new Promise((r) => setTimeout(r, 10));
    expect(batches.find((t) => t.includes('call'))).toEqual(expect.arrayContaining(['call', 'call_event']));

    sub.unsubscribe();
    while (desk.changes.listeners() > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
    expect(desk.changes.listeners()).toBe(0);
  });

  it('refuses a malformed stream request without opening anything', async () => {
    const ends: Array<string | null> = [];
    const head = await streams.open('s1', { url: 1 }, (c) => ends.push(c));
    expect(head.status).toBe(400);
    expect(ends).toEqual([null]);
    expect(desk.changes.listeners()).toBe(0);
  });
});

describe('isTrustedSender', () => {
  const rendererIndex = pathToFileURL(
    '/opt/ROR-IKT Kundeservice/resources/app.asar/out/renderer/index.html',
  ).href;

  it("accepts the app's own renderer page", () => {
    expect(isTrustedSender(rendererIndex, rendererIndex)).toBe(true);
    expect(isTrustedSender(`${rendererIndex}#/calls`, rendererIndex)).toBe(true);
    expect(isTrustedSender(`${rendererIndex}?lang=en`, rendererIndex)).toBe(true);
  });

  it('refuses any other sender', () => {
    expect(isTrustedSender('http://evil.example/index.html', rendererIndex)).toBe(false);
    expect(isTrustedSender('http://evil', rendererIndex)).toBe(false);
    expect(isTrustedSender(pathToFileURL('/tmp/index.html').href, rendererIndex)).toBe(false);
    expect(
      isTrustedSender(pathToFileURL('/opt/ROR-IKT Kundeservice/resources/other.html').href, rendererIndex),
    ).toBe(false);
    expect(isTrustedSender(rendererIndex.replace('file://', 'https://'), rendererIndex)).toBe(false);
    expect(isTrustedSender(undefined, rendererIndex)).toBe(false);
    expect(isTrustedSender('', rendererIndex)).toBe(false);
    expect(isTrustedSender('not a url', rendererIndex)).toBe(false);
  });
});
