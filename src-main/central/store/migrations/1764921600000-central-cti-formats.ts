// Issue 12: the caller's name as the phone system sends it, kept with each
// event; and an index to find a phone call's events by the call they applied
// to (a reused callId names several calls over time).
import { TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

export class CentralCtiFormats1764921600000 implements MigrationInterface {
  name = 'CentralCtiFormats1764921600000';

  async up(qr: QueryRunner): Promise<void> {
    await qr.addColumn('cti_event', new TableColumn({ name: 'caller', type: 'text', isNullable: true }));
    await qr.createIndex(
      'cti_event',
      new TableIndex({ name: 'cti_event_call_id', columnNames: ['call_id', 'event'] }),
    );
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.dropIndex('cti_event', 'cti_event_call_id');
    await qr.dropColumn('cti_event', 'caller');
  }
}
