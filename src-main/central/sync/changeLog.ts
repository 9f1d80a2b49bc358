// The change log: each changed row's new image under a gap-free server
// version. The version counter is a row updated in the writing transaction
// (locked FOR UPDATE on PostgreSQL), so versions follow commit order.
import type { EntityManager } from 'typeorm';
import { Counter } from '../store/entities';
import type { Statement } from './statements';
import type { CentralEngine } from '../store/openCentralStore';

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

/** Hands out versions within one transaction; the push writes `head` back to the counter when it is done. */
export class VersionAllocator {
  private constructor(private next: number) {}

  static async start(manager: EntityManager, engine: CentralEngine): Promise<VersionAllocator> {
    return new VersionAllocator((await readCounter(manager, SERVER_VERSION, engine)) + 1);
  }

  /** The next version, for an entry the caller writes itself (see ChangeBuffer). */
  allocate(): number {
    return this.next++;
  }

  get head(): number {
    return this.next - 1;
  }
}

interface BufferedChange {
  version: number;
  entity: string;
  rowId: string;
  /** The row's image as JSON; null: the row as it stands when the buffer is written (read by the database). */
  data: string | null;
}

const CHANGES_PER_STATEMENT = 1000;

/**
 * A push's change-log entries, written in a few statements when the push is done instead of one
 * read and one insert per touched row. A row touched again later in the same push gets, as the
 * earlier entry's image, the image the later mutation saw before it wrote (its RowWriter's
 * `before`); the last entry of each row takes the row as it stands at the end, read by the
 * database inside the INSERT itself (json_object / json_build_object).
 */
export class ChangeBuffer {
  private readonly entries: BufferedChange[] = [];
  private readonly lastEntry = new Map<string, number>();

  constructor(private readonly versions: VersionAllocator) {}

  /** Records what one applied mutation touched, in order; returns its last version (0: none). */
  record(
    touched: ReadonlyArray<{ entity: string; id: string; before: Record<string, unknown> | null }>,
  ): number {
    let version = 0;
    for (const t of touched) {
      const key = `${t.entity}\u0000${t.id}`;
      const earlier = this.lastEntry.get(key);
      if (earlier !== undefined) this.entries[earlier]!.data = JSON.stringify(t.before);
      version = this.versions.allocate();
      this.lastEntry.set(key, this.entries.push({ version, entity: t.entity, rowId: t.id, data: null }) - 1);
    }
    return version;
  }

  get size(): number {
    return this.entries.length;
  }

  statements(manager: EntityManager, engine: CentralEngine, at: string): Statement[] {
    const out: Statement[] = [];
    const q = (name: string) => manager.connection.driver.escape(name);
    for (let from = 0; from < this.entries.length; from += CHANGES_PER_STATEMENT) {
      const chunk = this.entries.slice(from, from + CHANGES_PER_STATEMENT);
      const branches: string[] = [];
      const params: unknown[] = [];
      const known = chunk.filter((e) => e.data !== null);
      if (known.length) {
        branches.push(
          `SELECT CAST(v.column1 AS INTEGER), v.column2, v.column3, v.column4, v.column5
           FROM (VALUES ${known.map(() => '(?, ?, ?, ?, ?)').join(', ')}) AS v`,
        );
        for (const e of known) params.push(e.version, e.entity, e.rowId, e.data, at);
      }
      const byEntity = new Map<string, BufferedChange[]>();
      for (const e of chunk)
        if (e.data === null) byEntity.set(e.entity, [...(byEntity.get(e.entity) ?? []), e]);
      for (const [entity, list] of byEntity) {
        const meta = manager.connection.getMetadata(entity);
        const pk = q(meta.primaryColumns[0]!.databaseName);
        if (meta.columns.length > 50) throw new Error(`${entity}: too many columns for one JSON image`);
        const pairs = meta.columns.map((c) => `'${c.propertyName}', t.${q(c.databaseName)}`).join(', ');
        const image = engine === 'postgres' ? `json_build_object(${pairs})::text` : `json_object(${pairs})`;
        branches.push(
          `SELECT CAST(v.column1 AS INTEGER), '${entity.replace(/'/g, "''")}', v.column2,
             CASE WHEN t.${pk} IS NULL THEN 'null' ELSE ${image} END, v.column3
           FROM (VALUES ${list.map(() => '(?, ?, ?)').join(', ')}) AS v LEFT JOIN ${q(meta.tableName)} t ON t.${pk} = v.column2`,
        );
        for (const e of list) params.push(e.version, e.rowId, at);
      }
      out.push({
        sql: `INSERT INTO change_log (server_version, entity, row_id, data, committed_at) ${branches.join(' UNION ALL ')}`,
        params,
      });
    }
    return out;
  }
}
