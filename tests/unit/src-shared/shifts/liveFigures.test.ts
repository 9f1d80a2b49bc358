// The shift's figures on hand-made days: every number worked out by hand from
// the rows below (Oslo wall-clock times), including both DST days.
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { createServiceCalendar, DEFAULT_SLA_SETTINGS } from '../../../../src-shared/sla';
import { clockInstants } from '../../../../src-shared/tickets/lifecycle';
import {
  callFigures,
  nearestRank,
  osloDayBounds,
  osloDayOf,
  peopleFigures,
  responseCompliance,
  ticketCounts,
  ticketFigures,
  type CallFacts,
  type TicketFacts,
} from '../../../../src-shared/shifts/liveFigures';

const settings = DEFAULT_SLA_SETTINGS;
const calendar = createServiceCalendar(settings);
/** 'YYYY-MM-DD HH:mm[:ss]' in Oslo → ISO instant. */
const oslo = (local: string) => {
  const dt = DateTime.fromFormat(local, local.length > 16 ? 'yyyy-MM-dd HH:mm:ss' : 'yyyy-MM-dd HH:mm', {
    zone: 'Europe/Oslo',
  });
  if (!dt.isValid) throw new Error(`bad test instant ${local}`);
  return dt.toUTC().toISO()!;
};
const ms = (local: string) => Date.parse(oslo(local));

let n = 0;
function call(arrived: string, over: Partial<CallFacts> = {}): CallFacts {
  return {
    id: `c${String(++n).padStart(3, '0')}`,
    arrivedAt: oslo(arrived),
    status: 'finished',
    takenBy: null,
    takenAt: null,
    endedAt: null,
    outcome: null,
    calledBackAt: null,
    callerName: null,
    customerId: null,
    ...over,
  };
}
const answered = (arrived: string, taken: string, by = 'u1') =>
  call(arrived, { takenBy: by, takenAt: oslo(taken), endedAt: oslo(taken), outcome: 'solved' });

function ticket(id: string, over: Partial<TicketFacts> & { createdAt: string }): TicketFacts {
  return {
    id,
    reference: `2026-${id}`,
    provisionalReference: null,
    customerId: 'molde',
    assigneeId: null,
    assigneeName: null,
    summary: `Ticket ${id}`,
    priority: 'medium',
    status: 'new',
    respondedAt: null,
    resolvedAt: null,
    pauses: '[]',
    ...over,
  };
}

describe('the day in Oslo', () => {
  it('has 24 hours on an ordinary day, 23 when summer time starts and 25 when it ends', () => {
    const ordinary = osloDayOf('2026-12-02');
    expect(new Date(ordinary.startMs).toISOString()).toBe('2026-12-01T23:00:00.000Z');
    expect(ordinary.endMs - ordinary.startMs).toBe(24 * 3_600_000);
    const spring = osloDayOf('2026-03-29');
    expect(new Date(spring.startMs).toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(spring.endMs - spring.startMs).toBe(23 * 3_600_000);
    const autumn = osloDayOf('2026-10-25');
    expect(new Date(autumn.startMs).toISOString()).toBe('2026-10-24T22:00:00.000Z');
    expect(autumn.endMs - autumn.startMs).toBe(25 * 3_600_000);
    // An instant just after midnight in Oslo belongs to the new day, whatever its UTC date.
    expect(osloDayBounds(Date.parse('2026-10-24T22:30:00.000Z')).day).toBe('2026-10-25');
    expect(osloDayBounds(Date.parse('2026-10-25T22:59:59.999Z')).day).toBe('2026-10-25');
    expect(osloDayBounds(Date.parse('2026-10-25T23:00:00.000Z')).day).toBe('2026-10-26');
    expect(() => osloDayOf('2026-02-30')).toThrow(RangeError);
  });
});

describe('nearest-rank percentiles', () => {
  it('takes the value at rank ⌈p·n⌉', () => {
    expect(nearestRank([], 0.5)).toBeNull();
    expect(nearestRank([7], 0.9)).toBe(7);
    expect(nearestRank([1, 2, 3, 4], 0.5)).toBe(2);
    expect(nearestRank([1, 2, 3, 4, 5], 0.5)).toBe(3);
    expect(nearestRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9);
    expect(nearestRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 0.9)).toBe(10);
  });
});

