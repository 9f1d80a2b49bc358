// The shift roster's mutators (issue 15): a team lead saves a whole week, or
// copies the week before onto it. Each person-day is one row whose id is
// derived from the day and the person, so two desks that set the same cell
// offline write the same row and the later change wins, instead of leaving
// two duties for one day. Only rows that change are written.
import { In, type EntityManager } from 'typeorm';
import { ROSTER_ROLES } from '../../src-shared/roles';
import {
  rosterCopyWeekArgs,
  rosterDays,
  rosterSetWeekArgs,
  type RosterEntryInput,
} from '../../src-shared/shifts/roster';
import { defineMutation, type MutationContext } from '../mutations/define';
import { namedId } from '../mutations/derivedId';
import { RosterEntry, type RosterEntryRow } from '../store/entities';

/** The row id of a person's day on the roster, from the day and the person. */
export function rosterEntryId(day: string, userId: string): string {
  return namedId(`roster:${day}:${userId}`);
}

/** The entries of the roster days of the week starting on `monday` (on either engine). */
export function weekEntries(manager: EntityManager, monday: string): Promise<RosterEntryRow[]> {
  return manager.find(RosterEntry, {
    where: { day: In(rosterDays(monday)) },
    order: { day: 'ASC', userName: 'ASC' },
  });
}

/** Makes the week's entries exactly `wanted`: writes the new and changed ones, deletes the rest. */
async function replaceWeek(
  ctx: MutationContext,
  monday: string,
  wanted: RosterEntryInput[],
  at: string,
): Promise<{ written: number; cleared: number }> {
  const before = new Map((await weekEntries(ctx.manager, monday)).map((r) => [r.id, r]));
  let written = 0;
  for (const e of wanted) {
    const id = rosterEntryId(e.day, e.userId);
    const old = before.get(id);
    before.delete(id);
    if (old && old.duty === e.duty && old.userName === e.userName) continue;
    await ctx.write.upsert(RosterEntry, {
      id,
      day: e.day,
      userId: e.userId,
      userName: e.userName,
      duty: e.duty,
      updatedAt: at,
      updatedByName: ctx.actor.name,
    });
    written++;
  }
  for (const id of before.keys()) await ctx.write.delete(RosterEntry, id);
  return { written, cleared: before.size };
}

export const rosterSetWeek = defineMutation({
  name: 'shifts.setWeek',
  schemaVersion: 1,
  args: rosterSetWeekArgs,
  roles: ROSTER_ROLES,
  apply: (ctx, args) => replaceWeek(ctx, args.monday, args.entries, args.at),
});

export const rosterCopyWeek = defineMutation({
  name: 'shifts.copyWeek',
  schemaVersion: 1,
  args: rosterCopyWeekArgs,
  roles: ROSTER_ROLES,
  async apply(ctx, args) {
    // Weekday by weekday: Monday's duties onto Monday, and so on.
    const targetDays = rosterDays(args.to);
    const onto = new Map(rosterDays(args.from).map((day, i) => [day, targetDays[i]!]));
    const shift = (day: string) => onto.get(day)!;
    const source = await weekEntries(ctx.manager, args.from);
    const copied = source.map((r) => ({
      userId: r.userId,
      userName: r.userName,
      day: shift(r.day),
      duty: r.duty as RosterEntryInput['duty'],
    }));
    return { ...(await replaceWeek(ctx, args.to, copied, args.at)), copied: copied.length };
  },
});
