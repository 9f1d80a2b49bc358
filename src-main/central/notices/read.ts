// The public operational notices (R14, issue 16 item 7) as the page and the
// feeds show them: the planned and ongoing ones, and those resolved within
// the last RESOLVED_SHOWN_DAYS days. Only what the public may read (R27):
// title, text, state, times, the systems and customers by name, and the
// updates' instant, state and text. Never a name of staff (created/updated by),
// never anything of a ticket or a reporter. The read is kept while the change
// log has not grown (one counter read per request), at most MEMO_MS.
import type { EntityManager } from 'typeorm';
import { NOTICE_STATES, type NoticeState } from '../../../src-shared/systems/notices';
import { placeholder, runSql } from '../../store/rowSql';
import { noticeCard } from '../../systems';
import type { CentralStore } from '../store/openCentralStore';
import { withStore } from '../store/serialize';
import { readCounter, SERVER_VERSION } from '../sync/changeLog';

/** How long a resolved notice stays on the page and in the feeds. */
export const RESOLVED_SHOWN_DAYS = 14;
const MEMO_MS = 30_000;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface PublicUpdate {
  at: string;
  state: NoticeState;
  text: string;
}

export interface PublicNotice {
  id: string;
  title: string;
  body: string;
  state: NoticeState;
  startsAt: string;
  endsAt: string | null;
  publishedAt: string;
  /** The latest update's instant (the notice's own when it has none). */
  updatedAt: string;
  /** By name; empty: the notice names customers only (every system of theirs). */
  systems: Array<{ id: string; name: string }>;
  /** By name; empty: every customer that uses the systems. */
  customers: Array<{ id: string; name: string }>;
  /** In time order. */
  updates: PublicUpdate[];
}

const stateOf = (s: string): NoticeState =>
  (NOTICE_STATES as readonly string[]).includes(s) ? (s as NoticeState) : 'ongoing';

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'nb');

/** Reads the notices to show at `nowMs`: ongoing first, then planned by start, then resolved, latest first. */
export async function readPublicNotices(m: EntityManager, nowMs: number): Promise<PublicNotice[]> {
  const p = placeholder(m);
  const cutoff = new Date(nowMs - RESOLVED_SHOWN_DAYS * DAY_MS).toISOString();
  const ids = (await runSql(m, `SELECT id FROM notice WHERE state <> ${p(0)} OR updated_at >= ${p(1)}`, [
    'resolved',
    cutoff,
  ])) as Array<{ id: string }>;
  if (ids.length === 0) return [];
  const [cards, systems, customers] = await Promise.all([
    Promise.all(ids.map((r) => noticeCard(m, r.id))),
    runSql(m, `SELECT id, name FROM business_system`, []) as Promise<Array<{ id: string; name: string }>>,
    runSql(m, `SELECT id, name FROM customer`, []) as Promise<Array<{ id: string; name: string }>>,
  ]);
  const systemName = new Map(systems.map((s) => [s.id, s.name]));
  const customerName = new Map(customers.map((c) => [c.id, c.name]));
  const notices: PublicNotice[] = [];
  for (const card of cards) {
    if (!card) continue;
    const updates = card.updates
      .map((u) => ({ at: u.at, state: stateOf(u.state), text: u.text }))
      .sort((a, b) => a.at.localeCompare(b.at));
    notices.push({
      id: card.id,
      title: card.title,
      body: card.body,
      state: stateOf(card.state),
      startsAt: card.startsAt,
      endsAt: card.endsAt,
      publishedAt: updates[0]?.at ?? card.updatedAt,
      updatedAt: updates.at(-1)?.at ?? card.updatedAt,
      systems: card.systemIds
        .filter((id) => systemName.has(id))
        .map((id) => ({ id, name: systemName.get(id)! }))
        .sort(byName),
      customers: card.customerIds
        .filter((id) => customerName.has(id))
        .map((id) => ({ id, name: customerName.get(id)! }))
        .sort(byName),
      updates,
    });
  }
  const rank: Record<NoticeState, number> = { ongoing: 0, planned: 1, resolved: 2 };
  return notices.sort(
    (a, b) =>
      rank[a.state] - rank[b.state] ||
      (a.state === 'planned'
        ? a.startsAt.localeCompare(b.startsAt)
        : b.updatedAt.localeCompare(a.updatedAt)) ||
      a.id.localeCompare(b.id),
  );
}

export interface NoticeSource {
  /** The notices to show now (a kept read while nothing has changed). */
  current(): Promise<PublicNotice[]>;
}

export function noticeSource(store: CentralStore): NoticeSource {
  let kept: { version: number; readAtMs: number; notices: PublicNotice[] } | null = null;
  return {
    current: () =>
      withStore(store, async () => {
        const m = store.dataSource.manager;
        const version = await readCounter(m, SERVER_VERSION);
        const now = Date.now();
        if (kept && kept.version === version && now - kept.readAtMs < MEMO_MS) return kept.notices;
        const notices = await readPublicNotices(m, now);
        kept = { version, readAtMs: now, notices };
        return notices;
      }),
  };
}
