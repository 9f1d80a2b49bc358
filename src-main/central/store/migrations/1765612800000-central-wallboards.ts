// Wall screens (issue 15): each has its own revocable token; only its hash is
// kept. Central only: desks never see the tokens.
import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

export class CentralWallboards1765612800000 implements MigrationInterface {
  name = 'CentralWallboards1765612800000';

  async up(qr: QueryRunner): Promise<void> {
    const text = (name: string, isNullable = false) => ({ name, type: 'text', isNullable });
    await qr.createTable(
      new Table({
        name: 'wallboard',
        columns: [
          { name: 'id', type: 'text', isPrimary: true },
          text('name'),
          text('token_hash'),
          text('created_at'),
          text('created_by_name'),
          text('revoked_at', true),
          text('revoked_by_name', true),
        ],
        indices: [{ name: 'wallboard_token_hash', columnNames: ['token_hash'], isUnique: true }],
      }),
    );
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.dropTable('wallboard');
  }
}
