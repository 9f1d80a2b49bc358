// The audit trail as an admin reads it: every mutation a desk pushed, applied
// or rejected, newest first, filterable by user, desk and mutation name (R27).
import { z } from 'zod';
import { textSchema } from '../../src-shared/text';
import type { CentralStore } from './store/openCentralStore';
import { withStore } from './store/serialize';

export const auditQuery = z.object({
  userId: textSchema.max(100).optional(),
  clientId: textSchema.max(100).optional(),
  name: textSchema.max(100).optional(),
  /** Keyset cursor: the applied_at and mutation id of the last row of the previous page. */
  before: z.object({ appliedAt: textSchema.max(40), mutationId: textSchema.max(100) }).optional(),
  limit: z.number().int().min(1).max(500).default(100),
});

export interface AuditEntry {
  mutationId: string;
  clientId: string;
  seq: number;
  userId: string;
  userName: string;
  role: string;
  name: string;
  args: unknown;
  status: string;
  reason: string | null;
  serverVersion: number | null;
  appliedAt: string;
}

export function listAudit(store: CentralStore, input: z.input<typeof auditQuery>): Promise<AuditEntry[]> {
  const q = auditQuery.parse(input);
  return withStore(store, async () => {
    const m = store.dataSource.manager;
    const where: string[] = [];
    const params: unknown[] = [];
    const p = () => m.connection.driver.createParameter(`p${params.length}`, params.length - 1);
    const add = (sql: (ph: () => string) => string, ...values: unknown[]) => {
      const parts: string[] = [];
      for (const v of values) {
        params.push(v);
        parts.push(p());
      }
      let i = 0;
      where.push(sql(() => parts[i++]!));
    };
    if (q.userId) add((ph) => `user_id = ${ph()}`, q.userId);
    if (q.clientId) add((ph) => `client_id = ${ph()}`, q.clientId);
    if (q.name) add((ph) => `name = ${ph()}`, q.name);
    if (q.before)
      add(
        (ph) => `(applied_at < ${ph()} OR (applied_at = ${ph()} AND mutation_id < ${ph()}))`,
        q.before.appliedAt,
        q.before.appliedAt,
        q.before.mutationId,
      );
    params.push(q.limit);
    const limit = p();
    const rows: Array<Record<string, unknown>> = await m.query(
      `SELECT * FROM audit ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY applied_at DESC, mutation_id DESC LIMIT ${limit}`,
      params,
    );
    return rows.map((r) => ({
      mutationId: String(r.mutation_id),
      clientId: String(r.client_id),
      seq: Number(r.seq),
      userId: String(r.user_id),
      userName: String(r.user_name),
      role: String(r.role),
      name: String(r.name),
      args: JSON.parse(String(r.args)) as unknown,
      status: String(r.status),
      reason: (r.reason as string | null) ?? null,
      serverVersion: r.server_version === null ? null : Number(r.server_version),
      appliedAt: String(r.applied_at),
    }));
  });
}
