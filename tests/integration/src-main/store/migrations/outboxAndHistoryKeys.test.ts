// The desk's OutboxAndHistoryKeys migration on a real SQLite file: the outbox
// loses AUTOINCREMENT and its mutation-id index, yet sequence numbers go on
// from the highest ever used (also when the outbox is empty, and after entries
// leave it), without a gap; the equipment history and the handovers become
// WITHOUT ROWID tables with every row and index kept. Then a mutation through
// the desk's runner takes the next number, and sync acknowledgement by
// (seq, mutation id) drops only the entry named by both.
import { DataSource, type EntityManager } from 'typeorm';
import { afterEach, describe, expect, it } from 'vitest';
import { openLocalStore, type LocalStore } from '../../../../../src-main/store/openLocalStore';
import { appendToOutbox, dropFromOutbox } from '../../../../../src-main/store/outbox';
import { referenceRows } from '../../../../../src-main/store/referenceData';
import { deskStoreBefore } from '../../../../support/migratedDesk';
import { removeDir, tempDir } from '../../../../support/tempDesk';

const BEFORE = 'EquipmentWritePath1765180800000';
const MIGRATION = 'OutboxAndHistoryKeys1765267200000';

let dirs: string[] = [];
let open: Array<DataSource | LocalStore> = [];
afterEach(async () => {
  for (const o of open) await (o instanceof DataSource ? o.destroy() : o.close());
  for (const d of dirs) removeDir(d);
  dirs = [];
  open = [];
});

type Row = Record<string, unknown>;
const rows = (m: EntityManager, sql: string, params: unknown[] = []) =>
  m.query(sql, params) as Promise<Row[]>;
const uuid = (n: number) => `01a21bf8-3333-7000-8000-${String(n).padStart(12, '0')}`;
const [molde] = referenceRows().customers;
const AT = '2026-11-02T09:00:00.000Z';

/** A desk store before the migration whose outbox once held `used` entries, of which `waiting` remain. */
async function storeBefore(used: number, waiting: number[]): Promise<string> {
  const dir = tempDir('outbox-keys-');
  dirs.push(dir);
  const dataSource = await deskStoreBefore(dir, BEFORE, MIGRATION);
  const m = dataSource.manager;
  for (let seq = 1; seq <= used; seq++) {
    await m.query(
      `INSERT INTO outbox (mutation_id, client_id, name, args, schema_version, actor_id, created_at, actor_name, actor_role, undo)
       VALUES (?, 'desk-1', 'equipment.handover', '{}', 1, ?, ?, 'Stian Tornes', 'technician', '[]')`,
      [uuid(100 + seq), uuid(900), AT],
    );
  }
  await m.query(
    `DELETE FROM outbox WHERE seq NOT IN (${waiting.map(() => '?').join(', ') || 'NULL'})`,
    waiting,
  );
  for (const n of [1, 2, 3]) {
    await m.query(
      `INSERT INTO equipment_event (id, subject_id, at, actor_id, actor_name, kind, data)
       VALUES (?, ?, ?, ?, 'Stian Tornes', 'delivered', '{"n":${n}}')`,
      [uuid(n), uuid(10 + (n % 2)), AT, uuid(900)],
    );
  }
  await m.query(
    `INSERT INTO handover (id, at, technician_id, technician_name, customer_id, workplace, new_device_id, ticket_id, charge_month)
     VALUES (?, ?, ?, 'Stian Tornes', ?, 'Molde rådhus', ?, ?, '2026-11')`,
    [uuid(20), AT, uuid(900), molde!.id, uuid(10), uuid(500)],
  );
  await dataSource.destroy();
  return dir;
}

const entry = (n: number) => ({
  mutationId: uuid(200 + n),
  clientId: 'desk-1',
  name: 'equipment.handover',
  args: '{}',
  schemaVersion: 1,
  actorId: uuid(900),
  actorName: 'Stian Tornes',
  actorRole: 'technician',
  undo: '[]',
  createdAt: AT,
});
const seqs = async (m: EntityManager) =>
  (await rows(m, `SELECT seq FROM outbox ORDER BY seq`)).map((r) => Number(r.seq));

