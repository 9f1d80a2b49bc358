// The desk's client of the central store keeps the session token out of URLs
// (issue 13, item 3): the change-poke subscription (SSE) authenticates with
// the Authorization header, as queries and mutations do, and the central store
// no longer takes a token from the connection parameters in the URL, where a
// reverse proxy's access log would keep it. A recording proxy on loopback sees
// every request line the desk sends.
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createTRPCClient, httpLink, httpSubscriptionLink, splitLink } from '@trpc/client';
import { EventSource } from 'eventsource';
import type { CentralRouter } from '../../../../src-main/central/router';
import { createCentralClient } from '../../../../src-main/sync/centralClient';
import { centralUser, ENGINES, startTestCentral, type TestCentral } from '../../../support/central';
import { callBlockNumber } from '../../../../src-main/calls/phoneRules';

/** A central store whose change log is not empty: the subscription's first event is its head. */
async function centralWithChanges(engine: (typeof ENGINES)[number]): Promise<TestCentral> {
  const c = await startTestCentral(engine);
  centrals.push(c);
  const at = new Date().toISOString();
  await c.server.serverMutations.run(callBlockNumber, {
    id: '0193a1b2-0000-7000-8000-00000000000a',
    number: '91234567',
    reason: 'Telefonsalg',
    expiresAt: null,
    at,
  });
  return c;
}

let centrals: TestCentral[] = [];
let proxies: Server[] = [];
afterEach(async () => {
  for (const p of proxies) await new Promise((r) => p.close(r));
  for (const c of centrals) await c.dispose();
  centrals = [];
  proxies = [];
});

/** Forwards to the central store and records each request's path and headers. */
async function recordingProxy(
  target: string,
): Promise<{ url: string; seen: Array<{ path: string; headers: IncomingHttpHeaders }> }> {
  const to = new URL(target);
  const seen: Array<{ path: string; headers: IncomingHttpHeaders }> = [];
  const server = createServer((req, res) => {
    seen.push({ path: req.url ?? '', headers: req.headers });
    const up = request(
      { host: to.hostname, port: to.port, path: req.url, method: req.method, headers: req.headers },
      (r) => {
        res.writeHead(r.statusCode ?? 502, r.headers);
        r.pipe(res);
      },
    );
    up.on('error', () => res.destroy());
    req.pipe(up);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  proxies.push(server);
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

function firstEvent(
  subscribe: (handlers: { onData(): void; onError(e: unknown): void }) => { unsubscribe(): void },
) {
  return new Promise<string>((resolve) => {
    const sub = subscribe({
      onData: () => {
        sub.unsubscribe();
        resolve('event');
      },
      onError: (e) => {
        sub.unsubscribe();
        resolve((e as { data?: { code?: string } }).data?.code ?? String(e));
      },
    });
  });
}

describe.each(ENGINES)('the session token on the wire, %s', (engine) => {
  it('travels in the Authorization header for the SSE subscription, never in a URL', async () => {
    const c = await centralWithChanges(engine);
    const agent = await centralUser(c, { username: 'kari', role: 'agent' });
    const proxy = await recordingProxy(c.url);
    const client = createCentralClient(proxy.url, () => agent.token);
    expect(await firstEvent((h) => client.sync.onChange.subscribe({}, h))).toBe('event');
    await client.sync.pull.query({ cursor: 0, limit: 10 });

    const stream = proxy.seen.find((r) => r.path.includes('sync.onChange'));
    expect(stream?.headers.authorization).toBe(`Bearer ${agent.token}`);
    for (const r of proxy.seen) expect(decodeURIComponent(r.path)).not.toContain(agent.token);
  });

  it('refuses a token sent as a connection parameter in the URL', async () => {
    const c = await centralWithChanges(engine);
    const agent = await centralUser(c, { username: 'kari', role: 'agent' });
    const url = `${c.url}/trpc`;
    const old = createTRPCClient<CentralRouter>({
      links: [
        splitLink({
          condition: (op) => op.type === 'subscription',
          true: httpSubscriptionLink({ url, EventSource, connectionParams: () => ({ token: agent.token }) }),
          false: httpLink({ url }),
        }),
      ],
    });
    expect(await firstEvent((h) => old.sync.onChange.subscribe({}, h))).toBe('UNAUTHORIZED');
  });
});
