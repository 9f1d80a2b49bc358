// Presence on the central store (SQLite and PostgreSQL alike): the same synced
// table the desks have.
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { PRESENCE_TABLE_V1 } from '../../../store/migrations/tables/presence-v1';

export class CentralPresence1765440000000 implements MigrationInterface {
  name = 'CentralPresence1765440000000';

  async up(qr: QueryRunner): Promise<void> {
    await qr.createTable(PRESENCE_TABLE_V1);
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.dropTable(PRESENCE_TABLE_V1.name);
  }
}
