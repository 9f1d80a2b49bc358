// The e-mail and web channels on the central store (issue 17): the synced
// tables, and its own: attachment bytes, the reporters' sign-in links and sessions.
import type { MigrationInterface, QueryRunner } from 'typeorm';
import {
  INTAKE_CENTRAL_TABLES_V1,
  INTAKE_SYNCED_TABLES_V1,
} from '../../../store/migrations/tables/intake-v1';

const TABLES = [...INTAKE_SYNCED_TABLES_V1, ...INTAKE_CENTRAL_TABLES_V1];

export class CentralIntake1765872000000 implements MigrationInterface {
  name = 'CentralIntake1765872000000';

  async up(qr: QueryRunner): Promise<void> {
    for (const table of TABLES) await qr.createTable(table);
  }

  async down(qr: QueryRunner): Promise<void> {
    for (const table of [...TABLES].reverse()) await qr.dropTable(table.name);
  }
}
