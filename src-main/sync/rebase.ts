// Rebase (DESIGN.md "Data and sync"): the desk's tables are the server's state
// with the pending outbox mutations applied on top. Whenever server rows
// arrive, or a pending mutation leaves the outbox, one transaction undoes the
// pending mutations (newest first, from the row images kept in the outbox),
// applies the change, and runs the remaining pending mutations again.
import type { EntityManager } from 'typeorm';
import type { Role } from '../../src-shared/roles';
import type { ChangeEntry } from '../../src-shared/sync/protocol';
import { MUTATIONS } from '../mutations/registry';
import { applyMutation } from '../mutations/runner';
import type { TouchedRow } from '../mutations/rowWriter';
import { Outbox, RejectedMutation, type OutboxRow } from '../store/entities';
import { deleteRow, upsertRow } from '../store/rowSql';

export interface Rejection {
  mutationId: string;
  code: string;
  reason: string;
  details: Record<string, unknown>;
}

async function pending(manager: EntityManager): Promise<OutboxRow[]> {
  return manager.find(Outbox, { order: { seq: 'ASC' } });
}

async function undo(manager: EntityManager, entries: OutboxRow[]): Promise<void> {
  for (const entry of [...entries].reverse()) {
    const touched = JSON.parse(entry.undo) as TouchedRow[];
    for (const t of [...touched].reverse()) {
      if (t.before === null) await deleteRow(manager, t.entity, t.id);
      else await upsertRow(manager, t.entity, t.before);
    }
  }
}

async function redo(manager: EntityManager, entries: OutboxRow[]): Promise<void> {
  for (const entry of entries) {
    const def = MUTATIONS.get(entry.name);
    let touched: TouchedRow[] = [];
    if (def) {
      const actor = { userId: entry.actorId, name: entry.actorName, role: entry.actorRole as Role };
      await manager.query('SAVEPOINT redo');
      try {
        ({ touched } = await applyMutation(manager, def, def.args.parse(JSON.parse(entry.args)), actor, {
          clientId: entry.clientId,
          mutationId: entry.mutationId,
        }));
        await manager.query('RELEASE SAVEPOINT redo');
      } catch {
        // On the new server state it no longer applies (taken by someone else, or already applied there
        // and pulled back before its acknowledgement arrived): it stays pending without a local effect,
        // and the central store's answer says what became of it.
        await manager.query('ROLLBACK TO SAVEPOINT redo');
        await manager.query('RELEASE SAVEPOINT redo');
      }
    }
    await manager.update(Outbox, { seq: entry.seq }, { undo: JSON.stringify(touched) });
  }
}

/** Drops outbox entries the central store applied (their local effect is already the server's). */
export async function acknowledgeApplied(manager: EntityManager, mutationIds: string[]): Promise<void> {
  for (const id of mutationIds) await manager.delete(Outbox, { mutationId: id });
}

/**
 * In one transaction: undo the pending mutations, apply the server's rows,
 * move rejected mutations to the needs-attention list, and redo what is
 * still pending on top.
 */
export async function rebase(
  manager: EntityManager,
  change: { rows?: ChangeEntry[]; rejected?: Rejection[] },
): Promise<void> {
  const before = await pending(manager);
  await undo(manager, before);
  for (const c of change.rows ?? []) {
    if (c.row === null) await deleteRow(manager, c.entity, c.id);
    else await upsertRow(manager, c.entity, c.row);
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
  }
  await redo(manager, await pending(manager));
}
