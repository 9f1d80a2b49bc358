// The ticket life cycle (R10, R12, reopen) and what each step does to the SLA clocks. Every
// expected instant is worked out BY HAND from the R1 calendar (Mon–Fri 08:00–15:30 Europe/Oslo,
// Norwegian public holidays closed); where a figure is derived, it is derived with the SLA clock's
// own calendar (elapsed / addServiceTime), never with a copy of its logic.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { DomainError } from '../../../../src-shared/errors';
import {
  computeDeadlines,
  createServiceCalendar,
  DEFAULT_SLA_SETTINGS,
  parseSlaSettings,
  PRIORITIES,
  type Priority,
} from '../../../../src-shared/sla';
import {
  allowsTemporarySolution,
  applyTransition,
  refusal,
  storedDeadlines,
  ticketClocks,
  type TicketAction,
  type TicketClockFacts,
  type TicketPause,
} from '../../../../src-shared/tickets/lifecycle';
import { TICKET_STATUSES, type TicketStatus } from '../../../../src-shared/tickets/schemas';

const ZONE = 'Europe/Oslo';
const H = 3_600_000;
const MIN = 60_000;
const settings = DEFAULT_SLA_SETTINGS;
const cal = createServiceCalendar(settings);

/** 'YYYY-MM-DD HH:mm' in Oslo wall-clock time → ISO instant. */
function oslo(local: string): string {
  const dt = DateTime.fromFormat(local, 'yyyy-MM-dd HH:mm', { zone: ZONE });
  if (!dt.isValid) throw new Error(`bad test instant ${local}`);
  return dt.toUTC().toISO()!;
}
const ms = (local: string) => Date.parse(oslo(local));
/** An ISO instant (or null) back in Oslo wall-clock time, for readable failures. */
function show(iso: string | null | undefined): string | null {
  return iso ? DateTime.fromISO(iso, { zone: ZONE }).toFormat('yyyy-MM-dd HH:mm') : null;
}
const showMs = (t: number | undefined) => (t === undefined ? null : show(new Date(t).toISOString()));

function opened(priority: Priority, at: string, respondedAt: string | null = null): TicketClockFacts {
  return { createdAt: oslo(at), priority, status: 'new', respondedAt, resolvedAt: null, pauses: [] };
}
/** The ticket after a step, as the mutators store it. */
function step(f: TicketClockFacts, action: TicketAction, at: string): TicketClockFacts {
  return { ...f, ...applyTransition(f, action, oslo(at)) };
}
function deadlines(f: TicketClockFacts) {
  const d = storedDeadlines(f, cal, settings);
  return { response: show(d.responseDueAt), resolution: show(d.resolutionDueAt), breach: show(d.breachAt) };
}
const clocksAt = (f: TicketClockFacts, now: string) => ticketClocks(f, ms(now), cal, settings);

const ACTIONS: TicketAction[] = [
  'start',
  'agreedPlan',
  'temporarySolution',
  'resume',
  'resolve',
  'close',
  'reopen',
];

