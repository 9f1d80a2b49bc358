// The central store's HTTP(S) server: tRPC (queries, mutations, SSE
// subscriptions) through the fetch adapter, a body size limit, and a graceful
// shutdown that lets in-flight pushes finish before the database closes.
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { centralRouter } from './router';
import { startDeskLinkWatch } from './deskLinks';
import { startWallboardFeed } from './wallboard/feed';
import { handleWallboard, isWallboardPath, isWallboardStream } from './wallboard/http';
import { createLocalNotifier, createPostgresNotifier, type ChangeNotifier } from './notifier';
import { openCentralStore, type CentralStore } from './store/openCentralStore';
import { createServerMutations, type ServerMutations } from './sync/serverMutations';
import { createCtiHandler, ctiReceipt, CTI_MAX_BODY_BYTES, CTI_PATH } from './cti/handler';
import type { SmtpSettings } from './mail/config';
import { startMessageSender } from './mail/sender';
import { startInboundMail } from './mail/inbound/start';
import type { ImapSettings } from './mail/inbound/imapSettings';
import { createNoticesHttp, isNoticesPath } from './notices/http';
import { createIntakeHttp, isIntakePath, type IntakeOptions } from './intake/http';
import { startProbeRunner, type ProbeOptions, type ProbeRunner } from './probes/runner';
import { startHousekeeping } from './housekeeping';
import { closeOnce } from '../store/closeOnce';
import { setClientClockWindow, type ClientClockWindow } from '../../src-shared/time';

export const MAX_BODY_BYTES = 8 * 1024 * 1024;

export interface CentralOptions {
  host?: string;
  port?: number;
  dataDir: string;
  databaseUrl?: string;
  tlsCert?: string;
  tlsKey?: string;
  /** Silence the "listening" line (tests). */
  quiet?: boolean;
  /** The phone system's secret for POST /api/v1/cti/:token (issue 6); without it the endpoint refuses every event. */
  ctiToken?: string;
  /** How long an identical newCall counts as the phone system's repeat (default 2 minutes; see calls/phoneEvent.ts). */
  ctiRepeatWindowMs?: number;
  /** SMTP for the reporters' e-mail (R6, R9); without it e-mail stays queued. See messages/sender. */
  smtp?: SmtpSettings;
  /**
   * How far from this machine's clock a desk's instants (a call's arrival, a change's `at`) may
   * lie: default 30 days back (offline work) and 5 minutes ahead. Set for the whole process
   * (src-shared/time.ts); without it the process keeps the window it has.
   */
  clientClock?: Partial<ClientClockWindow>;
  /** A desk not heard from for this long shows its person as "frakoblet" (default 45 s). */
  deskOfflineAfterMs?: number;
  /** The business systems' active checks (issue 16 item 6): on unless false; tests shorten the times. */
  probes?: ProbeOptions | false;
  /** The address users reach this server at (behind a proxy), for the notice feeds' links; default: the request's Host. */
  publicUrl?: string;
  /** The mailbox the e-mail channel reads (issue 17); without it no mail is read. */
  imap?: ImapSettings;
  /** Attachments per inbound e-mail, in bytes (default 20 MB). */
  maxMessageBytes?: number;
  /** The web intake at /kundeservice/ (issue 17): its clock (a test and demo setting), rate limits, attachment limit. */
  intake?: IntakeOptions;
}

export interface CentralServer {
  url: string;
  port: number;
  store: CentralStore;
  notifier: ChangeNotifier;
  /** The central store's own changes (message delivery, phone-system events), through the push path. */
  serverMutations: ServerMutations;
  /** The business systems' active checks (null when switched off). */
  probes: ProbeRunner | null;
  server: Server;
  /** Stops accepting, lets in-flight requests finish, ends subscriptions, closes the database. */
  close(): Promise<void>;
}

class BodyTooLarge extends Error {}

