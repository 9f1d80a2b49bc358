// Applies a desk's pushed outbox entries on the central store, in order,
// exactly once: (client, seq) already applied are acknowledged again without
// running; each new mutation is re-run authoritatively by the same mutator the
// desk ran, inside a savepoint, so a rejected one leaves no trace but its
// audit entry. Applied mutations append their rows to the change log.
import type { EntityManager } from 'typeorm';
import { ZodError } from 'zod';
import { DomainError } from '../../../src-shared/errors';
import type { Actor } from '../../../src-shared/roles';
import type { PushInput, PushResponse, PushResult } from '../../../src-shared/sync/protocol';
import { MUTATIONS } from '../../mutations/registry';
import type { Mutation } from '../../mutations/define';
import { applyMutation } from '../../mutations/runner';
import { insertRow } from '../../store/rowSql';
import { Audit, ClientState } from '../store/entities';
import type { CentralStore } from '../store/openCentralStore';
import { withStore } from '../store/serialize';
import { VersionAllocator } from './changeLog';
import { nextReference } from '../references';

/** How many older schema versions of a mutation's arguments the server still accepts. */
export const SCHEMA_VERSIONS_ACCEPTED = 2;

export class PushOrderError extends Error {
  override readonly name = 'PushOrderError';
  constructor(readonly expectedSeq: number) {
    super(`Mutations must arrive in sequence: expected seq ${expectedSeq}`);
  }
}

async function lockClient(
  manager: EntityManager,
  store: CentralStore,
  clientId: string,
  userId: string,
): Promise<number> {
  const p = (i: number) => manager.connection.driver.createParameter(`p${i}`, i);
  await manager.query(
    `INSERT INTO client_state (client_id, user_id, last_seq, updated_at) VALUES (${p(0)}, ${p(1)}, 0, ${p(2)})
     ON CONFLICT (client_id) DO NOTHING`,
    [clientId, userId, new Date().toISOString()],
  );
  const lock = store.engine === 'postgres' ? ' FOR UPDATE' : '';
  const rows: Array<{ last_seq: number | string }> = await manager.query(
    `SELECT last_seq FROM client_state WHERE client_id = ${p(0)}${lock}`,
    [clientId],
  );
  return Number(rows[0]?.last_seq ?? 0);
}

/** What the audit says became of the mutations of this push the server has already seen. */
async function earlierVerdicts(
  manager: EntityManager,
  input: PushInput,
  lastSeq: number,
): Promise<Map<string, { status: string; reason: string | null }>> {
  const seen = input.mutations.filter((m) => m.seq <= lastSeq).map((m) => m.mutationId);
  if (seen.length === 0) return new Map();
  const p = (i: number) => manager.connection.driver.createParameter(`p${i}`, i);
  const rows: Array<{ mutation_id: string; status: string; reason: string | null }> = await manager.query(
    `SELECT mutation_id, status, reason FROM audit WHERE mutation_id IN (${seen.map((_, i) => p(i)).join(', ')})`,
    seen,
  );
  return new Map(rows.map((r) => [r.mutation_id, { status: r.status, reason: r.reason }]));
}

function rejection(e: unknown): { code: string; reason: string; details: Record<string, unknown> } | null {
  if (e instanceof DomainError) return { code: e.code, reason: e.message, details: e.details };
  if (e instanceof ZodError) {
    return {
      code: 'invalidArguments',
      reason: e.issues.map((i) => `${i.path.join('.') || 'args'}: ${i.message}`).join('; '),
      details: {},
    };
  }
  return null;
}

