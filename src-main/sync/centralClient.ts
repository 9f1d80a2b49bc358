// A typed tRPC client for the central store, as the desk's main process uses
// it: HTTP for queries and mutations with the session's bearer token, SSE for
// change pokes (Node has no EventSource, so the `eventsource` package).
import { createTRPCClient, httpLink, httpSubscriptionLink, splitLink } from '@trpc/client';
import { EventSource } from 'eventsource';
import type { CentralRouter } from '../central/router';

export type CentralClient = ReturnType<typeof createTRPCClient<CentralRouter>>;

export function createCentralClient(baseUrl: string, token: () => string | null): CentralClient {
  const url = `${baseUrl.replace(/\/$/, '')}/trpc`;
  return createTRPCClient<CentralRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: httpSubscriptionLink({
          url,
          EventSource,
          connectionParams: () => {
            const t = token();
            return t ? { token: t } : {};
          },
        }),
        false: httpLink({
          url,
          headers: () => {
            const t = token();
            return t ? { authorization: `Bearer ${t}` } : {};
          },
        }),
      }),
    ],
  });
}
