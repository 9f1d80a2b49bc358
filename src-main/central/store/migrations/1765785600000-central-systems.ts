// The systems register on the central store (issue 16): systems and their roles per
// customer, outages, maintenance windows, notices, and a ticket's links to them.
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { SYSTEMS_TABLES_V1, TICKET_SYSTEM_COLUMNS_V1 } from '../../../store/migrations/tables/systems-v1';

export class CentralSystems1765785600000 implements MigrationInterface {
  name = 'CentralSystems1765785600000';

  async up(qr: QueryRunner): Promise<void> {
    for (const table of SYSTEMS_TABLES_V1) await qr.createTable(table);
    for (const column of TICKET_SYSTEM_COLUMNS_V1) await qr.query(`ALTER TABLE ticket ADD COLUMN ${column}`);
    await qr.query(`CREATE INDEX ticket_system_id ON ticket (system_id)`);
    await qr.query(`CREATE INDEX ticket_outage_id ON ticket (outage_id)`);
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.query(`DROP INDEX ticket_outage_id`);
    await qr.query(`DROP INDEX ticket_system_id`);
    for (const column of [...TICKET_SYSTEM_COLUMNS_V1].reverse())
      await qr.query(`ALTER TABLE ticket DROP COLUMN ${column.split(' ')[0]}`);
    for (const table of [...SYSTEMS_TABLES_V1].reverse()) await qr.dropTable(table.name);
  }
}
