// Desk links on the central store (SQLite and PostgreSQL alike): the same
// synced table the desks have.
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DESK_LINK_TABLE_V1 } from '../../../store/migrations/tables/desk-link-v1';

export class CentralDeskLinks1765526400000 implements MigrationInterface {
  name = 'CentralDeskLinks1765526400000';

  async up(qr: QueryRunner): Promise<void> {
    await qr.createTable(DESK_LINK_TABLE_V1);
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.dropTable(DESK_LINK_TABLE_V1.name);
  }
}
