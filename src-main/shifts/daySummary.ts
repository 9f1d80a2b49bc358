// The team lead's end-of-day summary (issue 15): one Oslo day's figures, to
// print or save as PDF (the page) and as CSV. The same rows and rules as the
// live view (liveView.ts, src-shared/shifts/liveFigures.ts), judged at the end
// of the day, or now while the day is still going. Tickets: filed and resolved
// that day per priority (exact for any day from their own instants), and the
// open tickets now only on the day itself (a past day's open list is not kept).
import type { EntityManager } from 'typeorm';
import type { StaffMember } from '../../src-shared/session';
import { PRIORITIES, type Priority } from '../../src-shared/sla';
import {
  callFigures,
  osloDayOf,
  responseCompliance,
  ticketFigures,
  type CallFigures,
  type ComplianceRow,
  type TicketFigures,
} from '../../src-shared/shifts/liveFigures';
import { DUTIES, type Duty } from '../../src-shared/shifts/roster';
import { csvOf } from '../local/csv';
import { slaInForce } from '../sla';
import { RosterEntry } from '../store/entities';
import { placeholder } from '../store/rowSql';
import { callFacts, complianceTicketFacts, keptInstants, openTicketFacts } from './liveView';
import { shiftSettings } from './settings';

export interface DaySummary {
  day: string;
  /** The instant the figures are judged at: the day's end, or now while it lasts. */
  at: string;
  final: boolean;
  answerWithinSeconds: number;
  calls: Omit<CallFigures, 'waiting' | 'longestWaitMs'>;
  compliance: ComplianceRow[];
  people: Array<{ name: string; duty: Duty | null; callsTaken: number }>;
  tickets: {
    filed: Record<Priority, number>;
    resolved: Record<Priority, number>;
    /** Today only: the open tickets now, by priority and SLA group. */
    openNow: Pick<TicketFigures, 'open' | 'byPriority' | 'byClock' | 'unassigned'> | null;
  };
}

export async function daySummary(
  manager: EntityManager,
  staff: readonly StaffMember[],
  dayName: string,
  now: Date,
): Promise<DaySummary> {
  const day = osloDayOf(dayName);
  const atMs = Math.min(now.getTime(), day.endMs);
  const final = now.getTime() >= day.endMs;
  const p = placeholder(manager);
  const [from, until] = [new Date(day.startMs).toISOString(), new Date(atMs).toISOString()];
  const [{ settings: sla, calendar }, settings, calls, settled, entries, counted, open] = await Promise.all([
    slaInForce(manager),
    shiftSettings(manager),
    callFacts(manager, day),
    complianceTicketFacts(manager, day),
    manager.find(RosterEntry, { where: { day: day.day } }),
    manager.query(
      `SELECT priority, sum(CASE WHEN created_at >= ${p(0)} AND created_at < ${p(1)} THEN 1 ELSE 0 END) AS filed,
         sum(CASE WHEN resolved_at >= ${p(2)} AND resolved_at < ${p(3)} THEN 1 ELSE 0 END) AS resolved
       FROM ticket WHERE created_at >= ${p(4)} OR resolved_at >= ${p(5)} GROUP BY priority`,
      [from, until, from, until, from, from],
    ) as Promise<Array<{ priority: Priority; filed: number | string; resolved: number | string }>>,
    final || now.getTime() < day.startMs ? Promise.resolve(null) : openTicketFacts(manager),
  ]);
  const {
    waiting: _waiting,
    longestWaitMs: _longest,
    ...callCounts
  } = callFigures(
    calls.filter((c) => Date.parse(c.arrivedAt) < atMs),
    day,
    atMs,
    settings.answerWithinSeconds,
  );
  const zero = () => Object.fromEntries(PRIORITIES.map((x) => [x, 0])) as Record<Priority, number>;
  const filed = zero();
  const resolved = zero();
  for (const r of counted) {
    filed[r.priority] = Number(r.filed);
    resolved[r.priority] = Number(r.resolved);
  }
  // The people: everyone on that day's roster with a duty, and anyone who took a call.
  const names = new Map(staff.map((s) => [s.id, s.displayName]));
  for (const e of entries) names.set(e.userId, names.get(e.userId) ?? e.userName);
  const taken = new Map<string, number>();
  for (const c of calls)
    if (c.takenBy && Date.parse(c.arrivedAt) >= day.startMs && Date.parse(c.arrivedAt) < atMs)
      taken.set(c.takenBy, (taken.get(c.takenBy) ?? 0) + 1);
  const duty = new Map(entries.map((e) => [e.userId, e.duty as Duty]));
  const people = [
    ...new Set([...entries.filter((e) => e.duty !== 'off').map((e) => e.userId), ...taken.keys()]),
  ]
    .map((id) => ({ name: names.get(id) ?? id, duty: duty.get(id) ?? null, callsTaken: taken.get(id) ?? 0 }))
    .sort((a, b) => a.name.localeCompare(b.name, 'nb'));
  const openNow = open
    ? ticketFigures(open, now.getTime(), calendar, sla, keptInstants(calendar, sla))
    : null;
  return {
    day: day.day,
    at: new Date(atMs).toISOString(),
    final,
    answerWithinSeconds: settings.answerWithinSeconds,
    calls: callCounts,
    compliance: responseCompliance(settled, day, atMs, calendar, sla, keptInstants(calendar, sla)),
    people,
    tickets: {
      filed,
      resolved,
      openNow: openNow && {
        open: openNow.open,
        byPriority: openNow.byPriority,
        byClock: openNow.byClock,
        unassigned: openNow.unassigned,
      },
    },
  };
}

