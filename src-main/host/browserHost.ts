// Browser mode: the desk's main-side code hosted by plain Node. Serves the
// built renderer and the local router over HTTP on 127.0.0.1 only. Every
// request must name this server in its Host header (no DNS rebinding), and
// /trpc needs the per-launch secret token, handed to the browser in the URL
// fragment (never sent to the server, never logged by proxies).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { TRPC_ENDPOINT, type LocalHandler } from '../desk/handler';
import { closeOnce } from '../store/closeOnce';

const MAX_BODY_BYTES = 1024 * 1024;
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

export interface BrowserHost {
  url: string;
  port: number;
  token: string;
  server: Server;
  close(): Promise<void>;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function readBody(req: IncomingMessage): Promise<Buffer | 'tooLarge'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return 'tooLarge';
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function send(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

export async function startBrowserHost(opts: {
  handler: LocalHandler;
  rendererDir: string;
  port?: number;
  token?: string;
}): Promise<BrowserHost> {
  const token = opts.token ?? randomBytes(32).toString('base64url');
  let allowedHosts = new Set<string>();

  const serveTrpc = async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const auth = req.headers.authorization ?? '';
    if (!auth.startsWith('Bearer ') || !sameSecret(auth.slice(7), token))
      return send(res, 401, 'Unauthorized');
    const body = req.method === 'POST' ? await readBody(req) : undefined;
    if (body === 'tooLarge') return send(res, 413, 'Request body too large');
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
    // A subscription's stream ends when the page goes away.
    const gone = new AbortController();
    res.on('close', () => gone.abort());
    const response = await opts.handler(
      new Request(url, {
        method: req.method ?? 'GET',
        headers,
        body: body && body.length ? new Uint8Array(body) : null,
        signal: gone.signal,
      }),
    );
    const out: Record<string, string> = { 'cache-control': 'no-store' };
    response.headers.forEach((v, k) => (out[k] = v));
    res.writeHead(response.status, out);
    // Streamed as it comes: a subscription's server-sent events must not wait for the end.
    if (response.body) {
      try {
        for await (const chunk of response.body) {
          if (gone.signal.aborted) break;
          res.write(chunk);
        }
      } catch (e) {
        if (!gone.signal.aborted) throw e;
      }
    }
    res.end();
  };

  const serveStatic = async (res: ServerResponse, pathname: string) => {
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return send(res, 400, 'Bad request: malformed percent-escape in the path');
    }
    if (decoded.includes('\0')) return send(res, 400, 'Bad request: NUL in the path');
    const relative = normalize(decoded).replace(/^([/\\])+/, '');
    const file = join(opts.rendererDir, relative || 'index.html');
    if (!file.startsWith(opts.rendererDir + sep) && file !== opts.rendererDir)
      return send(res, 404, 'Not found');
    const isAsset = extname(file) !== '';
    try {
      const content = await readFile(isAsset ? file : join(opts.rendererDir, 'index.html'));
      const type = isAsset
        ? (CONTENT_TYPES[extname(file)] ?? 'application/octet-stream')
        : CONTENT_TYPES['.html']!;
      res.writeHead(200, {
        'content-type': type,
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'cache-control': type.startsWith('text/html') ? 'no-store' : 'max-age=3600',
      });
      res.end(content);
    } catch {
      send(res, 404, 'Not found');
    }
  };

  const server = createServer((req, res) => {
    const hostHeader = req.headers.host ?? '';
    if (!allowedHosts.has(hostHeader)) return send(res, 421, 'Misdirected request: unexpected Host header');
    const url = new URL(req.url ?? '/', `http://${hostHeader}`);
    const work =
      url.pathname === TRPC_ENDPOINT || url.pathname.startsWith(`${TRPC_ENDPOINT}/`)
        ? serveTrpc(req, res, url)
        : serveStatic(res, url.pathname);
    work.catch((e: unknown) => {
      console.error('[browser-host]', e);
      if (!res.headersSent) send(res, 500, 'Internal error');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    token,
    server,
    close: closeOnce(
      () =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    ),
  };
}
