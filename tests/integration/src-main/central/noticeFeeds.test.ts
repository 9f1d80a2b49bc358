// The public operational notices (R14, issue 16 item 7) on a real central
// store (SQLite and PostgreSQL): a team lead publishes and updates notices by
// pushes, as a desk does; anyone then reads the page, the Atom feed (parsed
// with a real feed parser) and the JSON over HTTP with no login. Checked: the
// planned, ongoing and recently resolved notices and nothing older; states in
// words, systems and customers by name, Oslo times, updates in time order;
// entry ids, updated instants and links; escaping of a title with <script>;
// and no staff name anywhere (R27). Caching: max-age and ETag (304).
import { parseFeed } from '@rowanmanning/feed-parser';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referenceRows } from '../../../../src-main/store/referenceData';
import type { PushResult } from '../../../../src-shared/sync/protocol';
import {
  centralUser,
  ENGINES,
  pushedMutation,
  startTestCentral,
  type TestCentral,
} from '../../../support/central';
import { MOLDE } from '../../../support/equipment';

const LEAD_NAME = 'Tone Teamleder';
const LEAD_USERNAME = 'tone.t';
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const iso = (ms: number) => new Date(ms).toISOString();
const oslo = (instant: string) =>
  new Intl.DateTimeFormat('nb-NO', { timeZone: 'Europe/Oslo', dateStyle: 'full', timeStyle: 'short' }).format(
    new Date(instant),
  );

const moldeName = referenceRows().customers.find((c) => c.id === MOLDE)!.name;

