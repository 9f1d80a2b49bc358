// The reporter directory by hand (issue 18): browsing and searching it, adding
// and correcting a reporter (a number another reporter has is refused, an agent
// may not), each reporter's calls and tickets, and a caller the directory does
// not know recognised from an earlier call from the same number, marked so.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { errorOf, removeDir, signIn, startDesk, type RunningDesk } from '../../../support/tempDesk';

let d: RunningDesk;
beforeEach(async () => {
  d = await startDesk();
});
afterEach(async () => {
  await d.stop();
  removeDir(d.dataDir);
});

const CSV = [
  'navn;telefon;arbeidssted;kommune;epost',
  'Per Pleier;912 34 567 | 71 11 22 33;Molde legevakt;Molde kommune;per.pleier@molde.kommune.no',
  'Åse Ås;90909090;Aukra sjukeheim;Aukra kommune;',
  'Ola Olsen;41414141;Hjelset skole;Molde kommune;',
].join('\n');

describe('reporter directory by hand', () => {
  it('lists and searches the directory by name, place, e-mail and number', async () => {
    await signIn(d.client, { name: 'Tone Teamleder', role: 'team_lead' });
    await d.client.reporters.importCsv.mutate({ csv: CSV });
    const names = async (search: string) =>
      (await d.client.reporters.list.query({ search })).reporters.map((r) => r.name);
    expect(await names('')).toEqual(['Ola Olsen', 'Per Pleier', 'Åse Ås']);
    expect(await names('åSE')).toEqual(['Åse Ås']);
    expect(await names('molde')).toEqual(['Ola Olsen', 'Per Pleier']);
    expect(await names('legevakt per')).toEqual(['Per Pleier']);
    expect(await names('71 11 22')).toEqual(['Per Pleier']);
    expect(await names('+47 909')).toEqual(['Åse Ås']);
    expect(await d.client.reporters.list.query({ search: 'ingen slik' })).toEqual({
      reporters: [],
      total: 0,
    });
  });

  it('adds and corrects a reporter, refuses a number someone else has, and lets no agent edit', async () => {
    await signIn(d.client, { name: 'Tone Teamleder', role: 'team_lead' });
    await d.client.reporters.importCsv.mutate({ csv: CSV });
    const [molde] = await d.client.calls.customers.query();
    const entry = {
      name: 'Nina Ny',
      customerId: molde!.id,
      workplace: 'Molde rådhus',
      email: null,
      phones: ['45 45 45 45'],
    };
    const { id } = await d.client.reporters.save.mutate({ reporter: entry });
    expect(await d.client.reporters.recognize.query({ number: '45454545' })).toMatchObject({
      reporterId: id,
      name: 'Nina Ny',
    });

    await d.client.reporters.save.mutate({
      reporter: { ...entry, id, workplace: 'NAV Molde', phones: ['46464646'] },
    });
    expect(await d.client.reporters.recognize.query({ number: '45454545' })).toBeNull();
    expect(await d.client.reporters.get.query({ id })).toMatchObject({
      name: 'Nina Ny',
      workplace: 'NAV Molde',
      phones: ['+4746464646'],
    });
    expect(await d.client.reporters.count.query()).toBe(4);

    const taken = await errorOf(
      d.client.reporters.save.mutate({ reporter: { ...entry, id, phones: ['46464646', '91234567'] } }),
    );
    expect(taken.data!.fieldErrors?.['reporter.phones']?.[0]).toMatchObject({ reason: 'phoneTaken' });
    const bad = await errorOf(
      d.client.reporters.save.mutate({ reporter: { ...entry, name: ' ', phones: ['12'] } }),
    );
    expect(Object.keys(bad.data!.fieldErrors ?? {}).sort()).toEqual(['reporter.name', 'reporter.phones.0']);

    await signIn(d.client, { name: 'Kari Agent', role: 'agent' });
    await expect(d.client.reporters.save.mutate({ reporter: { ...entry, id } })).rejects.toThrow(
      /not allowed for the role agent/,
    );
    expect((await d.client.reporters.get.query({ id })).workplace).toBe('NAV Molde');
  });

  it("shows a reporter's calls and tickets, from all their numbers and their e-mail", async () => {
    await signIn(d.client, { name: 'Tone Teamleder', role: 'team_lead' });
    await d.client.reporters.importCsv.mutate({ csv: CSV });
    const [molde] = await d.client.calls.customers.query();
    const first = await d.client.calls.log.mutate({ callerNumber: '91234567' });
    const second = await d.client.calls.log.mutate({ callerNumber: '71112233' });
    await d.client.calls.log.mutate({ callerNumber: '41414141' });
    const ticket = {
      customerId: molde!.id,
      workplace: 'Molde legevakt',
      description: 'Skriveren skriver ikke ut',
      priority: 'medium' as const,
      system: 'Utskrift',
      category: 'hardware' as const,
      channel: 'phone' as const,
      notifyBy: 'sms' as const,
    };
    const byPhone = await d.client.tickets.create.mutate({
      ...ticket,
      reporterName: 'Per Pleier',
      reporterPhone: '71 11 22 33',
    });
    const byEmail = await d.client.tickets.create.mutate({
      ...ticket,
      reporterName: 'Per P.',
      reporterPhone: '99887766',
      reporterEmail: 'PER.PLEIER@molde.kommune.no',
    });
    await d.client.tickets.create.mutate({ ...ticket, reporterName: 'Ola Olsen', reporterPhone: '41414141' });

    const [per] = (await d.client.reporters.list.query({ search: 'Per Pleier' })).reporters;
    const detail = await d.client.reporters.get.query({ id: per!.id });
    expect(detail.calls.map((c) => c.id).sort()).toEqual([first.id, second.id].sort());
    expect(detail.tickets.map((t) => t.id).sort()).toEqual([byPhone.id, byEmail.id].sort());
    expect(detail.tickets[0]).toMatchObject({
      status: 'new',
      priority: 'medium',
      title: 'Skriveren skriver ikke ut',
    });
    const missing = await errorOf(
      d.client.reporters.get.query({ id: '01890000-0000-7000-8000-000000000000' }),
    );
    expect(missing.data!.domain?.code).toBe('notFound');
  });

  it('recognises a caller the directory does not know from an earlier call from the number, marked so', async () => {
    await signIn(d.client, { name: 'Kari Agent', role: 'agent' });
    const [molde] = await d.client.calls.customers.query();
    const earlier = await d.client.calls.log.mutate({ callerNumber: '95959595' });
    await d.client.calls.take.mutate({ callId: earlier.id });
    await d.client.calls.finish.mutate({
      callId: earlier.id,
      outcome: 'solved',
      callerName: 'Gunn Gjest',
      customerId: molde!.id,
      workplace: 'Molde bibliotek',
    });
    const again = await d.client.calls.log.mutate({ callerNumber: '+47 95 95 95 95' });
    const [waiting] = await d.client.calls.queue.query();
    expect(waiting!.id).toBe(again.id);
    expect(waiting!.caller).toMatchObject({
      reporterId: null,
      name: 'Gunn Gjest',
      customerId: molde!.id,
      workplace: 'Molde bibliotek',
      earlierCall: { id: earlier.id },
    });
    // Taken, it is still recognised; the directory's own lookup knows nothing of it.
    await d.client.calls.take.mutate({ callId: again.id });
    expect((await d.client.calls.current.query())!.caller).toMatchObject({ earlierCall: { id: earlier.id } });
    expect(await d.client.reporters.recognize.query({ number: '95959595' })).toBeNull();
  });
});