describe('which steps are allowed, and why not', () => {
  // Written out by hand (not read from lifecycle.ts): status → the steps allowed from it, and where they lead.
  const ALLOWED: Record<TicketStatus, Partial<Record<TicketAction, TicketStatus>>> = {
    new: {
      start: 'in_progress',
      agreedPlan: 'agreed_plan',
      temporarySolution: 'temporary_solution',
      resolve: 'resolved',
    },
    in_progress: { agreedPlan: 'agreed_plan', temporarySolution: 'temporary_solution', resolve: 'resolved' },
    agreed_plan: { temporarySolution: 'temporary_solution', resume: 'in_progress', resolve: 'resolved' },
    temporary_solution: { agreedPlan: 'agreed_plan', resume: 'in_progress', resolve: 'resolved' },
    resolved: { close: 'closed', reopen: 'in_progress' },
    closed: {},
  };
  const T0 = '2026-03-10 09:00';
  /** A ticket in each status, with the pauses and resolution time that status implies. */
  function inStatus(status: TicketStatus, priority: Priority): TicketClockFacts {
    const f = opened(priority, '2026-03-10 08:00');
    const pauses: TicketPause[] =
      status === 'agreed_plan' || status === 'temporary_solution'
        ? [{ kind: status, start: oslo('2026-03-10 08:30'), end: null }]
        : [];
    const resolvedAt = status === 'resolved' || status === 'closed' ? oslo('2026-03-10 08:30') : null;
    return { ...f, status, pauses, resolvedAt };
  }

  for (const status of TICKET_STATUSES) {
    for (const action of ACTIONS) {
      for (const priority of PRIORITIES) {
        let target = ALLOWED[status][action];
        if (action === 'temporarySolution' && (priority === 'medium' || priority === 'low'))
          target = undefined;
        const f = inStatus(status, priority);
        it(`${priority} ${status} → ${action}: ${target ?? 'refused'}`, () => {
          if (target) {
            expect(refusal(f, action)).toBeNull();
            expect(applyTransition(f, action, oslo(T0)).status).toBe(target);
          } else {
            const why = refusal(f, action);
            expect(why).toEqual(expect.any(String));
            let thrown: unknown;
            try {
              applyTransition(f, action, oslo(T0));
            } catch (e) {
              thrown = e;
            }
            expect(thrown).toBeInstanceOf(DomainError);
            expect(thrown).toMatchObject({
              code: 'invalidTransition',
              message: why,
              details: { status, action },
            });
          }
        });
      }
    }
  }

  it('names the reason: closed is final, temporary solution only for critical and high (R12), reopen only from resolved', () => {
    for (const action of ACTIONS) {
      expect(refusal(inStatus('closed', 'critical'), action)).toBe(
        'The ticket is closed; open a new ticket instead',
      );
    }
    for (const priority of ['medium', 'low'] as const) {
      expect(allowsTemporarySolution(priority)).toBe(false);
      for (const status of ['new', 'in_progress', 'agreed_plan'] as const) {
        expect(refusal(inStatus(status, priority), 'temporarySolution')).toBe(
          'Only critical and high tickets can rest on a temporary solution (R12)',
        );
      }
    }
    expect(allowsTemporarySolution('critical')).toBe(true);
    expect(allowsTemporarySolution('high')).toBe(true);
    expect(refusal(inStatus('in_progress', 'high'), 'reopen')).toBe(
      'A ticket that is in progress cannot be reopened',
    );
    expect(refusal(inStatus('new', 'high'), 'reopen')).toBe('A ticket that is new cannot be reopened');
    expect(refusal(inStatus('agreed_plan', 'high'), 'close')).toBe(
      'A ticket that is agreed plan cannot be closed',
    );
    expect(refusal(inStatus('temporary_solution', 'high'), 'temporarySolution')).toBe(
      'A ticket that is temporary solution cannot be given a temporary solution',
    );
    expect(refusal(inStatus('in_progress', 'low'), 'resume')).toBe(
      'A ticket that is in progress cannot be resumed',
    );
    expect(refusal(inStatus('resolved', 'low'), 'resolve')).toBe(
      'A ticket that is resolved cannot be resolved',
    );
  });

  it('a refused step changes nothing', () => {
    const f = step(opened('medium', '2026-03-10 08:00'), 'start', '2026-03-10 08:10');
    const before = JSON.stringify(f);
    expect(() => applyTransition(f, 'temporarySolution', oslo('2026-03-10 09:00'))).toThrow(DomainError);
    expect(JSON.stringify(f)).toBe(before);
  });
});

