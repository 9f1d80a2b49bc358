// The central store's first schema, written with TypeORM's Table API so the
// same migration creates it on SQLite and on PostgreSQL: the domain tables
// the desks replicate, accounts and sessions, the per-desk push state, the
// change log, counters and the audit trail.
import {
  Table,
  TableIndex,
  type MigrationInterface,
  type QueryRunner,
  type TableColumnOptions,
} from 'typeorm';
import { referenceRows } from '../../../store/referenceData';

const text = (name: string, nullable = false): TableColumnOptions => ({
  name,
  type: 'text',
  isNullable: nullable,
});
const int = (name: string, nullable = false): TableColumnOptions => ({
  name,
  type: 'integer',
  isNullable: nullable,
});
const pk = (name: string, type: 'text' | 'integer' = 'text'): TableColumnOptions => ({
  name,
  type,
  isPrimary: true,
});

export class CentralInitial1764489600000 implements MigrationInterface {
  name = 'CentralInitial1764489600000';

  async up(qr: QueryRunner): Promise<void> {
    const tables: Array<[string, TableColumnOptions[], string[][]?]> = [
      ['customer', [pk('id'), text('name')]],
      ['workplace', [pk('id'), text('customer_id'), text('name')]],
      [
        'call',
        [
          pk('id'),
          text('arrived_at'),
          text('caller_number'),
          text('caller_name', true),
          text('customer_id', true),
          text('workplace', true),
          text('status'),
          text('logged_by'),
          text('logged_by_name'),
          text('taken_by', true),
          text('taken_by_name', true),
          text('taken_at', true),
          text('summary', true),
          text('outcome', true),
          text('ended_at', true),
          text('override_reason', true),
          text('override_by', true),
          text('override_by_name', true),
          text('updated_at'),
        ],
        [
          ['status', 'arrived_at', 'id'],
          ['taken_by', 'status'],
        ],
      ],
      [
        'call_event',
        [
          pk('id'),
          text('call_id'),
          text('kind'),
          text('at'),
          text('actor_id'),
          text('actor_name'),
          text('data'),
        ],
        [['call_id', 'at']],
      ],
      ['shared_setting', [pk('key'), text('value'), text('updated_at'), text('updated_by')]],
      [
        'user_account',
        [
          pk('id'),
          text('username'),
          text('display_name'),
          text('role'),
          text('password_hash'),
          int('active'),
          text('created_at'),
        ],
      ],
      [
        'session',
        [
          pk('token_hash'),
          text('user_id'),
          text('client_id', true),
          text('created_at'),
          text('expires_at'),
          text('revoked_at', true),
        ],
      ],
      ['login_attempt', [pk('key'), text('window_start'), int('failures')]],
      ['client_state', [pk('client_id'), text('user_id'), int('last_seq'), text('updated_at')]],
      [
        'change_log',
        [pk('server_version', 'integer'), text('entity'), text('row_id'), text('data'), text('committed_at')],
        [['entity', 'row_id']],
      ],
      ['counter', [pk('name'), int('value')]],
      [
        'audit',
        [
          pk('mutation_id'),
          text('client_id'),
          int('seq'),
          text('user_id'),
          text('user_name'),
          text('role'),
          text('name'),
          text('args'),
          int('schema_version'),
          text('status'),
          text('reason', true),
          int('server_version', true),
          text('applied_at'),
        ],
        [['applied_at'], ['client_id', 'seq']],
      ],
    ];
    for (const [name, columns, indices = []] of tables) {
      await qr.createTable(
        new Table({
          name,
          columns,
          indices: indices.map(
            (cols) => new TableIndex({ name: `${name}_${cols.join('_')}`, columnNames: cols }),
          ),
        }),
      );
    }
    await qr.createIndex(
      'user_account',
      new TableIndex({ name: 'user_account_username', columnNames: ['username'], isUnique: true }),
    );
    await qr.createIndex(
      'customer',
      new TableIndex({ name: 'customer_name', columnNames: ['name'], isUnique: true }),
    );

    const param = (i: number) => qr.connection.driver.createParameter(`p${i}`, i);
    for (const [name, value] of [
      ['server_version', 0],
      ['log_horizon', 0],
    ] as const) {
      await qr.query(`INSERT INTO counter (name, value) VALUES (${param(0)}, ${param(1)})`, [name, value]);
    }
    const { customers, workplaces } = referenceRows();
    for (const c of customers)
      await qr.query(`INSERT INTO customer (id, name) VALUES (${param(0)}, ${param(1)})`, [c.id, c.name]);
    for (const w of workplaces) {
      await qr.query(
        `INSERT INTO workplace (id, customer_id, name) VALUES (${param(0)}, ${param(1)}, ${param(2)})`,
        [w.id, w.customerId, w.name],
      );
    }
  }

  async down(qr: QueryRunner): Promise<void> {
    for (const t of [
      'audit',
      'counter',
      'change_log',
      'client_state',
      'login_attempt',
      'session',
      'user_account',
    ]) {
      await qr.dropTable(t, true);
    }
    for (const t of ['shared_setting', 'call_event', 'call', 'workplace', 'customer'])
      await qr.dropTable(t, true);
  }
}