describe('call figures', () => {
  it('counts a hand-made Wednesday', () => {
    const day = osloDayOf('2026-12-02');
    const calls = [
      // Answered after 10 s, 30 s, 60 s (in time: not late at exactly the threshold), 61 s and 200 s.
      answered('2026-12-02 08:00:00', '2026-12-02 08:00:10'),
      answered('2026-12-02 08:10:00', '2026-12-02 08:10:30', 'u2'),
      answered('2026-12-02 09:00:00', '2026-12-02 09:01:00'),
      answered('2026-12-02 09:30:00', '2026-12-02 09:31:01', 'u2'),
      { ...answered('2026-12-02 10:00:00', '2026-12-02 10:03:20'), status: 'taken' as const, endedAt: null },
      // Missed on the phone system (not called back), and abandoned by hand (called back).
      call('2026-12-02 10:30', { endedAt: oslo('2026-12-02 10:31'), outcome: 'missed' }),
      call('2026-12-02 10:40', {
        endedAt: oslo('2026-12-02 10:42'),
        outcome: 'abandoned',
        calledBackAt: oslo('2026-12-02 11:00'),
      }),
      // Sent elsewhere before anyone took it: offered, neither answered nor abandoned.
      call('2026-12-02 10:50', { endedAt: oslo('2026-12-02 10:50'), outcome: 'transferred' }),
      // Waiting now; one since yesterday (in the queue, not in today's figures).
      call('2026-12-02 11:58', { status: 'waiting', callerName: 'Kari Nordvik', customerId: 'molde' }),
      call('2026-12-02 11:55', { status: 'waiting' }),
      call('2026-12-01 15:29', { status: 'waiting' }),
      // Yesterday's and tomorrow's calls are not today's.
      answered('2026-12-01 15:00', '2026-12-01 15:10'),
      call('2026-12-01 14:00', { endedAt: oslo('2026-12-01 14:01'), outcome: 'missed' }),
    ];
    const f = callFigures(calls, day, ms('2026-12-02 12:00'), 60);
    expect(f.waiting.map((w) => [w.arrivedAt, w.waitMs / 60_000])).toEqual([
      [oslo('2026-12-01 15:29'), 20 * 60 + 31],
      [oslo('2026-12-02 11:55'), 5],
      [oslo('2026-12-02 11:58'), 2],
    ]);
    expect(f.waiting[2]).toMatchObject({ callerName: 'Kari Nordvik', customerId: 'molde' });
    expect(f.longestWaitMs).toBe((20 * 60 + 31) * 60_000);
    expect(f).toMatchObject({
      offered: 10,
      answered: 5,
      abandoned: 2,
      missedNotCalledBack: 1,
      medianWaitMs: 60_000,
      p90WaitMs: 200_000,
      answeredInTime: 3,
    });
    expect(f.answeredInTimeShare).toBeCloseTo(3 / 7, 12);
    expect(f.abandonedShare).toBeCloseTo(2 / 7, 12);
    // A stricter threshold moves only the share in time.
    expect(callFigures(calls, day, ms('2026-12-02 12:00'), 30)).toMatchObject({ answeredInTime: 2 });
  });

  it('is empty, not zero-divided, before the first call', () => {
    const f = callFigures([], osloDayOf('2026-12-02'), ms('2026-12-02 08:00'), 60);
    expect(f).toEqual({
      waiting: [],
      longestWaitMs: null,
      offered: 0,
      answered: 0,
      abandoned: 0,
      missedNotCalledBack: 0,
      medianWaitMs: null,
      p90WaitMs: null,
      answeredInTime: 0,
      answeredInTimeShare: null,
      abandonedShare: null,
    });
  });

  it('takes a 25-hour day whole when summer time ends (and a 23-hour one when it starts)', () => {
    const autumn = [
      answered('2026-10-25 00:30', '2026-10-25 00:31'), // 22:30 UTC the day before
      answered('2026-10-25 23:30', '2026-10-25 23:30:40'), // 22:30 UTC the same date
      answered('2026-10-26 00:00', '2026-10-26 00:00:05'), // the next day
      answered('2026-10-24 23:59', '2026-10-25 00:00:10'), // arrived the day before
    ];
    const f = callFigures(autumn, osloDayOf('2026-10-25'), ms('2026-10-26 00:00'), 60);
    expect(f).toMatchObject({ offered: 2, answered: 2, medianWaitMs: 40_000, p90WaitMs: 60_000 });
    const spring = [
      answered('2026-03-29 00:30', '2026-03-29 00:31'),
      answered('2026-03-29 01:59', '2026-03-29 03:00'), // the clock skips 02:00–03:00: a 1-minute wait
      answered('2026-03-28 23:59', '2026-03-29 00:00:30'),
    ];
    const g = callFigures(spring, osloDayOf('2026-03-29'), ms('2026-03-30 00:00'), 60);
    expect(g).toMatchObject({ offered: 2, answered: 2, medianWaitMs: 60_000, answeredInTime: 2 });
  });
});

