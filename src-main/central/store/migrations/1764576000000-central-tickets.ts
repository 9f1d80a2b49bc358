// Tickets on the central store: the same synced tables as on the desks.
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { TICKET_TABLES_V1 } from '../../../store/migrations/tables/tickets-v1';

export class CentralTickets1764576000000 implements MigrationInterface {
  name = 'CentralTickets1764576000000';

  async up(qr: QueryRunner): Promise<void> {
    for (const table of TICKET_TABLES_V1) await qr.createTable(table);
  }

  async down(qr: QueryRunner): Promise<void> {
    for (const table of [...TICKET_TABLES_V1].reverse()) await qr.dropTable(table.name);
  }
}
