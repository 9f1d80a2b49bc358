// Main-process side of the tRPC-over-IPC transport: checks that a message
// comes from our own renderer and is well formed, then answers it with the
// local router's fetch handler. Free of Electron imports so it is tested
// without the Electron binary; main.ts wires it to ipcMain.
import { z } from 'zod';
import type { IpcHttpRequest, IpcHttpResponse } from '../../src-shared/ipc';
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

export function createIpcRequestHandler(handler: LocalHandler): (raw: unknown) => Promise<IpcHttpResponse> {
  return async (raw) => {
    const parsed = ipcRequestSchema.safeParse(raw);
    if (!parsed.success) {
      return {
        status: 400,
        headers: [['content-type', 'text/plain']],
        body: `Malformed IPC request: ${parsed.error.message}`,
      };
    }
    const req: IpcHttpRequest = parsed.data;
    const source = new URL(req.url, IPC_ORIGIN);
    const url = new URL(source.pathname + source.search, IPC_ORIGIN);
    const response = await handler(
      new Request(url, {
        method: req.method,
        headers: req.headers,
        body: req.method === 'POST' ? req.body : null,
      }),
    );
    const headers: Array<[string, string]> = [];
    response.headers.forEach((v, k) => headers.push([k, v]));
    return { status: response.status, headers, body: await response.text() };
  };
}
