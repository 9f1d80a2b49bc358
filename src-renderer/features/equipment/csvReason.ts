// Why a CSV row was rejected, in the user's language. The desk reports each
// reason as an English sentence (src-main/equipment/csvImport.ts); the fixed
// ones are recognised here and translated with their details kept; for the
// rest the field is named in the user's language and the message kept.
import type { TFunction } from 'i18next';

const PATTERNS: Array<[RegExp, string, (m: RegExpExecArray) => Record<string, string>]> = [
  [/^model: "(.*)" is not in the catalogue of approved models$/, 'notInCatalogue', (m) => ({ model: m[1]! })],
  [/^municipality: unknown "(.*)"$/, 'unknownMunicipality', (m) => ({ name: m[1]! })],
  [/^municipality: required$/, 'municipalityRequired', () => ({})],
  [/^network: "(.*)" is neither/, 'badNetwork', (m) => ({ value: m[1]! })],
  [/^status: "(.*)" is neither/, 'badStatus', (m) => ({ value: m[1]! })],
  [
    /^(setupDate|deliveredDate): (\S+) is after today/,
    'dateInFuture',
    (m) => ({ field: m[1]!, date: m[2]! }),
  ],
  [/^serial: (.*) is already in the register$/, 'serialInRegister', (m) => ({ serial: m[1]! })],
  [/^serial: (.*) is already in line (\d+)$/, 'serialInFile', (m) => ({ serial: m[1]!, line: m[2]! })],
  [/^assetTag: (.*) is already in the register$/, 'tagInRegister', (m) => ({ tag: m[1]! })],
  [/^assetTag: (.*) is already in line (\d+)$/, 'tagInFile', (m) => ({ tag: m[1]!, line: m[2]! })],
  [/^Unknown category "(.*)"$/, 'unknownCategory', (m) => ({ value: m[1]! })],
  [/^category: required$/, 'categoryRequired', () => ({})],
  [/^orderViaDesk: "(.*)" is neither yes nor no$/, 'badYesNo', (m) => ({ value: m[1]! })],
  [/^orderReason: unknown reason "(.*)"/, 'badReason', (m) => ({ value: m[1]! })],
  [/^(.*) is already on line (\d+)$/, 'modelInFile', (m) => ({ model: m[1]!, line: m[2]! })],
];

export function csvReason(reason: string, t: TFunction): string {
  for (const [pattern, key, params] of PATTERNS) {
    const m = pattern.exec(reason);
    if (m) {
      const p = params(m);
      if (p.field) p.field = t(`equipment.csvFields.${p.field}`, { defaultValue: p.field });
      return t(`equipment.csvReasons.${key}`, p);
    }
  }
  const colon = reason.indexOf(': ');
  if (colon > 0) {
    const field = reason.slice(0, colon);
    return `${t(`equipment.csvFields.${field}`, { defaultValue: field })}: ${reason.slice(colon + 2)}`;
  }
  return reason;
}
