// A fetch for tRPC's HTTP links that travels over the preload bridge instead of
// the network: serialises the request into an IpcHttpRequest (plain strings, so
// it survives structured cloning) and rebuilds the IpcHttpResponse as a Response.
// A request for server-sent events (a subscription) is streamed: its body is
// a ReadableStream fed chunk by chunk, cancelled when the reader stops or the
// request is aborted. It does no routing or auth of its own; main checks every
// message.
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

let streamCount = 0;

function streamed(
  bridge: DeskBridge,
  message: IpcHttpRequest,
  signal: AbortSignal | null | undefined,
): Promise<Response> {
  const id = `${Date.now().toString(36)}-${++streamCount}`;
  const encoder = new TextEncoder();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let done = false;
  const finish = () => {
    done = true;
    signal?.removeEventListener('abort', onAbort);
  };
  const onAbort = () => {
    if (done) return;
    finish();
    bridge.cancel(id);
    controller.error(abortError(signal!));
  };
  const body = new ReadableStream<Uint8Array>({
    start: (c) => void (controller = c),
    cancel: () => {
      if (done) return;
      finish();
      bridge.cancel(id);
    },
  });
  signal?.addEventListener('abort', onAbort, { once: true });
  return bridge
    .stream(id, message, (chunk) => {
      if (done) return;
      if (chunk === null) {
        finish();
        controller.close();
      } else controller.enqueue(encoder.encode(chunk));
    })
    .then(
      (head) => new Response(body, { status: head.status, headers: new Headers(head.headers) }),
      (e: unknown) => {
        finish();
        throw new TypeError(`Desk IPC stream failed: ${e instanceof Error ? e.message : String(e)}`, {
          cause: e,
        });
      },
    );
}

export function createIpcFetch(bridge: DeskBridge): typeof fetch {
  return async (input, init) => {
    const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
    if (signal?.aborted) throw abortError(signal);
    const message = await toIpcRequest(input, init);
    const accept = message.headers.find(([k]) => k.toLowerCase() === 'accept')?.[1] ?? '';
    if (accept.includes('text/event-stream')) return streamed(bridge, message, signal);
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
