// The change log: each changed row's new image under a gap-free server
// version. The version counter is a row updated in the writing transaction
// (locked FOR UPDATE on PostgreSQL), so versions follow commit order.
import type { EntityManager } from 'typeorm';
import { ChangeLog, Counter } from '../store/entities';
import type { CentralEngine } from '../store/openCentralStore';
import { insertRow } from '../../store/rowSql';

export const SERVER_VERSION = 'server_version';
export const LOG_HORIZON = 'log_horizon';

export async function readCounter(
  manager: EntityManager,
  name: string,
  forUpdate: CentralEngine | false = false,
): Promise<number> {
  const p = manager.connection.driver.createParameter('p0', 0);
  const lock = forUpdate === 'postgres' ? ' FOR UPDATE' : '';
  const rows: Array<{ value: number | string }> = await manager.query(
    `SELECT value FROM counter WHERE name = ${p}${lock}`,
    [name],
  );
  return Number(rows[0]?.value ?? 0);
}

export async function writeCounter(manager: EntityManager, name: string, value: number): Promise<void> {
  await manager.upsert(Counter, { name, value }, ['name']);
}

/** Hands out versions within one transaction; `commit` writes the counter back. */
export class VersionAllocator {
  private constructor(
    private readonly manager: EntityManager,
    private next: number,
  ) {}

  static async start(manager: EntityManager, engine: CentralEngine): Promise<VersionAllocator> {
    return new VersionAllocator(manager, (await readCounter(manager, SERVER_VERSION, engine)) + 1);
  }

  async append(
    entity: string,
    rowId: string,
    row: Record<string, unknown> | null,
    at: string,
  ): Promise<number> {
    const v = this.next++;
    await insertRow(this.manager, ChangeLog, {
      serverVersion: v,
      entity,
      rowId,
      data: JSON.stringify(row),
      committedAt: at,
    });
    return v;
  }

  get head(): number {
    return this.next - 1;
  }

  async commit(): Promise<number> {
    await writeCounter(this.manager, SERVER_VERSION, this.head);
    return this.head;
  }
}
