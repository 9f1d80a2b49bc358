// The demo's shift roster (issue 15): last week, this week and next week for
// the demo staff, set by the team lead through the named mutation, only when
// this week has no roster yet. Agents answer the phone most days and work
// tickets one day a week in turn; the team lead takes the phone on Mondays
// (as the demo calls have it); technicians are out on site or on tickets.
import type { Actor } from '../../src-shared/roles';
import { addWeeks, mondayAt, rosterDays, type Duty } from '../../src-shared/shifts/roster';
import type { Desk } from '../desk/openDesk';
import { rosterSetWeek, weekEntries } from '../shifts/roster';

function dutyOf(actor: Actor, index: number, weekday: number, week: number): Duty {
  if (actor.role === 'team_lead') return weekday === 0 ? 'phone' : 'tickets';
  if (actor.role === 'technician') return (weekday + index + week) % 3 === 0 ? 'tickets' : 'on_site';
  // One agent a day on tickets, in turn; one day off a fortnight each.
  if ((weekday + index + week) % 5 === 0) return 'tickets';
  if ((week + index) % 2 === 0 && weekday === (index + 2) % 5) return 'off';
  return 'phone';
}

/** Writes the three weeks; returns the entries written (0 when this week already had a roster). */
export async function writeDemoRoster(
  desk: Desk,
  staff: readonly Actor[],
  teamLead: Actor,
  nowMs: number,
): Promise<number> {
  const thisWeek = mondayAt(new Date(nowMs));
  if ((await weekEntries(desk.store.dataSource.manager, thisWeek)).length > 0) return 0;
  let written = 0;
  for (const week of [-1, 0, 1]) {
    const monday = addWeeks(thisWeek, week);
    const entries = staff.flatMap((actor, index) =>
      rosterDays(monday).map((day, weekday) => ({
        userId: actor.userId,
        userName: actor.name,
        day,
        duty: dutyOf(actor, index, weekday, week + 1),
      })),
    );
    // Set the Friday before the week, as a team lead plans it.
    const at = new Date(
      Math.min(nowMs, Date.parse(`${addWeeks(monday, -1)}T13:00:00.000Z`) + 4 * 86_400_000),
    );
    written += (await desk.mutations.run(rosterSetWeek, { at: at.toISOString(), monday, entries }, teamLead))
      .written;
  }
  return written;
}
