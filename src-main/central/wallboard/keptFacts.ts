// The rows the wallboards' figures are computed from, kept in memory between
// computations on the central store: today's calls (and any still waiting) and
// the open tickets. The first computation reads them all; each later one reads
// only the change log after the version it has seen, whose entries carry each
// changed row's image. On a central store with thousands of open tickets that
// turns a read of them all on every change (on SQLite, an event-loop stall every
// desk's push waits behind) into a read of the few rows that changed.
import type { CallFacts, DayBounds, TicketFacts } from '../../../src-shared/shifts/liveFigures';
import { isOpenTicket } from '../../../src-shared/tickets/lifecycle';
import { callFacts, openTicketFacts, type FigureRows } from '../../shifts';
import { placeholder } from '../../store/rowSql';
import { LOG_HORIZON, readCounter, SERVER_VERSION } from '../sync/changeLog';

/** More changes than this since the last look: reading everything again is cheaper. */
const CHANGES_READ_MAX = 20_000;

const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/** A call's facts from its change-log image (the entity's property names). */
export function callFromImage(image: Record<string, unknown>): CallFacts {
  return {
    id: String(image.id),
    arrivedAt: String(image.arrivedAt),
    status: image.status as CallFacts['status'],
    takenBy: text(image.takenBy),
    takenAt: text(image.takenAt),
    endedAt: text(image.endedAt),
    outcome: text(image.outcome),
    calledBackAt: text(image.calledBackAt),
    callerName: text(image.callerName),
    customerId: text(image.customerId),
  };
}

/** A ticket's facts from its change-log image; no summary (the wallboard names no ticket). */
export function ticketFromImage(image: Record<string, unknown>): TicketFacts {
  return {
    id: String(image.id),
    reference: text(image.reference),
    provisionalReference: text(image.provisionalReference),
    customerId: String(image.customerId),
    assigneeId: text(image.assigneeId),
    assigneeName: text(image.assigneeName),
    summary: '',
    priority: String(image.priority),
    status: String(image.status),
    createdAt: String(image.createdAt),
    respondedAt: text(image.respondedAt),
    resolvedAt: text(image.resolvedAt),
    pauses: String(image.pauses),
  };
}

/** Whether a call belongs to the figures of `day`: it arrived that day, or it is still waiting. */
function callCounts(call: CallFacts, day: DayBounds): boolean {
  if (call.status === 'waiting') return true;
  const at = Date.parse(call.arrivedAt);
  return at >= day.startMs && at < day.endMs;
}

interface Kept {
  day: string;
  version: number;
  calls: Map<string, CallFacts>;
  tickets: Map<string, TicketFacts>;
}

/**
 * A reader of the facts for the figures of a day, keeping them between calls. Each call is one
 * read of the store (one turn of the central store's queue on SQLite). The server version is
 * read first: entries up to it are committed (the counter is written in the same transaction as
 * its entries), so applying them in order over a full read taken after it ends at the rows as
 * they stand; a full read again when the day changes or the log was compacted past the version.
 */
export function keptWallboardFacts(): FigureRows {
  let kept: Kept | null = null;
  return async (manager, day) => {
    const head = await readCounter(manager, SERVER_VERSION);
    const fresh =
      !kept ||
      kept.day !== day.day ||
      kept.version < (await readCounter(manager, LOG_HORIZON)) ||
      head - kept.version > CHANGES_READ_MAX;
    const readAll = async () => {
      const [calls, open] = [await callFacts(manager, day), await openTicketFacts(manager)];
      kept = {
        day: day.day,
        version: head,
        calls: new Map(calls.map((c) => [c.id, c])),
        tickets: new Map(open.map((t) => [t.id, t])),
      };
      return { calls, open };
    };
    if (fresh) return readAll();
    const k = kept!;
    if (head > k.version) {
      const p = placeholder(manager);
      const entries = (await manager.query(
        `SELECT entity, row_id, data FROM change_log
         WHERE server_version > ${p(0)} AND server_version <= ${p(1)} AND entity IN ('call', 'ticket')
         ORDER BY server_version`,
        [k.version, head],
      )) as Array<{ entity: string; row_id: string; data: string }>;
      for (const e of entries) {
        const image = JSON.parse(e.data) as Record<string, unknown> | null;
        if (e.entity === 'call') {
          const call = image && callFromImage(image);
          if (call && callCounts(call, day)) k.calls.set(e.row_id, call);
          else k.calls.delete(e.row_id);
        } else {
          const ticket = image && ticketFromImage(image);
          if (ticket && isOpenTicket(ticket)) k.tickets.set(e.row_id, ticket);
          else k.tickets.delete(e.row_id);
        }
      }
      // Compacted meanwhile past what was seen (a read on its own connection is not ordered
      // against it): some of those entries may be gone, so read everything again.
      if (k.version < (await readCounter(manager, LOG_HORIZON))) return readAll();
      k.version = head;
    }
    return { calls: [...k.calls.values()], open: [...k.tickets.values()] };
  };
}
