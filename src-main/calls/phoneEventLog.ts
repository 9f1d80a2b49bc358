// The phone system's events as the central store received them, newest
// first, with what became of each (the admin's view of the CTI feed). The
// central store serves it (its cti_event table is never synced to desks).
import { LessThan, type EntityManager } from 'typeorm';
import type { z } from 'zod';
import { ctiEventsQuery } from '../../src-shared/calls/cti';
import { CtiEvent as CtiEventEntity } from '../store/serverEntities';

/** The phone system's events, newest first, with what became of each (the admin's view). */
export async function listPhoneEvents(m: EntityManager, raw: z.input<typeof ctiEventsQuery>) {
  const q = ctiEventsQuery.parse(raw);
  const rows = await m.find(CtiEventEntity, {
    where: q.before
      ? [
          { receivedAt: LessThan(q.before.receivedAt) },
          { receivedAt: q.before.receivedAt, id: LessThan(q.before.id) },
        ]
      : {},
    order: { receivedAt: 'DESC', id: 'DESC' },
    take: q.limit,
  });
  return {
    items: rows.map((r) => ({ ...r, users: JSON.parse(r.users) as string[] })),
    nextBefore:
      rows.length === q.limit
        ? { receivedAt: rows[rows.length - 1]!.receivedAt, id: rows[rows.length - 1]!.id }
        : null,
  };
}
