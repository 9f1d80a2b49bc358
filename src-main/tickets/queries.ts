// Read side of tickets on the desk's SQLite store: the lists (open by time to
// breach, mine, all), search by reference / reporter / phone, and one ticket
// with its timeline and messages. Raw SQL: these are the hot reads, and the
// local store is always SQLite (indexes: migrations/1764576000000-tickets).
import { missingDetails } from '../../src-shared/intake/missingDetails';
import type { EntityManager } from 'typeorm';
import { phoneSearchDigits } from '../../src-shared/phone';
import { isCanonicalReference } from '../../src-shared/references';
import {
  ticketListQuery,
  type TicketEventView,
  type TicketListQuery,
  type TicketMessageView,
  type TicketSummary,
  type ClockFilter,
  UNASSIGNED,
} from '../../src-shared/tickets/schemas';
import { clockFlags } from '../../src-shared/tickets/lifecycle';
import type { RestoreApproval, TicketKind } from '../../src-shared/systems/restore';
import { DESK_ACTION_KINDS, unansweredReplyAt } from '../../src-shared/tickets/newReply';
import { slaInForce } from '../sla/settingsStore';
import { Ticket } from '../store/entities';
import { selectRow } from '../store/rowSql';

const OPEN = `t.status NOT IN ('resolved', 'closed')`;
/** The open lists' order: the next deadline first, tickets with none running (paused) last. */
const BREACH_KEY = `ifnull(t.breach_at, '~')`;

interface SummarySqlRow {
  id: string;
  reference: string | null;
  provisional_reference: string | null;
  title: string | null;
  description: string;
  reporter_name: string;
  reporter_phone: string;
  customer_id: string;
  customer_name: string | null;
  workplace: string;
  channel: TicketSummary['channel'];
  system: string;
  category: string;
  priority: TicketSummary['priority'];
  status: TicketSummary['status'];
  assignee_id: string | null;
  assignee_name: string | null;
  created_at: string;
  responded_at: string | null;
  resolved_at: string | null;
  pauses: string;
  response_due_at: string;
  resolution_due_at: string | null;
  breach_at: string | null;
  sort_key: string;
}

function excerpt(description: string): string {
  const line = description.split('\n', 1)[0]!.trim();
  return line.length > 140 ? `${line.slice(0, 139)}…` : line;
}

function toSummary(r: SummarySqlRow): TicketSummary {
  return {
    id: r.id,
    reference: r.reference,
    provisionalReference: r.provisional_reference,
    title: r.title,
    excerpt: excerpt(r.description),
    reporterName: r.reporter_name,
    reporterPhone: r.reporter_phone,
    customerId: r.customer_id,
    customerName: r.customer_name,
    workplace: r.workplace,
    channel: r.channel,
    system: r.system,
    category: r.category,
    priority: r.priority,
    status: r.status,
    assigneeId: r.assignee_id,
    assigneeName: r.assignee_name,
    createdAt: r.created_at,
    respondedAt: r.responded_at,
    resolvedAt: r.resolved_at,
    pauses: r.pauses,
    responseDueAt: r.response_due_at,
    resolutionDueAt: r.resolution_due_at,
    breachAt: r.breach_at,
    newReplyAt: null, // withNewReplies, for the page only
    cursor: { key: r.sort_key, id: r.id },
  };
}

/**
 * The condition a search term puts on tickets: a whole reference (canonical or provisional) by
 * equality; otherwise the trigram index (FTS5) over references, reporter name and phone, where a
 * number-like term matches phone digits ("+47 912 34 567" → "91234567") or reference text
 * ("2026-000123"). Null when the term is too short for trigrams.
 */
function searchCondition(term: string): { sql: string; params: string[] } | null {
  const reference = term.toUpperCase();
  if (isCanonicalReference(reference) || /^P-[0-9A-Z]{4}-\d{4,}$/.test(reference)) {
    return { sql: `(t.reference = ? OR t.provisional_reference = ?)`, params: [reference, reference] };
  }
  const numberLike = /^[+\d\s-]+$/.test(term);
  const text = numberLike ? phoneSearchDigits(term) : term;
  if ([...text].length < 3) return null;
  const phrase = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const match = numberLike
    ? `{reporter_phone} : ${phrase(text)} OR {reference provisional_reference} : ${phrase(term.trim())}`
    : phrase(term);
  return { sql: `t.rowid IN (SELECT rowid FROM ticket_search WHERE ticket_search MATCH ?)`, params: [match] };
}

