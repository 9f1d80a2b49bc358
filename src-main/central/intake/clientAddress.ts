// Whose request it is, for the web intake's limits per address (issue 17,
// item 8). Behind a reverse proxy every request comes from the proxy: the
// reporter's address is then the proxy's X-Forwarded-For, read only when the
// connection comes from a proxy the operator named (--trusted-proxy), so no
// one else can choose the address they are counted under. The rightmost
// address not itself a trusted proxy is the client. An IPv6 client counts by
// its /64: one subscriber has a whole /64 and could otherwise step through it.
import type { IncomingMessage } from 'node:http';

/** IPv4-mapped IPv6 ("::ffff:10.0.0.5") and plain IPv4 compare as the same address. */
function plain(address: string): string {
  return address.trim().replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, '$1');
}

/** The first four groups of an IPv6 address (its /64), with "::" expanded; IPv4 as it is. */
export function limitPrefix(address: string): string {
  if (!address.includes(':')) return address;
  const [head = '', tail] = address.split('::') as [string, string | undefined];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups =
    tail === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => (g || '0').toLowerCase().replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/** The address the web intake's limits count a request under (see above). */
export function clientAddressOf(req: IncomingMessage, trustedProxies: readonly string[] = []): string {
  const peer = plain(req.socket.remoteAddress ?? 'unknown');
  const trusted = new Set(trustedProxies.map(plain));
  if (!trusted.has(peer)) return limitPrefix(peer);
  const header = req.headers['x-forwarded-for'];
  const hops = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map(plain)
    .filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) if (!trusted.has(hops[i]!)) return limitPrefix(hops[i]!);
  return limitPrefix(peer);
}
