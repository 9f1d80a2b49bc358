// The shift roster on real desks with a real central store (SQLite and
// PostgreSQL): a team lead saves a week and everyone's desk shows it after a
// sync; copying the week before; a cleared day removed everywhere; two team
// leads setting the same person-day offline end with one duty, not two; who
// may set it; bad input refused by field; closed days from the SLA calendar.
import { describe, expect, it } from 'vitest';
import { rosterEntryId } from '../../../../src-main/shifts/roster';
import { ENGINES } from '../../../support/central';
import { useDeskCluster } from '../../../support/deskCluster';
import { signIn, type DeskClient, errorOf } from '../../../support/tempDesk';

const cluster = useDeskCluster();
const LEAD = { name: 'Tone Teamleder', role: 'team_lead' } as const;
const LEAD_TWO = { name: 'Lars Leder', role: 'team_lead' } as const;
const AGENT = { name: 'Anne Agent', role: 'agent' } as const;
const TECH = { name: 'Tor Tekniker', role: 'technician' } as const;
const WEEK = '2026-11-30';
const NEXT = '2026-12-07';

/** The week's duties as "name day duty" lines, in order. */
const duties = async (client: DeskClient, monday: string) =>
  (await client.shifts.week.query({ monday })).entries.map((e) => `${e.userName} ${e.day} ${e.duty}`);

/** The staff directory's id of a person (the roster lists them by it). */
const idOf = async (client: DeskClient, name: string) => {
  const week = await client.shifts.week.query({ monday: WEEK });
  const person = week.people.find((p) => p.name === name);
  if (!person) throw new Error(`${name} is not on the roster's staff list`);
  return person.userId;
};

