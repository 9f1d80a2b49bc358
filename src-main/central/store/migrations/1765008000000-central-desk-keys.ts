// Issue 13: a desk's client id belongs to the desk that registered it. The
// central store keeps the SHA-256 of the desk's secret key with the desk's
// sequence; sessions opened with that key are bound to the client id.
import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

export class CentralDeskKeys1765008000000 implements MigrationInterface {
  name = 'CentralDeskKeys1765008000000';

  async up(qr: QueryRunner): Promise<void> {
    await qr.addColumn('client_state', new TableColumn({ name: 'key_hash', type: 'text', isNullable: true }));
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.dropColumn('client_state', 'key_hash');
  }
}