async function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) throw new BodyTooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyTooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export async function startCentralServer(opts: CentralOptions): Promise<CentralServer> {
  if (opts.clientClock) setClientClockWindow(opts.clientClock);
  const store = await openCentralStore({ dataDir: opts.dataDir, databaseUrl: opts.databaseUrl });
  const notifier =
    store.engine === 'postgres' ? await createPostgresNotifier(opts.databaseUrl!) : createLocalNotifier();
  const serverMutations = createServerMutations(store, (v) => notifier.notify(v));
  const deskLinks = await startDeskLinkWatch(store, serverMutations, opts.deskOfflineAfterMs);
  const wallboards = startWallboardFeed(store, notifier);
  const inFlight = new Set<Promise<unknown>>();
  const streams = new Set<AbortController>();
  let closing = false;

  const cti = createCtiHandler(serverMutations, opts.ctiToken ?? null, opts.ctiRepeatWindowMs);
  const json = (res: ServerResponse, status: number, body: unknown) =>
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://central');
    if (url.pathname === '/health') {
      res.writeHead(closing ? 503 : 200, { 'content-type': 'text/plain' }).end(closing ? 'closing' : 'ok');
      return;
    }
    if (url.pathname.startsWith(CTI_PATH)) {
      if (req.method !== 'POST') return void json(res, 405, { error: 'Use POST' });
      if (closing) return void json(res, 503, { error: 'Shutting down' });
      // Stamped on arrival, before the body is read: the queue is the order of receipt.
      const receipt = ctiReceipt();
      let body: Buffer;
      try {
        body = await readBody(req, CTI_MAX_BODY_BYTES);
      } catch (e) {
        if (!(e instanceof BodyTooLarge)) throw e;
        json(res, 413, { error: 'Request body too large' });
        req.destroy();
        return;
      }
      const raw = url.pathname.slice(CTI_PATH.length);
      let token = raw;
      try {
        token = decodeURIComponent(raw);
      } catch {
        // a malformed escape: compared as sent (and refused)
      }
      const answer = await cti.handle(token, req.headers['content-type'] ?? '', body, receipt);
      return void json(res, answer.status, answer.body);
    }
    if (isNoticesPath(url.pathname)) {
      if (closing) return void res.writeHead(503, { 'content-type': 'text/plain' }).end('Shutting down');
      return notices.handle(req, res, url.pathname);
    }
    if (isIntakePath(url.pathname)) {
      if (closing) return void res.writeHead(503, { 'content-type': 'text/plain' }).end('Shutting down');
      return intake.handle(req, res, url);
    }
    if (isWallboardPath(url.pathname)) {
      if (closing) return void res.writeHead(503, { 'content-type': 'text/plain' }).end('Shutting down');
      return handleWallboard(store, wallboards, req, res, url.pathname);
    }
    if (!url.pathname.startsWith('/trpc/')) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    if (closing) {
      res.writeHead(503, { 'content-type': 'text/plain', connection: 'close' }).end('Shutting down');
      return;
    }
    let body: Buffer | undefined;
    if (req.method === 'POST') {
      try {
        body = await readBody(req);
      } catch (e) {
        if (e instanceof BodyTooLarge) {
          res
            .writeHead(413, { 'content-type': 'text/plain', connection: 'close' })
            .end('Request body too large');
          req.destroy();
          return;
        }
        throw e;
      }
    }
    const abort = new AbortController();
    res.on('close', () => abort.abort());
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
    const auth = headers.get('authorization');
    const response = await fetchRequestHandler({
      endpoint: '/trpc',
      req: new Request(url, {
        method: req.method,
        headers,
        body: body?.length ? new Uint8Array(body) : null,
        signal: abort.signal,
      }),
      router: centralRouter,
      // The session token comes in the Authorization header only, also for the SSE stream: never
      // in the URL (connection parameters), where access logs of proxies would record it.
      createContext: () => ({
        store,
        notifier,
        token: auth?.startsWith('Bearer ') ? auth.slice(7) : null,
        ip: req.socket.remoteAddress ?? 'unknown',
        deskLinks,
        wallboards,
      }),
      onError: ({ error, path }) => {
        if (error.code === 'INTERNAL_SERVER_ERROR')
          console.error(`[central] ${path ?? '?'}:`, error.cause ?? error);
      },
    });
    const out: Record<string, string> = {};
    response.headers.forEach((v, k) => (out[k] = v));
    res.writeHead(response.status, out);
    if (!response.body) return void res.end();
    const isStream = (out['content-type'] ?? '').includes('text/event-stream');
    if (isStream) streams.add(abort);
    const reader = response.body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        // A client that went away never drains, and its 'close' may already have fired: stop writing.
        if (res.destroyed) {
          void reader.cancel().catch(() => undefined);
          break;
        }
        if (!res.write(value) && !res.destroyed) {
          await new Promise<void>((resolve) => {
            const done = () => {
              res.off('drain', done);
              res.off('close', done);
              resolve();
            };
            res.once('drain', done);
            res.once('close', done);
          });
        }
      }
    } catch {
      // the client went away
    } finally {
      streams.delete(abort);
      res.end();
    }
  };

  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    const work = handle(req, res).catch((e: unknown) => {
      console.error('[central]', e);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' }).end('Internal error');
      else res.end();
    });
    // Subscriptions and wall screens' streams are long-lived; only requests that can finish count as in flight.
    const path = req.url ?? '';
    if (!path.includes('sync.onChange') && !isWallboardStream(path.split('?')[0]!)) {
      inFlight.add(work);
      void work.finally(() => inFlight.delete(work));
    }
  };

  const tls = opts.tlsCert && opts.tlsKey;
  const notices = createNoticesHttp(store, { publicUrl: opts.publicUrl, tls: !!tls });
  const intake = createIntakeHttp({
    store,
    serverMutations,
    smtp: opts.smtp,
    publicUrl: opts.publicUrl,
    tls: !!tls,
    ownUrl: () => url,
    options: { maxMessageBytes: opts.maxMessageBytes, ...opts.intake },
  });
  const server = tls
    ? createHttpsServer({ cert: readFileSync(opts.tlsCert!), key: readFileSync(opts.tlsKey!) }, onRequest)
    : createHttpServer(onRequest);
  server.requestTimeout = 60_000;
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `${tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`;
  if (!opts.quiet) console.log(`Central store listening on ${url} (${store.engine}: ${store.location})`);
  const sender = startMessageSender({ store, notifier, serverMutations, smtp: opts.smtp, quiet: opts.quiet });
  const inbound = startInboundMail({
    store,
    serverMutations,
    imap: opts.imap,
    smtp: opts.smtp,
    maxMessageBytes: opts.maxMessageBytes,
    quiet: opts.quiet,
  });
  const housekeeping = startHousekeeping(store, { quiet: opts.quiet });
  const probes =
    opts.probes === false
      ? null
      : startProbeRunner({ store, notifier, serverMutations, options: opts.probes });

  return {
    url,
    port,
    store,
    notifier,
    serverMutations,
    probes,
    server,
    close: closeOnce(async () => {
      closing = true;
      deskLinks.stop();
      await wallboards.stop();
      await sender.stop(); // a send in flight finishes and is recorded first
      await inbound?.stop(); // a message in flight is committed and flagged first
      intake.close();
      await probes?.stop(); // checks in flight end; nothing is recorded after
      await housekeeping.stop();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        for (const s of streams) s.abort();
        void Promise.allSettled([...inFlight]).then(() => server.closeAllConnections());
      });
      await Promise.allSettled([...inFlight]);
      await notifier.close();
      await store.close();
    }),
  };
}
