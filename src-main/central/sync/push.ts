// Applies a desk's pushed outbox entries on the central store, in order,
// exactly once: (client, seq) already applied are answered again from the
// audit without running; each new mutation is re-run authoritatively by the
// same mutator the desk ran, and a rejected one leaves no trace but its audit
// entry (the push is run again with a savepoint per mutation when a mutator
// refuses after it may have written). Applied mutations append their rows to
// the change log, written with the audit entries when the push is done.
import type { EntityManager } from 'typeorm';
import { ZodError } from 'zod';
import { DomainError } from '../../../src-shared/errors';
import type { Actor } from '../../../src-shared/roles';
import type { PushInput, PushResponse, PushResult } from '../../../src-shared/sync/protocol';
import { MUTATIONS } from '../../domains';
import type { Mutation } from '../../mutations/define';
import { applyMutation } from '../../mutations/runner';
import { Audit, type AuditRow } from '../store/entities';
import type { CentralStore } from '../store/openCentralStore';
import { withStore } from '../store/serialize';
import { serialQueues } from '../../store/serialQueue';
import { holdInserts } from './writeBehind';
import { ChangeBuffer, SERVER_VERSION, VersionAllocator } from './changeLog';
import { runStatements, type Statement } from './statements';
import { nextReference } from '../references';
import { SlaError } from '../../../src-shared/sla';
import { uuidv7 } from 'uuidv7';
import { auditArgs, auditRefusedPush, clientNotOwned, mayPushFor, readClient } from '../auth/deskKeys';
import { constraintRefusal, constraintViolation } from '../../store/constraintViolation';

/** How deep a mutation's arguments may nest; no mutation's schema comes close (issue 13, item 8). */
export const ARGS_MAX_DEPTH = 32;

/** How many older schema versions of a mutation's arguments the server still accepts. */
export const SCHEMA_VERSIONS_ACCEPTED = 2;

export class PushOrderError extends Error {
  override readonly name = 'PushOrderError';
  constructor(readonly expectedSeq: number) {
    super(`Mutations must arrive in sequence: expected seq ${expectedSeq}`);
  }
}

async function lockClient(manager: EntityManager, clientId: string, userId: string): Promise<number> {
  const p = (i: number) => manager.connection.driver.createParameter(`p${i}`, i);
  // One statement: creates the desk's row or, when it exists, locks it (a no-op update) and reads it.
  const rows: Array<{ last_seq: number | string }> = await manager.query(
    `INSERT INTO client_state (client_id, user_id, last_seq, updated_at) VALUES (${p(0)}, ${p(1)}, 0, ${p(2)})
     ON CONFLICT (client_id) DO UPDATE SET updated_at = client_state.updated_at RETURNING last_seq`,
    [clientId, userId, new Date().toISOString()],
  );
  return Number(rows[0]?.last_seq ?? 0);
}

/**
 * What the audit says became of the mutations of this push the server has already seen, by this
 * desk's sequence number (a mutation id alone could name another desk's mutation).
 */
async function earlierVerdicts(
  manager: EntityManager,
  input: PushInput,
  lastSeq: number,
): Promise<Map<number, { mutationId: string; status: string; reason: string | null }>> {
  const seen = input.mutations.filter((m) => m.seq <= lastSeq).map((m) => m.seq);
  if (seen.length === 0) return new Map();
  const p = (i: number) => manager.connection.driver.createParameter(`p${i}`, i);
  const rows: Array<{ seq: number | string; mutation_id: string; status: string; reason: string | null }> =
    await manager.query(
      `SELECT seq, mutation_id, status, reason FROM audit WHERE client_id = ${p(0)} AND seq IN (${seen.map((_, i) => p(i + 1)).join(', ')})`,
      [input.clientId, ...seen],
    );
  return new Map(
    rows.map((r) => [Number(r.seq), { mutationId: r.mutation_id, status: r.status, reason: r.reason }]),
  );
}

