// The shift roster on the desk (issue 15): the synced `roster_entry` table.
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { ROSTER_ENTRY_TABLE_V1 } from './tables/shifts-v1';

export class Shifts1765353600000 implements MigrationInterface {
  name = 'Shifts1765353600000';

  async up(qr: QueryRunner): Promise<void> {
    await qr.createTable(ROSTER_ENTRY_TABLE_V1);
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.dropTable(ROSTER_ENTRY_TABLE_V1.name);
  }
}
