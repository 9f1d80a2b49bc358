// Read side of the call log on the desk's SQLite store: the waiting queue, the
// agent's current call, one call with its events, and the searchable history.
// Raw SQL on purpose: these are the hot reads, and the local store is always SQLite.
import type { EntityManager } from 'typeorm';
import { DateTime } from 'luxon';
import type { CallHistoryQuery, CallView } from '../../src-shared/calls/schemas';
import { callHistoryQuery } from '../../src-shared/calls/schemas';
import { phoneSearchDigits } from '../../src-shared/phone';
import { SERVICE_TIME_ZONE } from '../../src-shared/serviceTimeZone';
import { recognizeCallers, recognizeCallersOrEarlier } from '../reporters/recognize';

const CALL_COLUMNS = `c.id, c.arrived_at, c.caller_number, c.caller_name, c.customer_id, cu.name AS customer_name,
  c.workplace, c.status, c.logged_by_name, c.taken_by, c.taken_by_name, c.taken_at, c.summary, c.outcome,
  c.ended_at, c.override_reason, c.override_by_name, c.source, c.hangup_cause, c.called_back_at,
  c.called_back_by_name`;
const FROM_CALLS = `FROM call c LEFT JOIN customer cu ON cu.id = c.customer_id`;

interface CallSqlRow {
  id: string;
  arrived_at: string;
  caller_number: string;
  caller_name: string | null;
  customer_id: string | null;
  customer_name: string | null;
  workplace: string | null;
  status: CallView['status'];
  logged_by_name: string;
  taken_by: string | null;
  taken_by_name: string | null;
  taken_at: string | null;
  summary: string | null;
  outcome: CallView['outcome'];
  ended_at: string | null;
  override_reason: string | null;
  override_by_name: string | null;
  source: CallView['source'];
  hangup_cause: string | null;
  called_back_at: string | null;
  called_back_by_name: string | null;
}

function toView(r: CallSqlRow): CallView {
  return {
    id: r.id,
    arrivedAt: r.arrived_at,
    callerNumber: r.caller_number,
    callerName: r.caller_name,
    customerId: r.customer_id,
    customerName: r.customer_name,
    workplace: r.workplace,
    status: r.status,
    loggedByName: r.logged_by_name,
    takenBy: r.taken_by,
    takenByName: r.taken_by_name,
    takenAt: r.taken_at,
    summary: r.summary,
    outcome: r.outcome,
    endedAt: r.ended_at,
    overrideReason: r.override_reason,
    overrideByName: r.override_by_name,
    source: r.source,
    hangupCause: r.hangup_cause,
    calledBackAt: r.called_back_at,
    calledBackByName: r.called_back_by_name,
    caller: null,
  };
}

/**
 * The calls with their callers recognised by number (issue 6): name, workplace, open tickets;
 * `earlier`: also from an earlier call from the number (issue 18; the queue and the current call).
 */
async function withCallers(manager: EntityManager, calls: CallView[], earlier = false): Promise<CallView[]> {
  const known = await (earlier ? recognizeCallersOrEarlier : recognizeCallers)(
    manager,
    calls.map((c) => c.callerNumber),
  );
  return calls.map((c) => ({ ...c, caller: known.get(c.callerNumber) ?? null }));
}

/** Waiting calls, oldest first (R3). */
export async function waitingQueue(manager: EntityManager): Promise<CallView[]> {
  const rows: CallSqlRow[] = await manager.query(
    `SELECT ${CALL_COLUMNS} ${FROM_CALLS} WHERE c.status = 'waiting' ORDER BY c.arrived_at, c.id`,
  );
  return withCallers(manager, rows.map(toView), true);
}

/**
 * Calls hung up before anyone answered and not yet called back, newest first (issue 18: a
 * three-week-old call on top hid today's; the list flags the oldest itself).
 */
export async function missedCalls(manager: EntityManager, limit = 200): Promise<CallView[]> {
  const rows: CallSqlRow[] = await manager.query(
    `SELECT ${CALL_COLUMNS} ${FROM_CALLS}
     WHERE c.outcome IN ('missed', 'abandoned') AND c.called_back_at IS NULL
     ORDER BY c.arrived_at DESC, c.id DESC LIMIT ?`,
    [limit],
  );
  return withCallers(manager, rows.map(toView));
}

/** The call this user is on, if any. */
export async function currentCall(manager: EntityManager, userId: string): Promise<CallView | null> {
  const rows: CallSqlRow[] = await manager.query(
    `SELECT ${CALL_COLUMNS} ${FROM_CALLS} WHERE c.status = 'taken' AND c.taken_by = ?
     ORDER BY c.taken_at, c.id LIMIT 1`, // the phone may hand over a second call before the first is finished
    [userId],
  );
  return rows[0] ? (await withCallers(manager, [toView(rows[0])], true))[0]! : null;
}

export interface CallEventView {
  id: string;
  kind: string;
  at: string;
  actorName: string;
  data: Record<string, unknown>;
}

export async function callWithEvents(
  manager: EntityManager,
  id: string,
): Promise<{ call: CallView; events: CallEventView[] } | null> {
  const rows: CallSqlRow[] = await manager.query(`SELECT ${CALL_COLUMNS} ${FROM_CALLS} WHERE c.id = ?`, [id]);
  if (!rows[0]) return null;
  const events: Array<{ id: string; kind: string; at: string; actor_name: string; data: string }> =
    await manager.query(
      `SELECT id, kind, at, actor_name, data FROM call_event WHERE call_id = ? ORDER BY at, id`,
      [id],
    );
  return {
    call: toView(rows[0]),
    events: events.map((e) => ({
      id: e.id,
      kind: e.kind,
      at: e.at,
      actorName: e.actor_name,
      data: JSON.parse(e.data),
    })),
  };
}