describe.each(ENGINES)('public operational notices (%s)', (engine) => {
  let central: TestCentral;
  const now = Date.now();
  const visma = { id: uuidv7(), name: 'Visma Flyt Skole' };
  const gerica = { id: uuidv7(), name: 'Gerica' };
  const ongoing = uuidv7();
  const planned = uuidv7();
  const resolved = uuidv7();
  const old = uuidv7();
  const at = {
    ongoingPublished: iso(now - 40 * MINUTE),
    ongoingUpdated: iso(now - 10 * MINUTE),
    plannedPublished: iso(now - 2 * DAY),
    resolvedPublished: iso(now - 3 * DAY),
    resolvedAt: iso(now - 3 * DAY + 90 * MINUTE),
    oldPublished: iso(now - 22 * DAY),
    oldResolved: iso(now - 21 * DAY),
  };
  const plannedStart = iso(now + 5 * DAY);
  const plannedEnd = iso(now + 5 * DAY + 2 * 60 * MINUTE);
  const SCRIPT_TITLE = '<script>alert("x")</script> & vedlikehold av Gerica';

  beforeAll(async () => {
    central = await startTestCentral(engine);
    const lead = await centralUser(central, {
      username: LEAD_USERNAME,
      role: 'team_lead',
      displayName: LEAD_NAME,
    });
    const clientId = uuidv7();
    let seq = 0;
    const push = async (name: string, args: unknown) => {
      const res = await lead.client.sync.push.mutate({
        clientId,
        mutations: [pushedMutation(++seq, name, args)],
      });
      const result = res.results[0] as PushResult;
      expect(result, `${name}: ${JSON.stringify(result)}`).toMatchObject({ status: 'applied' });
    };
    for (const s of [visma, gerica]) {
      await push('systems.save', {
        at: iso(now - 25 * DAY),
        system: {
          ...s,
          supplier: null,
          description: null,
          criticality: 'high',
          continuous: true,
          remoteAccess: false,
          probe: null,
        },
      });
    }
    const publish = (id: string, when: string, notice: Record<string, unknown>) =>
      push('notice.publish', { at: when, id, notice });
    await publish(old, at.oldPublished, {
      title: 'Gammel melding',
      body: 'Løst for lenge siden.',
      state: 'ongoing',
      systemIds: [visma.id],
      customerIds: [],
      startsAt: at.oldPublished,
      endsAt: null,
    });
    await push('notice.update', { at: at.oldResolved, noticeId: old, state: 'resolved', text: 'Løst.' });
    await publish(resolved, at.resolvedPublished, {
      title: 'Treg innlogging i Visma',
      body: 'Innloggingen tar lang tid.',
      state: 'ongoing',
      systemIds: [visma.id],
      customerIds: [MOLDE],
      startsAt: at.resolvedPublished,
      endsAt: null,
    });
    await push('notice.update', {
      at: at.resolvedAt,
      noticeId: resolved,
      state: 'resolved',
      text: 'Innloggingen er normal igjen.',
    });
    await publish(planned, at.plannedPublished, {
      title: SCRIPT_TITLE,
      body: 'Gerica er utilgjengelig under oppgraderingen.\n\nLagre arbeidet ditt før kl. 16.',
      state: 'planned',
      systemIds: [gerica.id],
      customerIds: [],
      startsAt: plannedStart,
      endsAt: plannedEnd,
    });
    await publish(ongoing, at.ongoingPublished, {
      title: 'Visma Flyt Skole er nede',
      body: 'Lærere i Molde får ikke logget inn.',
      state: 'ongoing',
      systemIds: [visma.id],
      customerIds: [MOLDE],
      startsAt: at.ongoingPublished,
      endsAt: null,
    });
    await push('notice.update', {
      at: at.ongoingUpdated,
      noticeId: ongoing,
      state: 'ongoing',
      text: 'Leverandøren feilsøker.',
    });
  });
  afterAll(async () => {
    await central?.dispose();
  });

  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${central.url}${path}`, { headers });

  it('serves the page in Norwegian, escaped, with links to the feeds', async () => {
    const res = await get('/notices');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).toMatch(/max-age=\d+/);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await res.text();
    expect(html).toContain('<html lang="nb">');
    expect(html).toMatch(/<link rel="alternate" type="application\/atom\+xml"[^>]*href="\/notices\.atom"/);
    expect(html).toContain('<h1>Driftsmeldinger</h1>');
    // Each notice with its state in words, its systems and customers by name, and Oslo times.
    const section = (id: string) => {
      const start = html.indexOf(`id="notice-${id}"`);
      expect(start, id).toBeGreaterThan(0);
      return html.slice(start, html.indexOf('</article>', start));
    };
    const down = section(ongoing);
    expect(down).toContain('Visma Flyt Skole er nede');
    expect(down).toContain('>Pågår</span>');
    expect(down).toContain(visma.name);
    expect(down).toContain(moldeName);
    expect(down).toContain(oslo(at.ongoingPublished));
    // Updates in time order: the publication, then the update.
    expect(down.indexOf('Lærere i Molde får ikke logget inn.')).toBeLessThan(
      down.indexOf('Leverandøren feilsøker.'),
    );
    const work = section(planned);
    expect(work).toContain('>Planlagt</span>');
    expect(work).toContain(oslo(plannedStart));
    expect(work).toContain(oslo(plannedEnd));
    expect(work).toContain('Alle kunder som bruker systemene');
    expect(section(resolved)).toContain('>Løst</span>');
    expect(html).not.toContain(`notice-${old}`);
    expect(html).not.toContain('Gammel melding');
    // Ongoing first, then planned, then resolved.
    expect(html.indexOf(ongoing)).toBeLessThan(html.indexOf(planned));
    expect(html.indexOf(planned)).toBeLessThan(html.indexOf(resolved));
    // The title with markup is text.
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; vedlikehold av Gerica');
    expect(html).not.toContain('<script');
  });

  it('serves an Atom feed a feed parser reads: ids, updated instants, states, links', async () => {
    const res = await get('/notices.atom');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    const xml = await res.text();
    expect(xml).not.toContain('<script');
    const feed = parseFeed(xml);
    expect(feed.meta.type).toBe('atom');
    expect(feed.title).toBe('Driftsmeldinger fra ROR-IKT');
    expect(feed.self).toBe(`${central.url}/notices.atom`);
    expect(feed.url).toBe(`${central.url}/notices`);
    expect(feed.updated?.toISOString()).toBe(at.ongoingUpdated);
    const items = new Map(feed.items.map((i) => [i.id, i]));
    expect([...items.keys()].sort()).toEqual(
      [ongoing, planned, resolved].map((id) => `urn:uuid:${id}`).sort(),
    );
    const down = items.get(`urn:uuid:${ongoing}`)!;
    expect(down.title).toBe('Pågår: Visma Flyt Skole er nede');
    expect(down.updated?.toISOString()).toBe(at.ongoingUpdated);
    expect(down.published?.toISOString()).toBe(at.ongoingPublished);
    expect(down.url).toBe(`${central.url}/notices#notice-${ongoing}`);
    expect(down.categories.map((c) => c.term)).toEqual(['ongoing']);
    expect(down.content).toContain(visma.name);
    expect(down.content).toContain(moldeName);
    expect(down.content).toContain('Leverandøren feilsøker.');
    const done = items.get(`urn:uuid:${resolved}`)!;
    expect(done.updated?.toISOString()).toBe(at.resolvedAt);
    expect(done.categories.map((c) => c.term)).toEqual(['resolved']);
    const work = items.get(`urn:uuid:${planned}`)!;
    expect(work.updated?.toISOString()).toBe(at.plannedPublished);
    // type="html" with the markup escaped (the raw XML has no "<script" at all): a reader gets
    // the title as the text it is, once unescaped.
    expect(work.title).toBe(`Planlagt: ${SCRIPT_TITLE}`);
    expect(xml).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; vedlikehold');
  });

  it('serves the JSON with the same facts', async () => {
    const res = await get('/notices.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await res.json()) as {
      notices: Array<{
        id: string;
        title: string;
        state: string;
        stateText: string;
        startsAt: string;
        endsAt: string | null;
        updatedAt: string;
        systems: Array<{ name: string }>;
        customers: Array<{ name: string }>;
        updates: Array<{ at: string; state: string; text: string }>;
      }>;
    };
    expect(body.notices.map((n) => [n.id, n.state, n.stateText])).toEqual([
      [ongoing, 'ongoing', 'Pågår'],
      [planned, 'planned', 'Planlagt'],
      [resolved, 'resolved', 'Løst'],
    ]);
    const down = body.notices[0]!;
    expect(down.systems.map((s) => s.name)).toEqual([visma.name]);
    expect(down.customers.map((c) => c.name)).toEqual([moldeName]);
    expect(down.updates).toEqual([
      {
        at: at.ongoingPublished,
        state: 'ongoing',
        stateText: 'Pågår',
        text: 'Lærere i Molde får ikke logget inn.',
      },
      { at: at.ongoingUpdated, state: 'ongoing', stateText: 'Pågår', text: 'Leverandøren feilsøker.' },
    ]);
    expect(body.notices[1]!.title).toBe(SCRIPT_TITLE);
    expect(body.notices[1]!.endsAt).toBe(plannedEnd);
    expect(body.notices[2]!.endsAt).toBe(at.resolvedAt);
  });

  it('names no staff and nothing of tickets anywhere (R27)', async () => {
    for (const path of ['/notices', '/notices.atom', '/notices.json']) {
      const text = await (await get(path)).text();
      for (const personal of [LEAD_NAME, 'Tone', LEAD_USERNAME, 'Sentralen', 'ByName', 'reporter', 'ticket'])
        expect(text, `${path} has ${personal}`).not.toContain(personal);
    }
  });

  it('answers 304 to a reader that has the same version, and only GET and HEAD', async () => {
    const first = await get('/notices.atom');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^".+"$/);
    const again = await get('/notices.atom', { 'if-none-match': etag });
    expect(again.status).toBe(304);
    const head = await fetch(`${central.url}/notices.json`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    const post = await fetch(`${central.url}/notices`, { method: 'POST', body: '' });
    expect(post.status).toBe(405);
  });
});
