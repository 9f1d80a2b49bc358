// The team lead's live view (issue 15) on the desk: today's response
// compliance reads the tickets whose response deadline is near today, which
// without this index is a scan of every ticket ever filed. Desk only: the
// central store does not compute the figures.
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class LiveViewIndexes1765612800000 implements MigrationInterface {
  name = 'LiveViewIndexes1765612800000';

  async up(qr: QueryRunner): Promise<void> {
    await qr.query(`CREATE INDEX ticket_response_due ON ticket (response_due_at)`);
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.query(`DROP INDEX ticket_response_due`);
  }
}