describe('worked examples (Oslo time)', () => {
  it('R4: a High ticket opened Friday 15:20 has response due Monday 08:50 and resolution Monday 11:50', () => {
    const f = opened('high', '2026-03-06 15:20');
    // No answer yet: the response deadline is the next to breach.
    expect(deadlines(f)).toEqual({
      response: '2026-03-09 08:50',
      resolution: '2026-03-09 11:50',
      breach: '2026-03-09 08:50',
    });
    const c = clocksAt(f, '2026-03-09 08:40');
    expect(c.response).toMatchObject({ status: 'running', elapsedMs: 50 * MIN, remainingMs: 10 * MIN });
    expect(c.resolution).toMatchObject({ status: 'running', elapsedMs: 50 * MIN });
    // Answered Monday 08:10: only the resolution deadline is left to breach.
    expect(deadlines({ ...f, respondedAt: oslo('2026-03-09 08:10') }).breach).toBe('2026-03-09 11:50');
    // Whit Monday 2026 (25 May) is closed: the same ticket opened Friday 22 May is due Tuesday.
    expect(deadlines(opened('high', '2026-05-22 15:20'))).toMatchObject({
      response: '2026-05-26 08:50',
      resolution: '2026-05-26 11:50',
    });
  });

  it('R10: an agreed plan pauses the resolution clock; the deadline moves by exactly the service time paused', () => {
    // High, opened Tuesday 09:00: response due 10:00, resolution 13:00. Answered 09:30.
    let f = opened('high', '2026-03-10 09:00', oslo('2026-03-10 09:30'));
    f = step(f, 'start', '2026-03-10 09:35');
    expect(deadlines(f)).toEqual({
      response: '2026-03-10 10:00',
      resolution: '2026-03-10 13:00',
      breach: '2026-03-10 13:00',
    });
    // Plan agreed at 10:30 (1.5 h counted): the clock stops, nothing is due, nothing can breach.
    f = step(f, 'agreedPlan', '2026-03-10 10:30');
    expect(f.status).toBe('agreed_plan');
    expect(f.pauses).toEqual([{ kind: 'agreed_plan', start: oslo('2026-03-10 10:30'), end: null }]);
    expect(deadlines(f)).toEqual({ response: '2026-03-10 10:00', resolution: null, breach: null });
    const during = clocksAt(f, '2026-03-10 14:00');
    expect(during.resolution).toMatchObject({ status: 'paused', dueMs: undefined, elapsedMs: 1.5 * H });
    expect(during.response.status).toBe('met');
    // Resumed Wednesday 09:00: paused Tue 10:30–15:30 (5 h) + Wed 08:00–09:00 (1 h) = 6 h of service time;
    // 2.5 h left from Wed 09:00 → due Wed 11:30.
    f = step(f, 'resume', '2026-03-11 09:00');
    expect(f.status).toBe('in_progress');
    expect(deadlines(f)).toEqual({
      response: '2026-03-10 10:00',
      resolution: '2026-03-11 11:30',
      breach: '2026-03-11 11:30',
    });
    const paused = cal.elapsed(ms('2026-03-10 10:30'), ms('2026-03-11 09:00'));
    expect(paused).toBe(6 * H);
    expect(cal.addServiceTime(ms('2026-03-10 13:00'), paused)).toBe(ms('2026-03-11 11:30'));
    expect(clocksAt(f, '2026-03-11 10:00').resolution).toMatchObject({
      status: 'running',
      elapsedMs: 2.5 * H,
      remainingMs: 1.5 * H,
    });
  });

  it('R10: the response clock does not pause: an unanswered ticket in agreed plan still breaches its response', () => {
    let f = opened('high', '2026-03-10 09:00');
    f = step(f, 'agreedPlan', '2026-03-10 09:20');
    expect(deadlines(f)).toEqual({
      response: '2026-03-10 10:00',
      resolution: null,
      breach: '2026-03-10 10:00',
    });
    const c = clocksAt(f, '2026-03-10 10:01');
    expect(c.response.status).toBe('breached');
    expect(c.resolution.status).toBe('paused');
  });

  it('R12: a temporary solution stops the resolution clock (paused, never breached while it lasts); resume restarts it', () => {
    // Critical, opened Tuesday 08:00: response due 08:15, resolution 10:00. Answered 08:05.
    let f = opened('critical', '2026-03-10 08:00', oslo('2026-03-10 08:05'));
    f = step(f, 'temporarySolution', '2026-03-10 09:00');
    expect(f.status).toBe('temporary_solution');
    expect(deadlines(f)).toEqual({ response: '2026-03-10 08:15', resolution: null, breach: null });
    // Long past the original 10:00 deadline: still paused, 1 h left.
    for (const now of ['2026-03-10 10:30', '2026-03-11 12:00', '2026-04-20 09:00']) {
      const c = clocksAt(f, now).resolution;
      expect(c.status, now).toBe('paused');
      expect(c.dueMs).toBeUndefined();
      expect(c.remainingMs).toBe(1 * H);
    }
    // Resumed Thursday 08:00: Tue 09:00–15:30 (6.5 h) + Wed (7.5 h) paused; 1 h left → due Thursday 09:00.
    f = step(f, 'resume', '2026-03-12 08:00');
    expect(f.pauses).toEqual([
      { kind: 'temporary_solution', start: oslo('2026-03-10 09:00'), end: oslo('2026-03-12 08:00') },
    ]);
    expect(deadlines(f)).toMatchObject({ resolution: '2026-03-12 09:00', breach: '2026-03-12 09:00' });
    expect(clocksAt(f, '2026-03-12 08:59').resolution.status).toBe('running');
    expect(clocksAt(f, '2026-03-12 09:00').resolution.status).toBe('running'); // exactly at due is not late
    expect(clocksAt(f, '2026-03-12 09:01').resolution.status).toBe('breached');
  });

  it('R12: a temporary solution put in place after the deadline does not undo the breach', () => {
    let f = opened('critical', '2026-03-10 08:00', oslo('2026-03-10 08:05'));
    f = step(f, 'temporarySolution', '2026-03-10 10:30');
    expect(deadlines(f)).toMatchObject({ resolution: '2026-03-10 10:00', breach: '2026-03-10 10:00' });
    expect(clocksAt(f, '2026-03-10 11:00').resolution.status).toBe('breached');
  });

  it('agreed plan and temporary solution follow each other without a gap or an overlap', () => {
    let f = opened('high', '2026-03-10 08:00', oslo('2026-03-10 08:10'));
    f = step(f, 'agreedPlan', '2026-03-10 09:00');
    f = step(f, 'temporarySolution', '2026-03-10 11:00');
    f = step(f, 'resume', '2026-03-10 14:00');
    expect(f.pauses).toEqual([
      { kind: 'agreed_plan', start: oslo('2026-03-10 09:00'), end: oslo('2026-03-10 11:00') },
      { kind: 'temporary_solution', start: oslo('2026-03-10 11:00'), end: oslo('2026-03-10 14:00') },
    ]);
    // 1 h counted before 09:00, 3 h left from 14:00: 1.5 h Tuesday, 1.5 h Wednesday → 09:30.
    expect(deadlines(f).resolution).toBe('2026-03-11 09:30');
  });

  it('reopen continues the clock without counting the time spent resolved', () => {
    // Medium, opened Monday 08:00: response due 11:00, resolution (22.5 h) Wednesday 15:30.
    let f = opened('medium', '2026-03-09 08:00', oslo('2026-03-09 09:00'));
    f = step(f, 'start', '2026-03-09 09:00');
    // Resolved Tuesday 12:00 after 11.5 h: nothing is left to breach; the resolution target was met.
    f = step(f, 'resolve', '2026-03-10 12:00');
    expect(f).toMatchObject({ status: 'resolved', resolvedAt: oslo('2026-03-10 12:00') });
    expect(deadlines(f)).toEqual({
      response: '2026-03-09 11:00',
      resolution: '2026-03-11 15:30',
      breach: null,
    });
    expect(clocksAt(f, '2026-03-12 09:00').resolution).toMatchObject({ status: 'met', elapsedMs: 11.5 * H });
    // Reopened Thursday 10:00: resolved Tue 12:00–15:30 (3.5 h) + Wed (7.5 h) + Thu 08:00–10:00 (2 h) = 13 h
    // not counted; 11 h left from Thu 10:00: 5.5 h Thursday, 5.5 h Friday → Friday 13:30.
    f = step(f, 'reopen', '2026-03-12 10:00');
    expect(f).toMatchObject({ status: 'in_progress', resolvedAt: null });
    expect(f.pauses).toEqual([
      { kind: 'resolved', start: oslo('2026-03-10 12:00'), end: oslo('2026-03-12 10:00') },
    ]);
    expect(deadlines(f)).toEqual({
      response: '2026-03-09 11:00',
      resolution: '2026-03-13 13:30',
      breach: '2026-03-13 13:30',
    });
    expect(clocksAt(f, '2026-03-12 10:30').resolution).toMatchObject({
      status: 'running',
      elapsedMs: 12 * H,
      remainingMs: 10.5 * H,
    });
    // Resolved and reopened again: the second resolved stretch does not count either.
    f = step(f, 'resolve', '2026-03-12 15:00'); // 11.5 + 5 = 16.5 h counted
    f = step(f, 'reopen', '2026-03-13 09:00'); // Thu 15:00–15:30 + Fri 08:00–09:00 not counted
    expect(f.pauses).toHaveLength(2);
    // 6 h left from Friday 09:00 → Friday 15:00.
    expect(deadlines(f).resolution).toBe('2026-03-13 15:00');
  });

  it('a resolved or closed ticket has nothing left to breach, answered or not', () => {
    let f = opened('low', '2026-03-10 08:00');
    f = step(f, 'resolve', '2026-03-10 08:30');
    expect(deadlines(f).breach).toBeNull();
    f = step(f, 'close', '2026-03-11 08:30');
    expect(f.status).toBe('closed');
    expect(deadlines(f)).toMatchObject({ response: '2026-03-10 12:00', breach: null });
  });

  it('R10: a priority change recomputes from the opening without losing waiting time', () => {
    // Medium, opened Monday 08:00; agreed plan Monday 10:00–14:00 (4 h of service time waiting).
    let f = opened('medium', '2026-03-09 08:00', oslo('2026-03-09 08:30'));
    f = step(f, 'agreedPlan', '2026-03-09 10:00');
    f = step(f, 'resume', '2026-03-09 14:00');
    // Medium: unpaused due Wednesday 15:30, plus 4 h → Thursday 12:00.
    expect(deadlines(f)).toMatchObject({ response: '2026-03-09 11:00', resolution: '2026-03-12 12:00' });
    // Raised to High at 14:30: 4 h from the opening with the same pause: 2 h before it, 1.5 h Monday
    // afternoon, 0.5 h Tuesday → Tuesday 08:30 (without the pause it would have been Monday 12:00).
    const high = { ...f, priority: 'high' as const };
    expect(deadlines(high)).toMatchObject({ response: '2026-03-09 09:00', resolution: '2026-03-10 08:30' });
    // Lowered to Low: 37.5 h from Monday 08:00 is Friday 15:30, plus the 4 h waited → Monday 16 March 12:00.
    const low = { ...f, priority: 'low' as const };
    expect(deadlines(low)).toMatchObject({ response: '2026-03-09 12:00', resolution: '2026-03-16 12:00' });
    // And back to Medium: exactly where it was.
    expect(deadlines({ ...low, priority: 'medium' })).toEqual(deadlines(f));
  });

  it('breachAt is the earliest deadline still running', () => {
    // With targets where resolution comes before response (a team lead's setting), the resolution wins.
    const odd = parseSlaSettings({ targets: { high: { responseMinutes: 300, resolutionMinutes: 120 } } });
    const oddCal = createServiceCalendar(odd);
    const f = opened('high', '2026-03-10 08:00');
    const d = storedDeadlines(f, oddCal, odd);
    expect([show(d.responseDueAt), show(d.resolutionDueAt), show(d.breachAt)]).toEqual([
      '2026-03-10 13:00',
      '2026-03-10 10:00',
      '2026-03-10 10:00',
    ]);
    // Paused: the response clock keeps running until answered, then nothing is due.
    const paused = step(f, 'agreedPlan', '2026-03-10 09:00');
    expect(show(storedDeadlines(paused, oddCal, odd).breachAt)).toBe('2026-03-10 13:00');
    const answered = { ...paused, respondedAt: oslo('2026-03-10 09:10') };
    expect(storedDeadlines(answered, oddCal, odd).breachAt).toBeNull();
  });
});

