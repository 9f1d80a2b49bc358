// The e-mail and web channels on the desk (issue 17): inbound mail and ticket attachments (synced).
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { INTAKE_SYNCED_TABLES_V1 } from './tables/intake-v1';

export class Intake1765872000000 implements MigrationInterface {
  name = 'Intake1765872000000';

  async up(qr: QueryRunner): Promise<void> {
    for (const table of INTAKE_SYNCED_TABLES_V1) await qr.createTable(table);
  }

  async down(qr: QueryRunner): Promise<void> {
    for (const table of [...INTAKE_SYNCED_TABLES_V1].reverse()) await qr.dropTable(table.name);
  }
}
