// The desk's telephony migration on a real SQLite file with data in it: the
// store is brought up to the tickets schema, calls and their events are
// written through SQL, and then the store is opened as the application opens
// it (every remaining migration). The call table is rebuilt (a CHECK constraint
// cannot be altered in SQLite), so every row and value must survive, the new
// columns take their defaults, the indexes and search triggers come back, the
// trigram search still finds old and new calls, call_event still points at its
// calls, and the outcome check now takes 'missed' and nothing unknown.
import { DataSource, type EntityManager } from 'typeorm';
import { afterEach, describe, expect, it } from 'vitest';
import { callHistory, missedCalls } from '../../../../../src-main/calls/queries';
import { LOCAL_MIGRATIONS } from '../../../../../src-main/store/migrations';
import { openLocalStore, type LocalStore } from '../../../../../src-main/store/openLocalStore';
import { referenceRows } from '../../../../../src-main/store/referenceData';
import { deskStoreBefore } from '../../../../support/migratedDesk';
import { removeDir, tempDir } from '../../../../support/tempDesk';

const BEFORE = 'Tickets1764576000000';
const MIGRATION = 'Telephony1764662400000';

let dirs: string[] = [];
let open: Array<DataSource | LocalStore> = [];
afterEach(async () => {
  for (const o of open) await (o instanceof DataSource ? o.destroy() : o.close());
  for (const d of dirs) removeDir(d);
  dirs = [];
  open = [];
});

/** A desk store in a fresh folder, migrated up to and including the tickets schema. */
async function storeBeforeTelephony(): Promise<{ dir: string; dataSource: DataSource }> {
  const dir = tempDir('telephony-migration-');
  dirs.push(dir);
  const dataSource = await deskStoreBefore(dir, BEFORE, MIGRATION);
  open.push(dataSource);
  return { dir, dataSource };
}

type Row = Record<string, unknown>;
const rows = (m: EntityManager, sql: string, params: unknown[] = []) =>
  m.query(sql, params) as Promise<Row[]>;
/** Indexes and triggers by name, with their SQL (automatic indexes have none). */
const schemaOf = async (m: EntityManager, table: string) =>
  Object.fromEntries(
    (
      await rows(
        m,
        `SELECT type, name, sql FROM sqlite_master WHERE tbl_name = ? AND type IN ('index', 'trigger') ORDER BY name`,
        [table],
      )
    ).map((r) => [r.name as string, { type: r.type, sql: r.sql }]),
  );