describe('ticket figures', () => {
  it('counts open tickets by priority, SLA group, assignee and customer at Wednesday noon', () => {
    const now = ms('2026-12-02 12:00');
    const tickets = [
      // Critical, 30 min unanswered (target 15 min): response breached; resolution 30/120, fine.
      ticket('t1', { priority: 'critical', createdAt: oslo('2026-12-02 11:30'), customerId: 'aukra' }),
      // Critical, 12 of 15 min used (≥ 75 %): response at risk; assigned.
      ticket('t2', { priority: 'critical', createdAt: oslo('2026-12-02 11:48'), assigneeId: 'u1' }),
      // High, answered; resolution (4 service hours from Tue 14:00) was due Wed 10:30: breached.
      ticket('t3', {
        priority: 'high',
        createdAt: oslo('2026-12-01 14:00'),
        respondedAt: oslo('2026-12-01 14:10'),
        status: 'in_progress',
        assigneeId: 'u1',
      }),
      // Low, in agreed plan (R10, resolution clock stopped) and answered: in no group.
      ticket('t4', {
        priority: 'low',
        createdAt: oslo('2026-12-02 09:00'),
        respondedAt: oslo('2026-12-02 09:05'),
        status: 'agreed_plan',
        pauses: JSON.stringify([{ kind: 'agreed_plan', start: oslo('2026-12-02 09:30'), end: null }]),
      }),
      // Medium, answered late yesterday: its response cannot be helped any more, so in no response
      // group; resolution 22.5 service h from Tue 08:00 is due Thu 15:30 → 12/22.5 h used: fine.
      ticket('t5', {
        priority: 'medium',
        createdAt: oslo('2026-12-01 08:00'),
        respondedAt: oslo('2026-12-01 15:00'),
        status: 'in_progress',
        customerId: 'aukra',
      }),
      // Resolved: not open, counted nowhere.
      ticket('t6', {
        priority: 'critical',
        createdAt: oslo('2026-12-02 08:00'),
        status: 'resolved',
        resolvedAt: oslo('2026-12-02 08:30'),
      }),
    ];
    const f = ticketFigures(tickets, now, calendar, settings);
    expect(f.open).toBe(5);
    expect(f.byPriority).toEqual({ critical: 2, high: 1, medium: 1, low: 1 });
    expect(f.byClock).toEqual({
      responseAtRisk: 1,
      responseBreached: 1,
      resolutionAtRisk: 0,
      resolutionBreached: 1,
    });
    expect(f.unassigned).toBe(3);
    expect(f.byCustomer).toEqual([
      { customerId: 'molde', count: 3 },
      { customerId: 'aukra', count: 2 },
    ]);
    expect(f.flagged).toEqual([
      { id: 't1', reference: '2026-t1', priority: 'critical', flags: ['responseBreached'] },
      { id: 't2', reference: '2026-t2', priority: 'critical', flags: ['responseAtRisk'] },
      { id: 't3', reference: '2026-t3', priority: 'high', flags: ['resolutionBreached'] },
    ]);
    // To act on: breached first (response, then resolution), then at risk, then the unassigned rest.
    expect(f.attention.map((t) => [t.id, t.flags])).toEqual([
      ['t1', ['responseBreached']],
      ['t3', ['resolutionBreached']],
      ['t2', ['responseAtRisk']],
      ['t5', []],
      ['t4', []],
    ]);
    expect(f.attentionTotal).toBe(5);
    // At 13:05 t1's resolution (due 13:30 on 2 h) has used 95 min of 120: at risk as well.
    const later = ticketFigures(tickets, ms('2026-12-02 13:05'), calendar, settings);
    expect(later.flagged.find((t) => t.id === 't1')?.flags).toEqual(['responseBreached', 'resolutionAtRisk']);
    // The counts alone (the wallboard's) are the same counts, seeing each open ticket with its groups.
    const seen: string[] = [];
    const counts = ticketCounts(
      tickets,
      now,
      (t) => clockInstants(t, calendar, settings),
      (t, flags) => seen.push(`${t.id}:${flags.join('+')}`),
    );
    const { flagged: _f, attention: _a, attentionTotal: _t, ...countsOfFigures } = f;
    expect(counts).toEqual(countsOfFigures);
    expect(seen).toEqual(['t1:responseBreached', 't2:responseAtRisk', 't3:resolutionBreached', 't4:', 't5:']);
  });
});

