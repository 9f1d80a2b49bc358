// Picks the renderer's tRPC transport once, at boot: IPC when the Electron
// preload bridge exists, HTTP to the browser-mode host otherwise. Nothing
// else in the renderer knows which one is in use.
import { httpBatchLink, type TRPCLink } from '@trpc/client';
import type { LocalRouter } from '../../../src-main/desk/router';
import { createIpcFetch } from './ipcFetch';
import { takeBrowserToken } from './browserToken';

export type Transport = { kind: 'ipc' | 'http'; link: TRPCLink<LocalRouter> } | { kind: 'missingToken' };

export function chooseTransport(): Transport {
  const bridge = window.deskBridge;
  if (bridge) {
    return {
      kind: 'ipc',
      link: httpBatchLink({ url: 'http://desk.ipc/trpc', fetch: createIpcFetch(bridge) }),
    };
  }
  const token = takeBrowserToken();
  if (!token) return { kind: 'missingToken' };
  return {
    kind: 'http',
    link: httpBatchLink({
      url: `${window.location.origin}/trpc`,
      headers: () => ({ authorization: `Bearer ${token}` }),
    }),
  };
}
