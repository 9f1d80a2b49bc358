// The administrators' phone rules on the central store (SQLite and
// PostgreSQL alike): the synced block list, the same table the desks have.
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { BLOCKED_NUMBER_TABLE_V1 } from '../../../store/migrations/tables/phone-rules-v1';

export class CentralPhoneRules1764835200000 implements MigrationInterface {
  name = 'CentralPhoneRules1764835200000';

  async up(qr: QueryRunner): Promise<void> {
    await qr.createTable(BLOCKED_NUMBER_TABLE_V1);
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.dropTable(BLOCKED_NUMBER_TABLE_V1.name);
  }
}
