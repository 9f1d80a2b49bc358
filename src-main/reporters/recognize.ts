// Caller recognition: the reporter behind a phone number, and their open
// tickets. Runs on the desk (the queue and the active call) and on the
// central store (a call from the phone system arrives with its caller's name).
// A number the directory does not know may still be known from an earlier,
// finished call from it (issue 18): that caller is marked as such.
import type { EntityManager } from 'typeorm';
import { parsePhoneSystemNumber } from '../../src-shared/phone';
import type { DirectoryCaller, RecognizedCaller } from '../../src-shared/reporters/schemas';

/** The reporters behind these numbers (as stored, E.164), by number; unknown numbers are absent. */
export async function recognizeCallers(
  manager: EntityManager,
  numbers: readonly string[],
): Promise<Map<string, DirectoryCaller>> {
  const out = new Map<string, DirectoryCaller>();
  const wanted = [...new Set(numbers)];
  if (wanted.length === 0) return out;
  const p = (i: number) => manager.connection.driver.createParameter(`p${i}`, i);
  const rows: Array<{
    phone: string;
    id: string;
    name: string;
    customer_id: string;
    customer_name: string | null;
    workplace: string;
    email: string | null;
  }> = await manager.query(
    `SELECT rp.phone, r.id, r.name, r.customer_id, cu.name AS customer_name, r.workplace, r.email
     FROM reporter_phone rp JOIN reporter r ON r.id = rp.reporter_id
     LEFT JOIN customer cu ON cu.id = r.customer_id
     WHERE rp.phone IN (${wanted.map((_, i) => p(i)).join(', ')})`,
    wanted,
  );
  if (rows.length === 0) return out;
  // Open tickets filed under any of the reporter's numbers.
  const reporterIds = [...new Set(rows.map((r) => r.id))];
  const tickets: Array<{
    reporter_id: string;
    id: string;
    reference: string | null;
    provisional_reference: string | null;
    priority: string;
    status: string;
    title: string | null;
    description: string;
  }> = await manager.query(
    `SELECT rp.reporter_id, t.id, t.reference, t.provisional_reference, t.priority, t.status, t.title,
       t.description
     FROM reporter_phone rp JOIN ticket t ON t.reporter_phone = rp.phone
     WHERE rp.reporter_id IN (${reporterIds.map((_, i) => p(i)).join(', ')})
       AND t.status NOT IN ('resolved', 'closed')
     ORDER BY t.created_at DESC`,
    reporterIds,
  );
  for (const r of rows) {
    out.set(r.phone, {
      reporterId: r.id,
      name: r.name,
      customerId: r.customer_id,
      customerName: r.customer_name,
      workplace: r.workplace,
      email: r.email,
      openTickets: tickets
        .filter((t) => t.reporter_id === r.id)
        .slice(0, 10)
        .map((t) => ({
          id: t.id,
          reference: t.reference ?? t.provisional_reference ?? '',
          priority: t.priority,
          status: t.status,
          title: t.title ?? t.description.split('\n', 1)[0]!.slice(0, 120),
        })),
    });
  }
  return out;
}

/** Open tickets filed under one number, newest first (at most 10). */
async function openTicketsOf(
  manager: EntityManager,
  phone: string,
): Promise<RecognizedCaller['openTickets']> {
  const rows: Array<{
    id: string;
    reference: string | null;
    provisional_reference: string | null;
    priority: string;
    status: string;
    title: string | null;
    description: string;
  }> = await manager.query(
    `SELECT t.id, t.reference, t.provisional_reference, t.priority, t.status, t.title, t.description
     FROM ticket t WHERE t.reporter_phone = ? AND t.status NOT IN ('resolved', 'closed')
     ORDER BY t.created_at DESC LIMIT 10`,
    [phone],
  );
  return rows.map((t) => ({
    id: t.id,
    reference: t.reference ?? t.provisional_reference ?? '',
    priority: t.priority,
    status: t.status,
    title: t.title ?? t.description.split('\n', 1)[0]!.slice(0, 120),
  }));
}

/**
 * The directory's callers, and for the numbers it does not know, the caller of the last finished
 * call from that number that named who called and their municipality (marked `earlierCall`).
 * The desk's reads only (the local store is SQLite): mutators use recognizeCallers.
 */
export async function recognizeCallersOrEarlier(
  manager: EntityManager,
  numbers: readonly string[],
): Promise<Map<string, RecognizedCaller>> {
  const out = new Map<string, RecognizedCaller>(await recognizeCallers(manager, numbers));
  for (const number of new Set(numbers)) {
    if (out.has(number) || !/\d/.test(number)) continue;
    const [call]: Array<{
      id: string;
      arrived_at: string;
      caller_name: string;
      customer_id: string;
      customer_name: string | null;
      workplace: string | null;
    }> = await manager.query(
      `SELECT c.id, c.arrived_at, c.caller_name, c.customer_id, cu.name AS customer_name, c.workplace
       FROM call c LEFT JOIN customer cu ON cu.id = c.customer_id
       WHERE c.caller_number = ? AND c.status = 'finished'
         AND c.caller_name IS NOT NULL AND c.caller_name <> '' AND c.customer_id IS NOT NULL
       ORDER BY c.arrived_at DESC, c.id DESC LIMIT 1`,
      [number],
    );
    if (!call) continue;
    out.set(number, {
      reporterId: null,
      name: call.caller_name,
      customerId: call.customer_id,
      customerName: call.customer_name,
      workplace: call.workplace ?? '',
      email: null,
      openTickets: await openTicketsOf(manager, number),
      earlierCall: { id: call.id, arrivedAt: call.arrived_at },
    });
  }
  return out;
}

/** A number as the phone system sent it, in the stored form; null when it is not a number. */
export function storedNumber(raw: string | undefined | null): string | null {
  return raw ? parsePhoneSystemNumber(raw) : null;
}
