// The read side of sync: pages of the change log after a cursor, a snapshot
// for desks that start from nothing or whose cursor is older than the log
// keeps (reset), and compaction that moves the log's horizon.
import { TRPCError } from '@trpc/server';
import type { PullResponse, SnapshotInfo, SnapshotPage } from '../../../src-shared/sync/protocol';
import { SYNCED_ENTITIES } from '../../store/entities';
import type { CentralStore } from '../store/openCentralStore';
import { withStore } from '../store/serialize';
import { LOG_HORIZON, readCounter, SERVER_VERSION, writeCounter } from './changeLog';

const SYNCED_NAMES = new Set(SYNCED_ENTITIES.map((e) => e.options.name));

export function pullChanges(store: CentralStore, cursor: number, limit: number): Promise<PullResponse> {
  return withStore(store, async () => {
    const m = store.dataSource.manager;
    const head = await readCounter(m, SERVER_VERSION);
    const horizon = await readCounter(m, LOG_HORIZON);
    // A desk behind the horizon, or one ahead of this server (restored from a backup), starts over.
    if (cursor < horizon || cursor > head) return { kind: 'reset', head };
    const p = (i: number) => m.connection.driver.createParameter(`p${i}`, i);
    const rows: Array<{ server_version: number | string; entity: string; row_id: string; data: string }> =
      await m.query(
        `SELECT server_version, entity, row_id, data FROM change_log WHERE server_version > ${p(0)}
       ORDER BY server_version LIMIT ${p(1)}`,
        [cursor, limit + 1],
      );
    const page = rows.slice(0, limit).map((r) => ({
      v: Number(r.server_version),
      entity: r.entity,
      id: r.row_id,
      row: JSON.parse(r.data) as Record<string, unknown>,
    }));
    const last = page[page.length - 1];
    return {
      kind: 'changes',
      changes: page,
      cursor: last ? last.v : cursor,
      head,
      more: rows.length > limit,
    };
  });
}

export function snapshotInfo(store: CentralStore): Promise<SnapshotInfo> {
  return withStore(store, async () => {
    const m = store.dataSource.manager;
    const version = await readCounter(m, SERVER_VERSION);
    const entities = [];
    for (const e of SYNCED_ENTITIES)
      entities.push({ entity: e.options.name, rows: await m.count(e.options.name) });
    return { version, entities };
  });
}

export function snapshotPage(
  store: CentralStore,
  entity: string,
  afterId: string | null,
  limit: number,
): Promise<SnapshotPage> {
  if (!SYNCED_NAMES.has(entity)) {
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: `Unknown entity ${JSON.stringify(entity.slice(0, 60))}: a snapshot is of ${[...SYNCED_NAMES].join(', ')}`,
    });
  }
  return withStore(store, async () => {
    const m = store.dataSource.manager;
    const meta = m.connection.getMetadata(entity);
    const pk = meta.primaryColumns[0]!;
    // Plain SQL with the columns named as the entity's properties: the same rows TypeORM would
    // hydrate (the synced tables hold text and integers), without its per-row cost.
    const q = (name: string) => m.connection.driver.escape(name);
    const p = (i: number) => m.connection.driver.createParameter(`p${i}`, i);
    const columns = meta.columns.map((c) => `${q(c.databaseName)} AS ${q(c.propertyName)}`).join(', ');
    const after = afterId !== null ? `WHERE ${q(pk.databaseName)} > ${p(0)}` : '';
    const rows: Record<string, unknown>[] = await m.query(
      `SELECT ${columns} FROM ${q(meta.tableName)} ${after} ORDER BY ${q(pk.databaseName)} LIMIT ${p(afterId !== null ? 1 : 0)}`,
      afterId !== null ? [afterId, limit + 1] : [limit + 1],
    );
    const page = rows.length > limit ? rows.slice(0, limit) : rows;
    const last = page[page.length - 1];
    return { rows: page, nextAfterId: rows.length > limit && last ? String(last[pk.propertyName]) : null };
  });
}

/** Drops change-log entries older than `keepFrom`; desks behind it get `reset`. */
export function compactChangeLog(
  store: CentralStore,
  keepFrom: number,
): Promise<{ horizon: number; removed: number }> {
  return withStore(store, () =>
    store.dataSource.transaction(async (m) => {
      const head = await readCounter(m, SERVER_VERSION, store.engine);
      const horizon = Math.min(Math.max(keepFrom, await readCounter(m, LOG_HORIZON)), head);
      const p = m.connection.driver.createParameter('p0', 0);
      const before: Array<{ n: number | string }> = await m.query(
        `SELECT count(*) AS n FROM change_log WHERE server_version < ${p}`,
        [horizon],
      );
      await m.query(`DELETE FROM change_log WHERE server_version < ${p}`, [horizon]);
      await writeCounter(m, LOG_HORIZON, horizon);
      return { horizon, removed: Number(before[0]?.n ?? 0) };
    }),
  );
}
