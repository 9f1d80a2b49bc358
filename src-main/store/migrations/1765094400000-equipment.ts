// The equipment register on the desk (issue 14): its synced tables, a ticket's
// linked device, and the desk-only trigram index that finds a device as the
// technician types a piece of its serial, asset tag, user or workplace.
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { EQUIPMENT_TABLES_V1 } from './tables/equipment-v1';

const SEARCHED = 'serial, asset_tag, assigned_user, workplace';

export class Equipment1765094400000 implements MigrationInterface {
  name = 'Equipment1765094400000';

  async up(qr: QueryRunner): Promise<void> {
    for (const table of EQUIPMENT_TABLES_V1) await qr.createTable(table);
    await qr.query(`ALTER TABLE ticket ADD COLUMN device_id TEXT`);
    await qr.query(`CREATE INDEX ticket_device_id ON ticket (device_id)`);
    // External content on the device's rowid, kept by triggers (as ticket_search).
    await qr.query(`CREATE VIRTUAL TABLE device_search USING fts5(
      ${SEARCHED}, content='device', content_rowid='rowid', tokenize='trigram')`);
    const values = (row: 'old' | 'new') =>
      `${row}.rowid, ${SEARCHED.split(', ')
        .map((c) => `${row}.${c}`)
        .join(', ')}`;
    await qr.query(`CREATE TRIGGER device_search_ai AFTER INSERT ON device BEGIN
      INSERT INTO device_search (rowid, ${SEARCHED}) VALUES (${values('new')}); END`);
    await qr.query(`CREATE TRIGGER device_search_ad AFTER DELETE ON device BEGIN
      INSERT INTO device_search (device_search, rowid, ${SEARCHED}) VALUES ('delete', ${values('old')}); END`);
    await qr.query(`CREATE TRIGGER device_search_au AFTER UPDATE OF ${SEARCHED} ON device BEGIN
      INSERT INTO device_search (device_search, rowid, ${SEARCHED}) VALUES ('delete', ${values('old')});
      INSERT INTO device_search (rowid, ${SEARCHED}) VALUES (${values('new')}); END`);
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.query(`DROP TABLE device_search`);
    await qr.query(`DROP INDEX ticket_device_id`);
    await qr.query(`ALTER TABLE ticket DROP COLUMN device_id`);
    for (const table of [...EQUIPMENT_TABLES_V1].reverse()) await qr.dropTable(table.name);
  }
}
