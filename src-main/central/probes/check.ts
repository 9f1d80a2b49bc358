// One active check of a business system (issue 16 item 6): an HTTP(S) GET of
// its URL or a TCP connect to its host:port, within a time limit. Success is
// an answer of 2xx or 3xx (redirects are not followed: the system answered),
// or an accepted connection. A failure says why in a few words ("HTTP 503",
// "ECONNREFUSED", "ETIMEDOUT"), which become a suspected outage's title. Each
// check opens a connection of its own (no keep-alive pool), so it tests what
// a user's first request would meet, and never holds the system's sockets.
import { request as httpRequest, type ClientRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { connect } from 'node:net';
import type { Probe } from '../../../src-shared/systems/register';

export type CheckResult = { ok: true } | { ok: false; error: string };

/** The short reason of a failed check, from an error (its code when Node gives one). */
export function reasonOf(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code) return code;
  const text = e instanceof Error ? e.message : String(e);
  return text.replace(/\s+/g, ' ').trim().slice(0, 120) || 'Unknown error';
}

/** host:port as the register's schema has it (a name or an IPv4 address, then the port). */
export function tcpTarget(target: string): { host: string; port: number } {
  const cut = target.lastIndexOf(':');
  return { host: target.slice(0, cut), port: Number(target.slice(cut + 1)) };
}

/**
 * Runs one check. Never throws: a time limit passed is ETIMEDOUT; a check stopped by `signal`
 * (the central store closing) resolves as failed with ABORTED, which the caller does not record.
 */
export function runCheck(probe: Probe, timeoutMs: number, signal: AbortSignal): Promise<CheckResult> {
  return probe.kind === 'http'
    ? httpCheck(probe.target, timeoutMs, signal)
    : tcpCheck(probe.target, timeoutMs, signal);
}

function settleOnce(resolve: (r: CheckResult) => void) {
  let done = false;
  return (r: CheckResult) => {
    if (done) return;
    done = true;
    resolve(r);
  };
}

function httpCheck(target: string, timeoutMs: number, signal: AbortSignal): Promise<CheckResult> {
  return new Promise((resolve) => {
    const finish = settleOnce(resolve);
    if (signal.aborted) return finish({ ok: false, error: 'ABORTED' });
    const url = new URL(target);
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    let req: ClientRequest;
    const timer = setTimeout(() => {
      finish({ ok: false, error: 'ETIMEDOUT' });
      req.destroy();
    }, timeoutMs);
    const onAbort = () => {
      finish({ ok: false, error: 'ABORTED' });
      req.destroy();
    };
    const cleanUp = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
    };
    try {
      req = send(url, {
        method: 'GET',
        agent: false,
        headers: { 'user-agent': 'ROR-IKT-Kundeservice-probe/1', accept: '*/*', connection: 'close' },
      });
    } catch (e) {
      clearTimeout(timer);
      return finish({ ok: false, error: reasonOf(e) });
    }
    signal.addEventListener('abort', onAbort, { once: true });
    req.on('response', (res) => {
      const status = res.statusCode ?? 0;
      cleanUp();
      finish(status >= 200 && status < 400 ? { ok: true } : { ok: false, error: `HTTP ${status}` });
      // The answer's status line is what counts: the body is not read.
      res.destroy();
      req.destroy();
    });
    req.on('error', (e) => {
      cleanUp();
      finish({ ok: false, error: reasonOf(e) });
    });
    req.on('close', cleanUp);
    req.end();
  });
}

function tcpCheck(target: string, timeoutMs: number, signal: AbortSignal): Promise<CheckResult> {
  return new Promise((resolve) => {
    const finish = settleOnce(resolve);
    if (signal.aborted) return finish({ ok: false, error: 'ABORTED' });
    const { host, port } = tcpTarget(target);
    const socket = connect({ host, port });
    const end = (r: CheckResult) => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      finish(r);
      socket.destroy();
    };
    const timer = setTimeout(() => end({ ok: false, error: 'ETIMEDOUT' }), timeoutMs);
    const onAbort = () => end({ ok: false, error: 'ABORTED' });
    signal.addEventListener('abort', onAbort, { once: true });
    socket.once('connect', () => end({ ok: true }));
    socket.once('error', (e) => end({ ok: false, error: reasonOf(e) }));
  });
}
