// Tickets on the desk: the synced ticket tables, plus the desk-only trigram
// index that finds a ticket by reference (canonical or provisional), reporter
// name or phone number.
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { TICKET_TABLES_V1 } from './tables/tickets-v1';

export class Tickets1764576000000 implements MigrationInterface {
  name = 'Tickets1764576000000';

  async up(qr: QueryRunner): Promise<void> {
    for (const table of TICKET_TABLES_V1) await qr.createTable(table);
    // The open-tickets views (desk only): by the next deadline, tickets without one (paused) last;
    // partial, so a filter's scan never wades through closed tickets.
    const open = `WHERE status NOT IN ('resolved', 'closed')`;
    await qr.query(`CREATE INDEX ticket_open_by_breach ON ticket (ifnull(breach_at, '~'), id) ${open}`);
    await qr.query(
      `CREATE INDEX ticket_assignee_by_breach ON ticket (assignee_id, ifnull(breach_at, '~'), id) ${open}`,
    );
    await qr.query(
      `CREATE INDEX ticket_system_by_breach ON ticket (system, ifnull(breach_at, '~'), id) ${open}`,
    );
    // External content on the ticket's rowid: the desk store is never VACUUMed (which could renumber
    // rowids of a table without an INTEGER PRIMARY KEY); if it ever is, run 'rebuild' after.
    await qr.query(`CREATE VIRTUAL TABLE ticket_search USING fts5(
      reference, provisional_reference, reporter_name, reporter_phone,
      content='ticket', content_rowid='rowid', tokenize='trigram')`);
    const cols = 'reference, provisional_reference, reporter_name, reporter_phone';
    const values = (row: 'old' | 'new') =>
      `${row}.rowid, ${row}.reference, ${row}.provisional_reference, ${row}.reporter_name, ${row}.reporter_phone`;
    await qr.query(`CREATE TRIGGER ticket_search_ai AFTER INSERT ON ticket BEGIN
      INSERT INTO ticket_search (rowid, ${cols}) VALUES (${values('new')}); END`);
    await qr.query(`CREATE TRIGGER ticket_search_ad AFTER DELETE ON ticket BEGIN
      INSERT INTO ticket_search (ticket_search, rowid, ${cols}) VALUES ('delete', ${values('old')}); END`);
    await qr.query(`CREATE TRIGGER ticket_search_au AFTER UPDATE OF ${cols} ON ticket BEGIN
      INSERT INTO ticket_search (ticket_search, rowid, ${cols}) VALUES ('delete', ${values('old')});
      INSERT INTO ticket_search (rowid, ${cols}) VALUES (${values('new')}); END`);
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.query(`DROP TABLE ticket_search`);
    for (const table of [...TICKET_TABLES_V1].reverse()) await qr.dropTable(table.name);
  }
}