export async function pushMutations(
  store: CentralStore,
  actor: Actor,
  input: PushInput,
  onCommitted: (serverVersion: number) => void,
  registry: ReadonlyMap<string, Mutation> = MUTATIONS,
): Promise<PushResponse> {
  const response = await withStore(store, () =>
    store.dataSource.transaction(async (manager) => {
      // The counter row first: on PostgreSQL its lock orders every writer, so versions follow commit order.
      const versions = await VersionAllocator.start(manager, store.engine);
      let lastSeq = await lockClient(manager, store, input.clientId, actor.userId);
      const results: PushResult[] = [];
      const now = new Date().toISOString();

      // A retry (the answer to an earlier push was lost) gets the verdict the audit recorded then:
      // a mutation rejected the first time must be rejected again, not acknowledged as applied.
      const earlier = await earlierVerdicts(manager, input, lastSeq);
      for (const m of input.mutations) {
        const base = { mutationId: m.mutationId, seq: m.seq };
        if (m.seq <= lastSeq) {
          const verdict = earlier.get(m.mutationId);
          if (verdict?.status === 'rejected') {
            const reason = verdict.reason ?? '';
            const colon = reason.indexOf(': ');
            results.push({
              ...base,
              status: 'rejected',
              code: colon > 0 ? reason.slice(0, colon) : 'rejected',
              reason: colon > 0 ? reason.slice(colon + 2) : reason,
              details: {},
            });
          } else if (verdict) {
            results.push({ ...base, status: 'applied', duplicate: true });
          } else {
            // A sequence number this desk used before, on a mutation the server never saw: the desk's data
            // folder was restored or copied. Not applied, and said so, never dropped in silence.
            results.push({
              ...base,
              status: 'rejected',
              code: 'sequenceReused',
              reason: `This desk already sent mutation number ${m.seq} with other content (restored desk data?)`,
              details: {},
            });
          }
          continue;
        }
        if (m.seq > lastSeq + 1 && m.seq === input.mutations[0]?.seq) {
          // The server has fewer of this desk's mutations than the desk knows it sent: the central store
          // was restored from a backup. What is gone is gone; take the rest (the desk re-bootstraps, as its
          // cursor is now ahead of the server's head) rather than refusing this desk forever.
          console.warn(
            `[central] desk ${input.clientId}: mutations ${lastSeq + 1}–${m.seq - 1} are missing (restored backup?)`,
          );
          lastSeq = m.seq - 1;
        }
        if (m.seq !== lastSeq + 1) throw new PushOrderError(lastSeq + 1);
        const def = registry.get(m.name);
        if (
          !def ||
          m.schemaVersion > def.schemaVersion ||
          m.schemaVersion <= def.schemaVersion - SCHEMA_VERSIONS_ACCEPTED
        ) {
          results.push({
            ...base,
            status: 'versionNotSupported',
            reason: def
              ? `${m.name} schema version ${m.schemaVersion} is not supported (this server accepts ${def.schemaVersion})`
              : `Unknown mutation ${m.name}`,
          });
          break; // the desk keeps this one and everything after it
        }

        const audit = {
          mutationId: m.mutationId,
          clientId: input.clientId,
          seq: m.seq,
          userId: actor.userId,
          userName: actor.name,
          role: actor.role,
          name: m.name,
          args: JSON.stringify(m.args ?? null),
          schemaVersion: m.schemaVersion,
          appliedAt: now,
        };
        await manager.query('SAVEPOINT push_mutation');
        try {
          if (!def.roles.includes(actor.role)) {
            throw new DomainError('forbidden', `${m.name} is not allowed for the role ${actor.role}`, {
              role: actor.role,
            });
          }
          const raw =
            m.schemaVersion < def.schemaVersion && def.upgrade
              ? def.upgrade(m.args, m.schemaVersion)
              : m.args;
          const args = def.args.parse(raw);
          const { touched } = await applyMutation(
            manager,
            def,
            args,
            actor,
            { clientId: input.clientId, mutationId: m.mutationId },
            (year) => nextReference(manager, store.engine, year),
          );
          let version = 0;
          for (const t of touched) {
            const meta = manager.connection.getMetadata(t.entity);
            const pk = meta.primaryColumns[0]!.propertyName;
            const after = (await manager.findOneBy(t.entity, { [pk]: t.id })) as Record<
              string,
              unknown
            > | null;
            version = await versions.append(t.entity, t.id, after ? { ...after } : null, now);
          }
          await manager.query('RELEASE SAVEPOINT push_mutation');
          await insertRow(manager, Audit, {
            ...audit,
            status: 'applied',
            reason: null,
            serverVersion: version || null,
          });
          results.push({ ...base, status: 'applied', duplicate: false });
        } catch (e) {
          const refused = rejection(e);
          await manager.query('ROLLBACK TO SAVEPOINT push_mutation');
          await manager.query('RELEASE SAVEPOINT push_mutation');
          if (!refused) throw e; // not the mutation's fault (database, bug): the whole push fails and is retried
          await insertRow(manager, Audit, {
            ...audit,
            status: 'rejected',
            reason: `${refused.code}: ${refused.reason}`,
            serverVersion: null,
          });
          results.push({ ...base, status: 'rejected', ...refused });
        }
        lastSeq = m.seq;
      }
      await manager.update(
        ClientState,
        { clientId: input.clientId },
        { lastSeq, updatedAt: now, userId: actor.userId },
      );
      const serverVersion = await versions.commit();
      return { results, lastSeq, serverVersion };
    }),
  );
  if (response.results.some((r) => r.status === 'applied' && !r.duplicate))
    onCommitted(response.serverVersion);
  return response;
}
