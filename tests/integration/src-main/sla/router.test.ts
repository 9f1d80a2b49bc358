// The SLA procedures over real HTTP on a real desk: preview, settings, roles.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TRPCClientError } from '@trpc/client';
import type { LocalRouter } from '../../../../src-main/desk/router';
import { removeDir, signIn, startDesk, type RunningDesk } from '../../../support/tempDesk';

let d: RunningDesk;
beforeEach(async () => {
  d = await startDesk();
});
afterEach(async () => {
  await d.stop();
  removeDir(d.dataDir);
});

async function failure(p: Promise<unknown>): Promise<TRPCClientError<LocalRouter>> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  if (!(e instanceof TRPCClientError)) throw new Error('expected the call to fail');
  return e as TRPCClientError<LocalRouter>;
}

describe('sla.preview', () => {
  it('gives the R4 example: High opened Friday 15:20 is due Monday 08:50 / 11:50', async () => {
    // Friday 20 Nov 2026 15:20 Oslo = 14:20 UTC (CET).
    const p = await d.client.sla.preview.query({ priority: 'high', openedAt: '2026-11-20T14:20:00.000Z' });
    expect(p.responseDue).toBe('2026-11-23T07:50:00.000Z');
    expect(p.resolutionDue).toBe('2026-11-23T10:50:00.000Z');
  });

  it('moves past Easter 2027 for a Medium ticket opened Wednesday 24 March 14:00', async () => {
    // 22.5 service hours from Wed 14:00: Wed 1.5 h; Thu 25 Mar–Mon 29 Mar closed (Easter);
    // Tue 30 Mar 7.5 h (9 h), Wed 31 Mar 7.5 h (16.5 h), Thu 1 Apr 6 h -> 14:00 Oslo (CEST, UTC+2).
    const p = await d.client.sla.preview.query({ priority: 'medium', openedAt: '2027-03-24T13:00:00.000Z' });
    expect(p.resolutionDue).toBe('2027-04-01T12:00:00.000Z');
  });

  it('refuses an unknown priority, naming the field', async () => {
    const e = await failure(d.client.sla.preview.query({ priority: 'urgent' as never }));
    expect(e.data?.code).toBe('BAD_REQUEST');
    expect(Object.keys(e.data?.fieldErrors ?? {})).toEqual(['priority']);
  });
});

describe('sla settings', () => {
  it('serves the SLA defaults until changed', async () => {
    const { settings, updatedAt } = await d.client.sla.settings.query();
    expect(updatedAt).toBeNull();
    expect(settings.targets.medium).toEqual({
      responseMinutes: 180,
      resolutionMinutes: 1350,
      clock24x7: false,
    });
    expect(settings.calendar).toMatchObject({ open: '08:00', close: '15:30', holidayCountry: 'NO' });
  });

  it('lets only a team lead or admin change them', async () => {
    const { settings } = await d.client.sla.settings.query();
    await signIn(d.client, { name: 'Kari Agent', role: 'agent' });
    const e = await failure(d.client.sla.setSettings.mutate({ settings }));
    expect(e.data?.code).toBe('FORBIDDEN');
    expect(e.data?.domain?.code).toBe('forbidden');
  });

  it('applies a team lead change to previews, through the outbox', async () => {
    const { settings } = await d.client.sla.settings.query();
    await signIn(d.client, { name: 'Tone Teamleder', role: 'team_lead' });
    const changed = structuredClone(settings);
    changed.targets.high.responseMinutes = 30;
    changed.calendar.closedDates = ['2026-11-23'];
    await d.client.sla.setSettings.mutate({ settings: changed });
    const p = await d.client.sla.preview.query({ priority: 'high', openedAt: '2026-11-20T14:20:00.000Z' });
    // 10 min on Friday, Monday closed, 20 min on Tuesday.
    expect(p.responseDue).toBe('2026-11-24T07:20:00.000Z');
    const after = await d.client.sla.settings.query();
    expect(after.updatedBy).toBe('Tone Teamleder');
    const rows: { name: string }[] = await d.desk.store.dataSource.manager.query(`SELECT name FROM outbox`);
    expect(rows.map((r) => r.name)).toEqual(['sla.setSettings']);
  });

  it('names each invalid setting and keeps the settings in force', async () => {
    const { settings } = await d.client.sla.settings.query();
    await signIn(d.client, { name: 'Tone Teamleder', role: 'team_lead' });
    const bad = structuredClone(settings);
    bad.targets.high.resolutionMinutes = -5;
    bad.calendar.close = '07:00';
    const e = await failure(d.client.sla.setSettings.mutate({ settings: bad }));
    expect(Object.keys(e.data?.fieldErrors ?? {}).sort()).toEqual([
      'settings.calendar.close',
      'settings.targets.high.resolutionMinutes',
    ]);
    expect((await d.client.sla.settings.query()).updatedAt).toBeNull();
  });

  it('lists the public holidays the calendar closes for', async () => {
    const days = await d.client.sla.holidays.query({ year: 2027 });
    expect(days.map((h) => h.date)).toContain('2027-05-17');
    expect(days.filter((h) => h.date === '2027-05-17').length).toBe(1); // Whit Monday and Constitution Day together
    expect(days.map((h) => h.date)).toEqual(
      expect.arrayContaining(['2027-03-25', '2027-03-26', '2027-03-28', '2027-03-29']),
    );
  });
});
