// Rebase (DESIGN.md "Data and sync"): the desk's tables are the server's state
// with the pending outbox mutations applied on top. Whenever server rows
// arrive, or a pending mutation leaves the outbox, one transaction undoes the
// pending mutations (newest first, from the row images kept in the outbox),
// applies the change, and runs the remaining pending mutations again.
import type { EntityManager } from 'typeorm';
import type { Role } from '../../src-shared/roles';
import type { ChangeEntry } from '../../src-shared/sync/protocol';
import { MUTATIONS } from '../domains';
import { applyMutation } from '../mutations/runner';
import type { TouchedRow, UndoRow } from '../mutations/rowWriter';
import { Outbox, RejectedMutation, SYNCED_ENTITIES, type OutboxRow } from '../store/entities';
import { dropFromOutbox } from '../store/outbox';
import { deleteRow, updateRow, upsertRow } from '../store/rowSql';

export interface Rejection {
  mutationId: string;
  code: string;
  reason: string;
  details: Record<string, unknown>;
}

async function pending(manager: EntityManager): Promise<OutboxRow[]> {
  return manager.find(Outbox, { order: { seq: 'ASC' } });
}

async function undo(manager: EntityManager, entries: OutboxRow[], tables: Set<string>): Promise<void> {
  for (const entry of [...entries].reverse()) {
    const touched = JSON.parse(entry.undo) as UndoRow[];
    for (const t of [...touched].reverse()) {
      tables.add(t.entity);
      if (t.before === null) await deleteRow(manager, t.entity, t.id);
      else if (t.partial) await updateRow(manager, t.entity, t.id, t.before);
      else await upsertRow(manager, t.entity, t.before);
    }
  }
}

async function redo(manager: EntityManager, entries: OutboxRow[], tables: Set<string>): Promise<void> {
  for (const entry of entries) {
    const def = MUTATIONS.get(entry.name);
    let touched: TouchedRow[] = [];
    let undone: UndoRow[] = [];
    if (def) {
      const actor = { userId: entry.actorId, name: entry.actorName, role: entry.actorRole as Role };
      await manager.query('SAVEPOINT redo');
      try {
        ({ touched, undo: undone } = await applyMutation(
          manager,
          def,
          def.args.parse(JSON.parse(entry.args)),
          actor,
          {
            clientId: entry.clientId,
            mutationId: entry.mutationId,
          },
        ));
        await manager.query('RELEASE SAVEPOINT redo');
      } catch {
        // On the new server state it no longer applies (taken by someone else, or already applied there
        // and pulled back before its acknowledgement arrived): it stays pending without a local effect,
        // and the central store's answer says what became of it.
        await manager.query('ROLLBACK TO SAVEPOINT redo');
        await manager.query('RELEASE SAVEPOINT redo');
      }
    }
    for (const t of touched) tables.add(t.entity);
    await manager.update(Outbox, { seq: entry.seq }, { undo: JSON.stringify(undone) });
  }
}

/** Drops outbox entries the central store applied (their local effect is already the server's). */
export async function acknowledgeApplied(
  manager: EntityManager,
  applied: ReadonlyArray<{ seq: number; mutationId: string }>,
): Promise<void> {
  await dropFromOutbox(manager, applied);
}

/** Rows per multi-row upsert (SQLite allows 32,766 parameters; the widest table has about 20 columns). */
const UPSERT_ROWS = 250;
const ENTITY_ORDER = new Map(SYNCED_ENTITIES.map((e, i) => [e.options.name, i]));

/**
 * Applies server rows: a table at a time, parents first (the synced tables' order), each table's
 * rows in log order, in multi-row upserts that leave a row alone when nothing in it changed (so
 * its triggers, such as the search index's, do not run for nothing). A page with deletions is
 * applied strictly in log order instead.
 */
async function applyServerRows(manager: EntityManager, rows: ChangeEntry[]): Promise<void> {
  if (rows.some((c) => c.row === null)) {
    for (const c of rows) {
      if (c.row === null) await deleteRow(manager, c.entity, c.id);
      else await upsertRow(manager, c.entity, c.row);
    }
    return;
  }
  const byEntity = new Map<string, Record<string, unknown>[]>();
  for (const c of rows) {
    const list = byEntity.get(c.entity);
    if (list) list.push(c.row);
    else byEntity.set(c.entity, [c.row]);
  }
  const order = [...byEntity.keys()].sort(
    (a, b) => (ENTITY_ORDER.get(a) ?? 99) - (ENTITY_ORDER.get(b) ?? 99),
  );
  for (const entity of order) {
    const list = byEntity.get(entity)!;
    const meta = manager.connection.getMetadata(entity);
    const q = (name: string) => manager.connection.driver.escape(name);
    const table = q(meta.tableName);
    const pk = meta.primaryColumns[0]!;
    for (let from = 0; from < list.length;) {
      // A run of rows with the same columns present (server images carry them all).
      const columns = meta.columns.filter((c) => list[from]![c.propertyName] !== undefined);
      const sameShape = (r: Record<string, unknown>) =>
        meta.columns.every((c) => (r[c.propertyName] !== undefined) === columns.includes(c));
      let to = from + 1;
      while (to < list.length && to - from < UPSERT_ROWS && sameShape(list[to]!)) to++;
      const chunk = list.slice(from, to);
      const cols = columns.map((c) => q(c.databaseName));
      const others = columns.filter((c) => c !== pk).map((c) => q(c.databaseName));
      const row = `(${cols.map(() => '?').join(', ')})`;
      const action = others.length
        ? `UPDATE SET ${others.map((c) => `${c} = excluded.${c}`).join(', ')}
           WHERE ${others.map((c) => `${table}.${c} IS NOT excluded.${c}`).join(' OR ')}`
        : 'NOTHING';
      await manager.query(
        `INSERT INTO ${table} (${cols.join(', ')}) VALUES ${chunk.map(() => row).join(', ')}
         ON CONFLICT (${q(pk.databaseName)}) DO ${action}`,
        chunk.flatMap((r) => columns.map((c) => r[c.propertyName])),
      );
      from = to;
    }
  }
}

/**
 * In one transaction: undo the pending mutations, apply the server's rows,
 * move rejected mutations to the needs-attention list, and redo what is
 * still pending on top. Returns the tables it wrote (for live screens).
 */
export async function rebase(
  manager: EntityManager,
  change: { rows?: ChangeEntry[]; rejected?: Rejection[] },
): Promise<Set<string>> {
  const tables = new Set<string>();
  const before = await pending(manager);
  await undo(manager, before, tables);
  if (change.rows?.length) {
    await applyServerRows(manager, change.rows);
    for (const c of change.rows) tables.add(c.entity);
  }
  const rejected = new Map((change.rejected ?? []).map((r) => [r.mutationId, r]));
  const now = new Date().toISOString();
  for (const entry of before) {
    const r = rejected.get(entry.mutationId);
    if (!r) continue;
    await manager.insert(RejectedMutation, {
      mutationId: entry.mutationId,
      seq: entry.seq,
      name: entry.name,
      args: entry.args,
      actorId: entry.actorId,
      actorName: entry.actorName,
      createdAt: entry.createdAt,
      rejectedAt: now,
      code: r.code,
      reason: r.reason,
      details: JSON.stringify(r.details),
      dismissedAt: null,
    });
    await manager.delete(Outbox, { seq: entry.seq });
    tables.add(RejectedMutation.options.name).add(Outbox.options.name);
  }
  await redo(manager, await pending(manager), tables);
  return tables;
}
