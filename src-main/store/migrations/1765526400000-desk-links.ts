// Desk links on the desk (issue 15, "frakoblet"): the synced `desk_link` table.
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DESK_LINK_TABLE_V1 } from './tables/desk-link-v1';

export class DeskLinks1765526400000 implements MigrationInterface {
  name = 'DeskLinks1765526400000';

  async up(qr: QueryRunner): Promise<void> {
    await qr.createTable(DESK_LINK_TABLE_V1);
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.dropTable(DESK_LINK_TABLE_V1.name);
  }
}
