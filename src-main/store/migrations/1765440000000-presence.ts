// Presence on the desk (issue 15): the synced `presence` table.
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { PRESENCE_TABLE_V1 } from './tables/presence-v1';

export class Presence1765440000000 implements MigrationInterface {
  name = 'Presence1765440000000';

  async up(qr: QueryRunner): Promise<void> {
    await qr.createTable(PRESENCE_TABLE_V1);
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.dropTable(PRESENCE_TABLE_V1.name);
  }
}
