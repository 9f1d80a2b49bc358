// The catalogue's CSV export (src-main/equipment/csvExport) is a file its
// import reads back as the same catalogue: ";" and a byte-order mark for
// Excel, Norwegian headers, every category and reason, and text with
// semicolons, quotes, commas, line breaks and æøå–’ (a fast-check property).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEVICE_CATEGORIES, ORDER_REASONS } from '../../../../src-shared/equipment/catalogue';
import { catalogueCsv } from '../../../../src-main/equipment/csvExport';
import { decodeCsvBytes, parseModelCsv } from '../../../../src-main/equipment/csvImport';
import type { ModelView } from '../../../../src-main/equipment/queries';

const view = (over: Partial<ModelView>): ModelView => ({
  id: '00000000-0000-4000-8000-000000000001',
  category: 'laptop',
  maker: 'HP',
  name: 'EliteBook 840 G10',
  supplier: null,
  frameworkAgreement: null,
  approvedFrom: '2024-01-01',
  approvedUntil: null,
  orderViaDesk: false,
  orderReason: null,
  approvedToday: true,
  updatedAt: '2024-01-01T00:00:00.000Z',
  updatedByName: 'Tone Teamleder',
  ...over,
});

/** What the import makes of a model (the entry's fields). */
const entryOf = (m: ModelView) => ({
  id: m.id,
  category: m.category,
  maker: m.maker,
  name: m.name,
  supplier: m.supplier,
  frameworkAgreement: m.frameworkAgreement,
  approvedFrom: m.approvedFrom,
  approvedUntil: m.approvedUntil,
  orderViaDesk: m.orderViaDesk,
  orderReason: m.orderViaDesk ? m.orderReason : null,
});

const roundTrip = (models: ModelView[]) =>
  parseModelCsv(decodeCsvBytes(new Uint8Array(Buffer.from(catalogueCsv(models), 'utf8'))), models);

describe('catalogueCsv', () => {
  it('writes Excel’s format: a byte-order mark, ";", Norwegian headers and values, CRLF', () => {
    const csv = catalogueCsv([
      view({ supplier: 'Atea; Molde', orderViaDesk: true, orderReason: 'compatibility' }),
      view({ category: 'info_screen', maker: 'Samsung', name: 'QM55C "Pro"', approvedUntil: '2026-12-31' }),
    ]);
    expect(csv.split('\r\n')).toEqual([
      '\uFEFFKategori;Produsent;Modell;Leverandør;Rammeavtale;Godkjent fra;Godkjent til;Bestilles via servicedesk;Årsak',
      'laptop;HP;EliteBook 840 G10;"Atea; Molde";;2024-01-01;;ja;kompatibilitet',
      'info_screen;Samsung;"QM55C ""Pro""";;;2024-01-01;2026-12-31;nei;',
      '',
    ]);
  });

  it('is read back by the import as the same catalogue, every category and reason', () => {
    const models = DEVICE_CATEGORIES.map((category, i) =>
      view({
        id: `00000000-0000-4000-8000-0000000000${String(i).padStart(2, '0')}`,
        category,
        name: `Modell ${i}`,
        orderViaDesk: i % 3 !== 0,
        orderReason: i % 3 === 0 ? null : ORDER_REASONS[i % 2]!,
      }),
    );
    const { models: read, rejected, missingColumns } = roundTrip(models);
    expect({ rejected, missingColumns }).toEqual({ rejected: [], missingColumns: [] });
    expect(read).toEqual(models.map(entryOf));
  });

  it('property: any catalogue survives export and import unchanged', () => {
    const chars = fc.constantFrom(...'aZ9 ;,"\'\n-æøåÆØÅ–’€é#=/.'.split(''));
    const text = fc.array(chars, { minLength: 1, maxLength: 12 }).map((cs) => `X${cs.join('')}Y`); // what the import trims is not text a model keeps
    const day = fc
      .date({
        min: new Date('2015-01-01T00:00:00Z'),
        max: new Date('2030-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10));
    const model = fc
      .record({
        category: fc.constantFrom(...DEVICE_CATEGORIES),
        maker: text,
        name: text,
        supplier: fc.option(text, { nil: null }),
        frameworkAgreement: fc.option(text, { nil: null }),
        approvedFrom: day,
        approvedUntil: fc.option(fc.constant('2031-01-01'), { nil: null }),
        orderReason: fc.option(fc.constantFrom(...ORDER_REASONS), { nil: null }),
      })
      .map((m) => view({ ...m, orderViaDesk: m.orderReason !== null }));
    const catalogue = fc
      .uniqueArray(model, {
        minLength: 1,
        maxLength: 8,
        selector: (m) => `${m.maker.toLowerCase()}|${m.name.toLowerCase()}`,
      })
      .map((ms) =>
        ms.map((m, i) => ({ ...m, id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}` })),
      );
    fc.assert(
      fc.property(catalogue, (models) => {
        const { models: read, rejected } = roundTrip(models);
        expect(rejected).toEqual([]);
        expect(read).toEqual(models.map(entryOf));
      }),
      { numRuns: 300 },
    );
  });
});