const [molde, aukra] = referenceRows().customers;
const CALL_INSERT = `INSERT INTO call (id, arrived_at, caller_number, caller_name, customer_id, workplace, status,
  logged_by, logged_by_name, taken_by, taken_by_name, taken_at, summary, outcome, ended_at, override_reason,
  override_by, override_by_name, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
const uuid = (n: number) => `01a21bf8-1111-7000-8000-${String(n).padStart(12, '0')}`;
const AGENT = uuid(900);
const LEAD = uuid(901);

interface OldCall {
  id: string;
  arrivedAt: string;
  number: string;
  name: string | null;
  customerId: string | null;
  workplace: string | null;
  status: 'waiting' | 'taken' | 'finished';
  taken?: { by: string; name: string; at: string };
  summary?: string;
  outcome?: 'solved' | 'ticket_needed' | 'transferred' | 'abandoned';
  endedAt?: string;
  override?: { reason: string; by: string; name: string };
}

/** Calls of every kind the old schema held: waiting, taken (one out of turn), finished four ways; two in one millisecond. */
const OLD_CALLS: OldCall[] = [
  {
    id: uuid(1),
    arrivedAt: '2025-11-20T07:58:12.345Z',
    number: '+4791234567',
    name: 'Kari Nordmann',
    customerId: molde!.id,
    workplace: 'Molde legevakt',
    status: 'finished',
    taken: { by: AGENT, name: 'Anne Agent', at: '2025-11-20T07:59:00.000Z' },
    summary: 'Passord tilbakestilt',
    outcome: 'solved',
    endedAt: '2025-11-20T08:04:00.000Z',
  },
  {
    id: uuid(2),
    arrivedAt: '2025-11-20T08:10:00.000Z',
    number: '+4790000002',
    name: 'Ola Hansen',
    customerId: aukra!.id,
    workplace: 'Aukra sjukeheim',
    status: 'finished',
    taken: { by: AGENT, name: 'Anne Agent', at: '2025-11-20T08:11:00.000Z' },
    summary: 'Skriveren på vaktrommet er nede',
    outcome: 'ticket_needed',
    endedAt: '2025-11-20T08:20:00.000Z',
  },
  {
    id: uuid(3),
    arrivedAt: '2025-11-20T08:30:00.000Z',
    number: '+4790000003',
    name: null,
    customerId: null,
    workplace: null,
    status: 'finished',
    outcome: 'abandoned',
    endedAt: '2025-11-20T08:31:00.000Z',
  },
  {
    id: uuid(4),
    arrivedAt: '2025-11-20T08:40:00.000Z',
    number: '+4790000004',
    name: 'Per Pleier',
    customerId: molde!.id,
    workplace: 'Kirkebakken omsorgssenter',
    status: 'finished',
    taken: { by: LEAD, name: 'Tone Teamleder', at: '2025-11-20T08:41:00.000Z' },
    outcome: 'transferred',
    endedAt: '2025-11-20T08:45:00.000Z',
    override: { reason: 'Legevakt ringer', by: LEAD, name: 'Tone Teamleder' },
  },
  {
    id: uuid(6),
    arrivedAt: '2025-11-20T09:00:00.500Z',
    number: '+4790000006',
    name: 'Siri Sjukepleiar',
    customerId: aukra!.id,
    workplace: 'Aukra sjukeheim',
    status: 'taken',
    taken: { by: AGENT, name: 'Anne Agent', at: '2025-11-20T09:01:00.000Z' },
    summary: 'Får ikke logget inn i journalen',
  },
  // Same millisecond as the one before, a smaller id: it takes the lower search slot.
  {
    id: uuid(5),
    arrivedAt: '2025-11-20T09:00:00.500Z',
    number: '+4790000005',
    name: 'Nils Nattevakt',
    customerId: molde!.id,
    workplace: 'Molde legevakt',
    status: 'waiting',
  },
];

async function insertOldCall(m: EntityManager, c: OldCall): Promise<void> {
  await m.query(CALL_INSERT, [
    c.id,
    c.arrivedAt,
    c.number,
    c.name,
    c.customerId,
    c.workplace,
    c.status,
    AGENT,
    'Anne Agent',
    c.taken?.by ?? null,
    c.taken?.name ?? null,
    c.taken?.at ?? null,
    c.summary ?? null,
    c.outcome ?? null,
    c.endedAt ?? null,
    c.override?.reason ?? null,
    c.override?.by ?? null,
    c.override?.name ?? null,
    c.endedAt ?? c.taken?.at ?? c.arrivedAt,
  ]);
  const events: Array<[string, string, Row]> = [['logged', c.arrivedAt, {}]];
  if (c.taken) events.push(['taken', c.taken.at, c.override ? { override: c.override.reason } : {}]);
  if (c.outcome) events.push(['finished', c.endedAt!, { outcome: c.outcome }]);
  for (const [i, [kind, at, data]] of events.entries()) {
    await m.query(
      `INSERT INTO call_event (id, call_id, kind, at, actor_id, actor_name, data) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      [
        `${c.id.slice(0, 24)}${i}${c.id.slice(25)}`,
        c.id,
        kind,
        at,
        AGENT,
        'Anne Agent',
        JSON.stringify(data),
      ],
    );
  }
}

/** The call log's search (its query needs the new columns, so only after the migration). */
const searchIds = async (m: EntityManager, search: string) =>
  (await callHistory(m, { search, order: 'asc' })).calls.map((c) => c.id);
/** The same trigram index read directly, for the store as the old version left it. */
const indexedIds = async (m: EntityManager, phrase: string) =>
  (
    await rows(
      m,
      `SELECT id FROM call WHERE search_key IN (SELECT rowid FROM call_search WHERE call_search MATCH ?)
       ORDER BY arrived_at, id`,
      [`"${phrase}"`],
    )
  ).map((r) => r.id);

