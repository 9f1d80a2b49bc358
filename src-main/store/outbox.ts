// Appending to the desk's outbox. Each entry takes the next sequence number:
// one more than the highest still waiting or already gone (outbox_sequence,
// kept by a trigger when an entry leaves; see the OutboxAndHistoryKeys
// migration). Numbers are never reused and follow on without a gap, which is
// how the central store knows it has every mutation of a desk, in order.
import type { EntityManager } from 'typeorm';
import type { OutboxRow } from './entities';
import { runSql } from './rowSql';

const APPEND = `INSERT INTO outbox (seq, mutation_id, client_id, name, args, schema_version, actor_id,
    actor_name, actor_role, undo, created_at)
  VALUES (max(coalesce((SELECT max(seq) FROM outbox), 0), (SELECT last_seq FROM outbox_sequence)) + 1,
    ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

export async function appendToOutbox(manager: EntityManager, entry: Omit<OutboxRow, 'seq'>): Promise<void> {
  await runSql(manager, APPEND, [
    entry.mutationId,
    entry.clientId,
    entry.name,
    entry.args,
    entry.schemaVersion,
    entry.actorId,
    entry.actorName,
    entry.actorRole,
    entry.undo,
    entry.createdAt,
  ]);
}

/** Drops the entries the central store applied, named by sequence number and mutation id together. */
export async function dropFromOutbox(
  manager: EntityManager,
  entries: ReadonlyArray<{ seq: number; mutationId: string }>,
): Promise<void> {
  for (const e of entries)
    await runSql(manager, `DELETE FROM outbox WHERE seq = ? AND mutation_id = ?`, [e.seq, e.mutationId]);
}