export class SearchTooShortError extends Error {
  constructor() {
    super('Type at least 3 characters to search');
  }
}

/** Counting stops here: a count of every ticket ever would cost more than the page itself. */
export const COUNT_CAP = 10_000;

export interface TicketPage {
  items: TicketSummary[];
  nextCursor: TicketSummary['cursor'] | null;
  /** How many tickets match, on the first page only (null on the pages after). */
  total: { count: number; capped: boolean } | null;
}

/**
 * A page of tickets. 'open' and 'mine' are sorted by the next deadline (time to breach), 'all'
 * newest first. Filters combine; `search` matches a reference (canonical or provisional), the
 * reporter's name or phone number anywhere in the text.
 */
export async function listTickets(
  manager: EntityManager,
  raw: TicketListQuery,
  userId: string,
  /** The instant the SLA groups (`clock`) are judged at. */
  nowMs = Date.now(),
): Promise<TicketPage> {
  const q = ticketListQuery.parse(raw);
  const where: string[] = [];
  const params: unknown[] = [];
  const byBreach = q.scope !== 'all';
  const key = byBreach ? BREACH_KEY : 't.created_at';
  if (q.scope === 'open') where.push(OPEN);
  if (q.scope === 'mine') {
    where.push(`t.assignee_id = ?`, OPEN);
    params.push(userId);
  }
  if (q.assigneeId === UNASSIGNED) where.push(`t.assignee_id IS NULL`);
  for (const [column, value] of [
    ['t.priority', q.priority],
    ['t.status', q.status],
    ['t.customer_id', q.customerId],
    ['t.assignee_id', q.assigneeId === UNASSIGNED ? undefined : q.assigneeId],
    ['t.system', q.system],
  ] as const) {
    if (value !== undefined && value !== '') {
      where.push(`${column} = ?`);
      params.push(value);
    }
  }
  if (q.search) {
    const condition = searchCondition(q.search);
    if (!condition) throw new SearchTooShortError();
    where.push(condition.sql);
    params.push(...condition.params);
  }
  if (q.clock) return listByClock(manager, q, q.clock, where, params, nowMs);
  // The first page also says how many match (up to COUNT_CAP: beyond it the list shows "10 000+").
  let total: { count: number; capped: boolean } | null = null;
  if (!q.cursor) {
    const [{ n }] = (await manager.query(
      `SELECT count(*) AS n FROM (SELECT 1 FROM ticket t ${where.length ? `WHERE ${where.join(' AND ')}` : ''} LIMIT ?)`,
      [...params, COUNT_CAP + 1],
    )) as [{ n: number }];
    total = { count: Math.min(n, COUNT_CAP), capped: n > COUNT_CAP };
  }
  if (q.cursor) {
    where.push(byBreach ? `(${key}, t.id) > (?, ?)` : `(${key}, t.id) < (?, ?)`);
    params.push(q.cursor.key, q.cursor.id);
  }
  const dir = byBreach ? 'ASC' : 'DESC';
  const rows: SummarySqlRow[] = await manager.query(
    `SELECT ${SUMMARY_COLUMNS}, ${key} AS sort_key
     FROM ticket t LEFT JOIN customer cu ON cu.id = t.customer_id
     ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY ${key} ${dir}, t.id ${dir} LIMIT ?`,
    [...params, q.limit + 1],
  );
  const items = await withNewReplies(manager, rows.slice(0, q.limit).map(toSummary));
  return { items, nextCursor: rows.length > q.limit ? items[items.length - 1]!.cursor : null, total };
}

const SUMMARY_COLUMNS = `t.id, t.reference, t.provisional_reference, t.title, substr(t.description, 1, 400) AS description,
  t.reporter_name, t.reporter_phone, t.customer_id, cu.name AS customer_name, t.workplace, t.system,
  t.category, t.channel, t.priority, t.status, t.assignee_id, t.assignee_name, t.created_at, t.responded_at,
  t.resolved_at, t.pauses, t.response_due_at, t.resolution_due_at, t.breach_at`;

