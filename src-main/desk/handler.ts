// The one entry point to the local router for both transports: a WHATWG
// Request in, a Response out (tRPC's fetch adapter). Browser mode feeds it
// from HTTP, Electron from IPC; the router never knows which.
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import type { Desk } from './openDesk';
import { localRouter } from './router';

export const TRPC_ENDPOINT = '/trpc';

export type LocalHandler = (request: Request) => Promise<Response>;

export function createLocalHandler(desk: Desk): LocalHandler {
  return (req) =>
    fetchRequestHandler({
      endpoint: TRPC_ENDPOINT,
      req,
      router: localRouter,
      createContext: () => ({ desk }),
      onError: ({ error, path }) => {
        if (error.code === 'INTERNAL_SERVER_ERROR')
          console.error(`[desk] ${path ?? '?'}:`, error.cause ?? error);
      },
    });
}
