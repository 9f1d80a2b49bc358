// A fetch for tRPC's HTTP links that travels over the preload bridge instead of
// the network: serialises the request into an IpcHttpRequest (plain strings, so
// it survives structured cloning) and rebuilds the IpcHttpResponse as a Response.
// It does no routing or auth of its own; main checks every message.
import type { DeskBridge, IpcHttpRequest } from '../../../src-shared/ipc';

/** Statuses whose Response must have no body (the constructor throws otherwise). */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The request was aborted', 'AbortError');
}

async function toIpcRequest(input: string | URL | Request, init?: RequestInit): Promise<IpcHttpRequest> {
  const request = input instanceof Request ? input : null;
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  const method = (init?.method ?? request?.method ?? 'GET').toUpperCase();
  const headers: Array<[string, string]> = [];
  new Headers(init?.headers ?? request?.headers).forEach((value, key) => headers.push([key, value]));
  let body: string | null = null;
  if (init?.body !== undefined && init.body !== null) {
    body = typeof init.body === 'string' ? init.body : await new Response(init.body).text();
  } else if (request && request.body !== null) {
    body = await request.clone().text();
  }
  return { url, method, headers, body };
}

export function createIpcFetch(bridge: DeskBridge): typeof fetch {
  return async (input, init) => {
    const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
    if (signal?.aborted) throw abortError(signal);
    const message = await toIpcRequest(input, init);
    let onAbort = () => {};
    const aborted = new Promise<never>((_, reject) => {
      onAbort = () => reject(abortError(signal!));
      signal?.addEventListener('abort', onAbort, { once: true });
    });
    let reply;
    try {
      reply = await Promise.race([bridge.request(message), aborted]);
    } catch (e) {
      if (signal?.aborted) throw e;
      // Like fetch on a network failure: a TypeError, so callers treat it as "could not reach".
      throw new TypeError(`Desk IPC request failed: ${e instanceof Error ? e.message : String(e)}`, {
        cause: e,
      });
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
    const status =
      Number.isInteger(reply.status) && reply.status >= 200 && reply.status <= 599 ? reply.status : 502;
    return new Response(NULL_BODY_STATUSES.has(status) ? null : reply.body, {
      status,
      headers: new Headers(reply.headers),
    });
  };
}
