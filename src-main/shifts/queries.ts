// The shift roster as the screens read it: a week's days (closed days marked
// from the SLA calendar), its people with their presence now, and their duties.
import { DateTime } from 'luxon';
import type { EntityManager } from 'typeorm';
import { SERVICE_TIME_ZONE } from '../../src-shared/serviceTimeZone';
import type { StaffMember } from '../../src-shared/session';
import { rosterDays, weekNumber, type Duty, type RosterWeekView } from '../../src-shared/shifts/roster';
import { slaInForce } from '../sla';
import { presenceNow } from './presence';
import { weekEntries } from './roster';

export async function rosterWeek(
  manager: EntityManager,
  monday: string,
  staff: { staff: StaffMember[]; offline: boolean },
  now: Date,
): Promise<RosterWeekView> {
  const { calendar } = await slaInForce(manager);
  const days = rosterDays(monday).map((day) => {
    const start = DateTime.fromISO(day, { zone: SERVICE_TIME_ZONE });
    const open = calendar.openIntervals(start.toMillis(), start.plus({ days: 1 }).toMillis());
    return { day, closed: open.length === 0 };
  });
  const entries = (await weekEntries(manager, monday)).map((r) => ({
    userId: r.userId,
    userName: r.userName,
    day: r.day,
    duty: r.duty as Duty,
    updatedAt: r.updatedAt,
    updatedByName: r.updatedByName,
  }));
  // The staff directory's people, then anyone with an entry that week who is no longer in it.
  const people = staff.staff.map((s) => ({
    userId: s.id,
    name: s.displayName,
    role: s.role as string | null,
  }));
  const listed = new Set(people.map((p) => p.userId));
  for (const e of entries) {
    if (listed.has(e.userId)) continue;
    listed.add(e.userId);
    people.push({ userId: e.userId, name: e.userName, role: null });
  }
  people.sort((a, b) => a.name.localeCompare(b.name, 'nb'));
  const presence = await presenceNow(
    manager,
    people.map((p) => p.userId),
    now,
  );
  return {
    monday,
    ...weekNumber(monday),
    days,
    people: people.map((p) => ({ ...p, presence: presence.get(p.userId) ?? null })),
    entries,
    staffOffline: staff.offline,
  };
}
