// The team lead's alerts (issue 15): which conditions hold now, each under a
// key that names it once (a caller's long wait, a ticket's clock entering at
// risk or breaching, a desk on today's shift going offline), so the desk can
// show each one once. Pure: the live view's figures and "now" in; the screen
// keeps which keys it has shown.
import type { FlaggedTicket } from './liveFigures';
import type { PresenceNow } from './presence';
import type { Duty } from './roster';
import type { ShiftSettings } from './settings';
import type { ClockFilter } from '../tickets/schemas';

export type ShiftAlert =
  | { key: string; kind: 'longWait'; callId: string; callerName: string | null; waitedSeconds: number }
  | { key: string; kind: ClockFilter; ticketId: string; reference: string | null }
  | { key: string; kind: 'deskOffline'; userId: string; name: string; since: string };

export interface AlertFacts {
  calls: { waiting: ReadonlyArray<{ id: string; arrivedAt: string; callerName: string | null }> };
  tickets: { flagged: readonly FlaggedTicket[] };
  people: ReadonlyArray<{ userId: string; name: string; duty: Duty | null; presence: PresenceNow | null }>;
  settings: ShiftSettings;
}

/** Every alert that holds at nowMs, the team lead's settings applied: calls first, then tickets, then desks. */
export function currentAlerts(f: AlertFacts, nowMs: number): ShiftAlert[] {
  const alerts: ShiftAlert[] = [];
  const limitMs = f.settings.longWaitSeconds * 1000;
  for (const c of f.calls.waiting)
    if (nowMs - Date.parse(c.arrivedAt) > limitMs)
      alerts.push({
        key: `wait:${c.id}`,
        kind: 'longWait',
        callId: c.id,
        callerName: c.callerName,
        waitedSeconds: f.settings.longWaitSeconds,
      });
  for (const t of f.tickets.flagged)
    for (const flag of t.flags) {
      const wanted = flag.endsWith('Breached') ? f.settings.alertBreached : f.settings.alertAtRisk;
      if (wanted) alerts.push({ key: `${flag}:${t.id}`, kind: flag, ticketId: t.id, reference: t.reference });
    }
  if (f.settings.alertDeskOffline)
    for (const p of f.people)
      if (p.presence?.state === 'offline' && p.duty !== null && p.duty !== 'off')
        alerts.push({
          key: `offline:${p.userId}:${p.presence.since}`,
          kind: 'deskOffline',
          userId: p.userId,
          name: p.name,
          since: p.presence.since,
        });
  return alerts;
}

/**
 * The alerts to show now, and the keys to remember: those not shown before. `seen` null means this
 * desk has never watched for this person: what holds already is taken as known, not announced.
 * Keys no longer holding are forgotten, so a condition that ends and comes back (a desk going
 * offline again) is announced again under its new key.
 */
export function newAlerts(
  current: readonly ShiftAlert[],
  seen: ReadonlySet<string> | null,
): { fresh: ShiftAlert[]; remember: string[] } {
  const remember = current.map((a) => a.key);
  if (seen === null) return { fresh: [], remember };
  return { fresh: current.filter((a) => !seen.has(a.key)), remember };
}