/** The ids of this push's new mutations that the audit already holds (from any desk). */
async function usedMutationIds(
  manager: EntityManager,
  input: PushInput,
  lastSeq: number,
): Promise<Set<string>> {
  const fresh = input.mutations.filter((m) => m.seq > lastSeq).map((m) => m.mutationId);
  if (fresh.length === 0) return new Set();
  const p = (i: number) => manager.connection.driver.createParameter(`p${i}`, i);
  const rows: Array<{ mutation_id: string }> = await manager.query(
    `SELECT mutation_id FROM audit WHERE mutation_id IN (${fresh.map((_, i) => p(i)).join(', ')})`,
    fresh,
  );
  return new Set(rows.map((r) => r.mutation_id));
}

/** Whether a JSON value nests deeper than `max` (iterative: a deep value must not overflow this either). */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth >= max) return true;
    for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return false;
}

function rejection(e: unknown): { code: string; reason: string; details: Record<string, unknown> } | null {
  if (e instanceof DomainError) return { code: e.code, reason: e.message, details: e.details };
  const refusal = constraintRefusal(e);
  if (refusal) {
    // A constraint refused a row this mutation wrote (an id it chose that is taken, a row it names
    // that is not there): its input. Only reached in an isolated run, where its rows were written
    // inside its own savepoint (see attempt).
    return { code: refusal.code, reason: refusal.message, details: {} };
  }
  if (e instanceof SlaError) {
    // The service calendar cannot place the instant (a year it does not cover): the mutation's input.
    return { code: 'invalidArguments', reason: e.message, details: { sla: e.code } };
  }
  if (e instanceof ZodError) {
    return {
      code: 'invalidArguments',
      reason: e.issues.map((i) => `${i.path.join('.') || 'args'}: ${i.message}`).join('; '),
      details: {},
    };
  }
  return null;
}

export interface PushOptions {
  /** The pusher's session: bound to a desk's client id, or to none (auth/deskKeys.ts). */
  session: { clientId: string | null };
  registry?: ReadonlyMap<string, Mutation>;
}

export async function pushMutations(
  store: CentralStore,
  actor: Actor,
  input: PushInput,
  onCommitted: (serverVersion: number) => void,
  options: PushOptions,
): Promise<PushResponse> {
  const ctx: PushContext = {
    actor,
    input,
    session: options.session,
    registry: options.registry ?? MUTATIONS,
  };
  let outcome: PushResponse | NotOwned;
  try {
    outcome = await attempt(store, ctx, false);
  } catch (e) {
    if (!(e instanceof IsolateAndRetry)) throw e;
    outcome = await attempt(store, ctx, true);
  }
  if (outcome === NOT_OWNED) throw clientNotOwned(input.clientId);
  const response = outcome;
  if (response.results.some((r) => r.status === 'applied' && !r.duplicate))
    onCommitted(response.serverVersion);
  return response;
}

/**
 * A mutator refused after it may have written: the push runs again from the start, this time with
 * every mutation in its own savepoint. Most pushes are refused nothing, and save two round trips
 * per mutation by not taking savepoints at all.
 */
class IsolateAndRetry extends Error {}

interface PushContext {
  actor: Actor;
  input: PushInput;
  session: { clientId: string | null };
  registry: ReadonlyMap<string, Mutation>;
}

/** The push named a client id that is not the caller's: audited and committed, then refused. */
const NOT_OWNED = Symbol('notOwned');
type NotOwned = typeof NOT_OWNED;

/**
 * Pushes take the counter row's lock, so they run one at a time anyway; on PostgreSQL they also
 * queue here, in the process, before taking a pooled connection. Otherwise every waiting push holds
 * one of the pool's connections while it waits for the lock, and one slow commit leaves the
 * session look-ups of new requests waiting for a connection too. SQLite queues in withStore.
 */
function oneAtATime<T>(store: CentralStore, work: () => Promise<T>): Promise<T> {
  if (store.engine !== 'postgres') return withStore(store, work);
  return pushQueueOf(store)(work);
}
const pushQueueOf = serialQueues<CentralStore>();