describe.each(ENGINES)('the shift roster on %s', (engine) => {
  it('a team lead saves a week and copies it; every desk and the central store follow', async () => {
    const {
      central,
      desks: [a, b],
    } = await cluster(engine, 2);
    // The people exist on the central store before the roster lists them.
    await signIn(b!.client, TECH);
    await signIn(b!.client, AGENT);
    await signIn(a!.client, LEAD);
    const week = await a!.client.shifts.week.query({ monday: WEEK });
    expect(week).toMatchObject({ monday: WEEK, week: 49, year: 2026, staffOffline: false, entries: [] });
    expect(week.days.map((d) => d.day)).toEqual([
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
    ]);
    // Everyone who works tickets is on it (the admin is not).
    expect(week.people.map((p) => [p.name, p.role])).toEqual([
      ['Anne Agent', 'agent'],
      ['Tone Teamleder', 'team_lead'],
      ['Tor Tekniker', 'technician'],
    ]);
    const anne = await idOf(a!.client, 'Anne Agent');
    const tor = await idOf(a!.client, 'Tor Tekniker');

    const saved = await a!.client.shifts.setWeek.mutate({
      monday: WEEK,
      entries: [
        { userId: anne, userName: 'Anne Agent', day: '2026-11-30', duty: 'phone' },
        { userId: anne, userName: 'Anne Agent', day: '2026-12-01', duty: 'tickets' },
        { userId: tor, userName: 'Tor Tekniker', day: '2026-11-30', duty: 'on_site' },
        { userId: tor, userName: 'Tor Tekniker', day: '2026-12-04', duty: 'off' },
      ],
    });
    expect(saved).toEqual({ written: 4, cleared: 0 });
    const expected = [
      'Anne Agent 2026-11-30 phone',
      'Tor Tekniker 2026-11-30 on_site',
      'Anne Agent 2026-12-01 tickets',
      'Tor Tekniker 2026-12-04 off',
    ];
    expect(await duties(a!.client, WEEK)).toEqual(expected);
    const [first] = (await a!.client.shifts.week.query({ monday: WEEK })).entries;
    expect(first).toMatchObject({ updatedByName: 'Tone Teamleder' });

    await a!.desk.sync!.syncNow();
    await b!.desk.sync!.syncNow();
    // The agent's desk shows it; the agent may read it but not change it.
    expect(await duties(b!.client, WEEK)).toEqual(expected);
    const refused = await errorOf(b!.client.shifts.setWeek.mutate({ monday: WEEK, entries: [] }));
    expect(refused.data?.code).toBe('FORBIDDEN');
    expect(await duties(b!.client, WEEK)).toEqual(expected);

    // Saving the same week again writes only what changed: Tor's Friday cleared, Anne's Tuesday changed.
    const again = await a!.client.shifts.setWeek.mutate({
      monday: WEEK,
      entries: [
        { userId: anne, userName: 'Anne Agent', day: '2026-11-30', duty: 'phone' },
        { userId: anne, userName: 'Anne Agent', day: '2026-12-01', duty: 'on_site' },
        { userId: tor, userName: 'Tor Tekniker', day: '2026-11-30', duty: 'on_site' },
      ],
    });
    expect(again).toEqual({ written: 1, cleared: 1 });

    // Copied onto the next week, weekday by weekday, replacing what that week had.
    await a!.client.shifts.setWeek.mutate({
      monday: NEXT,
      entries: [{ userId: tor, userName: 'Tor Tekniker', day: '2026-12-10', duty: 'phone' }],
    });
    const copied = await a!.client.shifts.copyWeek.mutate({ from: WEEK, to: NEXT });
    expect(copied).toEqual({ copied: 3, written: 3, cleared: 1 });
    const nextWeek = [
      'Anne Agent 2026-12-07 phone',
      'Tor Tekniker 2026-12-07 on_site',
      'Anne Agent 2026-12-08 on_site',
    ];
    expect(await duties(a!.client, NEXT)).toEqual(nextWeek);

    await a!.desk.sync!.syncNow();
    await b!.desk.sync!.syncNow();
    expect(await duties(b!.client, WEEK)).toEqual([
      'Anne Agent 2026-11-30 phone',
      'Tor Tekniker 2026-11-30 on_site',
      'Anne Agent 2026-12-01 on_site',
    ]);
    expect(await duties(b!.client, NEXT)).toEqual(nextWeek);
    // The central store holds the same rows, nothing left of the cleared ones.
    const rows = (await central.server.store.dataSource.manager.query(
      `SELECT day, user_name, duty FROM roster_entry ORDER BY day, user_name`,
    )) as Array<{ day: string; user_name: string; duty: string }>;
    expect(rows.map((r) => `${r.user_name} ${r.day} ${r.duty}`)).toEqual([
      'Anne Agent 2026-11-30 phone',
      'Tor Tekniker 2026-11-30 on_site',
      'Anne Agent 2026-12-01 on_site',
      ...nextWeek,
    ]);
  });

  it('two team leads set the same day offline: one duty remains, the later one, on every desk', async () => {
    const {
      central,
      desks: [a, b],
    } = await cluster(engine, 2);
    await signIn(a!.client, AGENT);
    await signIn(a!.client, LEAD);
    await signIn(b!.client, LEAD_TWO);
    const anne = await idOf(a!.client, 'Anne Agent');
    const day = '2026-12-02';
    await a!.client.shifts.setWeek.mutate({
      monday: WEEK,
      entries: [{ userId: anne, userName: 'Anne Agent', day, duty: 'phone' }],
    });
    await b!.client.shifts.setWeek.mutate({
      monday: WEEK,
      entries: [{ userId: anne, userName: 'Anne Agent', day, duty: 'tickets' }],
    });
    await a!.desk.sync!.syncNow();
    await b!.desk.sync!.syncNow();
    await a!.desk.sync!.syncNow();
    for (const desk of [a!, b!])
      expect(await duties(desk.client, WEEK)).toEqual([`Anne Agent ${day} tickets`]);
    const rows = (await central.server.store.dataSource.manager.query(
      `SELECT id, duty FROM roster_entry`,
    )) as Array<{ id: string; duty: string }>;
    expect(rows).toEqual([{ id: rosterEntryId(day, anne), duty: 'tickets' }]);
  });

  it('refuses bad weeks by field and marks the days the desk is closed', async () => {
    const {
      desks: [a],
    } = await cluster(engine, 1);
    await signIn(a!.client, LEAD);
    const notMonday = await errorOf(a!.client.shifts.week.query({ monday: '2026-12-02' }));
    expect(notMonday.data?.code).toBe('BAD_REQUEST');
    expect(notMonday.message).toContain('A roster week starts on a Monday');
    const weekend = await errorOf(
      a!.client.shifts.setWeek.mutate({
        monday: WEEK,
        entries: [
          {
            userId: '01a21bf8-0000-7000-8000-00000000a001',
            userName: 'Anne Agent',
            day: '2026-12-05',
            duty: 'phone',
          },
        ],
      }),
    );
    expect(weekend.data?.code).toBe('BAD_REQUEST');
    expect(weekend.message).toContain('2026-12-05 is not a roster day');
    const onto = await errorOf(a!.client.shifts.copyWeek.mutate({ from: WEEK, to: WEEK }));
    expect(onto.message).toContain('A week cannot be copied onto itself');
    expect(await duties(a!.client, WEEK)).toEqual([]);
    // Christmas Day 2026 is a Friday: a public holiday, so the desk is closed (R1). Christmas Eve is
    // not a public holiday: open unless a team lead adds it as an exception to the SLA calendar.
    const christmas = await a!.client.shifts.week.query({ monday: '2026-12-21' });
    expect(christmas.days).toEqual([
      { day: '2026-12-21', closed: false },
      { day: '2026-12-22', closed: false },
      { day: '2026-12-23', closed: false },
      { day: '2026-12-24', closed: false },
      { day: '2026-12-25', closed: true },
    ]);
  });
});
