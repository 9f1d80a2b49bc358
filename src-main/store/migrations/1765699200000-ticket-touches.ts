// The team lead's live view (issue 15) keeps the open tickets' facts in memory
// between looks and reads again only the tickets written since: every insert,
// update or delete of a ticket (a mutation here, a pull, a rebase's undo)
// notes its id, in order. Desk only; the reader trims what it has read.
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TicketTouches1765699200000 implements MigrationInterface {
  name = 'TicketTouches1765699200000';

  async up(qr: QueryRunner): Promise<void> {
    // No AUTOINCREMENT (it writes sqlite_sequence in every ticket's commit): the reader never
    // deletes the newest touch, so new ones still number on from it.
    await qr.query(`CREATE TABLE ticket_touch (seq INTEGER PRIMARY KEY, id TEXT NOT NULL)`);
    for (const [name, event, row] of [
      ['ticket_touch_ai', 'INSERT', 'new'],
      ['ticket_touch_au', 'UPDATE', 'new'],
      ['ticket_touch_ad', 'DELETE', 'old'],
    ] as const)
      await qr.query(
        `CREATE TRIGGER ${name} AFTER ${event} ON ticket BEGIN INSERT INTO ticket_touch (id) VALUES (${row}.id); END`,
      );
  }

  async down(qr: QueryRunner): Promise<void> {
    for (const name of ['ticket_touch_ai', 'ticket_touch_au', 'ticket_touch_ad'])
      await qr.query(`DROP TRIGGER ${name}`);
    await qr.query(`DROP TABLE ticket_touch`);
  }
}