describe('desk migration: outbox and history keys', () => {
  it('keeps the waiting entries and goes on from the highest number ever used, not the highest left', async () => {
    const store = await openLocalStore(await storeBefore(7, [5, 6]));
    open.push(store);
    const m = store.dataSource.manager;
    expect(await seqs(m)).toEqual([5, 6]);
    expect(await rows(m, `SELECT last_seq FROM outbox_sequence`)).toEqual([{ last_seq: 7 }]);
    const table = String((await rows(m, `SELECT sql FROM sqlite_master WHERE name = 'outbox'`))[0]!.sql);
    expect(table).not.toMatch(/AUTOINCREMENT|UNIQUE/);
    expect(
      await rows(m, `SELECT name FROM sqlite_master WHERE tbl_name = 'outbox' AND type = 'index'`),
    ).toEqual([]);

    await m.transaction((t) => appendToOutbox(t, entry(1)));
    expect(await seqs(m)).toEqual([5, 6, 8]);
    // Acknowledged entries leave; the number of the highest is kept, so it is never handed out again.
    await m.transaction((t) =>
      dropFromOutbox(t, [
        { seq: 5, mutationId: uuid(105) },
        { seq: 6, mutationId: uuid(106) },
        { seq: 8, mutationId: uuid(201) },
      ]),
    );
    expect(await seqs(m)).toEqual([]);
    expect(await rows(m, `SELECT last_seq FROM outbox_sequence`)).toEqual([{ last_seq: 8 }]);
    await m.transaction((t) => appendToOutbox(t, entry(2)));
    expect(await seqs(m)).toEqual([9]);
  });

  it('starts an empty, never-used outbox at 1 and drops only an entry named by both its number and id', async () => {
    const store = await openLocalStore(await storeBefore(0, []));
    open.push(store);
    const m = store.dataSource.manager;
    await m.transaction(async (t) => {
      await appendToOutbox(t, entry(1));
      await appendToOutbox(t, entry(2));
    });
    expect(await seqs(m)).toEqual([1, 2]);
    // Sequence 1 with another desk's mutation id is not this entry: it stays.
    await m.transaction((t) => dropFromOutbox(t, [{ seq: 1, mutationId: uuid(999) }]));
    expect(await seqs(m)).toEqual([1, 2]);
    // A rejection leaves from the middle: the numbers after it are not reused either.
    await m.query(`DELETE FROM outbox WHERE seq = 2`);
    await m.transaction((t) => appendToOutbox(t, entry(3)));
    expect(await seqs(m)).toEqual([1, 3]);
  });

  it('keys the equipment history and the handovers by their ids, with every row and index kept', async () => {
    const store = await openLocalStore(await storeBefore(1, [1]));
    open.push(store);
    const m = store.dataSource.manager;
    for (const table of ['equipment_event', 'handover']) {
      const sql = String((await rows(m, `SELECT sql FROM sqlite_master WHERE name = ?`, [table]))[0]!.sql);
      expect(sql).toMatch(/WITHOUT ROWID$/);
    }
    expect(await rows(m, `SELECT id, subject_id, data FROM equipment_event ORDER BY id`)).toEqual([
      { id: uuid(1), subject_id: uuid(11), data: '{"n":1}' },
      { id: uuid(2), subject_id: uuid(10), data: '{"n":2}' },
      { id: uuid(3), subject_id: uuid(11), data: '{"n":3}' },
    ]);
    const plan = async (sql: string, params: unknown[]) =>
      (await rows(m, `EXPLAIN QUERY PLAN ${sql}`, params)).map((r) => r.detail).join(' ');
    expect(await plan(`SELECT * FROM equipment_event WHERE subject_id = ? ORDER BY at`, [uuid(11)])).toMatch(
      /USING INDEX equipment_event_subject_id_at/,
    );
    for (const [column, value] of [
      ['ticket_id', uuid(500)],
      ['charge_month', '2026-11'],
    ] as const) {
      expect(await rows(m, `SELECT id FROM handover WHERE ${column} = ?`, [value])).toEqual([
        { id: uuid(20) },
      ]);
      expect(await plan(`SELECT * FROM handover WHERE ${column} = ?`, [value])).toMatch(
        new RegExp(`USING INDEX handover_${column}\\b`),
      );
    }
    // An id is still a key: a second row with it is refused.
    await expect(
      m.query(
        `INSERT INTO equipment_event (id, subject_id, at, actor_id, actor_name, kind, data) VALUES (?, ?, ?, ?, 'x', 'x', '{}')`,
        [uuid(1), uuid(10), AT, uuid(900)],
      ),
    ).rejects.toThrow(/UNIQUE constraint failed: equipment_event.id/);
  });
});
