// Presence on real desks with a real central store (SQLite and PostgreSQL): a
// person sets their state by hand; taking and finishing a call moves it by
// itself (i samtale, etterarbeid); another desk's roster shows it after a
// sync; a state set long ago on an offline desk does not replace a newer one;
// the administrator has none to set.
import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import type { LocalRouter } from '../../../../src-main/desk/router';
import { presenceSet } from '../../../../src-main/shifts/presence';
import { mondayAt } from '../../../../src-shared/shifts/roster';
import { ENGINES } from '../../../support/central';
import { useDeskCluster } from '../../../support/deskCluster';
import { signIn, type DeskClient } from '../../../support/tempDesk';

const cluster = useDeskCluster();
const AGENT = { name: 'Anne Agent', role: 'agent' } as const;
const LEAD = { name: 'Tone Teamleder', role: 'team_lead' } as const;

const presenceOf = async (client: DeskClient, name: string) =>
  (await client.shifts.week.query({ monday: mondayAt(new Date()) })).people.find((p) => p.name === name)
    ?.presence ?? null;

describe.each(ENGINES)('presence on %s', (engine) => {
  it('is set by hand and by calls, and reaches the team lead’s desk', async () => {
    const {
      desks: [a, b],
    } = await cluster(engine, 2);
    await signIn(b!.client, LEAD);
    await signIn(a!.client, AGENT);
    expect(await a!.client.shifts.myPresence.query()).toBeNull();

    await a!.client.shifts.setPresence.mutate({ state: 'break' });
    const onBreak = await a!.client.shifts.myPresence.query();
    expect(onBreak).toMatchObject({ state: 'break' });

    // Taking a call: on a call from then, whatever was set; finishing it: wrap-up from its end.
    const call = await a!.client.calls.log.mutate({ callerNumber: '91234567' });
    await a!.client.calls.take.mutate({ callId: call.id });
    const taken = (await a!.client.calls.get.query({ id: call.id }))!.call;
    expect(await a!.client.shifts.myPresence.query()).toEqual({ state: 'on_call', since: taken.takenAt });
    await a!.client.calls.finish.mutate({ callId: call.id, outcome: 'solved' });
    const finished = (await a!.client.calls.get.query({ id: call.id }))!.call;
    expect(await a!.client.shifts.myPresence.query()).toEqual({ state: 'wrap_up', since: finished.endedAt });
    await a!.client.shifts.setPresence.mutate({ state: 'available' });
    const available = await a!.client.shifts.myPresence.query();
    expect(available).toMatchObject({ state: 'available' });

    // The team lead's desk sees it on this week's roster once both have synced.
    await a!.desk.sync!.syncNow();
    await b!.desk.sync!.syncNow();
    expect(await presenceOf(b!.client, AGENT.name)).toEqual(available);
  });

  it('keeps the newer state when an older one arrives late from an offline desk', async () => {
    const {
      central,
      desks: [a, b],
    } = await cluster(engine, 2);
    await signIn(a!.client, AGENT);
    await signIn(b!.client, AGENT);
    // Desk a sets "on site" first but stays offline; desk b sets "available" later and syncs first.
    await a!.client.shifts.setPresence.mutate({ state: 'on_site' });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await b!.client.shifts.setPresence.mutate({ state: 'available' });
    await b!.desk.sync!.syncNow();
    await a!.desk.sync!.syncNow();
    await b!.desk.sync!.syncNow();
    for (const desk of [a!, b!])
      expect(await desk.client.shifts.myPresence.query()).toMatchObject({ state: 'available' });
    const rows = (await central.server.store.dataSource.manager.query(
      `SELECT state FROM presence`,
    )) as Array<{
      state: string;
    }>;
    expect(rows).toEqual([{ state: 'available' }]);
  });

  it('refuses a state the person cannot set by hand, and the administrator any', async () => {
    const {
      desks: [a],
    } = await cluster(engine, 1);
    await signIn(a!.client, AGENT);
    const onCall = await a!.client.shifts.setPresence
      .mutate({ state: 'on_call' as 'available' })
      .catch((e: unknown) => e as TRPCClientError<LocalRouter>);
    expect(onCall).toBeInstanceOf(TRPCClientError);
    expect((onCall as TRPCClientError<LocalRouter>).data?.code).toBe('BAD_REQUEST');
    expect(await a!.client.shifts.myPresence.query()).toBeNull();
    expect(presenceSet.roles).not.toContain('admin');
  });
});
