// Whose request it is, for the web intake's limits per address (issue 17,
// item 8). Behind a reverse proxy every request comes from the proxy: the
// reporter's address is then the proxy's X-Forwarded-For, read only when the
// connection comes from a proxy the operator named (--trusted-proxy), so no
// one else can choose the address they are counted under. The rightmost
// address not itself a trusted proxy is the client.
import type { IncomingMessage } from 'node:http';

/** IPv4-mapped IPv6 ("::ffff:10.0.0.5") and plain IPv4 compare as the same address. */
function plain(address: string): string {
  return address.trim().replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, '$1');
}

export function clientAddressOf(req: IncomingMessage, trustedProxies: readonly string[] = []): string {
  const peer = plain(req.socket.remoteAddress ?? 'unknown');
  const trusted = new Set(trustedProxies.map(plain));
  if (!trusted.has(peer)) return peer;
  const header = req.headers['x-forwarded-for'];
  const hops = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map(plain)
    .filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) if (!trusted.has(hops[i]!)) return hops[i]!;
  return peer;
}
