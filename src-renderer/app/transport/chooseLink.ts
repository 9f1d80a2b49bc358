// Picks the renderer's tRPC transport once, at boot: IPC when the Electron
// preload bridge exists, HTTP to the browser-mode host otherwise. Queries and
// mutations go batched; subscriptions (the desk's change feed) as server-sent
// events over the same transport: streamed over IPC, or over loopback HTTP
// with the per-launch token in a header (the `eventsource` package takes a
// fetch, where the browser's EventSource cannot send headers). Nothing else in
// the renderer knows which one is in use.
import { httpBatchLink, httpSubscriptionLink, splitLink, type TRPCLink } from '@trpc/client';
import { EventSource } from 'eventsource';
import type { LocalRouter } from '../../../src-main/desk/router';
import { createIpcFetch } from './ipcFetch';
import { takeBrowserToken } from './browserToken';

export type Transport = { kind: 'ipc' | 'http'; link: TRPCLink<LocalRouter> } | { kind: 'missingToken' };

function link(url: string, fetch: typeof globalThis.fetch): TRPCLink<LocalRouter> {
  return splitLink({
    condition: (op) => op.type === 'subscription',
    true: httpSubscriptionLink({ url, EventSource, eventSourceOptions: () => ({ fetch }) }),
    false: httpBatchLink({ url, fetch }),
  });
}

export function chooseTransport(): Transport {
  const bridge = window.deskBridge;
  if (bridge) return { kind: 'ipc', link: link('http://desk.ipc/trpc', createIpcFetch(bridge)) };
  const token = takeBrowserToken();
  if (!token) return { kind: 'missingToken' };
  const withToken: typeof fetch = (input, init) => {
    const headers = new Headers(init?.headers);
    headers.set('authorization', `Bearer ${token}`);
    return fetch(input, { ...init, headers });
  };
  return { kind: 'http', link: link(`${window.location.origin}/trpc`, withToken) };
}