const PRIORITY_NAMES: Record<Priority, string> = {
  critical: 'Kritisk',
  high: 'Høy',
  medium: 'Middels',
  low: 'Lav',
};
const DUTY_NAMES: Record<Duty, string> = Object.fromEntries(
  DUTIES.map((d) => [d, { phone: 'Telefon', tickets: 'Saker', on_site: 'På oppdrag', off: 'Fri' }[d]]),
) as Record<Duty, string>;
const percent = (share: number | null) => (share === null ? '' : (Math.round(share * 1000) / 10).toFixed(1));
const seconds = (ms: number | null) => (ms === null ? '' : String(Math.round(ms / 1000)));

/** The summary as CSV (bokmål, semicolons): one line per figure, "Del;Nøkkeltall;Verdi". */
export function daySummaryCsv(s: DaySummary): string {
  const rows: Array<Record<string, string | number | null>> = [];
  const add = (part: string, figure: string, value: string | number | null) =>
    rows.push({ Del: part, Nøkkeltall: figure, Verdi: value });
  add('Dag', 'Dato', s.day);
  add('Dag', 'Tall per', s.at);
  add('Dag', 'Dagen er over', s.final ? 'ja' : 'nei');
  add('Telefon', 'Innkomne samtaler', s.calls.offered);
  add('Telefon', 'Besvart', s.calls.answered);
  add('Telefon', 'Lagt på i kø', s.calls.abandoned);
  add('Telefon', 'Tapte, ikke ringt tilbake', s.calls.missedNotCalledBack);
  add('Telefon', 'Median ventetid (s)', seconds(s.calls.medianWaitMs));
  add('Telefon', '90-persentil ventetid (s)', seconds(s.calls.p90WaitMs));
  add('Telefon', `Besvart innen ${s.answerWithinSeconds} s (%)`, percent(s.calls.answeredInTimeShare));
  add('Telefon', 'Lagt på i kø (%)', percent(s.calls.abandonedShare));
  for (const r of s.compliance) {
    add('Responsmål', `${PRIORITY_NAMES[r.priority]}: nådd`, r.met);
    add('Responsmål', `${PRIORITY_NAMES[r.priority]}: brutt`, r.breached);
    add('Responsmål', `${PRIORITY_NAMES[r.priority]}: andel nådd (%)`, percent(r.share));
  }
  for (const priority of PRIORITIES) {
    add('Saker', `${PRIORITY_NAMES[priority]}: registrert`, s.tickets.filed[priority]);
    add('Saker', `${PRIORITY_NAMES[priority]}: løst`, s.tickets.resolved[priority]);
  }
  if (s.tickets.openNow) {
    add('Åpne saker nå', 'I alt', s.tickets.openNow.open);
    for (const priority of PRIORITIES)
      add('Åpne saker nå', PRIORITY_NAMES[priority], s.tickets.openNow.byPriority[priority]);
    add('Åpne saker nå', 'Respons i fare', s.tickets.openNow.byClock.responseAtRisk);
    add('Åpne saker nå', 'Respons brutt', s.tickets.openNow.byClock.responseBreached);
    add('Åpne saker nå', 'Løsning i fare', s.tickets.openNow.byClock.resolutionAtRisk);
    add('Åpne saker nå', 'Løsning brutt', s.tickets.openNow.byClock.resolutionBreached);
    add('Åpne saker nå', 'Ikke tildelt', s.tickets.openNow.unassigned);
  }
  for (const p of s.people)
    add(
      'Medarbeidere',
      `${p.name} (${p.duty ? DUTY_NAMES[p.duty] : 'ikke satt opp'}): samtaler`,
      p.callsTaken,
    );
  return csvOf(rows, ['Del', 'Nøkkeltall', 'Verdi']);
}