/** Start of an Oslo calendar day as a UTC instant. */
function osloDayStart(isoDate: string, plusDays = 0): string {
  return DateTime.fromISO(isoDate, { zone: SERVICE_TIME_ZONE }).plus({ days: plusDays }).toUTC().toISO()!;
}

/** FTS5 trigram phrase for a search term; null when the term is too short for trigrams. */
function ftsPhrase(term: string): string | null {
  if ([...term].length < 3) return null;
  return `"${term.replace(/"/g, '""')}"`;
}

/** What a search term matches in call_search (FTS5 syntax), or null when it is too short for trigrams. */
function ftsMatch(search: string): string | null {
  const digits = phoneSearchDigits(search);
  const numberLike = /^[+\d\s-]+$/.test(search) && digits.length > 0;
  const phrase = ftsPhrase(numberLike ? digits : search);
  if (!phrase) return null;
  return numberLike ? `caller_number : ${phrase}` : phrase;
}

/** The search_key of the first call in (arrived_at, id) order that satisfies `condition`, as a scalar subquery. */
function firstKey(condition: string, dir: 'ASC' | 'DESC'): string {
  return `(SELECT search_key FROM call WHERE ${condition} ORDER BY arrived_at ${dir}, id ${dir} LIMIT 1)`;
}

/**
 * One page of the call history, always in arrival order (ascending or newest
 * first), filtered by a search over number, name and workplace and by Oslo dates.
 */
export async function callHistory(
  manager: EntityManager,
  input: CallHistoryQuery,
): Promise<{ calls: CallView[]; next: { arrivedAt: string; id: string } | null }> {
  const q = callHistoryQuery.parse(input);
  const desc = q.order === 'desc';
  const dir = desc ? 'DESC' : 'ASC';
  const fromAt = q.from ? osloDayStart(q.from) : null;
  const toAt = q.to ? osloDayStart(q.to, 1) : null;
  const match = q.search ? ftsMatch(q.search) : null;
  const where: string[] = [];
  const params: unknown[] = [];

  if (match) {
    // search_key sorts like (arrived_at, id) (see the migration), so the dates and the cursor become a
    // key range, and the index yields one page in order without collecting every match first.
    const lower: Array<[string, unknown[]]> = [];
    const upper: Array<[string, unknown[]]> = [];
    if (fromAt) lower.push([firstKey('arrived_at >= ?', 'ASC'), [fromAt]]);
    if (toAt) upper.push([firstKey('arrived_at < ?', 'DESC'), [toAt]]);
    if (q.cursor) {
      const after = [q.cursor.arrivedAt, q.cursor.id];
      if (desc) upper.push([firstKey('(arrived_at, id) < (?, ?)', 'DESC'), after]);
      else lower.push([firstKey('(arrived_at, id) > (?, ?)', 'ASC'), after]);
    }
    // A missing bound row (NULL) means no call lies in the range: the comparison is then never true.
    const bound = (op: string, fn: string, parts: Array<[string, unknown[]]>) =>
      parts.length === 0
        ? ''
        : ` AND rowid ${op} ${parts.length === 1 ? parts[0]![0] : `${fn}(${parts.map((p) => p[0]).join(', ')})`}`;
    where.push(
      `c.search_key IN (SELECT rowid FROM call_search WHERE call_search MATCH ?${bound('>=', 'max', lower)}${bound('<=', 'min', upper)}
        ORDER BY rowid ${dir} LIMIT ?)`,
    );
    params.push(match, ...lower.flatMap((p) => p[1]), ...upper.flatMap((p) => p[1]), q.limit + 1);
  } else {
    if (fromAt) {
      where.push('c.arrived_at >= ?');
      params.push(fromAt);
    }
    if (toAt) {
      where.push('c.arrived_at < ?');
      params.push(toAt);
    }
    if (q.search) {
      // Shorter than a trigram: a prefix of name or workplace, or digits anywhere in the number.
      const digits = phoneSearchDigits(q.search);
      if (/^[+\d\s-]+$/.test(q.search) && digits.length > 0) {
        where.push(`c.caller_number LIKE ?`);
        params.push(`%${digits}%`);
      } else {
        where.push(`(c.caller_name LIKE ? OR c.workplace LIKE ?)`);
        params.push(`${q.search}%`, `${q.search}%`);
      }
    }
    if (q.cursor) {
      where.push(desc ? '(c.arrived_at, c.id) < (?, ?)' : '(c.arrived_at, c.id) > (?, ?)');
      params.push(q.cursor.arrivedAt, q.cursor.id);
    }
  }
  const sql = `SELECT ${CALL_COLUMNS} ${FROM_CALLS} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY c.arrived_at ${dir}, c.id ${dir} LIMIT ?`;
  params.push(q.limit + 1);
  const rows: CallSqlRow[] = await manager.query(sql, params);
  const calls = rows.slice(0, q.limit).map(toView);
  const last = calls[calls.length - 1];
  return { calls, next: rows.length > q.limit && last ? { arrivedAt: last.arrivedAt, id: last.id } : null };
}
