// Whose request it is behind a reverse proxy (issue 17, item 8): X-Forwarded-For
// counts only from a proxy the operator named.
import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { clientAddressOf, limitPrefix } from '../../../../../src-main/central/intake/clientAddress';

const req = (peer: string, forwarded?: string) =>
  ({
    socket: { remoteAddress: peer },
    headers: forwarded ? { 'x-forwarded-for': forwarded } : {},
  }) as unknown as IncomingMessage;

describe('clientAddressOf', () => {
  it('is the peer when no proxy is trusted, whatever the header says', () => {
    expect(clientAddressOf(req('203.0.113.9', '198.51.100.1'))).toBe('203.0.113.9');
    expect(clientAddressOf(req('::ffff:203.0.113.9'))).toBe('203.0.113.9');
  });

  it('reads X-Forwarded-For from a trusted proxy: the rightmost address that is not a proxy', () => {
    const proxies = ['10.0.0.5', '10.0.0.6'];
    expect(clientAddressOf(req('::ffff:10.0.0.5', '198.51.100.1'), proxies)).toBe('198.51.100.1');
    // A reporter who sends their own header cannot choose: the proxy appended the real one.
    expect(clientAddressOf(req('10.0.0.5', '1.2.3.4, 198.51.100.1, 10.0.0.6'), proxies)).toBe('198.51.100.1');
    expect(clientAddressOf(req('10.0.0.5'), proxies)).toBe('10.0.0.5');
  });

  it('counts an IPv6 client by its /64, which one subscriber holds whole', () => {
    expect(limitPrefix('2001:db8:1:2:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:1:2::/64');
    expect(limitPrefix('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(limitPrefix('2001:0db8:0001:0002::ffff')).toBe('2001:db8:1:2::/64');
    expect(clientAddressOf(req('2001:db8:1:2::5'))).toBe(clientAddressOf(req('2001:db8:1:2:ffff::9')));
    expect(clientAddressOf(req('2001:db8:1:3::5'))).not.toBe(clientAddressOf(req('2001:db8:1:2::5')));
    expect(limitPrefix('198.51.100.7')).toBe('198.51.100.7');
  });

  it('ignores the header from anyone else', () => {
    expect(clientAddressOf(req('203.0.113.9', '1.2.3.4'), ['10.0.0.5'])).toBe('203.0.113.9');
  });
});
