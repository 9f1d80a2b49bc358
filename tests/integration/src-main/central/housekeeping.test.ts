// The central store's housekeeping (housekeeping.ts) on a real store, SQLite
// and PostgreSQL: rate-limit counts, reporter links and sessions a day past
// their time, and expired drafts with their bytes, are removed; everything
// still current stays.
import { afterEach, describe, expect, it } from 'vitest';
import { sweepExpired } from '../../../../src-main/central/housekeeping';
import { withStore } from '../../../../src-main/central/store/serialize';
import { ENGINES, startTestCentral } from '../../../support/central';

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step().catch(() => undefined);
});

describe.each(ENGINES)('housekeeping on %s', (engine) => {
  it('removes what has expired and keeps what is current', async () => {
    const c = await startTestCentral(engine);
    cleanup.push(
      () => c.dispose(),
      () => c.stop(),
    );
    const store = c.server.store;
    const m = store.dataSource.manager;
    const sql = (text: string, params: unknown[] = []) => {
      let i = 0;
      const q = engine === 'postgres' ? text.replace(/\?/g, () => `$${++i}`) : text;
      return withStore(store, () => m.query(q, params));
    };
    const now = new Date('2026-12-07T12:00:00.000Z');
    const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000).toISOString();
    const inHours = (h: number) => new Date(now.getTime() + h * 3_600_000).toISOString();

    await sql(`INSERT INTO login_attempt (key, window_start, failures) VALUES (?, ?, 1), (?, ?, 1)`, [
      'intake:link:ip:old',
      hoursAgo(30),
      'intake:link:ip:now',
      hoursAgo(0.1),
    ]);
    for (const [hash, expires] of [
      ['old-link', hoursAgo(25)],
      ['fresh-link', hoursAgo(1)],
    ])
      await sql(
        `INSERT INTO reporter_link (token_hash, email, created_at, expires_at, used_at) VALUES (?, ?, ?, ?, NULL)`,
        [hash, 'per@molde.kommune.no', hoursAgo(26), expires],
      );
    for (const [hash, expires] of [
      ['old-session', hoursAgo(48)],
      ['open-session', inHours(4)],
    ])
      await sql(
        `INSERT INTO reporter_session (token_hash, email, created_at, expires_at, revoked_at) VALUES (?, ?, ?, ?, NULL)`,
        [hash, 'per@molde.kommune.no', hoursAgo(50), expires],
      );
    for (const [hash, expires] of [
      ['old-draft', hoursAgo(0.5)],
      ['live-draft', inHours(0.5)],
    ]) {
      await sql(
        `INSERT INTO intake_draft (token_hash, files, created_at, expires_at) VALUES (?, '[]', ?, ?)`,
        [hash, hoursAgo(1), expires],
      );
      await sql(`INSERT INTO intake_draft_content (token_hash, sha256, base64) VALUES (?, ?, ?)`, [
        hash,
        'a'.repeat(64),
        'AAAA',
      ]);
    }

    await sweepExpired(store, now);

    const left = async (table: string, column: string) =>
      ((await sql(`SELECT ${column} AS v FROM ${table} ORDER BY ${column}`)) as Array<{ v: string }>).map(
        (r) => r.v,
      );
    expect(await left('login_attempt', 'key')).toEqual(['intake:link:ip:now']);
    expect(await left('reporter_link', 'token_hash')).toEqual(['fresh-link']);
    expect(await left('reporter_session', 'token_hash')).toEqual(['open-session']);
    expect(await left('intake_draft', 'token_hash')).toEqual(['live-draft']);
    expect(await left('intake_draft_content', 'token_hash')).toEqual(['live-draft']);
  });
});
