// Settings shared by every desk (the SLA calendar and targets first). Unlike
// local_setting they change only through named mutations, so they sync.
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SharedSettings1764316800000 implements MigrationInterface {
  name = 'SharedSettings1764316800000';

  async up(qr: QueryRunner): Promise<void> {
    await qr.query(`CREATE TABLE shared_setting (
      key TEXT PRIMARY KEY NOT NULL,
      value TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      updated_by TEXT NOT NULL)`);
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.query(`DROP TABLE shared_setting`);
  }
}
