// The equipment register on the central store: the same synced tables as on
// the desks, and a ticket's linked device.
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { EQUIPMENT_TABLES_V1 } from '../../../store/migrations/tables/equipment-v1';

export class CentralEquipment1765094400000 implements MigrationInterface {
  name = 'CentralEquipment1765094400000';

  async up(qr: QueryRunner): Promise<void> {
    for (const table of EQUIPMENT_TABLES_V1) await qr.createTable(table);
    await qr.query(`ALTER TABLE ticket ADD COLUMN device_id TEXT`);
    await qr.query(`CREATE INDEX ticket_device_id ON ticket (device_id)`);
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.query(`DROP INDEX ticket_device_id`);
    await qr.query(`ALTER TABLE ticket DROP COLUMN device_id`);
    for (const table of [...EQUIPMENT_TABLES_V1].reverse()) await qr.dropTable(table.name);
  }
}
