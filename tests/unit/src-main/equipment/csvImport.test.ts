// The equipment register's CSV import without a desk (src-main/equipment/csvImport):
// the bytes of a file decoded (UTF-8 with or without a byte-order mark, or
// Windows-1252 as Excel saves it), the approved-model catalogue and a device
// inventory read with Norwegian or English headers, ";" "," or tab, and
// dd.mm.yyyy dates; every rejected row reported with its line in the file and
// why; ids stable, so a re-import updates or skips instead of doubling.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  decodeCsvBytes,
  deviceIdFor,
  modelIdFor,
  parseDeviceCsv,
  parseModelCsv,
  type InventoryContext,
} from '../../../../src-main/equipment/csvImport';

/** The bytes Excel on a Norwegian Windows writes for this text (Windows-1252; latin1 covers æøå). */
const cp1252 = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));
const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));
const BOM = [0xef, 0xbb, 0xbf];

describe('decodeCsvBytes', () => {
  it('reads Windows-1252 bytes (Excel’s "CSV") with æøå intact', () => {
    const bytes = cp1252('Kategori;Kommune;Arbeidssted\r\nBærbar;Ålesund;Molde rådhus\r\n');
    // Not valid UTF-8: æ is one byte (0xE6) there.
    expect([...bytes.slice(30, 33)]).toEqual([0x42, 0xe6, 0x72]);
    expect(decodeCsvBytes(bytes)).toBe('Kategori;Kommune;Arbeidssted\r\nBærbar;Ålesund;Molde rådhus\r\n');
  });

  it('maps the bytes Windows-1252 has beyond Latin-1 (€, – and ’), not as control characters', () => {
    // Excel writes a typed "-" between spaces as "–", and ' as ’.
    expect(decodeCsvBytes(new Uint8Array([0x80, 0x20, 0x96, 0x20, 0x92, 0xe5]))).toBe('€ – ’å');
    // The WHATWG index for 0x80–0x9F (five bytes there are C1 controls in Windows-1252 too).
    const high = Array.from({ length: 32 }, (_, i) => 0x80 + i);
    expect([...decodeCsvBytes(new Uint8Array(high))].map((c) => c.codePointAt(0))).toEqual([
      0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d,
      0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a,
      0x153, 0x9d, 0x17e, 0x178,
    ]);
  });

  it('reads UTF-8 with a byte-order mark, without the mark', () => {
    const text = decodeCsvBytes(new Uint8Array([...BOM, ...utf8('Produsent;Modell\nBærbar;Ålesund')]));
    expect(text).toBe('Produsent;Modell\nBærbar;Ålesund');
    expect(text.charCodeAt(0)).toBe('P'.charCodeAt(0));
  });

  it('reads UTF-8 without a byte-order mark as UTF-8 (not as Windows-1252 mojibake)', () => {
    expect(decodeCsvBytes(utf8('Molde rådhus'))).toBe('Molde rådhus');
    expect(decodeCsvBytes(utf8('Molde rådhus'))).not.toContain('Ã');
  });
});

// ---------------------------------------------------------------------------------------------
// The catalogue

const MODEL_HEADER =
  'Kategori;Produsent;Modell;Leverandør;Rammeavtale;Godkjent fra;Godkjent til;Bestilles via servicedesk;Årsak';

