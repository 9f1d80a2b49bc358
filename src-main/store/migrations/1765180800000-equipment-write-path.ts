// Fewer pages written by a handover (issue 14's benchmark):
// - a handover's ticket and its licence-charge month are indexed only where
//   they exist (most handovers have neither, and every lookup is `= ?`);
// - the devices' (status, handed_in_at) index, which every status change
//   rewrote in two places, becomes the two lists the screens read: the stock
//   (by serial) and the handed-in devices (by the time they came in, which
//   grows, so a hand-in adds at the end);
// - a device's trigram search entry is no longer rewritten inside the commit
//   that changes its serial, tag, user or workplace: the trigger notes the
//   values the index still holds in device_search_stale, and the desk brings
//   the entry up to date after the commit (equipment/searchIndex.ts), always
//   before a look-up reads it. Only a real change of a searched value counts.
// A new device is still indexed in its own commit; a deleted one is removed
// under the values the index holds for it.
import type { MigrationInterface, QueryRunner } from 'typeorm';

const SEARCHED = ['serial', 'asset_tag', 'assigned_user', 'workplace'];
const list = SEARCHED.join(', ');
const of = (row: string) => SEARCHED.map((c) => `${row}.${c}`).join(', ');
const changed = SEARCHED.map((c) => `old.${c} IS NOT new.${c}`).join(' OR ');

export class EquipmentWritePath1765180800000 implements MigrationInterface {
  name = 'EquipmentWritePath1765180800000';

  async up(qr: QueryRunner): Promise<void> {
    await qr.query(`DROP INDEX handover_ticket_id`);
    await qr.query(`CREATE INDEX handover_ticket_id ON handover (ticket_id) WHERE ticket_id IS NOT NULL`);
    await qr.query(`DROP INDEX handover_charge_month`);
    await qr.query(
      `CREATE INDEX handover_charge_month ON handover (charge_month) WHERE charge_month IS NOT NULL`,
    );
    await qr.query(`DROP INDEX device_status_handed_in_at`);
    await qr.query(`CREATE INDEX device_in_stock ON device (serial_key) WHERE status = 'in_stock'`);
    await qr.query(
      `CREATE INDEX device_handed_in_at ON device (handed_in_at) WHERE handed_in_at IS NOT NULL`,
    );
    // Desk-only, like the index it serves: the values device_search holds for a device changed since.
    await qr.query(
      `CREATE TABLE device_search_stale (device_rowid INTEGER PRIMARY KEY, ${SEARCHED.map((c) => `${c} TEXT`).join(', ')})`,
    );
    await qr.query(`DROP TRIGGER device_search_au`);
    // Not `INSERT OR IGNORE`: an upsert's conflict clause would override the trigger's (a pulled row).
    await qr.query(`CREATE TRIGGER device_search_au AFTER UPDATE OF ${list} ON device WHEN ${changed} BEGIN
      INSERT INTO device_search_stale (device_rowid, ${list}) SELECT old.rowid, ${of('old')}
        WHERE NOT EXISTS (SELECT 1 FROM device_search_stale WHERE device_rowid = old.rowid); END`);
    await qr.query(`DROP TRIGGER device_search_ad`);
    await qr.query(`CREATE TRIGGER device_search_ad AFTER DELETE ON device BEGIN
      INSERT INTO device_search (device_search, rowid, ${list})
        SELECT 'delete', device_rowid, ${list} FROM device_search_stale WHERE device_rowid = old.rowid;
      INSERT INTO device_search (device_search, rowid, ${list})
        SELECT 'delete', old.rowid, ${of('old')}
        WHERE NOT EXISTS (SELECT 1 FROM device_search_stale WHERE device_rowid = old.rowid);
      DELETE FROM device_search_stale WHERE device_rowid = old.rowid; END`);
  }

  async down(qr: QueryRunner): Promise<void> {
    // Bring every stale entry up to date first: the old triggers rewrite entries in the commit.
    await qr.query(
      `INSERT INTO device_search (device_search, rowid, ${list}) SELECT 'delete', device_rowid, ${list} FROM device_search_stale`,
    );
    await qr.query(
      `INSERT INTO device_search (rowid, ${list}) SELECT d.rowid, ${of('d')} FROM device_search_stale s JOIN device d ON d.rowid = s.device_rowid`,
    );
    await qr.query(`DROP TRIGGER device_search_ad`);
    await qr.query(`CREATE TRIGGER device_search_ad AFTER DELETE ON device BEGIN
      INSERT INTO device_search (device_search, rowid, ${list}) VALUES ('delete', old.rowid, ${of('old')}); END`);
    await qr.query(`DROP TRIGGER device_search_au`);
    await qr.query(`CREATE TRIGGER device_search_au AFTER UPDATE OF ${list} ON device BEGIN
      INSERT INTO device_search (device_search, rowid, ${list}) VALUES ('delete', old.rowid, ${of('old')});
      INSERT INTO device_search (rowid, ${list}) VALUES (new.rowid, ${of('new')}); END`);
    await qr.query(`DROP TABLE device_search_stale`);
    await qr.query(`DROP INDEX device_handed_in_at`);
    await qr.query(`DROP INDEX device_in_stock`);
    await qr.query(`CREATE INDEX device_status_handed_in_at ON device (status, handed_in_at)`);
    await qr.query(`DROP INDEX handover_charge_month`);
    await qr.query(`CREATE INDEX handover_charge_month ON handover (charge_month)`);
    await qr.query(`DROP INDEX handover_ticket_id`);
    await qr.query(`CREATE INDEX handover_ticket_id ON handover (ticket_id)`);
  }
}