/**
 * The page's "new reply" marks (newReply.ts), read for the page's tickets only: in the list's own
 * query the timeline would be read for every matching ticket before the sort and the limit.
 */
async function withNewReplies(manager: EntityManager, items: TicketSummary[]): Promise<TicketSummary[]> {
  if (items.length === 0) return items;
  const rows = (await manager.query(
    `SELECT ticket_id,
       max(CASE WHEN kind = 'reporterMessage' THEN at END) AS reply_at,
       max(CASE WHEN kind IN (${DESK_ACTION_KINDS.map((k) => `'${k}'`).join(', ')}) THEN at END) AS desk_action_at
     FROM ticket_event WHERE ticket_id IN (${items.map(() => '?').join(', ')})
     GROUP BY ticket_id HAVING reply_at IS NOT NULL`,
    items.map((t) => t.id),
  )) as Array<{ ticket_id: string; reply_at: string; desk_action_at: string | null }>;
  const replies = new Map(rows.map((r) => [r.ticket_id, unansweredReplyAt(r.reply_at, r.desk_action_at)]));
  return items.map((t) => ({ ...t, newReplyAt: replies.get(t.id) ?? null }));
}

/**
 * The open tickets in one SLA group now (the live view's click-through). Whether a clock is at risk
 * depends on service time, not a stored column, so the open tickets that match the other filters
 * are read and sorted by the next deadline, and lifecycle.clockFlags (the live view's own rule)
 * picks them; the cursor then pages through that list.
 */
async function listByClock(
  manager: EntityManager,
  q: ReturnType<typeof ticketListQuery.parse>,
  clock: ClockFilter,
  where: string[],
  params: unknown[],
  nowMs: number,
): Promise<TicketPage> {
  const { settings, calendar } = await slaInForce(manager);
  const rows: SummarySqlRow[] = await manager.query(
    `SELECT ${SUMMARY_COLUMNS}, ${BREACH_KEY} AS sort_key
     FROM ticket t LEFT JOIN customer cu ON cu.id = t.customer_id
     WHERE ${[OPEN, ...where].join(' AND ')}
     ORDER BY ${BREACH_KEY} ASC, t.id ASC`,
    params,
  );
  const matching = rows.filter((r) =>
    clockFlags(
      {
        createdAt: r.created_at,
        priority: r.priority,
        status: r.status,
        respondedAt: r.responded_at,
        resolvedAt: r.resolved_at,
        pauses: r.pauses,
      },
      nowMs,
      calendar,
      settings,
    ).includes(clock),
  );
  const after = q.cursor
    ? matching.filter(
        (r) => r.sort_key > q.cursor!.key || (r.sort_key === q.cursor!.key && r.id > q.cursor!.id),
      )
    : matching;
  const items = await withNewReplies(manager, after.slice(0, q.limit).map(toSummary));
  return {
    items,
    nextCursor: after.length > q.limit ? items[items.length - 1]!.cursor : null,
    total: q.cursor ? null : { count: matching.length, capped: false },
  };
}

/**
 * One ticket with its customer's name, timeline (R7), messages and the call it came from; with the
 * register's system (systemId), its kind and the owner's approval of a data restore (R13), and the
 * outage and notice it is linked to (R14).
 */
