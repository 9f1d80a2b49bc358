// Main-process side of the tRPC-over-IPC transport: checks that a message
// comes from our own renderer and is well formed, then answers it with the
// local router's fetch handler. Free of Electron imports so it is tested
// without the Electron binary; main.ts wires it to ipcMain.
import { z } from 'zod';
import type { IpcHttpRequest, IpcHttpResponse, IpcStreamHead } from '../../src-shared/ipc';
import type { LocalHandler } from '../desk/handler';

const MAX_BODY_CHARS = 1024 * 1024;
/** Requests are rebuilt against this fixed origin: the renderer cannot point them elsewhere. */
const IPC_ORIGIN = 'http://desk.ipc';

const ipcRequestSchema = z.object({
  url: z.string().max(64 * 1024),
  method: z.enum(['GET', 'POST']),
  headers: z.array(z.tuple([z.string().max(200), z.string().max(8192)])).max(100),
  body: z.string().max(MAX_BODY_CHARS).nullable(),
});

/** Only the app's own page (loaded from the packaged renderer folder) may call main. */
export function isTrustedSender(frameUrl: string | undefined, rendererIndexUrl: string): boolean {
  if (!frameUrl) return false;
  try {
    const a = new URL(frameUrl);
    const b = new URL(rendererIndexUrl);
    return a.protocol === b.protocol && a.host === b.host && a.pathname === b.pathname;
  } catch {
    return false;
  }
}

function malformed(error: z.ZodError): IpcHttpResponse {
  return {
    status: 400,
    headers: [['content-type', 'text/plain']],
    body: `Malformed IPC request: ${error.message}`,
  };
}

/** The request rebuilt against the fixed origin, and answered by the local handler. */
function answer(handler: LocalHandler, req: IpcHttpRequest, signal?: AbortSignal): Promise<Response> {
  const source = new URL(req.url, IPC_ORIGIN);
  const url = new URL(source.pathname + source.search, IPC_ORIGIN);
  return handler(
    new Request(url, {
      method: req.method,
      headers: req.headers,
      body: req.method === 'POST' ? req.body : null,
      signal,
    }),
  );
}

function headersOf(response: Response): Array<[string, string]> {
  const headers: Array<[string, string]> = [];
  response.headers.forEach((v, k) => headers.push([k, v]));
  return headers;
}

export function createIpcRequestHandler(handler: LocalHandler): (raw: unknown) => Promise<IpcHttpResponse> {
  return async (raw) => {
    const parsed = ipcRequestSchema.safeParse(raw);
    if (!parsed.success) return malformed(parsed.error);
    const response = await answer(handler, parsed.data);
    return { status: response.status, headers: headersOf(response), body: await response.text() };
  };
}

const streamIdSchema = z.string().min(1).max(100);

export interface IpcStreams {
  /** Answers with the head; the body follows through `send`, chunk by chunk, then null. */
  open(id: unknown, raw: unknown, send: (chunk: string | null) => void): Promise<IpcStreamHead>;
  /** The renderer stopped listening (or went away): the stream ends on main's side too. */
  cancel(id: unknown): void;
  /** Ends every stream (the window closed). */
  cancelAll(): void;
}

/**
 * Streamed exchanges (tRPC subscriptions' server-sent events) for one renderer: each is answered by
 * the local handler with an abort signal, so cancelling it ends the subscription on the desk.
 */
export function createIpcStreams(handler: LocalHandler): IpcStreams {
  const open = new Map<string, AbortController>();
  return {
    async open(rawId, raw, send) {
      const id = streamIdSchema.safeParse(rawId);
      const parsed = ipcRequestSchema.safeParse(raw);
      if (!id.success || !parsed.success || open.has(id.data)) {
        send(null);
        return { status: 400, headers: [['content-type', 'text/plain']] };
      }
      const abort = new AbortController();
      open.set(id.data, abort);
      const response = await answer(handler, parsed.data, abort.signal);
      void (async () => {
        try {
          if (response.body) {
            const decoder = new TextDecoder();
            for await (const bytes of response.body) {
              if (abort.signal.aborted) break;
              const text = decoder.decode(bytes as Uint8Array, { stream: true });
              if (text) send(text);
            }
          }
        } catch {
          // Cancelled or the handler failed mid-stream: the end below tells the renderer.
        } finally {
          open.delete(id.data);
          send(null);
        }
      })();
      return { status: response.status, headers: headersOf(response) };
    },
    cancel(rawId) {
      const id = streamIdSchema.safeParse(rawId);
      if (id.success) open.get(id.data)?.abort();
    },
    cancelAll() {
      for (const abort of open.values()) abort.abort();
    },
  };
}
