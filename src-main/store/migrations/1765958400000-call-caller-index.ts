// A caller the directory does not know is recognised from their last finished
// call (issue 18, item 14): by number, newest first, for every waiting call and
// the current one. The index keeps that a look-up, not a scan of the call log.
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CallCallerIndex1765958400000 implements MigrationInterface {
  name = 'CallCallerIndex1765958400000';

  async up(qr: QueryRunner): Promise<void> {
    await qr.query(`CREATE INDEX call_caller_number_arrived ON call (caller_number, arrived_at)`);
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.query(`DROP INDEX call_caller_number_arrived`);
  }
}