describe("desks' clocks differ: a step stamped earlier never makes a pause run backwards", () => {
  it('resume stamped before the pause began ends the pause where it began', () => {
    let f = opened('high', '2026-03-10 08:00', oslo('2026-03-10 08:05'));
    f = step(f, 'agreedPlan', '2026-03-10 11:00'); // desk A
    f = step(f, 'resume', '2026-03-10 10:30'); // desk B, its clock 30 minutes behind
    expect(f.pauses).toEqual([
      { kind: 'agreed_plan', start: oslo('2026-03-10 11:00'), end: oslo('2026-03-10 11:00') },
    ]);
    // An empty pause pauses nothing: due as if never paused.
    expect(deadlines(f).resolution).toBe('2026-03-10 12:00');
  });

  it('a pause stamped before the previous pause ended starts where that one ended (no overlap)', () => {
    let f = opened('high', '2026-03-10 08:00', oslo('2026-03-10 08:05'));
    f = step(f, 'agreedPlan', '2026-03-10 10:00');
    f = step(f, 'resume', '2026-03-10 11:00');
    f = step(f, 'temporarySolution', '2026-03-10 10:30');
    expect(f.pauses).toEqual([
      { kind: 'agreed_plan', start: oslo('2026-03-10 10:00'), end: oslo('2026-03-10 11:00') },
      { kind: 'temporary_solution', start: oslo('2026-03-10 11:00'), end: null },
    ]);
    expect(() => storedDeadlines(f, cal, settings)).not.toThrow();
    f = step(f, 'resume', '2026-03-10 12:00');
    // 2 h counted before 10:00, 10:00–12:00 paused, 2 h left → 14:00.
    expect(deadlines(f).resolution).toBe('2026-03-10 14:00');
  });

  it('resolve stamped before the opening, and reopen stamped before the resolution, stay in order', () => {
    let f = opened('high', '2026-03-10 09:00', oslo('2026-03-10 09:05'));
    f = step(f, 'resolve', '2026-03-10 08:55');
    expect(f.resolvedAt).toBe(oslo('2026-03-10 09:00'));
    f = step(f, 'reopen', '2026-03-10 08:50');
    expect(f.pauses).toEqual([
      { kind: 'resolved', start: oslo('2026-03-10 09:00'), end: oslo('2026-03-10 09:00') },
    ]);
    expect(deadlines(f).resolution).toBe('2026-03-10 13:00');
  });
});

