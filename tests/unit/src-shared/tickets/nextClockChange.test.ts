// When a ticket's SLA group changes by the clock alone: the at-risk instants
// agree with clockState's atRisk to the millisecond, and the next change is
// the nearest of at-risk and breach still ahead.
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  atRiskInstants,
  createServiceCalendar,
  DEFAULT_SLA_SETTINGS,
  PRIORITIES,
} from '../../../../src-shared/sla';
import {
  clockFacts,
  clockFlags,
  nextClockChangeMs,
  ticketClocks,
  type StoredClockFields,
} from '../../../../src-shared/tickets/lifecycle';

const settings = DEFAULT_SLA_SETTINGS;
const calendar = createServiceCalendar(settings);
const ms = (local: string) =>
  DateTime.fromFormat(local, 'yyyy-MM-dd HH:mm:ss', { zone: 'Europe/Oslo' }).toMillis();
const iso = (n: number) => new Date(n).toISOString();

const ticket = (over: Partial<StoredClockFields>): StoredClockFields => ({
  createdAt: iso(ms('2026-12-02 11:48:00')),
  priority: 'critical',
  status: 'new',
  respondedAt: null,
  resolvedAt: null,
  pauses: '[]',
  ...over,
});

describe('the next change of a ticket’s SLA group', () => {
  it('is the response going at risk, then its breach, then the resolution’s', () => {
    const t = ticket({});
    // Critical: response 15 min, at risk at 75 % = 11 min 15 s; resolution 2 h, at risk at 1 h 30.
    expect(nextClockChangeMs(t, ms('2026-12-02 11:50:00'), calendar, settings)).toBe(
      ms('2026-12-02 11:59:15'),
    );
    expect(nextClockChangeMs(t, ms('2026-12-02 11:59:15'), calendar, settings)).toBe(
      ms('2026-12-02 12:03:00') + 1,
    );
    expect(nextClockChangeMs(t, ms('2026-12-02 12:03:00') + 1, calendar, settings)).toBe(
      ms('2026-12-02 13:18:00'),
    );
    expect(nextClockChangeMs(t, ms('2026-12-02 13:18:00'), calendar, settings)).toBe(
      ms('2026-12-02 13:48:00') + 1,
    );
    expect(nextClockChangeMs(t, ms('2026-12-02 13:48:00') + 1, calendar, settings)).toBeNull();
    // Answered: the response clock no longer moves it.
    const answered = ticket({ respondedAt: iso(ms('2026-12-02 11:50:00')), status: 'in_progress' });
    expect(nextClockChangeMs(answered, ms('2026-12-02 11:51:00'), calendar, settings)).toBe(
      ms('2026-12-02 13:18:00'),
    );
    // Closed or resolved: never.
    expect(
      nextClockChangeMs(ticket({ status: 'resolved' }), ms('2026-12-02 11:50:00'), calendar, settings),
    ).toBeNull();
  });

  it('agrees with clockState’s at risk to the millisecond, over closed time and pauses', () => {
    const cases: StoredClockFields[] = [];
    for (const priority of PRIORITIES)
      for (const created of [
        '2026-12-04 15:20:00',
        '2026-12-02 07:10:00',
        '2026-12-23 14:00:00',
        '2026-03-27 15:00:00',
      ]) {
        cases.push(ticket({ priority, createdAt: iso(ms(created)) }));
        cases.push(
          ticket({
            priority,
            createdAt: iso(ms(created)),
            status: 'in_progress',
            pauses: JSON.stringify([
              {
                kind: 'agreed_plan',
                start: iso(ms(created) + 40 * 60_000),
                end: iso(ms(created) + 26 * 3_600_000),
              },
            ]),
          }),
        );
      }
    for (const t of cases) {
      const input = {
        openedAtMs: Date.parse(t.createdAt),
        priority: t.priority as (typeof PRIORITIES)[number],
        pauses: (JSON.parse(t.pauses) as Array<{ start: string; end: string }>).map((p) => ({
          startMs: Date.parse(p.start),
          endMs: Date.parse(p.end),
        })),
      };
      const { responseAtRiskMs, resolutionAtRiskMs } = atRiskInstants(input, calendar, settings);
      const at = (n: number) => ticketClocks(clockFacts(t), n, calendar, settings);
      expect(at(responseAtRiskMs).response.atRisk, `${t.priority} ${t.createdAt}`).toBe(true);
      expect(at(responseAtRiskMs - 1).response.atRisk).toBe(false);
      expect(at(resolutionAtRiskMs!).resolution.atRisk, `${t.priority} ${t.createdAt} ${t.pauses}`).toBe(
        true,
      );
      expect(at(resolutionAtRiskMs! - 1).resolution.atRisk).toBe(false);
      // Between two changes the groups stay as they are; at the change they differ.
      const now = Date.parse(t.createdAt) + 60_000;
      const next = nextClockChangeMs(t, now, calendar, settings)!;
      expect(clockFlags(t, next - 1, calendar, settings)).toEqual(clockFlags(t, now, calendar, settings));
      expect(clockFlags(t, next, calendar, settings)).not.toEqual(
        clockFlags(t, next - 1, calendar, settings),
      );
    }
  });
});
