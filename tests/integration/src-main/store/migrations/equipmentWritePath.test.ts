// The desk's equipment write-path migration on a real SQLite file with devices and handovers in it:
// the store is brought up to the equipment schema, rows are written through SQL, and the store is
// opened as the application opens it. The handover indexes become partial (and are still used for
// `= ?` look-ups), and a device's trigram entry is no longer rewritten in the commit that changes it:
// a real change of a searched value is noted (an update naming a column with its old value is not),
// the entry is rewritten afterwards (and at start-up after a crash), and FTS5's integrity check
// agrees with the device table, also after a device with a stale entry is deleted.
import { DataSource, type EntityManager } from 'typeorm';
import { afterEach, describe, expect, it } from 'vitest';
import { openDesk } from '../../../../../src-main/desk/openDesk';
import { refreshDeviceSearch, staleSearchEntries } from '../../../../../src-main/equipment/searchIndex';
import { openLocalStore, type LocalStore } from '../../../../../src-main/store/openLocalStore';
import { referenceRows } from '../../../../../src-main/store/referenceData';
import { deskStoreBefore } from '../../../../support/migratedDesk';
import { removeDir, tempDir } from '../../../../support/tempDesk';

const BEFORE = 'Equipment1765094400000';
const MIGRATION = 'EquipmentWritePath1765180800000';

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
const uuid = (n: number) => `01a21bf8-2222-7000-8000-${String(n).padStart(12, '0')}`;
const [molde] = referenceRows().customers;
const AT = '2026-11-02T09:00:00.000Z';

async function storeBeforeWritePath(): Promise<string> {
  const dir = tempDir('equipment-write-path-');
  dirs.push(dir);
  const dataSource = await deskStoreBefore(dir, BEFORE, MIGRATION);
  const m = dataSource.manager;
  await m.query(
    `INSERT INTO equipment_model (id, category, maker, name, approved_from, order_via_desk, created_at, updated_at, updated_by_name)
     VALUES (?, 'laptop', 'HP', 'EliteBook 840 G10', '2024-01-01', 0, ?, ?, 'Admin')`,
    [uuid(1), AT, AT],
  );
  const device = (n: number, serial: string, user: string, workplace: string) =>
    m.query(
      `INSERT INTO device (id, serial, serial_key, asset_tag, asset_tag_key, model_id, customer_id, workplace,
         assigned_user, network, status, created_at, created_by_name, updated_at, updated_by_name)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'main', 'in_use', ?, 'Stian Tornes', ?, 'Stian Tornes')`,
      [uuid(n), serial, serial, `MK-${n}`, `MK-${n}`, uuid(1), molde!.id, workplace, user, AT, AT],
    );
  await device(10, '5CG2341ABC', 'Kari Sæbø', 'Molde rådhus');
  await device(11, '5CG2341XYZ', 'Ola Løvik', 'Kvam skole');
  const handover = (n: number, ticketId: string | null, month: string | null) =>
    m.query(
      `INSERT INTO handover (id, at, technician_id, technician_name, customer_id, workplace, new_device_id,
         ticket_id, charge_month) VALUES (?, ?, ?, 'Stian Tornes', ?, 'Molde rådhus', ?, ?, ?)`,
      [uuid(n), AT, uuid(900), molde!.id, uuid(10), ticketId, month],
    );
  await handover(20, null, null);
  await handover(21, uuid(500), '2026-11');
  await dataSource.destroy();
  return dir;
}

/** The devices the trigram index finds for a term, by serial. */
const found = async (m: EntityManager, term: string) =>
  (
    await rows(
      m,
      `SELECT d.serial FROM device_search s JOIN device d ON d.rowid = s.rowid WHERE device_search MATCH ? ORDER BY d.serial`,
      [`"${term}"`],
    )
  ).map((r) => r.serial);
/** FTS5's own check that the index holds exactly what the device table does. */
const integrityChecked = (m: EntityManager) =>
  m.query(`INSERT INTO device_search (device_search, rank) VALUES ('integrity-check', 1)`);
/** The search index's row count in its segments' storage: grows with every rewrite of an entry. */
const searchWrites = async (m: EntityManager) =>
  Number((await rows(m, `SELECT count(*) AS n FROM device_search_data`))[0]!.n);

