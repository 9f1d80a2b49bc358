// Fewer index pages written when a ticket is made, where the desk has no use
// for them: the canonical reference is indexed only once it exists (a ticket
// made at the desk has none until the central store gives it one, and every
// lookup is `reference = ?`), likewise the call a ticket was made from, and
// the sender's queue index on ticket_message goes, since only the central
// store sends messages (its own migration keeps it).
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TicketWritePath1764748800000 implements MigrationInterface {
  name = 'TicketWritePath1764748800000';

  async up(qr: QueryRunner): Promise<void> {
    await qr.query(`DROP INDEX ticket_reference`);
    await qr.query(`CREATE INDEX ticket_reference ON ticket (reference) WHERE reference IS NOT NULL`);
    // Most tickets made from a message have no call: indexed, they would all share one key, and
    // the planner's statistics would then call the index useless for finding a call's ticket.
    await qr.query(`DROP INDEX ticket_call_id`);
    await qr.query(`CREATE INDEX ticket_call_id ON ticket (call_id) WHERE call_id IS NOT NULL`);
    await qr.query(`DROP INDEX ticket_message_status_next_attempt_at`);
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.query(
      `CREATE INDEX ticket_message_status_next_attempt_at ON ticket_message (status, next_attempt_at)`,
    );
    await qr.query(`DROP INDEX ticket_call_id`);
    await qr.query(`CREATE INDEX ticket_call_id ON ticket (call_id)`);
    await qr.query(`DROP INDEX ticket_reference`);
    await qr.query(`CREATE INDEX ticket_reference ON ticket (reference)`);
  }
}
