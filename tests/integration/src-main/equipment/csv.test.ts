// The equipment register's CSV imports through a desk's local router (real
// HTTP, real SQLite, a real central store on SQLite and PostgreSQL): an
// Excel-made catalogue and inventory (Windows-1252, ";", Norwegian headers,
// dd.mm.yyyy) import; good rows are kept, bad ones reported with their line
// and why; a re-import updates the catalogue without doubling and skips the
// devices already registered; the catalogue's export imports again unchanged;
// a file without the needed columns is refused naming them. What was imported
// syncs to the central store whole.
import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import type { LocalRouter } from '../../../../src-main/desk/router';
import { modelIdFor } from '../../../../src-main/equipment/csvImport';
import { osloDay } from '../../../../src-shared/equipment/rules';
import { ENGINES, type TestCentral } from '../../../support/central';
import { sqlRows } from '../../../support/cti';
import { useDeskCluster } from '../../../support/deskCluster';
import { csvBase64, deviceInput, MODELS, saveModels } from '../../../support/equipment';
import { signIn, type RunningDesk } from '../../../support/tempDesk';

const cluster = useDeskCluster();

async function errorOf(p: Promise<unknown>): Promise<TRPCClientError<LocalRouter>> {
  try {
    await p;
  } catch (e) {
    if (e instanceof TRPCClientError) return e as TRPCClientError<LocalRouter>;
    throw e;
  }
  throw new Error('expected a refusal');
}

/** Rows per table on the desk (what a refused import must leave as it was). */
async function counts(d: RunningDesk) {
  const m = d.desk.store.dataSource.manager;
  const out: Record<string, number> = {};
  for (const table of ['equipment_model', 'device', 'equipment_event', 'outbox']) {
    out[table] = Number((await m.query(`SELECT count(*) AS n FROM ${table}`))[0].n);
  }
  return out;
}

/** Syncs and expects the central store to hold as many models, devices and events as the desk. */
async function syncedWhole(central: TestCentral, d: RunningDesk) {
  await d.desk.sync!.syncNow();
  expect(await d.client.sync.rejected.query()).toEqual([]);
  const local = await counts(d);
  for (const table of ['equipment_model', 'device', 'equipment_event']) {
    const [row] = await sqlRows(central, `SELECT count(*) AS n FROM ${table}`);
    expect(Number(row!.n), table).toBe(local[table]);
  }
}

/** Base64 of the text as Excel saves it on a Norwegian Windows: Windows-1252, where – ’ € are 0x96 0x92 0x80. */
const excelBase64 = (text: string) =>
  Buffer.from(
    [...text]
      .map((c) => ({ '–': 0x96, '’': 0x92, '€': 0x80 })[c] ?? c.charCodeAt(0))
      .map((b) => {
        if (b > 0xff) throw new Error(`not in Windows-1252 here: ${b}`);
        return b;
      }),
  ).toString('base64');

/** A day in Oslo `days` from now, as Excel on a Norwegian desktop writes it (dd.mm.yyyy). */
const excelDay = (days: number) => {
  const [y, m, d] = osloDay(new Date(Date.now() + days * 86_400_000).toISOString()).split('-');
  return `${d}.${m}.${y}`;
};

const CATALOGUE = [
  'Kategori;Produsent;Modell;Leverandør;Rammeavtale;Godkjent fra;Godkjent til;Bestilles via servicedesk;Årsak',
  'Bærbar PC;HP;EliteBook 840 G10;Atea Ålesund;IKT-utstyr 2024–2028;01.01.2024;;ja;lisens', // 2
  'Stasjonær;Dell;OptiPlex 7050;Atea;IKT-utstyr 2017;01.01.2017;31.12.2022;nei;', // 3
  'Skriver;Kyocera;ECOSYS P3145dn;Kontorservice Molde;;01.03.2023;;nei;', // 4
  'Brødrister;HP;Toaster;;;01.01.2024;;nei;', // 5: unknown category
  'Nettbrett;Apple;iPad 10;;;01.01.2024;;ja;', // 6: via the desk without a reason
  'Telefon;Samsung;Galaxy A55;;;31.02.2024;;nei;', // 7: no such day
  'Infoskjerm;Samsung;QM55C;;;01.06.2024;01.01.2024;nei;', // 8: until before from
  'Bærbar;hp;elitebook 840 g10;;;01.01.2025;;nei;', // 9: the same model as line 2
  ';;;;;;;;', // 10: an empty row, as Excel leaves one
  'Multifunksjonsmaskin;Canon;imageRUNNER C3226i;;;01.01.2023;;kanskje;', // 11: neither yes nor no
].join('\r\n');

