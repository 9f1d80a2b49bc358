// The reporter directory's reads (issue 18): the reporters matching a search,
// and one reporter with the calls from their numbers and the tickets filed
// under their numbers or e-mail address. Raw SQL on the desk's SQLite store.
import type { EntityManager } from 'typeorm';
import { phoneSearchDigits } from '../../src-shared/phone';
import type { ReporterDetail, ReporterListItem } from '../../src-shared/reporters/schemas';

/** More than anyone reads on one screen: narrow the search instead. */
export const LIST_LIMIT = 200;
/** The calls and the tickets shown on a reporter's page. */
const HISTORY_LIMIT = 50;

interface ReporterSqlRow {
  id: string;
  name: string;
  customer_id: string;
  customer_name: string | null;
  workplace: string;
  email: string | null;
  phones: string;
}

const SELECT_REPORTERS = `SELECT r.id, r.name, r.customer_id, cu.name AS customer_name, r.workplace, r.email, r.phones
  FROM reporter r LEFT JOIN customer cu ON cu.id = r.customer_id`;

function toItem(r: ReporterSqlRow): ReporterListItem {
  return {
    id: r.id,
    name: r.name,
    customerId: r.customer_id,
    customerName: r.customer_name,
    workplace: r.workplace,
    email: r.email,
    phones: JSON.parse(r.phones) as string[],
  };
}

const fold = (s: string) => s.toLocaleLowerCase('nb');

/**
 * The reporters whose name, workplace, municipality or e-mail holds every word of the search, or
 * whose number holds its digits; by name. A directory is a few thousand rows: matched here, so
 * "å" and "Å" are the same letter (SQLite's LIKE folds ASCII only).
 */
export async function reporterList(
  manager: EntityManager,
  search: string,
): Promise<{ reporters: ReporterListItem[]; total: number }> {
  const rows: ReporterSqlRow[] = await manager.query(SELECT_REPORTERS);
  const words = fold(search).split(/\s+/).filter(Boolean);
  const digits = /^[+\d\s-]+$/.test(search) ? phoneSearchDigits(search) : '';
  const matches = (r: ReporterListItem) => {
    if (words.length === 0) return true;
    if (digits && r.phones.some((p) => phoneSearchDigits(p).includes(digits))) return true;
    const text = fold([r.name, r.workplace, r.customerName ?? '', r.email ?? ''].join(' '));
    return words.every((w) => text.includes(w));
  };
  const found = rows
    .map(toItem)
    .filter(matches)
    .sort((a, b) => a.name.localeCompare(b.name, 'nb') || a.id.localeCompare(b.id));
  return { reporters: found.slice(0, LIST_LIMIT), total: found.length };
}

/** One reporter with the calls from their numbers and their tickets, newest first; null when unknown. */
export async function reporterDetail(manager: EntityManager, id: string): Promise<ReporterDetail | null> {
  const [row]: ReporterSqlRow[] = await manager.query(`${SELECT_REPORTERS} WHERE r.id = ?`, [id]);
  if (!row) return null;
  const reporter = toItem(row);
  const marks = reporter.phones.map(() => '?').join(', ');
  const calls: Array<{
    id: string;
    arrived_at: string;
    caller_number: string;
    status: string;
    outcome: string | null;
    summary: string | null;
    taken_by_name: string | null;
  }> = reporter.phones.length
    ? await manager.query(
        `SELECT id, arrived_at, caller_number, status, outcome, summary, taken_by_name FROM call
         WHERE caller_number IN (${marks}) ORDER BY arrived_at DESC, id DESC LIMIT ?`,
        [...reporter.phones, HISTORY_LIMIT],
      )
    : [];
  const byEmail = reporter.email ? ` OR lower(reporter_email) = lower(?)` : '';
  const tickets: Array<{
    id: string;
    reference: string | null;
    provisional_reference: string | null;
    status: string;
    priority: string;
    title: string | null;
    description: string;
    created_at: string;
  }> = await manager.query(
    `SELECT id, reference, provisional_reference, status, priority, title, description, created_at FROM ticket
     WHERE reporter_phone IN (${marks || "''"})${byEmail} ORDER BY created_at DESC, id DESC LIMIT ?`,
    [...reporter.phones, ...(reporter.email ? [reporter.email] : []), HISTORY_LIMIT],
  );
  return {
    ...reporter,
    calls: calls.map((c) => ({
      id: c.id,
      arrivedAt: c.arrived_at,
      callerNumber: c.caller_number,
      status: c.status,
      outcome: c.outcome,
      summary: c.summary,
      takenByName: c.taken_by_name,
    })),
    tickets: tickets.map((t) => ({
      id: t.id,
      reference: t.reference ?? t.provisional_reference ?? '',
      status: t.status,
      priority: t.priority,
      title: t.title ?? t.description.split('\n', 1)[0]!.slice(0, 120),
      createdAt: t.created_at,
    })),
  };
}