// ---- Properties over random step sequences ----

const FROM = ms('2026-01-01 00:00');
const TO = ms('2027-12-31 00:00');
const stepArb = fc.record({
  action: fc.constantFrom(...ACTIONS),
  /** Minutes after the previous step (occasionally a long wait over weekends and holidays). */
  afterMin: fc.oneof(fc.integer({ min: 0, max: 600 }), fc.integer({ min: 0, max: 20_000 })),
});
const scenario = fc.record({
  openedMs: fc.integer({ min: FROM, max: TO }).map((t) => t - (t % MIN)),
  priority: fc.constantFrom(...PRIORITIES),
  steps: fc.array(stepArb, { maxLength: 12 }),
});

/** Applies the allowed steps (refused ones are skipped), each `afterMin` after the previous. */
function run(s: {
  openedMs: number;
  priority: Priority;
  steps: { action: TicketAction; afterMin: number }[];
}) {
  let f: TicketClockFacts = {
    createdAt: new Date(s.openedMs).toISOString(),
    priority: s.priority,
    status: 'new',
    respondedAt: null,
    resolvedAt: null,
    pauses: [],
  };
  let t = s.openedMs;
  for (const { action, afterMin } of s.steps) {
    t += afterMin * MIN;
    if (refusal(f, action)) continue;
    f = { ...f, ...applyTransition(f, action, new Date(t).toISOString()) };
  }
  return { f, lastMs: t };
}

