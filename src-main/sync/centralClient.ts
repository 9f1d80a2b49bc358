// A typed tRPC client for the central store, as the desk's main process uses
// it: HTTP for queries and mutations, SSE for change pokes (Node has no
// EventSource, so the `eventsource` package), both with the session's bearer
// token in the Authorization header — never in the URL, where proxies' access
// logs would keep it.
import { createTRPCClient, httpLink, httpSubscriptionLink, splitLink } from '@trpc/client';
import { EventSource } from 'eventsource';
import type { CentralRouter } from '../central/router';

export type CentralClient = ReturnType<typeof createTRPCClient<CentralRouter>>;

const STALE_SOCKET = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET']);

/**
 * fetch, sent once more when the connection is reset: a pooled keep-alive connection to a central
 * store that has restarted since fails at once. Safe to repeat: every central procedure is (a push
 * is applied once per desk sequence number whatever the number of deliveries).
 */
const fetchOnFreshSocket: typeof fetch = async (input, init) => {
  try {
    return await fetch(input, init);
  } catch (e) {
    const code = (e as { cause?: { code?: string } }).cause?.code;
    if (e instanceof TypeError && code && STALE_SOCKET.has(code)) return fetch(input, init);
    throw e;
  }
};

export function createCentralClient(baseUrl: string, token: () => string | null): CentralClient {
  const url = `${baseUrl.replace(/\/$/, '')}/trpc`;
  return createTRPCClient<CentralRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: httpSubscriptionLink({
          url,
          EventSource,
          eventSourceOptions: () => ({
            fetch: (input, init) => {
              const headers = new Headers(init?.headers);
              const t = token();
              if (t) headers.set('authorization', `Bearer ${t}`);
              return fetch(input, { ...init, headers });
            },
          }),
        }),
        false: httpLink({
          url,
          fetch: fetchOnFreshSocket,
          headers: () => {
            const t = token();
            return t ? { authorization: `Bearer ${t}` } : {};
          },
        }),
      }),
    ],
  });
}
