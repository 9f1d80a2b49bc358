// The wallboard on a real central store (SQLite and PostgreSQL) with real
// desks: a team lead names a screen and gets its URL; the page and its stream
// open with that token alone; a call logged on an agent's desk moves the
// screen within a second; the stream and the page carry counts, waits and
// first names, never a reporter's or caller's name, a phone number or an id;
// the token opens no tRPC procedure; revoking it closes the open stream and
// the page refuses it from then on. Agents cannot make or see screens.
import { TRPCClientError } from '@trpc/client';
import type { LocalRouter } from '../../../../src-main/desk/router';
import { describe, expect, it } from 'vitest';
import { referenceRows } from '../../../../src-main/store/referenceData';
import type { WallboardView } from '../../../../src-shared/shifts/wallboard';
import { ENGINES } from '../../../support/central';
import { useDeskCluster } from '../../../support/deskCluster';
import { signIn } from '../../../support/tempDesk';

const cluster = useDeskCluster();
const AGENT = { name: 'Anne Agent', role: 'agent' } as const;
const LEAD = { name: 'Tone Teamleder', role: 'team_lead' } as const;
const [molde] = referenceRows().customers;
const REPORTER = 'Åse Gussiås';
const PHONE = '91234567';

/** A wall screen's stream, read as events arrive (all the raw text is kept, to search it). */
function openStream(url: string) {
  const abort = new AbortController();
  const events: Array<{ event: string; data: string; at: number }> = [];
  let raw = '';
  let closed = false;
  const done = (async () => {
    const res = await fetch(`${url}/stream`, { signal: abort.signal });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { done: end, value } = await reader.read();
      if (end) break;
      const chunk = decoder.decode(value, { stream: true });
      raw += chunk;
      buffer += chunk;
      let cut: number;
      while ((cut = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1] ?? 'message';
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (data !== undefined) events.push({ event, data, at: Date.now() });
      }
    }
    closed = true;
  })().catch((e: unknown) => {
    closed = true;
    if (!abort.signal.aborted) throw e;
  });
  return {
    events,
    raw: () => raw,
    closed: () => closed,
    views: () => events.filter((e) => e.event === 'message').map((e) => JSON.parse(e.data) as WallboardView),
    async until<T>(what: string, pick: () => T | undefined, ms = 5_000): Promise<T> {
      const end = Date.now() + ms;
      for (;;) {
        const v = pick();
        if (v !== undefined) return v;
        if (Date.now() > end) throw new Error(`wallboard stream: no ${what} within ${ms} ms`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    stop: async () => {
      abort.abort();
      await done;
    },
  };
}

describe.each(ENGINES)('the wallboard on %s', (engine) => {
  it('is live, shows no names or numbers, opens nothing else, and stops when revoked', async () => {
    const {
      central,
      desks: [a, b],
    } = await cluster(engine, 2);
    await signIn(b!.client, LEAD);
    await signIn(a!.client, AGENT);

    // Only a team lead (or admin) names a screen; an agent is refused and sees none.
    const refused = await a!.client.wallboards.create
      .mutate({ name: 'Skjerm i gangen' })
      .catch((e: unknown) => e as TRPCClientError<LocalRouter>);
    expect(refused).toBeInstanceOf(TRPCClientError);
    expect((refused as TRPCClientError<LocalRouter>).data?.httpStatus).toBe(403);
    await expect(a!.client.wallboards.list.query()).rejects.toThrow();
    const screen = await b!.client.wallboards.create.mutate({ name: 'Skjerm i gangen' });
    expect(screen.url.startsWith(`${central.url}/wallboard/`)).toBe(true);
    const token = screen.url.split('/').pop()!;
    expect((await b!.client.wallboards.list.query()).map((w) => w.name)).toEqual(['Skjerm i gangen']);
    // The store keeps only the token's hash.
    const stored = JSON.stringify(
      await central.server.store.dataSource.manager.query(`SELECT * FROM wallboard`),
    );
    expect(stored).not.toContain(token);

    // The page: no account needed; nothing from elsewhere, no referrer, no cache.
    const page = await fetch(screen.url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.headers.get('cache-control')).toBe('no-store');
    const html = await page.text();
    expect(html).toContain('lang="nb"');

    // A ticket with a named reporter, and the agent on today's roster with a state.
    await a!.client.tickets.create.mutate({
      reporterName: REPORTER,
      reporterPhone: PHONE,
      reporterEmail: 'ase@molde.kommune.no',
      customerId: molde!.id,
      workplace: 'Molde legevakt',
      description: 'Journalsystemet svarer ikke',
      priority: 'critical',
      system: 'Journalsystem',
      category: 'incident',
      channel: 'phone',
      notifyBy: 'email',
    });
    await a!.client.shifts.setPresence.mutate({ state: 'available' });
    await a!.desk.sync!.syncNow();

    const stream = openStream(screen.url);
    const first = await stream.until('first figures', () => stream.views()[0]);
    // The stream opens with the page's version, which names the page's assets and is in its script
    // (a screen with an older page loads the new one).
    const version = JSON.parse(stream.events[0]!.data) as string;
    expect(stream.events[0]!.event).toBe('version');
    expect(html).toContain(`/wallboard/assets/wallboard.js?v=${version}`);
    const script = await (await fetch(`${central.url}/wallboard/assets/wallboard.js?v=${version}`)).text();
    expect(script).toContain(`var VERSION = '${version}';`);
    expect(first.tickets.open).toBe(1);
    expect(first.tickets.byPriority.critical).toBe(1);
    expect(first.people).toEqual([expect.objectContaining({ firstName: 'Anne', state: 'available' })]);
    expect(first.calls.waiting).toBe(0);
    expect(first.calls.longestWaitingSince).toBeNull();

    // A caller rings (the reporter's number: the desk recognises her); the screen shows the wait
    // within a second of the desk's sync.
    const call = await a!.client.calls.log.mutate({ callerNumber: PHONE });
    const before = stream.views().length;
    const pushedAt = Date.now();
    await a!.desk.sync!.syncNow();
    const moved = await stream.until('the new call', () =>
      stream.events
        .slice(before)
        .find((e) => e.event === 'message' && JSON.parse(e.data).calls.waiting === 1),
    );
    const since = Date.parse(JSON.parse(moved.data).calls.longestWaitingSince);
    expect(Math.abs(pushedAt - since)).toBeLessThan(60_000);
    expect(moved.at - pushedAt).toBeLessThan(1_000);

    // Nothing that names anyone but the staff's first names, and no number or id.
    for (const text of [stream.raw(), html]) {
      expect(text).not.toContain(REPORTER);
      expect(text).not.toContain('Gussiås');
      expect(text).not.toContain(PHONE);
      expect(text).not.toContain(call.id);
      expect(text).not.toContain('Anne Agent');
      expect(text).not.toContain(molde!.name);
    }

    // The token is not a session: tRPC refuses it, for reads and for the sync alike.
    for (const path of ['wallboards.list', 'auth.staff', 'sync.snapshotInfo', 'admin.users']) {
      const res = await fetch(`${central.url}/trpc/${path}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(res.status, path).toBe(401);
    }
    // Nor does it open anything else under /wallboard.
    expect((await fetch(`${screen.url}/data`)).status).toBe(404);
    expect((await fetch(`${central.url}/wallboard/${token.slice(0, -1)}x`)).status).toBe(404);

    // Revoked: the open stream is told and closed; the page and a new stream are refused.
    await b!.client.wallboards.revoke.mutate({ id: screen.id });
    await stream.until('revocation', () => stream.events.find((e) => e.event === 'revoked'));
    await stream.until('the end of the stream', () => (stream.closed() ? true : undefined));
    expect((await fetch(screen.url)).status).toBe(404);
    expect((await fetch(`${screen.url}/stream`)).status).toBe(404);
    expect((await b!.client.wallboards.list.query())[0]).toMatchObject({ revokedByName: LEAD.name });
    await stream.stop();
  });
});