const CATALOGUE_REJECTED = [
  { line: 5, reason: 'Unknown category "Brødrister"' },
  { line: 6, reason: 'orderReason: Say why it must be ordered through the service desk' },
  { line: 7, reason: 'approvedFrom: Not a date (YYYY-MM-DD)' },
  { line: 8, reason: 'approvedUntil: Approved until is before approved from' },
  { line: 9, reason: 'hp elitebook 840 g10 is already on line 2' },
  { line: 11, reason: 'orderViaDesk: "kanskje" is neither yes nor no' },
];

describe.each(ENGINES)('equipment CSV import on %s', (engine) => {
  async function desk(role: 'team_lead' | 'technician' = 'team_lead') {
    const {
      central,
      desks: [d],
    } = await cluster(engine, 1);
    await signIn(d!.client, { name: 'Tone Teamleder', role: 'team_lead' });
    if (role === 'technician') {
      await saveModels(d!.client);
      await signIn(d!.client, { name: 'Tore Tekniker', role: 'technician' });
    }
    return { central, d: d! };
  }

  it('imports an Excel-made catalogue, reports bad rows by line, updates on re-import, round-trips its export', async () => {
    const { central, d } = await desk();
    const result = await d.client.equipment.importModels.mutate({ base64: excelBase64(CATALOGUE) });
    expect(result).toEqual({ created: 3, changed: 0, same: 0, rejected: CATALOGUE_REJECTED });
    const models = await d.client.equipment.models.query();
    expect(models.map((m) => `${m.maker} ${m.name}`)).toEqual([
      'HP EliteBook 840 G10',
      'Dell OptiPlex 7050',
      'Kyocera ECOSYS P3145dn',
    ]);
    expect(models[0]).toMatchObject({
      id: modelIdFor('HP', 'EliteBook 840 G10'),
      category: 'laptop',
      supplier: 'Atea Ålesund',
      frameworkAgreement: 'IKT-utstyr 2024–2028',
      approvedFrom: '2024-01-01',
      approvedUntil: null,
      orderViaDesk: true,
      orderReason: 'licence',
      updatedByName: 'Tone Teamleder',
    });
    expect(models[1]).toMatchObject({ category: 'pc', approvedUntil: '2022-12-31', approvedToday: false });
    expect(models[2]).toMatchObject({ category: 'printer', supplier: 'Kontorservice Molde' });

    // The same catalogue again, in UTF-8 with a byte-order mark and English headers, one model changed.
    const again = [
      'category,maker,model,supplier,framework agreement,approved from,approved until,order via desk,reason',
      'laptop,HP,EliteBook 840 G10,Atea Ålesund,IKT-utstyr 2024–2028,2024-01-01,,yes,licence',
      'pc,DELL,optiplex 7050,Atea,IKT-utstyr 2017,2017-01-01,2023-06-30,no,',
      'printer,Kyocera,ECOSYS P3145dn,Kontorservice Molde,,2023-03-01,,no,',
      'tablet,Apple,iPad 10,,,2024-01-01,,yes,compatibility',
    ].join('\n');
    const second = await d.client.equipment.importModels.mutate({ base64: csvBase64(`\uFEFF${again}`) });
    expect(second).toEqual({ created: 1, changed: 1, same: 2, rejected: [] });
    const after = await d.client.equipment.models.query();
    expect(after).toHaveLength(4);
    const dell = after.find((m) => m.id === models[1]!.id)!;
    // Updated in place: same entry, its name as it was written first, the new last day.
    expect(dell).toMatchObject({ maker: 'DELL', name: 'optiplex 7050', approvedUntil: '2023-06-30' });
    expect((await d.client.equipment.modelHistory.query({ id: dell.id })).map((e) => e.kind)).toEqual([
      'changed',
      'created',
    ]);

    // The export is a file the import reads back unchanged.
    const exported = await d.client.equipment.catalogueCsv.mutate();
    expect(exported.filename).toBe(`godkjente-modeller-${osloDay(new Date().toISOString())}.csv`);
    expect(exported.csv).toMatch(/^\uFEFFKategori;Produsent;Modell;Leverandør;Rammeavtale;Godkjent fra;/);
    expect(exported.csv).toContain(
      'laptop;HP;EliteBook 840 G10;Atea Ålesund;IKT-utstyr 2024–2028;2024-01-01;;ja;lisens',
    );
    const before = await counts(d);
    const roundTrip = await d.client.equipment.importModels.mutate({ base64: csvBase64(exported.csv) });
    expect(roundTrip).toEqual({ created: 0, changed: 0, same: 4, rejected: [] });
    // No model added or changed, no history written.
    expect(await counts(d)).toMatchObject({
      equipment_model: before.equipment_model,
      equipment_event: before.equipment_event,
    });
    expect(await d.client.equipment.models.query()).toEqual(after);

    await syncedWhole(central, d);
    expect(Number((await sqlRows(central, `SELECT count(*) AS n FROM equipment_model`))[0]!.n)).toBe(4);
  });

  it('imports an Excel-made inventory, reports bad rows by line and why, and skips on re-import what it registered', async () => {
    const { central, d } = await desk('technician');
    // Registered by hand before the import: its serial and asset tag are taken.
    await d.client.equipment.registerDevice.mutate({
      device: deviceInput({ serial: 'HAND-1', assetTag: 'MK-0001' }),
    });
    const elite = `${MODELS.elitebook.maker};${MODELS.elitebook.name}`;
    const optiplex = `${MODELS.oldDesktop.maker};${MODELS.oldDesktop.name}`;
    const inventory = [
      'Serienummer;Produsent;Modell;Inventarnummer;Kommune;Arbeidssted;Bruker;Nettverk;Oppsettdato;Levert;Status;Merknad',
      `5CG1001;${elite};MK-1001;Molde kommune;Molde rådhus;Åse Ås;Hovednett;02.01.2019;10.01.2019;I bruk;Bærbar på rådhuset – ny lader`, // 2
      `5CG1002;${elite};;Molde kommune;Molde legevakt;;;;;På lager;`, // 3
      `DL-7050;${optiplex};MK-1003;Aukra kommune;Aukra rådhus;;;;01.03.2018;;`, // 4
      `DL-7051;${optiplex};;Aukra kommune;Aukra sjukeheim;;Gjest;;01.03.2018;;`, // 5
      `X-1;HP;EliteBook 999;;Molde kommune;Molde rådhus;;;;;;`, // 6: unknown model
      `X-2;${elite};;Ålesund kommune;Ålesund rådhus;;;;;;`, // 7: not a member municipality
      `5cg 1001;${elite};;Molde kommune;Molde rådhus;;;;;;`, // 8: the serial of line 2
      `hand-1;${elite};;Molde kommune;Molde rådhus;;;;;;`, // 9: the serial of a device registered by hand
      `X-3;${elite};mk-1001;Molde kommune;Molde rådhus;;;;;;`, // 10: the asset tag of line 2
      `X-4;${elite};mk-00 01;Molde kommune;Molde rådhus;;;;;;`, // 11: the asset tag of the registered one
      ';;;;;;;;;;;', // 12: an empty row
      `X-5;${elite};;Molde kommune;Molde rådhus;;;;${excelDay(2)};;`, // 13: delivered in the future
      `X-6;${elite};;Molde kommune;Molde rådhus;;;;31.13.2024;;`, // 14: not a date
      `X-7;${elite};;Molde kommune;Molde rådhus;;Wifi;;;;`, // 15: not a network
      `X-8;${elite};;Molde kommune;Molde rådhus;;;;;Kassert;`, // 16: not a status for an inventory
    ].join('\r\n');
    const before = await counts(d);
    const result = await d.client.equipment.importDevices.mutate({ base64: excelBase64(inventory) });
    expect(result).toEqual({
      imported: 4,
      alreadyRegistered: [],
      rejected: [
        { line: 6, reason: 'model: "HP EliteBook 999" is not in the catalogue of approved models' },
        { line: 7, reason: 'municipality: unknown "Ålesund kommune"' },
        { line: 8, reason: 'serial: HP 5cg 1001 is already in line 2' },
        { line: 9, reason: 'serial: HP hand-1 is already in the register' },
        { line: 10, reason: 'assetTag: mk-1001 is already in line 2' },
        { line: 11, reason: 'assetTag: mk-00 01 is already in the register' },
        {
          line: 13,
          reason: `deliveredDate: ${osloDay(new Date(Date.now() + 2 * 86_400_000).toISOString())} is after today (${osloDay(new Date().toISOString())})`,
        },
        { line: 14, reason: 'deliveredDate: Not a date (YYYY-MM-DD)' },
        { line: 15, reason: 'network: "Wifi" is neither main (hoved) nor guest (gjest)' },
        { line: 16, reason: 'status: "Kassert" is neither in use (i bruk) nor in stock (på lager)' },
      ],
    });
    // One synced mutation for the batch; a 'registered' event per device.
    expect(await counts(d)).toEqual({
      ...before,
      device: before.device! + 4,
      equipment_event: before.equipment_event! + 4,
      outbox: before.outbox! + 1,
    });

    // What was imported, with æøå intact and the register's warnings (R16, R17).
    const [laptop] = await d.client.equipment.search.query({ text: '5CG1001' });
    expect(laptop).toMatchObject({
      serial: '5CG1001',
      assetTag: 'MK-1001',
      workplace: 'Molde rådhus',
      assignedUser: 'Åse Ås',
      customerName: 'Molde kommune',
      network: 'main',
      status: 'in_use',
      deliveredDate: '2019-01-10',
      // A laptop (48 months) delivered 10 January 2019.
      warnings: [{ code: 'replacementRecommended', since: '2023-01-10', reason: null }],
    });
    const card = await d.client.equipment.device.query({ id: laptop!.id });
    expect(card.device).toMatchObject({
      setupDate: '2019-01-02',
      notes: 'Bærbar på rådhuset – ny lader',
      createdByName: 'Tore Tekniker',
    });
    expect((await d.client.equipment.search.query({ text: '5CG1002' }))[0]).toMatchObject({
      status: 'in_stock',
      warnings: [],
    });
    // The Dell is no longer approved: on the main network it says so; on the guest network it does not.
    const [mainDell] = await d.client.equipment.search.query({ text: 'DL-7050' });
    expect(mainDell!.warnings.map((w) => w.code)).toEqual(['notApproved', 'replacementRecommended']);
    const [guestDell] = await d.client.equipment.search.query({ text: 'DL-7051' });
    expect(guestDell).toMatchObject({ network: 'guest', workplace: 'Aukra sjukeheim' });
    expect(guestDell!.warnings.map((w) => w.code)).toEqual(['replacementRecommended']);

    // The same file again: the devices it registered are skipped, not doubled and not errors.
    const again = await d.client.equipment.importDevices.mutate({ base64: excelBase64(inventory) });
    expect(again.imported).toBe(0);
    // Line 8 is line 2's device (its serial written differently).
    expect(again.alreadyRegistered).toEqual([2, 3, 4, 5, 8]);
    expect(again.rejected.map((r) => r.line)).toEqual([6, 7, 9, 10, 11, 13, 14, 15, 16]);
    expect((await counts(d)).device).toBe(before.device! + 4);

    await syncedWhole(central, d);
    expect(
      (await sqlRows(central, `SELECT serial FROM device ORDER BY serial`)).map((r) => r.serial),
    ).toEqual(['5CG1001', '5CG1002', 'DL-7050', 'DL-7051', 'HAND-1']);
  });

  it('refuses a file without the needed columns (naming them), an empty file, and who may not import', async () => {
    const { d } = await desk();
    await saveModels(d.client);
    const before = await counts(d);
    const refused = async (p: Promise<unknown>, message: string, reason: string) => {
      const err = await errorOf(p);
      expect(err.data!.code).toBe('BAD_REQUEST');
      expect(err.data!.fieldErrors).toEqual({ base64: [{ code: 'custom', message, reason }] });
    };
    await refused(
      d.client.equipment.importModels.mutate({
        base64: csvBase64('Produsent;Modell;Leverandør\nHP;ZBook;Atea'),
      }),
      'Missing columns: category, approvedFrom',
      'missingColumns',
    );
    await refused(
      d.client.equipment.importDevices.mutate({
        base64: csvBase64('Serienummer;Modell;Arbeidssted\r\nX-1;EliteBook 840 G10;Molde rådhus', 'latin1'),
      }),
      'Missing columns: maker, municipality',
      'missingColumns',
    );
    await refused(
      d.client.equipment.importDevices.mutate({ base64: csvBase64(' \r\n \r\n') }),
      'The file is empty',
      'empty',
    );
    const notBase64 = await errorOf(d.client.equipment.importModels.mutate({ base64: 'ikke en fil!' }));
    expect(notBase64.data!.fieldErrors?.base64?.[0]?.message).toBe('Not a file (base64)');

    // A technician imports devices but not the catalogue; an agent neither.
    await signIn(d.client, { name: 'Tore Tekniker', role: 'technician' });
    const technician = await errorOf(
      d.client.equipment.importModels.mutate({ base64: excelBase64(CATALOGUE) }),
    );
    expect(technician.data!.code).toBe('FORBIDDEN');
    expect(technician.message).toBe('equipment.importModels is not allowed for the role technician');
    await signIn(d.client, { name: 'Kari Agent', role: 'agent' });
    const device = `Serienummer;Produsent;Modell;Kommune;Arbeidssted\nA-1;HP;EliteBook 840 G10;Molde kommune;Molde rådhus`;
    const agent = await errorOf(d.client.equipment.importDevices.mutate({ base64: csvBase64(device) }));
    expect(agent.data!.code).toBe('FORBIDDEN');
    expect(agent.message).toBe('equipment.importDevices is not allowed for the role agent');
    expect(await counts(d)).toEqual(before);
  });
});