describe('desk migration 1764662400000-telephony', () => {
  it('rebuilds the call table keeping every call, its events, its indexes, triggers and search', async () => {
    const { dir, dataSource: old } = await storeBeforeTelephony();
    const om = old.manager;
    for (const c of OLD_CALLS) await insertOldCall(om, c);
    // A call logged and then removed, so row ids have a gap; a name corrected after logging (update trigger).
    await insertOldCall(om, { ...OLD_CALLS[0]!, id: uuid(7), arrivedAt: '2025-11-20T10:00:00.000Z' });
    await om.query(`DELETE FROM call_event WHERE call_id = ?`, [uuid(7)]);
    await om.query(`DELETE FROM call WHERE id = ?`, [uuid(7)]);
    await om.query(`UPDATE call SET caller_name = 'Ola Hanssen' WHERE id = ?`, [uuid(2)]);

    const callsBefore = await rows(om, `SELECT * FROM call ORDER BY id`);
    const eventsBefore = await rows(om, `SELECT * FROM call_event ORDER BY id`);
    const callSchemaBefore = await schemaOf(om, 'call');
    const namesBefore = (await rows(om, `SELECT type, name FROM sqlite_master ORDER BY name`)).map(
      (r) => `${r.type as string} ${r.name as string}`,
    );
    expect(callsBefore).toHaveLength(OLD_CALLS.length);
    expect(eventsBefore).toHaveLength(14);
    expect(Object.keys(callSchemaBefore)).toEqual([
      'call_arrival',
      'call_search_ad',
      'call_search_ai',
      'call_search_arrival',
      'call_search_au',
      'call_search_key',
      'call_taken_by',
      'call_waiting',
      'sqlite_autoindex_call_1',
    ]);
    expect(await indexedIds(om, 'Hanssen')).toEqual([uuid(2)]);
    expect(await indexedIds(om, 'legevakt')).toEqual([uuid(1), uuid(5)]);
    await old.destroy();
    open = open.filter((o) => o !== old);

    // The application opens the store: the rest of the migrations run.
    const store = await openLocalStore(dir);
    open.push(store);
    const m = store.dataSource.manager;
    expect((await rows(m, `SELECT name FROM migrations ORDER BY id`)).map((r) => r.name)).toEqual(
      LOCAL_MIGRATIONS.map((x) => x.name),
    );

    // Every call, every column value as it was; the new columns hold their defaults.
    const NEW_COLUMNS = {
      source: 'desk',
      cti_call_id: null,
      hangup_cause: null,
      called_back_at: null,
      called_back_by_name: null,
    };
    const callsAfter = await rows(m, `SELECT * FROM call ORDER BY id`);
    expect(callsAfter).toEqual(callsBefore.map((c) => ({ ...c, ...NEW_COLUMNS })));
    expect(Object.keys(callsAfter[0]!)).toEqual([
      ...Object.keys(callsBefore[0]!),
      ...Object.keys(NEW_COLUMNS),
    ]);
    expect(await rows(m, `SELECT * FROM call_event ORDER BY id`)).toEqual(eventsBefore);

    // The indexes and triggers are back, word for word, plus the call-back list's index; nothing else went missing.
    const callSchemaAfter = await schemaOf(m, 'call');
    expect(callSchemaAfter).toMatchObject(callSchemaBefore);
    // (call_caller_number_arrived comes from a later migration, 1765958400000, which opening the store runs too.)
    expect(
      Object.keys(callSchemaAfter)
        .filter((n) => !(n in callSchemaBefore))
        .sort(),
    ).toEqual(['call_caller_number_arrived', 'call_missed']);
    const namesAfter = (await rows(m, `SELECT type, name FROM sqlite_master ORDER BY name`)).map(
      (r) => `${r.type as string} ${r.name as string}`,
    );
    // (Later migrations drop the message sender's index, which only the central store uses, and the
    // outbox's mutation-id index.)
    const droppedLater = ['index ticket_message_status_next_attempt_at', 'index sqlite_autoindex_outbox_1'];
    expect(namesAfter).toEqual(expect.arrayContaining(namesBefore.filter((n) => !droppedLater.includes(n))));
    expect(namesAfter.filter((n) => n.includes('call_v2'))).toEqual([]);

    // call_event still points at the calls (and the rebuilt table enforces it).
    expect(await m.query(`PRAGMA foreign_keys`)).toEqual([{ foreign_keys: 1 }]);
    expect(await m.query(`PRAGMA foreign_key_check`)).toEqual([]);
    expect(
      (await rows(m, `SELECT "table", "from", "to" FROM pragma_foreign_key_list('call_event')`))[0],
    ).toEqual({ table: 'call', from: 'call_id', to: 'id' });
    await expect(m.query(`DELETE FROM call WHERE id = ?`, [uuid(1)])).rejects.toThrow(/FOREIGN KEY/);
    expect(await m.query(`PRAGMA integrity_check`)).toEqual([{ integrity_check: 'ok' }]);
    // The search index agrees with the rebuilt table (an external-content FTS5 check).
    await m.query(`INSERT INTO call_search (call_search) VALUES ('integrity-check')`);

    // The trigram search finds the old calls, and a call logged now (the insert trigger is back) …
    expect(await searchIds(m, 'Hanssen')).toEqual([uuid(2)]);
    expect(await searchIds(m, 'Hansen')).toEqual([]);
    expect(await searchIds(m, 'legevakt')).toEqual([uuid(1), uuid(5)]);
    expect(await searchIds(m, '0000004')).toEqual([uuid(4)]);
    await insertOldCall(m, {
      id: uuid(8),
      arrivedAt: '2025-11-20T09:00:00.500Z', // the same millisecond as two old calls, between them by id
      number: '+4790000008',
      name: 'Liv Legevakt',
      customerId: molde!.id,
      workplace: 'Molde legevakt',
      status: 'waiting',
    });
    expect(await searchIds(m, 'legevakt')).toEqual([uuid(1), uuid(5), uuid(8)]);
    expect((await callHistory(m, { order: 'asc' })).calls.map((c) => c.id)).toEqual(
      [1, 2, 3, 4, 5, 6, 8].map(uuid),
    );
    // … and the update triggers: a corrected name, a corrected arrival time.
    await m.query(`UPDATE call SET caller_name = 'Ola Hansen' WHERE id = ?`, [uuid(2)]);
    await m.query(`UPDATE call SET arrived_at = '2025-11-20T07:00:00.000Z' WHERE id = ?`, [uuid(8)]);
    expect(await searchIds(m, 'Hansen')).toEqual([uuid(2)]);
    expect(await searchIds(m, 'Hanssen')).toEqual([]);
    expect(await searchIds(m, 'legevakt')).toEqual([uuid(8), uuid(1), uuid(5)]);
    await m.query(`INSERT INTO call_search (call_search) VALUES ('integrity-check')`);
    const fromView = (await callHistory(m, { search: 'Hansen' })).calls[0]!;
    expect(fromView).toMatchObject({ source: 'desk', hangupCause: null, calledBackAt: null });

    // The outcome check: 'missed' is a call outcome now; anything unknown is still refused, as is an unknown status.
    await m.query(`UPDATE call SET status = 'finished', outcome = 'missed', ended_at = ? WHERE id = ?`, [
      '2025-11-20T09:02:00.000Z',
      uuid(5),
    ]);
    await expect(m.query(`UPDATE call SET outcome = 'teleported' WHERE id = ?`, [uuid(6)])).rejects.toThrow(
      /CHECK constraint failed/,
    );
    await expect(m.query(`UPDATE call SET status = 'lost' WHERE id = ?`, [uuid(6)])).rejects.toThrow(
      /CHECK constraint failed/,
    );
    expect((await rows(m, `SELECT outcome FROM call WHERE id = ?`, [uuid(6)]))[0]).toEqual({ outcome: null });
    // The old abandoned call and the new missed one wait for a call-back (newest first).
    expect((await missedCalls(m)).map((c) => [c.id, c.outcome])).toEqual([
      [uuid(5), 'missed'],
      [uuid(3), 'abandoned'],
    ]);
  });

  it('migrates an empty store (no calls yet) the same way', async () => {
    const { dir, dataSource: old } = await storeBeforeTelephony();
    const before = await schemaOf(old.manager, 'call');
    await old.destroy();
    open = open.filter((o) => o !== old);
    const store = await openLocalStore(dir);
    open.push(store);
    const m = store.dataSource.manager;
    const after = await schemaOf(m, 'call');
    expect(after).toMatchObject(before);
    expect(
      Object.keys(after)
        .filter((n) => !(n in before))
        .sort(),
    ).toEqual(['call_caller_number_arrived', 'call_missed']);
    expect(await m.query(`SELECT count(*) AS n FROM call`)).toEqual([{ n: 0 }]);
  });
});
