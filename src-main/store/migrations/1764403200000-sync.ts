// What the desk needs to sync: each outbox entry keeps who made it and how to
// undo it locally (rebase), and mutations the central store rejected are kept
// for the "needs attention" list instead of disappearing.
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Sync1764403200000 implements MigrationInterface {
  name = 'Sync1764403200000';

  async up(qr: QueryRunner): Promise<void> {
    await qr.query(`ALTER TABLE outbox ADD COLUMN actor_name TEXT NOT NULL DEFAULT ''`);
    await qr.query(`ALTER TABLE outbox ADD COLUMN actor_role TEXT NOT NULL DEFAULT 'agent'`);
    await qr.query(`ALTER TABLE outbox ADD COLUMN undo TEXT NOT NULL DEFAULT '[]'`);
    await qr.query(`CREATE TABLE rejected_mutation (
      mutation_id TEXT PRIMARY KEY NOT NULL,
      seq INTEGER NOT NULL,
      name TEXT NOT NULL,
      args TEXT NOT NULL,
      actor_id TEXT NOT NULL,
      actor_name TEXT NOT NULL,
      created_at TEXT NOT NULL,
      rejected_at TEXT NOT NULL,
      code TEXT NOT NULL,
      reason TEXT NOT NULL,
      details TEXT NOT NULL,
      dismissed_at TEXT)`);
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.query(`DROP TABLE rejected_mutation`);
  }
}