/** Service time inside the pauses, clipped to [fromMs, toMs). */
function pausedServiceTime(pauses: readonly TicketPause[], fromMs: number, toMs: number): number {
  let sum = 0;
  for (const p of pauses) {
    const a = Math.max(Date.parse(p.start), fromMs);
    const b = Math.min(p.end ? Date.parse(p.end) : Infinity, toMs);
    if (b > a) sum += cal.elapsed(a, b);
  }
  return sum;
}

describe('properties', () => {
  it('the resolution due instant minus the paused service time is the unpaused due instant', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { f } = run(s);
        const openedMs = Date.parse(f.createdAt);
        const unpaused = computeDeadlines({ openedAtMs: openedMs, priority: f.priority }, cal, settings);
        const d = storedDeadlines(f, cal, settings);
        // The response deadline never moves.
        expect(d.responseDueAt).toBe(new Date(unpaused.responseDueMs).toISOString());
        if (d.resolutionDueAt === null) {
          // Only an open-ended pause (agreed plan / temporary solution) leaves nothing due.
          expect(['agreed_plan', 'temporary_solution']).toContain(f.status);
          return;
        }
        const due = Date.parse(d.resolutionDueAt);
        expect(due).toBeGreaterThanOrEqual(unpaused.resolutionDueMs!);
        expect(cal.elapsed(unpaused.resolutionDueMs!, due)).toBe(pausedServiceTime(f.pauses, openedMs, due));
      }),
      { numRuns: 300 },
    );
  });

  it('while an agreed plan or temporary solution begun before the deadline lasts, the resolution clock is paused, never breached', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 0, max: 60 * 24 * 60 }), (s, laterMin) => {
        const { f, lastMs } = run(s);
        const open = f.pauses.find((p) => p.end === null);
        if (!open) return;
        const beforeDeadline =
          ticketClocks(
            { ...f, pauses: f.pauses.filter((p) => p !== open) },
            Date.parse(open.start),
            cal,
            settings,
          ).resolution.remainingMs > 0;
        if (!beforeDeadline) return;
        const now = lastMs + laterMin * MIN;
        const c = ticketClocks(f, now, cal, settings).resolution;
        expect(c.status, showMs(now) ?? '').toBe('paused');
        expect(storedDeadlines(f, cal, settings).resolutionDueAt).toBeNull();
      }),
      { numRuns: 300 },
    );
  });

  it('steps stamped out of order (clock skew) never give a pause that runs backwards or overlaps another', () => {
    const skewed = scenario.chain((s) =>
      fc
        .array(fc.integer({ min: -240, max: 240 }), { minLength: s.steps.length, maxLength: s.steps.length })
        .map((jitter) => ({
          ...s,
          steps: s.steps.map((st, i) => ({ ...st, afterMin: st.afterMin % 300, jitter: jitter[i]! })),
        })),
    );
    fc.assert(
      fc.property(skewed, (s) => {
        let f: TicketClockFacts = {
          createdAt: new Date(s.openedMs).toISOString(),
          priority: s.priority,
          status: 'new',
          respondedAt: null,
          resolvedAt: null,
          pauses: [],
        };
        let t = s.openedMs;
        for (const { action, afterMin, jitter } of s.steps) {
          t += afterMin * MIN;
          if (refusal(f, action)) continue;
          // Each desk stamps with its own clock: up to 4 h early or late.
          f = { ...f, ...applyTransition(f, action, new Date(t + jitter * MIN).toISOString()) };
          const sorted = [...f.pauses].sort((a, b) => a.start.localeCompare(b.start));
          for (let i = 0; i < sorted.length; i++) {
            const p = sorted[i]!;
            expect(p.start >= f.createdAt).toBe(true);
            if (p.end !== null) expect(p.end >= p.start).toBe(true);
            const next = sorted[i + 1];
            if (next) expect(p.end !== null && p.end <= next.start).toBe(true);
          }
          if (f.resolvedAt) expect(f.resolvedAt >= f.createdAt).toBe(true);
          // The SLA clock accepts them (it throws on pauses that overlap or end before they start).
          expect(() => storedDeadlines(f, cal, settings)).not.toThrow();
        }
      }),
      { numRuns: 300 },
    );
  });
});