describe('parseModelCsv', () => {
  it('reads an Excel file: Windows-1252, ";" and Norwegian headers, categories and dd.mm.yyyy dates', () => {
    const file = cp1252(
      [
        MODEL_HEADER,
        'Bærbar PC;HP;EliteBook 840 G10;Atea;IKT-utstyr 2024;01.01.2024;;ja;lisens',
        'Stasjonær;Dell;OptiPlex 7050;Atea;IKT-utstyr 2017;1.1.2017;31.12.2022;nei;',
        'Multifunksjonsmaskin;Canon;imageRUNNER C3226i;Ricoh Norge;;15.03.2023;;Ja;Kompatibilitet',
        'Infoskjerm;Samsung;QM55C;;;2022-06-01;;;',
        'Interaktiv tavle;Promethean;ActivPanel 9;;;2023-08-01;;nei;',
      ].join('\r\n') + '\r\n',
    );
    const { models, rejected, missingColumns } = parseModelCsv(decodeCsvBytes(file), []);
    expect(missingColumns).toEqual([]);
    expect(rejected).toEqual([]);
    expect(models).toEqual([
      {
        id: modelIdFor('HP', 'EliteBook 840 G10'),
        category: 'laptop',
        maker: 'HP',
        name: 'EliteBook 840 G10',
        supplier: 'Atea',
        frameworkAgreement: 'IKT-utstyr 2024',
        approvedFrom: '2024-01-01',
        approvedUntil: null,
        orderViaDesk: true,
        orderReason: 'licence',
      },
      {
        id: modelIdFor('Dell', 'OptiPlex 7050'),
        category: 'pc',
        maker: 'Dell',
        name: 'OptiPlex 7050',
        supplier: 'Atea',
        frameworkAgreement: 'IKT-utstyr 2017',
        approvedFrom: '2017-01-01',
        approvedUntil: '2022-12-31',
        orderViaDesk: false,
        orderReason: null,
      },
      expect.objectContaining({
        category: 'mfp',
        supplier: 'Ricoh Norge',
        frameworkAgreement: null,
        approvedFrom: '2023-03-15',
        orderViaDesk: true,
        orderReason: 'compatibility',
      }),
      expect.objectContaining({ category: 'info_screen', approvedFrom: '2022-06-01', orderViaDesk: false }),
      expect.objectContaining({ category: 'whiteboard', maker: 'Promethean' }),
    ]);
  });

  it('reads English headers with "," and tab-separated files the same way', () => {
    const comma = parseModelCsv(
      'category,maker,model,supplier,approved from,approved until,order via desk,reason\nlaptop,HP,ZBook,Atea,2024-01-01,,yes,licence\n',
      [],
    );
    const tab = parseModelCsv(
      'Kategori\tProdusent\tModell\tGodkjent fra\tBestilles via servicedesk\tÅrsak\nbærbar\tHP\tZBook\t01.01.2024\tja\tlisens\n',
      [],
    );
    expect(comma.rejected).toEqual([]);
    expect(tab.rejected).toEqual([]);
    expect(comma.models).toHaveLength(1);
    expect(tab.models).toEqual([{ ...comma.models[0]!, supplier: null }]);
    expect(comma.models[0]).toMatchObject({ category: 'laptop', orderViaDesk: true, orderReason: 'licence' });
  });

  it('reports every bad row with its line and why, and keeps the good ones', () => {
    const csv = [
      MODEL_HEADER, // line 1
      'Bærbar;HP;EliteBook 840 G10;Atea;;01.01.2024;;ja;lisens', // 2: good
      'Brødrister;HP;Toaster;;;01.01.2024;;nei;', // 3: unknown category
      ';HP;Ukjent;;;01.01.2024;;nei;', // 4: no category
      'PC;Lenovo;ThinkCentre M70;;;01.01.2024;;kanskje;', // 5: neither yes nor no
      'PC;Lenovo;ThinkCentre M80;;;01.01.2024;;ja;', // 6: via the desk without a reason
      'PC;Lenovo;ThinkCentre M90;;;01.01.2024;;ja;fordi', // 7: unknown reason
      'PC;Lenovo;ThinkCentre M75;;;31.02.2024;;nei;', // 8: no such day
      'PC;Lenovo;ThinkCentre M60;;;2024/01/01;;nei;', // 9: not a date
      'PC;Lenovo;ThinkCentre M50;;;01.06.2024;31.05.2024;nei;', // 10: until before from
      'PC;;ThinkCentre M40;;;01.06.2024;;nei;', // 11: no maker
      'Laptop;hp;elitebook 840 g10;;;01.01.2025;;nei;', // 12: the same model as line 2
      'PC;Lenovo;ThinkCentre M70q;;;01.01.2024;;nei;', // 13: good
      'PC;Lenovo;ThinkCentre;;;01.01.2024', // 14: too few cells
      'constructor;Lenovo;ThinkCentre M30;;;01.01.2024;;nei;', // 15: a category no table should know
      'PC;Lenovo;ThinkCentre M20;;;01.01.2024;;SANN;toString', // 16: Excel's TRUE, an inherited "reason"
      'PC;Lenovo;ThinkCentre M10;;;01.01.2024;;USANN;', // 17: good (Excel's FALSE)
    ].join('\n');
    const { models, rejected } = parseModelCsv(csv, []);
    expect(models.map((m) => m.name)).toEqual(['EliteBook 840 G10', 'ThinkCentre M70q', 'ThinkCentre M10']);
    expect(models.at(-1)!.orderViaDesk).toBe(false);
    expect(rejected).toEqual([
      { line: 3, reason: 'Unknown category "Brødrister"' },
      { line: 4, reason: 'category: required' },
      { line: 5, reason: 'orderViaDesk: "kanskje" is neither yes nor no' },
      { line: 6, reason: 'orderReason: Say why it must be ordered through the service desk' },
      { line: 7, reason: 'orderReason: unknown reason "fordi" (licence or compatibility)' },
      { line: 8, reason: 'approvedFrom: Not a date (YYYY-MM-DD)' },
      { line: 9, reason: 'approvedFrom: Not a date (YYYY-MM-DD)' },
      { line: 10, reason: 'approvedUntil: Approved until is before approved from' },
      { line: 11, reason: 'maker: The maker is required' },
      { line: 12, reason: 'hp elitebook 840 g10 is already on line 2' },
      { line: 14, reason: 'Too few fields: expected 9 fields but parsed 6' },
      { line: 15, reason: 'Unknown category "constructor"' },
      { line: 16, reason: 'orderReason: unknown reason "tostring" (licence or compatibility)' },
    ]);
  });

  it('gives a row naming a model already in the catalogue that entry’s id (any case), a new one a stable id', () => {
    const existing = [{ id: randomUUID(), maker: 'HP', name: 'EliteBook 840 G10' }];
    const csv = `${MODEL_HEADER}\nBærbar;hp;ELITEBOOK 840 G10;;;01.01.2024;;nei;\nPC;Dell;OptiPlex 7010;;;01.01.2024;;nei;`;
    const first = parseModelCsv(csv, existing);
    expect(first.models.map((m) => m.id)).toEqual([existing[0]!.id, modelIdFor('Dell', 'OptiPlex 7010')]);
    // The same file again: the same ids (so the import updates instead of adding).
    expect(parseModelCsv(csv, existing).models.map((m) => m.id)).toEqual(first.models.map((m) => m.id));
    expect(modelIdFor(' Dell ', 'optiplex 7010')).toBe(modelIdFor('Dell', 'OptiPlex 7010'));
    expect(modelIdFor('Dell', 'OptiPlex 7020')).not.toBe(modelIdFor('Dell', 'OptiPlex 7010'));
    expect(modelIdFor('Dell', 'OptiPlex 7010')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('names the required columns a file lacks, and reads no row', () => {
    const result = parseModelCsv('Produsent;Modell;Leverandør\nHP;EliteBook;Atea', []);
    expect(result).toEqual({ models: [], rejected: [], missingColumns: ['category', 'approvedFrom'] });
  });

  it('counts lines as the file has them: after an empty row and a cell with a line break', () => {
    const csv = [
      MODEL_HEADER, // 1
      'PC;Lenovo;M70;"Atea',
      'Molde";;01.01.2024;;nei;', // 2–3: one row over two lines
      ';;;;;;;;', // 4: an empty row as Excel writes it
      '', // 5
      'Brødrister;HP;Toaster;;;01.01.2024;;nei;', // 6
    ].join('\r\n');
    const { models, rejected } = parseModelCsv(csv, []);
    expect(models).toEqual([expect.objectContaining({ name: 'M70', supplier: 'Atea\r\nMolde' })]);
    expect(rejected).toEqual([{ line: 6, reason: 'Unknown category "Brødrister"' }]);
  });
});

// ---------------------------------------------------------------------------------------------
// An inventory of devices

const MOLDE = '01a21bf8-0000-7000-8000-000001000000';
const ALESUND = randomUUID();
const HP = { id: randomUUID(), maker: 'HP', name: 'EliteBook 840 G10' };
const DELL = { id: randomUUID(), maker: 'Dell', name: 'OptiPlex 7050' };

/** The register: a HP with serial REG-1 imported before (its stable id), a Dell registered by hand. */
const context = (over: Partial<InventoryContext> = {}): InventoryContext => ({
  models: [HP, DELL],
  customers: [
    { id: MOLDE, name: 'Molde kommune' },
    { id: ALESUND, name: 'Ålesund kommune' },
  ],
  existing: [
    { id: deviceIdFor('HP', 'REG-1'), serialKey: 'REG-1', maker: 'HP', assetTagKey: 'MK-0001' },
    { id: randomUUID(), serialKey: 'HAND-1', maker: 'Dell', assetTagKey: null },
  ],
  // 22:30 UTC on 15 June is already 16 June in Oslo.
  at: '2024-06-15T22:30:00.000Z',
  ...over,
});

const DEVICE_HEADER =
  'Serienummer;Produsent;Modell;Inventarnummer;Kommune;Arbeidssted;Bruker;Nettverk;Oppsettdato;Levert;Status;Merknad';

describe('parseDeviceCsv', () => {
  it('reads an Excel inventory (Windows-1252, ";", Norwegian headers and values, dd.mm.yyyy)', () => {
    const file = cp1252(
      [
        DEVICE_HEADER,
        '5CG1234XYZ;HP;EliteBook 840 G10;MK-1001;Molde kommune;Molde rådhus;Åse Ås;hovednett;01.02.2024;05.02.2024;i bruk;Ny skjerm',
        'ABC-9;Dell;OptiPlex 7050;;Ålesund kommune;Ålesund bibliotek;;Gjest;;;På lager;',
        'XYZ 77;hp;elitebook 840 g10;;molde kommune;NAV Molde;;;2024-03-01;;;',
      ].join('\r\n'),
    );
    const { devices, rejected, alreadyRegistered, missingColumns } = parseDeviceCsv(
      decodeCsvBytes(file),
      context(),
    );
    expect({ rejected, alreadyRegistered, missingColumns }).toEqual({
      rejected: [],
      alreadyRegistered: [],
      missingColumns: [],
    });
    expect(devices).toEqual([
      {
        id: deviceIdFor('HP', '5CG1234XYZ'),
        serial: '5CG1234XYZ',
        assetTag: 'MK-1001',
        modelId: HP.id,
        network: 'main',
        setupDate: '2024-02-01',
        deliveredDate: '2024-02-05',
        notes: 'Ny skjerm',
        customerId: MOLDE,
        workplace: 'Molde rådhus',
        assignedUser: 'Åse Ås',
        assignedReporterId: null,
        status: 'in_use',
      },
      {
        id: deviceIdFor('Dell', 'ABC-9'),
        serial: 'ABC-9',
        assetTag: null,
        modelId: DELL.id,
        network: 'guest',
        setupDate: null,
        deliveredDate: null,
        notes: null,
        customerId: ALESUND,
        workplace: 'Ålesund bibliotek',
        assignedUser: null,
        assignedReporterId: null,
        status: 'in_stock',
      },
      // No network and no status: the main network, in use (an inventory is of devices out there).
      expect.objectContaining({ serial: 'XYZ 77', modelId: HP.id, network: 'main', status: 'in_use' }),
    ]);
  });

  it('reads English headers and "," as well', () => {
    const { devices, rejected } = parseDeviceCsv(
      'serial,maker,model,asset tag,municipality,workplace,network,delivered\nS-1,Dell,OptiPlex 7050,T-1,Molde kommune,Molde legevakt,guest,2024-01-02\n',
      context(),
    );
    expect(rejected).toEqual([]);
    expect(devices).toEqual([
      expect.objectContaining({
        serial: 'S-1',
        assetTag: 'T-1',
        network: 'guest',
        deliveredDate: '2024-01-02',
      }),
    ]);
  });

  it('reports every bad row with its line and why, and keeps the good ones', () => {
    const csv = [
      DEVICE_HEADER, // 1
      'OK-1;HP;EliteBook 840 G10;MK-2001;Molde kommune;Molde rådhus;;;;16.06.2024;;', // 2: good (delivered today in Oslo)
      'X-1;HP;EliteBook 999;;Molde kommune;Molde rådhus;;;;;;', // 3: unknown model
      'X-2;HP;EliteBook 840 G10;;Atlantis kommune;Molde rådhus;;;;;;', // 4: unknown municipality
      'X-3;HP;EliteBook 840 G10;;;Molde rådhus;;;;;;', // 5: no municipality
      'o k-1;HP;EliteBook 840 G10;;Molde kommune;Molde rådhus;;;;;;', // 6: serial of line 2, written differently
      'HAND-1;Dell;OptiPlex 7050;;Molde kommune;Molde rådhus;;;;;;', // 7: serial in the register
      'X-4;HP;EliteBook 840 G10;mk-2001 ;Molde kommune;Molde rådhus;;;;;;', // 8: tag of line 2
      'X-5;HP;EliteBook 840 G10;MK-0001;Molde kommune;Molde rådhus;;;;;;', // 9: tag in the register
      'X-6;HP;EliteBook 840 G10;;Molde kommune;Molde rådhus;;;;17.06.2024;;', // 10: delivered tomorrow
      'X-7;HP;EliteBook 840 G10;;Molde kommune;Molde rådhus;;;01.07.2024;;;', // 11: set up in the future
      'X-8;HP;EliteBook 840 G10;;Molde kommune;Molde rådhus;;;;32.01.2024;;', // 12: no such day
      'X-9;HP;EliteBook 840 G10;;Molde kommune;Molde rådhus;;;;igår;;', // 13: not a date
      'X-10;HP;EliteBook 840 G10;;Molde kommune;Molde rådhus;;wifi;;;;', // 14: unknown network
      'X-11;HP;EliteBook 840 G10;;Molde kommune;Molde rådhus;;;;;kassert;', // 15: not a status an inventory has
      'X#12;HP;EliteBook 840 G10;;Molde kommune;Molde rådhus;;;;;;', // 16: not a serial
      'X-13;HP;EliteBook 840 G10;;Molde kommune;;;;;;;', // 17: no workplace
      'OK-1;Dell;OptiPlex 7050;;Molde kommune;Molde rådhus;;;;;;', // 18: good: a serial is unique per maker
      'X-14;HP;EliteBook 840 G10;;Molde kommune;Molde rådhus;;__proto__;;;;', // 19: an inherited "network"
      'X-15;HP;EliteBook 840 G10;;Molde kommune;Molde rådhus;;;;;constructor;', // 20: an inherited "status"
    ].join('\n');
    const { devices, rejected, alreadyRegistered } = parseDeviceCsv(csv, context());
    expect(devices.map((d) => `${d.modelId === HP.id ? 'HP' : 'Dell'} ${d.serial}`)).toEqual([
      'HP OK-1',
      'Dell OK-1',
    ]);
    expect(alreadyRegistered).toEqual([]);
    expect(rejected).toEqual([
      { line: 3, reason: 'model: "HP EliteBook 999" is not in the catalogue of approved models' },
      { line: 4, reason: 'municipality: unknown "Atlantis kommune"' },
      { line: 5, reason: 'municipality: required' },
      { line: 6, reason: 'serial: HP o k-1 is already in line 2' },
      { line: 7, reason: 'serial: Dell HAND-1 is already in the register' },
      { line: 8, reason: 'assetTag: mk-2001 is already in line 2' },
      { line: 9, reason: 'assetTag: MK-0001 is already in the register' },
      { line: 10, reason: 'deliveredDate: 2024-06-17 is after today (2024-06-16)' },
      { line: 11, reason: 'setupDate: 2024-07-01 is after today (2024-06-16)' },
      { line: 12, reason: 'deliveredDate: Not a date (YYYY-MM-DD)' },
      { line: 13, reason: 'deliveredDate: Not a date (YYYY-MM-DD)' },
      { line: 14, reason: 'network: "wifi" is neither main (hoved) nor guest (gjest)' },
      { line: 15, reason: 'status: "kassert" is neither in use (i bruk) nor in stock (på lager)' },
      { line: 16, reason: 'serial: Letters, digits, spaces and . _ / - only' },
      { line: 17, reason: 'workplace: The workplace is required' },
      { line: 19, reason: 'network: "__proto__" is neither main (hoved) nor guest (gjest)' },
      { line: 20, reason: 'status: "constructor" is neither in use (i bruk) nor in stock (på lager)' },
    ]);
  });

  it('lists the devices imported before (same maker and serial) as already registered, not as errors', () => {
    const csv = `${DEVICE_HEADER}\nREG-1;HP;EliteBook 840 G10;MK-0001;Molde kommune;Molde rådhus;;;;;;\nreg-1;hp;EliteBook 840 G10;;Molde kommune;Molde rådhus;;;;;;\nNEW-1;HP;EliteBook 840 G10;;Molde kommune;Molde rådhus;;;;;;`;
    const { devices, rejected, alreadyRegistered } = parseDeviceCsv(csv, context());
    expect(alreadyRegistered).toEqual([2, 3]);
    expect(rejected).toEqual([]);
    expect(devices.map((d) => d.id)).toEqual([deviceIdFor('HP', 'NEW-1')]);
    expect(deviceIdFor('hp', 'new -1')).toBe(deviceIdFor('HP', 'NEW-1'));
  });

  it('a date typed as today in Oslo is accepted even where it is still yesterday in UTC', () => {
    const csv = `${DEVICE_HEADER}\nD-1;HP;EliteBook 840 G10;;Molde kommune;Molde rådhus;;;16.06.2024;16.06.2024;;`;
    expect(parseDeviceCsv(csv, context()).rejected).toEqual([]);
    // Half an hour earlier it is still 15 June in Oslo too.
    expect(parseDeviceCsv(csv, context({ at: '2024-06-15T21:30:00.000Z' })).rejected).toEqual([
      { line: 2, reason: 'setupDate: 2024-06-16 is after today (2024-06-15)' },
    ]);
  });

  it('names the required columns a file lacks', () => {
    expect(parseDeviceCsv('Serienummer;Modell;Arbeidssted\nA;B;C', context())).toEqual({
      devices: [],
      rejected: [],
      alreadyRegistered: [],
      missingColumns: ['maker', 'municipality'],
    });
  });

  it('counts lines as the file has them: after empty rows and a note over two lines', () => {
    const csv = [
      DEVICE_HEADER, // 1
      ';;;;;;;;;;;', // 2: an empty row as Excel writes it
      'N-1;HP;EliteBook 840 G10;;Molde kommune;Molde rådhus;;;;;;"Første linje', // 3
      'andre linje"', // 4
      '', // 5
      'N-2;HP;EliteBook 999;;Molde kommune;Molde rådhus;;;;;;', // 6: unknown model
    ].join('\r\n');
    const { devices, rejected } = parseDeviceCsv(csv, context());
    expect(devices).toEqual([
      expect.objectContaining({ serial: 'N-1', notes: 'Første linje\r\nandre linje' }),
    ]);
    expect(rejected).toEqual([
      { line: 6, reason: 'model: "HP EliteBook 999" is not in the catalogue of approved models' },
    ]);
  });
});
