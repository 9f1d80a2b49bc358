// The browser-mode host's static side (issue 13, item 8): a path with a
// malformed percent-escape or a NUL is a bad request (400, said plainly),
// never a 500; a path that climbs out of the renderer folder gets the page.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startBrowserHost, type BrowserHost } from '../../../../src-main/host/browserHost';
import { tempDir } from '../../../support/tempDesk';

let hosts: BrowserHost[] = [];
afterEach(async () => {
  for (const h of hosts) await h.close();
  hosts = [];
});

async function host(): Promise<BrowserHost> {
  const rendererDir = join(tempDir(), 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Kundeservice</title>');
  const h = await startBrowserHost({
    handler: () => Promise.resolve(new Response('{}', { headers: { 'content-type': 'application/json' } })),
    rendererDir,
  });
  hosts.push(h);
  return h;
}

/** A raw GET: fetch would normalise the path before it is sent. */
async function get(h: BrowserHost, path: string): Promise<{ status: number; body: string }> {
  const { request } = await import('node:http');
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: h.port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('browser-mode static files', () => {
  it('answers a malformed percent-escape and a NUL in the path with 400, and keeps serving', async () => {
    const h = await host();
    expect(await get(h, '/%E0%A4%A')).toEqual({
      status: 400,
      body: 'Bad request: malformed percent-escape in the path',
    });
    expect(await get(h, '/assets/%ZZ.js')).toMatchObject({ status: 400 });
    expect(await get(h, '/assets/a%00.js')).toEqual({ status: 400, body: 'Bad request: NUL in the path' });
    // Dot segments never leave the renderer folder: the page is served, not the file.
    const climb = await get(h, '/%2e%2e/%2e%2e/etc/passwd');
    expect(climb.body).not.toContain('root:');
    expect(climb.body).toContain('Kundeservice');
    const page = await get(h, '/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('Kundeservice');
  });
});