describe('desk migration: equipment write path', () => {
  it('makes the handover indexes partial and keeps using them for look-ups', async () => {
    const store = await openLocalStore(await storeBeforeWritePath());
    open.push(store);
    const m = store.dataSource.manager;
    const indexes = Object.fromEntries(
      (
        await rows(m, `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'handover'`)
      ).map((r) => [r.name, String(r.sql)]),
    );
    expect(indexes.handover_ticket_id).toMatch(/WHERE ticket_id IS NOT NULL/);
    expect(indexes.handover_charge_month).toMatch(/WHERE charge_month IS NOT NULL/);
    // The rows are all there, and an `= ?` look-up is answered from the partial index.
    expect((await rows(m, `SELECT id FROM handover ORDER BY id`)).map((r) => r.id)).toEqual([
      uuid(20),
      uuid(21),
    ]);
    for (const [column, value] of [
      ['ticket_id', uuid(500)],
      ['charge_month', '2026-11'],
    ] as const) {
      expect(
        (await rows(m, `SELECT id FROM handover WHERE ${column} = ?`, [value])).map((r) => r.id),
      ).toEqual([uuid(21)]);
      const plan = (await rows(m, `EXPLAIN QUERY PLAN SELECT id FROM handover WHERE ${column} = ?`, [value]))
        .map((r) => r.detail)
        .join(' ');
      // (A covering index once the handover table is keyed by its id: OutboxAndHistoryKeys.)
      expect(plan).toMatch(new RegExp(`USING (COVERING )?INDEX handover_${column}\\b`));
    }
  });

  it('notes a changed device for the search index, rewrites it after the commit, and never leaves it wrong', async () => {
    const store = await openLocalStore(await storeBeforeWritePath());
    open.push(store);
    const m = store.dataSource.manager;
    expect(await found(m, 'Sæbø')).toEqual(['5CG2341ABC']);
    const before = await searchWrites(m);
    // Named with the same values, and a change to a column the search does not hold: nothing to do.
    await m.query(
      `UPDATE device SET workplace = workplace, assigned_user = assigned_user, notes = 'ny lader' WHERE id = ?`,
      [uuid(10)],
    );
    expect(await staleSearchEntries(m)).toBe(0);
    // A new user, then a new workplace: the commits leave the index alone and note what it holds.
    await m.query(`UPDATE device SET assigned_user = 'Åse Ødegård' WHERE id = ?`, [uuid(10)]);
    await m.query(`UPDATE device SET workplace = 'Aukra sjukeheim' WHERE id = ?`, [uuid(10)]);
    expect(await searchWrites(m)).toBe(before);
    expect(await staleSearchEntries(m)).toBe(1);
    expect(await refreshDeviceSearch(store.dataSource)).toBe(1);
    expect(await staleSearchEntries(m)).toBe(0);
    expect(await found(m, 'Ødegård')).toEqual(['5CG2341ABC']);
    expect(await found(m, 'sjukeheim')).toEqual(['5CG2341ABC']);
    expect(await found(m, 'Sæbø')).toEqual([]);
    expect(await found(m, 'rådhus')).toEqual([]);
    await integrityChecked(m);
    // A null user is a change too (IS NOT, not <>).
    await m.query(`UPDATE device SET assigned_user = NULL WHERE id = ?`, [uuid(10)]);
    await refreshDeviceSearch(store.dataSource);
    expect(await found(m, 'Ødegård')).toEqual([]);
    expect(await found(m, 'Løvik')).toEqual(['5CG2341XYZ']);
    // A device removed while its entry is stale (a rebase undoing it) leaves no entry behind.
    await m.query(`UPDATE device SET serial = '5CG2341QQQ' WHERE id = ?`, [uuid(11)]);
    await m.query(`DELETE FROM device WHERE id = ?`, [uuid(11)]);
    expect(await staleSearchEntries(m)).toBe(0);
    expect(await found(m, 'Løvik')).toEqual([]);
    await integrityChecked(m);
  });

  it('rewrites the entries a crash left stale when the desk opens, before any look-up', async () => {
    const dir = await storeBeforeWritePath();
    const first = await openLocalStore(dir);
    await first.dataSource.manager.query(`UPDATE device SET assigned_user = 'Turid Tøsse' WHERE id = ?`, [
      uuid(10),
    ]);
    await first.close();
    const desk = await openDesk(dir, { centralUrl: null });
    open.push({ close: () => desk.close() } as LocalStore);
    const m = desk.store.dataSource.manager;
    expect(await staleSearchEntries(m)).toBe(0);
    expect(await found(m, 'Tøsse')).toEqual(['5CG2341ABC']);
    await integrityChecked(m);
  });
});