describe('response compliance today', () => {
  it('counts each ticket once, on the day its response was settled', () => {
    const day = osloDayOf('2026-12-02');
    const tickets = [
      // Critical answered in time today; critical answered 5 min late today.
      ticket('a', {
        priority: 'critical',
        createdAt: oslo('2026-12-02 11:30'),
        respondedAt: oslo('2026-12-02 11:40'),
      }),
      ticket('b', {
        priority: 'critical',
        createdAt: oslo('2026-12-02 11:00'),
        respondedAt: oslo('2026-12-02 11:20'),
      }),
      // High from yesterday 15:00, due today 08:30 and still unanswered: breached today.
      ticket('c', { priority: 'high', createdAt: oslo('2026-12-01 15:00') }),
      // Medium due today 14:00, not answered yet at noon: still within its target, not counted.
      ticket('d', { priority: 'medium', createdAt: oslo('2026-12-02 11:00') }),
      // Low answered on Monday: settled then, not today.
      ticket('e', {
        priority: 'low',
        createdAt: oslo('2026-11-30 10:00'),
        respondedAt: oslo('2026-11-30 10:30'),
      }),
      // High answered in time today.
      ticket('f', {
        priority: 'high',
        createdAt: oslo('2026-12-02 11:50'),
        respondedAt: oslo('2026-12-02 11:55'),
      }),
      // High filed yesterday 15:20, due today 08:50, answered today 08:45: met today (not yesterday).
      ticket('g', {
        priority: 'high',
        createdAt: oslo('2026-12-01 15:20'),
        respondedAt: oslo('2026-12-02 08:45'),
      }),
    ];
    const rows = responseCompliance(tickets, day, ms('2026-12-02 12:00'), calendar, settings);
    expect(rows).toEqual([
      { priority: 'critical', met: 1, breached: 1, share: 0.5 },
      { priority: 'high', met: 2, breached: 1, share: 2 / 3 },
      { priority: 'medium', met: 0, breached: 0, share: null },
      { priority: 'low', met: 0, breached: 0, share: null },
    ]);
    // At 14:01 the medium ticket's deadline has passed unanswered as well.
    const later = responseCompliance(tickets, day, ms('2026-12-02 14:01'), calendar, settings);
    expect(later.find((r) => r.priority === 'medium')).toEqual({
      priority: 'medium',
      met: 0,
      breached: 1,
      share: 0,
    });
    // On Monday's figures, only the low ticket (answered in time).
    const monday = responseCompliance(
      tickets,
      osloDayOf('2026-11-30'),
      ms('2026-12-02 12:00'),
      calendar,
      settings,
    );
    expect(monday.find((r) => r.priority === 'low')).toMatchObject({ met: 1, breached: 0 });
    expect(monday.filter((r) => r.priority !== 'low').every((r) => r.met + r.breached === 0)).toBe(true);
  });
});

describe('people on the shift', () => {
  it('counts each person’s calls taken today, open tickets assigned and the oldest of them', () => {
    const day = osloDayOf('2026-12-02');
    const calls = [
      answered('2026-12-02 08:00', '2026-12-02 08:01', 'u1'),
      answered('2026-12-02 09:00', '2026-12-02 09:01', 'u1'),
      answered('2026-12-02 09:10', '2026-12-02 09:11', 'u2'),
      answered('2026-12-01 09:00', '2026-12-01 09:01', 'u2'), // yesterday
    ];
    const tickets = [
      ticket('t1', { createdAt: oslo('2026-12-01 10:00'), assigneeId: 'u1' }),
      ticket('t2', { createdAt: oslo('2026-11-30 10:00'), assigneeId: 'u1', status: 'in_progress' }),
      ticket('t3', { createdAt: oslo('2026-11-01 10:00'), assigneeId: 'u1', status: 'resolved' }),
      ticket('t4', { createdAt: oslo('2026-12-02 10:00'), assigneeId: 'u2' }),
    ];
    const people = [
      { userId: 'u1', name: 'Kari', duty: 'phone' as const, presence: null },
      { userId: 'u2', name: 'Ola', duty: 'tickets' as const, presence: null },
      {
        userId: 'u3',
        name: 'Tone',
        duty: null,
        presence: { state: 'available' as const, since: oslo('2026-12-02 08:00') },
      },
    ];
    const f = peopleFigures(people, calls, tickets, day);
    expect(
      f.map((p) => [p.name, p.duty, p.callsTaken, p.openTickets, p.oldestOpenTicket?.id ?? null]),
    ).toEqual([
      ['Kari', 'phone', 2, 2, 't2'],
      ['Ola', 'tickets', 1, 1, 't4'],
      ['Tone', null, 0, 0, null],
    ]);
    expect(f[2]!.presence).toEqual(people[2]!.presence);
  });
});
