// The administrators' phone rules on the desk: the synced block list
// (`blocked_number`). The outbound caller-ID rules are a shared setting
// (`shared_setting`, key 'callerIdRules') and need no table.
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { BLOCKED_NUMBER_TABLE_V1 } from './tables/phone-rules-v1';

export class PhoneRules1764835200000 implements MigrationInterface {
  name = 'PhoneRules1764835200000';

  async up(qr: QueryRunner): Promise<void> {
    await qr.createTable(BLOCKED_NUMBER_TABLE_V1);
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.dropTable(BLOCKED_NUMBER_TABLE_V1.name);
  }
}
