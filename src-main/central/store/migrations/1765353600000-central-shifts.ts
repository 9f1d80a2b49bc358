// The shift roster on the central store (SQLite and PostgreSQL alike): the
// same synced table the desks have.
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { ROSTER_ENTRY_TABLE_V1 } from '../../../store/migrations/tables/shifts-v1';

export class CentralShifts1765353600000 implements MigrationInterface {
  name = 'CentralShifts1765353600000';

  async up(qr: QueryRunner): Promise<void> {
    await qr.createTable(ROSTER_ENTRY_TABLE_V1);
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.dropTable(ROSTER_ENTRY_TABLE_V1.name);
  }
}