export async function ticketDetail(manager: EntityManager, id: string) {
  const ticket = await selectRow(manager, Ticket, { id });
  if (!ticket) return null;
  const [customer] = (await manager.query(`SELECT name FROM customer WHERE id = ?`, [ticket.customerId])) as {
    name: string;
  }[];
  const events = (
    (await manager.query(
      // Events of one mutation share its instant: the creation first, then a status change, then the rest.
      `SELECT id, at, actor_name, kind, data FROM ticket_event WHERE ticket_id = ?
       ORDER BY at, CASE kind WHEN 'created' THEN 0 WHEN 'status' THEN 1 ELSE 2 END, id`,
      [id],
    )) as { id: string; at: string; actor_name: string; kind: TicketEventView['kind']; data: string }[]
  ).map((e): TicketEventView => ({
    id: e.id,
    at: e.at,
    actorName: e.actor_name,
    kind: e.kind,
    data: JSON.parse(e.data) as Record<string, unknown>,
  }));
  const messages = (
    (await manager.query(
      `SELECT id, kind, channel, recipient, status, attempts, last_error, next_attempt_at, subject, body,
         sent_at, created_at FROM ticket_message WHERE ticket_id = ? ORDER BY created_at, id`,
      [id],
    )) as Array<Record<string, unknown>>
  ).map((m): TicketMessageView => ({
    id: String(m.id),
    kind: m.kind as TicketMessageView['kind'],
    channel: m.channel as TicketMessageView['channel'],
    recipient: String(m.recipient),
    status: m.status as TicketMessageView['status'],
    attempts: Number(m.attempts),
    lastError: (m.last_error as string | null) ?? null,
    nextAttemptAt: (m.next_attempt_at as string | null) ?? null,
    subject: (m.subject as string | null) ?? null,
    body: (m.body as string | null) ?? null,
    sentAt: (m.sent_at as string | null) ?? null,
    createdAt: String(m.created_at),
  }));
  const [call] = ticket.callId
    ? ((await manager.query(
        `SELECT id, arrived_at, taken_by_name, taken_at, ended_at, outcome FROM call WHERE id = ?`,
        [ticket.callId],
      )) as Array<{
        id: string;
        arrived_at: string;
        taken_by_name: string | null;
        taken_at: string | null;
        ended_at: string | null;
        outcome: string | null;
      }>)
    : [];
  return {
    ticket: {
      ...ticket,
      customerName: customer?.name ?? null,
      systemId: ticket.systemId,
      kind: ticket.kind as TicketKind,
      restoreApproval: ticket.restoreApproval
        ? (JSON.parse(ticket.restoreApproval) as RestoreApproval)
        : null,
      outageId: ticket.outageId,
      noticeId: ticket.noticeId,
    },
    events,
    messages,
    /** The files that came with it or with the reporter's messages (issue 17); bytes on the central store. */
    attachments: (
      (await manager.query(
        `SELECT id, event_id, filename, content_type, size, role, created_at FROM ticket_attachment
         WHERE ticket_id = ? ORDER BY created_at, id`,
        [id],
      )) as Array<{
        id: string;
        event_id: string;
        filename: string;
        content_type: string;
        size: number;
        role: string;
        created_at: string;
      }>
    ).map((a) => ({
      id: a.id,
      eventId: a.event_id,
      filename: a.filename,
      contentType: a.content_type,
      size: Number(a.size),
      role: a.role as 'attachment' | 'htmlBody',
      createdAt: a.created_at,
    })),
    /** R5's fields an e-mail from an unknown sender left empty, for an agent to complete. */
    missing: missingDetails(ticket),
    call: call
      ? {
          id: call.id,
          arrivedAt: call.arrived_at,
          takenByName: call.taken_by_name,
          takenAt: call.taken_at,
          endedAt: call.ended_at,
          outcome: call.outcome,
        }
      : null,
  };
}

/** The ticket made from a call, if any (the call page links to it). */
export async function ticketForCall(
  manager: EntityManager,
  callId: string,
): Promise<{ id: string; reference: string | null; provisionalReference: string | null } | null> {
  const rows: Array<{ id: string; reference: string | null; provisional_reference: string | null }> =
    await manager.query(`SELECT id, reference, provisional_reference FROM ticket WHERE call_id = ?`, [
      callId,
    ]);
  const r = rows[0];
  return r ? { id: r.id, reference: r.reference, provisionalReference: r.provisional_reference } : null;
}

/** Distinct affected systems seen so far, for the filter and the form's suggestions. */
export async function knownSystems(manager: EntityManager): Promise<string[]> {
  // Not an empty system (an e-mail ticket has none yet), nor a workplace's name typed into the
  // system field (issue 18): the suggestions are systems and services only.
  const rows: Array<{ system: string }> = await manager.query(
    `SELECT DISTINCT system FROM ticket
      WHERE trim(system) <> ''
        AND lower(trim(system)) NOT IN (SELECT lower(trim(name)) FROM workplace)
        AND lower(trim(system)) NOT IN (SELECT lower(trim(workplace)) FROM ticket)
      ORDER BY system LIMIT 500`,
  );
  return rows.map((r) => r.system);
}
