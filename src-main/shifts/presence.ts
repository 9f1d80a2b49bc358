// Presence's mutator and reads (issue 15). A person sets their own state by
// hand; "i samtale" and "etterarbeid" are read from their calls
// (src-shared/shifts/presence.ts), so the phone system's events and the call
// panel move them without a second write. A state set on an offline desk that
// arrives after a newer one from another desk does not replace it.
import { In, type EntityManager } from 'typeorm';
import { PRESENCE_ROLES } from '../../src-shared/roles';
import {
  currentPresence,
  deskLinkArgs,
  presenceSetArgs,
  type ManualPresenceState,
  type PresenceNow,
} from '../../src-shared/shifts/presence';
import { defineMutation } from '../mutations/define';
import { namedId } from '../mutations/derivedId';
import { DeskLink, Presence } from '../store/entities';
import { placeholder, selectRow } from '../store/rowSql';

export const presenceSet = defineMutation({
  name: 'presence.set',
  schemaVersion: 1,
  args: presenceSetArgs,
  roles: PRESENCE_ROLES,
  async apply({ manager, write, actor }, args) {
    const stored = await selectRow(manager, Presence, { id: actor.userId });
    if (stored && Date.parse(stored.since) > Date.parse(args.at)) return { applied: false };
    await write.upsert(Presence, {
      id: actor.userId,
      userName: actor.name,
      state: args.state,
      since: args.at,
    });
    return { applied: true };
  },
});

/**
 * The central store's own record (a server mutation no desk can push) that a person's desk fell
 * silent past the timeout or was heard from again; presence reads it as "frakoblet". An older
 * record arriving after a newer one is ignored.
 */
export const presenceLink = defineMutation({
  name: 'presence.link',
  schemaVersion: 1,
  args: deskLinkArgs,
  roles: ['admin'],
  async apply({ manager, write }, args) {
    const id = deskLinkId(args.userId, args.clientId);
    const stored = await selectRow(manager, DeskLink, { id });
    if (stored && Date.parse(stored.since) > Date.parse(args.at)) return { applied: false };
    await write.upsert(DeskLink, {
      id,
      userId: args.userId,
      userName: args.userName,
      clientId: args.clientId,
      online: args.online ? 1 : 0,
      since: args.at,
    });
    return { applied: true };
  },
});

export function deskLinkId(userId: string, clientId: string): string {
  return namedId(`desk_link:${userId}:${clientId}`);
}

/** How far back a finished call still counts for wrap-up: a working day. */
const WRAP_UP_LOOKBACK_MS = 24 * 3_600_000;

/** Each person's state now (null: none set and no call taken), on a desk's store or the central store. */
export async function presenceNow(
  manager: EntityManager,
  userIds: readonly string[],
  now: Date,
): Promise<Map<string, PresenceNow | null>> {
  const stored = new Map(
    (await manager.find(Presence, { where: { id: In([...userIds]) } })).map((p) => [p.id, p]),
  );
  const onCall = new Map(
    (
      (await manager.query(
        `SELECT taken_by, min(taken_at) AS since FROM call WHERE status = 'taken' GROUP BY taken_by`,
      )) as Array<{
        taken_by: string;
        since: string;
      }>
    ).map((r) => [r.taken_by, r.since]),
  );
  const ended = new Map(
    (
      (await manager.query(
        `SELECT taken_by, max(ended_at) AS ended FROM call
         WHERE arrived_at >= ${placeholder(manager)(0)} AND status = 'finished' AND taken_by IS NOT NULL GROUP BY taken_by`,
        [new Date(now.getTime() - WRAP_UP_LOOKBACK_MS).toISOString()],
      )) as Array<{ taken_by: string; ended: string }>
    ).map((r) => [r.taken_by, r.ended]),
  );
  const links = new Map<string, Array<{ online: boolean; since: string }>>();
  for (const l of await manager.find(DeskLink, { where: { userId: In([...userIds]) } })) {
    const list = links.get(l.userId) ?? [];
    list.push({ online: l.online === 1, since: l.since });
    links.set(l.userId, list);
  }
  return new Map(
    userIds.map((id) => {
      const row = stored.get(id);
      return [
        id,
        currentPresence({
          stored: row ? { state: row.state as ManualPresenceState, since: row.since } : null,
          onCallSince: onCall.get(id) ?? null,
          lastCallEndedAt: ended.get(id) ?? null,
          links: links.get(id) ?? [],
        }),
      ];
    }),
  );
}