async function attempt(
  store: CentralStore,
  ctx: PushContext,
  isolate: boolean,
): Promise<PushResponse | NotOwned> {
  return oneAtATime(store, () =>
    store.dataSource.transaction(async (manager) => {
      const writes = holdInserts(manager.queryRunner!, store.engine);
      try {
        const response = await applyPush(manager, store, ctx, isolate);
        await writes.release();
        return response;
      } catch (e) {
        writes.discard();
        // Held-back INSERTs are sent later, so a constraint can refuse a mutation's row outside that
        // mutation's try (in the next one, or in the push's bookkeeping). Run the push again isolated:
        // each mutation's rows are then sent when its savepoint is released, inside its own try.
        if (!isolate && constraintViolation(e)) throw new IsolateAndRetry();
        throw e;
      }
    }),
  );
}

async function applyPush(
  manager: EntityManager,
  store: CentralStore,
  { actor, input, session, registry }: PushContext,
  isolate: boolean,
): Promise<PushResponse | NotOwned> {
  // The counter row first: on PostgreSQL its lock orders every writer, so versions follow commit order.
  const versions = await VersionAllocator.start(manager, store.engine);
  if (!mayPushFor(session, actor, input.clientId, await readClient(manager, input.clientId))) {
    await auditRefusedPush(
      manager,
      actor,
      input.clientId,
      input.mutations,
      `${actor.name} pushed for a client id that is not theirs`,
    );
    return NOT_OWNED;
  }
  let lastSeq = await lockClient(manager, input.clientId, actor.userId);
  /** The sequence the next new mutation must have; moves into lastSeq only once a mutation is decided. */
  let expectedSeq = lastSeq + 1;
  const results: PushResult[] = [];
  const now = new Date().toISOString();
  const changes = new ChangeBuffer(versions);
  const audits: AuditRow[] = [];

  // A retry (the answer to an earlier push was lost) gets the verdict the audit recorded then:
  // a mutation rejected the first time must be rejected again, not acknowledged as applied.
  const earlier = await earlierVerdicts(manager, input, lastSeq);
  const usedIds = await usedMutationIds(manager, input, lastSeq);
  for (const m of input.mutations) {
    const base = { mutationId: m.mutationId, seq: m.seq };
    if (m.seq <= lastSeq) {
      const verdict = earlier.get(m.seq);
      const same =
        verdict &&
        (verdict.mutationId === m.mutationId ||
          (verdict.status === 'rejected' && verdict.reason?.startsWith('mutationIdReused: ')));
      if (same && verdict.status === 'rejected') {
        const reason = verdict.reason ?? '';
        const colon = reason.indexOf(': ');
        results.push({
          ...base,
          status: 'rejected',
          code: colon > 0 ? reason.slice(0, colon) : 'rejected',
          reason: colon > 0 ? reason.slice(colon + 2) : reason,
          details: {},
        });
      } else if (same) {
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
    if (m.seq > expectedSeq && m.seq === input.mutations[0]?.seq) {
      // The server has fewer of this desk's mutations than the desk knows it sent: the central store
      // was restored from a backup. What is gone is gone; take the rest (the desk re-bootstraps, as its
      // cursor is now ahead of the server's head) rather than refusing this desk forever. The desk's
      // sequence moves only if a mutation of this push is then decided.
      console.warn(
        `[central] desk ${input.clientId}: mutations ${expectedSeq}–${m.seq - 1} are missing (restored backup?)`,
      );
      expectedSeq = m.seq;
    }
    if (m.seq !== expectedSeq) throw new PushOrderError(expectedSeq);
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
    lastSeq = m.seq;
    expectedSeq = m.seq + 1;

    const tooDeep = nestsDeeperThan(m.args, ARGS_MAX_DEPTH);
    const reusedId = usedIds.has(m.mutationId);
    usedIds.add(m.mutationId);
    const auditBase = {
      clientId: input.clientId,
      seq: m.seq,
      userId: actor.userId,
      userName: actor.name,
      role: actor.role,
      name: m.name,
      schemaVersion: m.schemaVersion,
      appliedAt: now,
    };
    if (tooDeep || reusedId) {
      // Refused before it runs. The audit keeps an entry under an id of its own (a reused id is
      // taken, and too deep arguments cannot even be written out).
      const refused = reusedId
        ? {
            code: 'mutationIdReused',
            reason: `The mutation id ${m.mutationId} was used before; a new change needs a new id`,
          }
        : { code: 'invalidArguments', reason: `args: nested deeper than ${ARGS_MAX_DEPTH} levels` };
      audits.push({
        ...auditBase,
        mutationId: uuidv7(),
        args: tooDeep ? JSON.stringify({ refused: 'too deep to keep' }) : auditArgs(safeJson(m.args)),
        status: 'rejected',
        reason: `${refused.code}: ${refused.reason}`,
        serverVersion: null,
      });
      results.push({ ...base, status: 'rejected', ...refused, details: {} });
      continue;
    }

    const audit = { ...auditBase, mutationId: m.mutationId, args: safeJson(m.args) };
    if (isolate) await manager.query('SAVEPOINT push_mutation');
    let applying = false;
    try {
      if (!def.roles.includes(actor.role)) {
        throw new DomainError('forbidden', `${m.name} is not allowed for the role ${actor.role}`, {
          role: actor.role,
        });
      }
      const raw =
        m.schemaVersion < def.schemaVersion && def.upgrade ? def.upgrade(m.args, m.schemaVersion) : m.args;
      const args = def.args.parse(raw);
      applying = true;
      const { touched, result } = await applyMutation(
        manager,
        def,
        args,
        actor,
        { clientId: input.clientId, mutationId: m.mutationId },
        (year) => nextReference(manager, year),
      );
      if (isolate) await manager.query('RELEASE SAVEPOINT push_mutation');
      const version = changes.record(touched);
      audits.push({ ...audit, status: 'applied', reason: null, serverVersion: version || null });
      results.push({ ...base, status: 'applied', duplicate: false, result });
    } catch (e) {
      const refused = rejection(e);
      if (isolate) {
        await manager.query('ROLLBACK TO SAVEPOINT push_mutation');
        await manager.query('RELEASE SAVEPOINT push_mutation');
      } else if ((refused && applying) || constraintViolation(e)) {
        // It may have written before it refused, or a held-back row (its own or an earlier
        // mutation's) was refused: undo each alone, in a savepoint.
        throw new IsolateAndRetry();
      }
      if (!refused) throw e; // not the mutation's fault (database, bug): the whole push fails and is retried
      audits.push({
        ...audit,
        // Refused input is kept as a bounded excerpt and a hash (issue 13, item 7).
        args: auditArgs(audit.args),
        status: 'rejected',
        reason: `${refused.code}: ${refused.reason}`,
        serverVersion: null,
      });
      results.push({ ...base, status: 'rejected', ...refused });
    }
  }
  // The push's bookkeeping: change log, audit, the desk's sequence and the server version, in one
  // statement on PostgreSQL (one round trip while the counter row is locked), a few on SQLite.
  const statements = changes.statements(manager, store.engine, now);
  statements.push(...auditInserts(manager, audits));
  statements.push({
    sql: `UPDATE client_state SET last_seq = ?, updated_at = ? WHERE client_id = ?`,
    params: [lastSeq, now, input.clientId],
  });
  if (changes.size > 0) {
    statements.push({
      sql: `INSERT INTO counter (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value`,
      params: [SERVER_VERSION, versions.head],
    });
  }
  await runStatements((sql, params) => manager.query(sql, params), store.engine, statements);
  return { results, lastSeq, serverVersion: versions.head };
}

function safeJson(args: unknown): string {
  return JSON.stringify(args ?? null);
}

const AUDITS_PER_STATEMENT = 500;

function auditInserts(manager: EntityManager, audits: AuditRow[]): Statement[] {
  if (audits.length === 0) return [];
  const q = (name: string) => manager.connection.driver.escape(name);
  const columns = manager.connection.getMetadata(Audit).columns;
  const out: Statement[] = [];
  for (let from = 0; from < audits.length; from += AUDITS_PER_STATEMENT) {
    const chunk = audits.slice(from, from + AUDITS_PER_STATEMENT);
    const row = `(${columns.map(() => '?').join(', ')})`;
    out.push({
      sql: `INSERT INTO audit (${columns.map((c) => q(c.databaseName)).join(', ')}) VALUES ${chunk.map(() => row).join(', ')}`,
      params: chunk.flatMap((a) =>
        columns.map((c) => (a as unknown as Record<string, unknown>)[c.propertyName] ?? null),
      ),
    });
  }
  return out;
}
