// The public notices' HTTP side on the central store (R14, issue 16 item 7):
// /notices (the page), /notices.atom and /notices.json, open to anyone with
// no login, like /health. GET and HEAD only. Cached for a minute by browsers
// and proxies (a notice reaches readers within a minute), with an ETag so a
// feed reader polling often gets 304 and no body. Links in the feeds are
// absolute: from the `publicUrl` option (behind a proxy), else from the
// request's Host. X-Forwarded-Host is not trusted: a shared cache does not key
// on it, so it could plant links to another site.
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CentralStore } from '../store/openCentralStore';
import { noticesAtom, noticesJson } from './feeds';
import {
  NOTICES_ATOM_PATH,
  NOTICES_JSON_PATH,
  NOTICES_PAGE_CSP,
  NOTICES_PAGE_PATH,
  noticesPage,
} from './page';
import { noticeSource, type NoticeSource } from './read';

const COMMON = {
  'cache-control': 'public, max-age=60',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

const KINDS = {
  [NOTICES_PAGE_PATH]: 'page',
  [`${NOTICES_PAGE_PATH}/`]: 'page',
  [NOTICES_ATOM_PATH]: 'atom',
  [NOTICES_JSON_PATH]: 'json',
} as const;
type Kind = (typeof KINDS)[keyof typeof KINDS];

export function isNoticesPath(pathname: string): boolean {
  return Object.hasOwn(KINDS, pathname);
}

export interface NoticesHttp {
  handle(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void>;
}

/** The base of absolute links: the configured public address, else this request's. */
function baseOf(req: IncomingMessage, publicUrl: string | undefined, tls: boolean): string {
  if (publicUrl) return publicUrl.replace(/\/+$/, '');
  const host = req.headers.host ?? '';
  // A Host that is not a plain host[:port] (or [v6]:port) gets a neutral one.
  const safe = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(:\d{1,5})?$/.test(host) ? host : 'localhost';
  return `${tls ? 'https' : 'http'}://${safe}`;
}

export function createNoticesHttp(
  store: CentralStore,
  opts: { publicUrl?: string; tls: boolean },
  source: NoticeSource = noticeSource(store),
): NoticesHttp {
  return {
    async handle(req, res, pathname) {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res
          .writeHead(405, { ...COMMON, allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' })
          .end('Use GET');
        return;
      }
      const kind: Kind = KINDS[pathname as keyof typeof KINDS];
      const notices = await source.current();
      const base = baseOf(req, opts.publicUrl, opts.tls);
      const [type, body, extra] =
        kind === 'page'
          ? [
              'text/html; charset=utf-8',
              noticesPage(notices),
              { 'content-security-policy': NOTICES_PAGE_CSP },
            ]
          : kind === 'atom'
            ? ['application/atom+xml; charset=utf-8', noticesAtom(notices, base), {}]
            : ['application/json; charset=utf-8', noticesJson(notices, base), {}];
      const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
      const headers = { ...COMMON, ...extra, 'content-type': type, etag };
      const sent = req.headers['if-none-match'];
      if (sent && sent.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) {
        res.writeHead(304, headers).end();
        return;
      }
      const bytes = Buffer.from(body, 'utf8');
      res.writeHead(200, { ...headers, 'content-length': String(bytes.length) });
      res.end(req.method === 'HEAD' ? undefined : bytes);
    },
  };
}
