// The reporter CSV import without a desk (src-main/reporters/csvImport): a
// rejected line names every reason it has, not only the first (issue 18), each
// as a code with its parameters for the renderer to word.
import { describe, expect, it } from 'vitest';
import { parseReporterCsv } from '../../../../src-main/reporters/csvImport';

const CUSTOMERS = [{ id: '0190a0b0-0000-7000-8000-000000000001', name: 'Molde kommune' }];
const HEADER = 'Navn;Telefon;Arbeidssted;Kommune;E-post';

describe('parseReporterCsv', () => {
  it('names a bad number and a bad e-mail on the same line, both', () => {
    const csv = [HEADER, 'Ola Lærer;12;Hjelset skole;Molde kommune;ikke-en-epost'].join('\n');
    const { reporters, rejected } = parseReporterCsv(csv, CUSTOMERS);
    expect(reporters).toEqual([]);
    expect(rejected).toEqual([
      {
        line: 2,
        reasons: [
          { code: 'invalidPhone', column: 'phones', params: { number: '12' } },
          { code: 'invalidEmail', column: 'email' },
        ],
      },
    ]);
  });

  it('names a missing name, a missing workplace and an unknown municipality together, in column order', () => {
    const csv = [HEADER, ';91234567;;Atlantis kommune;'].join('\n');
    expect(parseReporterCsv(csv, CUSTOMERS).rejected).toEqual([
      {
        line: 2,
        reasons: [
          { code: 'nameRequired', column: 'name' },
          { code: 'workplaceRequired', column: 'workplace' },
          { code: 'unknownMunicipality', column: 'municipality', params: { name: 'Atlantis kommune' } },
        ],
      },
    ]);
  });

  it('gives a number already on an earlier line, and a short line, as codes with their parameters', () => {
    const csv = [
      HEADER,
      'Per Pleier;91234567;Molde legevakt;Molde kommune;',
      'Dobbel Dan;91234567;Molde rådhus;Molde kommune;',
      'Kort;41414141;Molde rådhus',
    ].join('\n');
    const { reporters, rejected } = parseReporterCsv(csv, CUSTOMERS);
    expect(reporters.map((r) => r.name)).toEqual(['Per Pleier']);
    expect(rejected).toEqual([
      {
        line: 3,
        reasons: [{ code: 'duplicatePhone', column: 'phones', params: { number: '+4791234567', line: 2 } }],
      },
      { line: 4, reasons: [{ code: 'tooFewFields', params: { expected: 5, found: 3 } }] },
    ]);
  });

  it('says a text too long with its limit', () => {
    const csv = [HEADER, `${'x'.repeat(130)};91234567;Molde rådhus;Molde kommune;`].join('\n');
    expect(parseReporterCsv(csv, CUSTOMERS).rejected).toEqual([
      { line: 2, reasons: [{ code: 'tooLong', column: 'name', params: { max: 120 } }] },
    ]);
  });
});
