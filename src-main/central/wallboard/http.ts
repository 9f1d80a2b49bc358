// The wallboard's HTTP side on the central store (issue 15): the page at
// /wallboard/<token>, its stream at /wallboard/<token>/stream, and its two
// static files. The token opens these and nothing else: it is not a session,
// so every tRPC procedure refuses it. Headers keep the token out of referrers
// and caches and the page from loading anything from elsewhere.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CentralStore } from '../store/openCentralStore';
import { withStore } from '../store/serialize';
import { WALLBOARD_CSS, WALLBOARD_JS, wallboardHtml } from './assets';
import type { WallboardFeed } from './feed';
import { WALLBOARD_PATH, wallboardOfToken } from './tokens';

const COMMON = {
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-robots-tag': 'noindex',
};
const PAGE_HEADERS = {
  ...COMMON,
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
};
const ASSETS: Record<string, { type: string; body: string }> = {
  'assets/wallboard.css': { type: 'text/css; charset=utf-8', body: WALLBOARD_CSS },
  'assets/wallboard.js': { type: 'text/javascript; charset=utf-8', body: WALLBOARD_JS },
};

/** Whether a request is the wallboard's (and, for the in-flight count, a long-lived stream). */
export function isWallboardPath(pathname: string): boolean {
  return pathname.startsWith(WALLBOARD_PATH);
}
export function isWallboardStream(pathname: string): boolean {
  return isWallboardPath(pathname) && pathname.endsWith('/stream');
}

export async function handleWallboard(
  store: CentralStore,
  feed: WallboardFeed,
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { ...COMMON, allow: 'GET', 'content-type': 'text/plain' }).end('Use GET');
    return;
  }
  const rest = pathname.slice(WALLBOARD_PATH.length);
  const asset = ASSETS[rest];
  if (asset) {
    res
      .writeHead(200, { ...COMMON, 'content-type': asset.type, 'cache-control': 'max-age=300' })
      .end(asset.body);
    return;
  }
  const [token = '', part, ...more] = rest.split('/');
  const wallboardId =
    more.length === 0 && (part === undefined || part === 'stream')
      ? await withStore(store, () => wallboardOfToken(store.dataSource.manager, token))
      : null;
  if (!wallboardId) {
    res
      .writeHead(404, { ...PAGE_HEADERS })
      .end(
        `<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>Køtavle – ingen tilgang</title></head><body><main><h1>Ingen tilgang</h1><p>Denne adressen til køtavlen finnes ikke eller er trukket tilbake. Be en teamleder om en ny.</p></main></body></html>`,
      );
    return;
  }
  if (part === undefined) {
    res.writeHead(200, PAGE_HEADERS).end(wallboardHtml());
    return;
  }
  res.writeHead(200, {
    ...COMMON,
    'content-type': 'text/event-stream; charset=utf-8',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  res.write('retry: 3000\n\n');
  feed.attach(wallboardId, res);
}
