// Telephony on the central store: the synced additions (call origin and
// call-back, the reporter directory), the phone system's event log, and an
// account's phone number or extension (how the phone system names the agent
// who answered).
import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { CALL_COLUMNS_V2, REPORTER_TABLES_V1 } from '../../../store/migrations/tables/telephony-v1';

const text = (name: string, nullable = false) => ({ name, type: 'text', isNullable: nullable });

export class CentralTelephony1764662400000 implements MigrationInterface {
  name = 'CentralTelephony1764662400000';

  async up(qr: QueryRunner): Promise<void> {
    await qr.addColumns('call', CALL_COLUMNS_V2);
    await qr.createIndex('call', new TableIndex({ name: 'call_cti_call_id', columnNames: ['cti_call_id'] }));
    for (const table of REPORTER_TABLES_V1) await qr.createTable(table);
    await qr.addColumn('user_account', new TableColumn(text('phone', true)));
    await qr.createTable(
      new Table({
        name: 'cti_event',
        columns: [
          { name: 'id', type: 'text', isPrimary: true },
          text('cti_call_id'),
          text('event'),
          text('direction', true),
          text('from_number', true),
          text('to_number', true),
          text('users'),
          text('queue', true),
          text('cause', true),
          text('answering_number', true),
          text('received_at'),
          /** applied | duplicate | outOfOrder | ignored | rejected */
          text('outcome'),
          text('note', true),
          text('call_id', true),
        ],
        indices: [
          new TableIndex({ name: 'cti_event_call_event', columnNames: ['cti_call_id', 'event'] }),
          new TableIndex({ name: 'cti_event_received_at', columnNames: ['received_at'] }),
        ],
      }),
    );
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.dropTable('cti_event');
    await qr.dropColumn('user_account', 'phone');
    for (const table of [...REPORTER_TABLES_V1].reverse()) await qr.dropTable(table.name);
    await qr.dropIndex('call', 'call_cti_call_id');
    await qr.dropColumns('call', CALL_COLUMNS_V2);
  }
}
