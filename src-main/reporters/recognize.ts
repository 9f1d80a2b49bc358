// Caller recognition: the reporter behind a phone number, and their open
// tickets. Runs on the desk (the queue and the active call) and on the
// central store (a call from the phone system arrives with its caller's name).
import type { EntityManager } from 'typeorm';
import { parsePhoneSystemNumber } from '../../src-shared/phone';
import type { RecognizedCaller } from '../../src-shared/reporters/schemas';

/** The reporters behind these numbers (as stored, E.164), by number; unknown numbers are absent. */
export async function recognizeCallers(
  manager: EntityManager,
  numbers: readonly string[],
): Promise<Map<string, RecognizedCaller>> {
  const out = new Map<string, RecognizedCaller>();
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

/** A number as the phone system sent it, in the stored form; null when it is not a number. */
export function storedNumber(raw: string | undefined | null): string | null {
  return raw ? parsePhoneSystemNumber(raw) : null;
}
