// The reporter directory on a desk with a real central store: CSV import with
// good and bad rows (each bad row reported with its line and why), re-import
// updating rather than duplicating, who may import, and callers recognised by
// their number in the queue with their open tickets, on another desk too.
import { describe, expect, it } from 'vitest';
import { ENGINES } from '../../../support/central';
import { useDeskCluster } from '../../../support/deskCluster';
import { errorOf, signIn } from '../../../support/tempDesk';

const cluster = useDeskCluster();
const setup = async (engine: (typeof ENGINES)[number], n: number) => (await cluster(engine, n)).desks;

const CSV = [
  'Navn;Telefon;Arbeidssted;Kommune;E-post',
  'Per Pleier;+47 912 34 567;Molde legevakt;Molde kommune;per.pleier@molde.kommune.no',
  'Siri Sykepleier;0047 41 22 33 44 | 71 11 22 33;Aukra sjukeheim;Aukra kommune;',
  ';98765432;Molde rådhus;Molde kommune;',
  'Ola Lærer;12;Hjelset skole;Molde kommune;',
  'Kari Kontor;45566778;Gjemnes rådhus;Atlantis kommune;',
  'Nils Nav;47 12 34 56;NAV Molde;Molde kommune;ikke-en-epost',
  'Dobbel Dan;91234567;Molde rådhus;Molde kommune;',
  '"Åse Ås, jr.";90909090;Bergmo ungdomsskole;molde kommune;ase@molde.kommune.no',
].join('\n');

describe.each(ENGINES)('reporter directory on %s', (engine) => {
  it('imports good rows, reports each bad row with its line and why, and recognises callers on every desk', async () => {
    const [a, b] = await setup(engine, 2);
    await signIn(a!.client, { name: 'Tone Teamleder', role: 'team_lead' });
    await signIn(b!.client, { name: 'Kari Agent', role: 'agent' });

    const result = await a!.client.reporters.importCsv.mutate({ csv: CSV });
    expect(result.imported).toBe(3);
    expect(result.rejected).toEqual([
      { line: 4, reasons: [{ code: 'nameRequired', column: 'name' }] },
      { line: 5, reasons: [{ code: 'invalidPhone', column: 'phones', params: { number: '12' } }] },
      {
        line: 6,
        reasons: [
          { code: 'unknownMunicipality', column: 'municipality', params: { name: 'Atlantis kommune' } },
        ],
      },
      { line: 7, reasons: [{ code: 'invalidEmail', column: 'email' }] },
      {
        line: 8,
        reasons: [{ code: 'duplicatePhone', column: 'phones', params: { number: '+4791234567', line: 2 } }],
      },
    ]);
    expect(await a!.client.reporters.count.query()).toBe(3);

    await a!.desk.sync!.syncNow();
    await b!.desk.sync!.syncNow();
    // A call from Siri's second number, typed without the country code, on the other desk.
    await b!.client.calls.log.mutate({ callerNumber: '71112233' });
    const [waiting] = await b!.client.calls.queue.query();
    expect(waiting!.caller).toMatchObject({
      name: 'Siri Sykepleier',
      workplace: 'Aukra sjukeheim',
      customerName: 'Aukra kommune',
      openTickets: [],
    });
    expect(await b!.client.reporters.recognize.query({ number: '+47 90 90 90 90' })).toMatchObject({
      name: 'Åse Ås, jr.',
      email: 'ase@molde.kommune.no',
    });
    expect(await b!.client.reporters.recognize.query({ number: '99999999' })).toBeNull();
  });

  it('updates a reporter on re-import instead of duplicating, and moves a number to its new owner', async () => {
    const {
      central: c,
      desks: [a],
    } = await cluster(engine, 1);
    await signIn(a!.client, { name: 'Tone Teamleder', role: 'team_lead' });
    await a!.client.reporters.importCsv.mutate({
      csv: 'navn,telefon,arbeidssted,kommune,epost\nPer Pleier,91234567,Molde legevakt,Molde kommune,per@molde.kommune.no',
    });
    await a!.client.reporters.importCsv.mutate({
      csv: 'name,phone,workplace,municipality,email\nPer Pleier,41414141,Molde rådhus,Molde kommune,per@molde.kommune.no\nNy Eier,91234567,NAV Molde,Molde kommune,',
    });
    expect(await a!.client.reporters.count.query()).toBe(2);
    expect(await a!.client.reporters.recognize.query({ number: '41414141' })).toMatchObject({
      name: 'Per Pleier',
      workplace: 'Molde rådhus',
    });
    expect(await a!.client.reporters.recognize.query({ number: '91234567' })).toMatchObject({
      name: 'Ny Eier',
    });
    await a!.desk.sync!.syncNow();
    const central = c.server.store.dataSource.manager;
    expect(Number((await central.query(`SELECT count(*) AS n FROM reporter`))[0].n)).toBe(2);
    expect(Number((await central.query(`SELECT count(*) AS n FROM reporter_phone`))[0].n)).toBe(2);
  });

  it('refuses a file without the needed columns, and an agent importing', async () => {
    const [a, b] = await setup(engine, 2);
    await signIn(a!.client, { name: 'Tone Teamleder', role: 'team_lead' });
    await signIn(b!.client, { name: 'Kari Agent', role: 'agent' });
    const missing = await errorOf(
      a!.client.reporters.importCsv.mutate({ csv: 'navn;telefon\nPer;91234567' }),
    );
    expect(missing.message).toMatch(/Missing columns: workplace, municipality/);
    // The columns travel as the error's parameters, for the desk's own words (issue 18, item 5).
    expect(missing.data?.fieldErrors?.csv?.[0]).toMatchObject({
      reason: 'missingColumns',
      params: { columns: ['workplace', 'municipality'] },
    });
    await expect(b!.client.reporters.importCsv.mutate({ csv: CSV })).rejects.toThrow(
      /not allowed for the role agent/,
    );
    expect(await a!.client.reporters.count.query()).toBe(0);
  });

  it("shows a known caller's open tickets", async () => {
    const [a] = await setup(engine, 1);
    await signIn(a!.client, { name: 'Tone Teamleder', role: 'team_lead' });
    await a!.client.reporters.importCsv.mutate({
      csv: 'navn;telefon;arbeidssted;kommune\nPer Pleier;912 34 567 / 41414141;Molde legevakt;Molde kommune',
    });
    const [molde] = await a!.client.calls.customers.query();
    const t = await a!.client.tickets.create.mutate({
      reporterName: 'Per Pleier',
      reporterPhone: '41414141',
      customerId: molde!.id,
      workplace: 'Molde legevakt',
      description: 'Skriveren på legevakten skriver ikke ut',
      priority: 'medium',
      system: 'Utskrift',
      category: 'hardware',
      channel: 'phone',
      notifyBy: 'sms',
    });
    await a!.client.calls.log.mutate({ callerNumber: '+4791234567' });
    const [waiting] = await a!.client.calls.queue.query();
    expect(waiting!.caller?.openTickets).toEqual([
      expect.objectContaining({ id: t.id, reference: t.provisionalReference, priority: 'medium' }),
    ]);
  });
});
