// Why a CSV row was rejected, in the user's language. The desk reports each
// reason as an English sentence (src-main/reporters/csvImport.ts, papaparse's
// and the schema's messages); the fixed ones are recognised here and
// translated, with their details (a municipality, a line, a length) kept.
// Anything else is shown as it came.
import type { TFunction } from 'i18next';
import { formatPhone } from '../../../src-shared/phone';

/** The CSV columns by the names the import reads them under, as the user should write them. */
const COLUMN_KEYS: Record<string, string> = {
  name: 'name',
  phones: 'phone',
  workplace: 'workplace',
  municipality: 'municipality',
  email: 'email',
};

/** Fields named before ": " in a schema reason. */
const FIELD_KEYS: Record<string, string> = {
  name: 'name',
  workplace: 'workplace',
  email: 'email',
  phones: 'phones',
  'Phone number': 'phoneNumber',
  customerId: 'municipality',
};

/** Fixed messages, whole; all but `missing` name their field themselves. */
const MESSAGE_KEYS: Record<string, string> = {
  'Name is required': 'nameRequired',
  'Workplace is required': 'workplaceRequired',
  'Municipality is required': 'municipalityRequired',
  'Not a valid e-mail address': 'invalidEmail',
  'At least one phone number is required': 'phoneRequired',
  'Phone number is required': 'phoneRequired',
  'Not a valid phone number': 'invalidPhone',
  'Unknown municipality': 'unknownMunicipalityShort',
  'Quoted field unterminated': 'quoteUnterminated',
  'Trailing quote on quoted field is malformed': 'quoteMalformed',
  'Invalid input: expected string, received undefined': 'missing',
};

/** Messages with details: the pattern and the translation key its groups fill. */
const PATTERNS: Array<[RegExp, string, (m: RegExpExecArray) => Record<string, string>]> = [
  [/^Unknown municipality "(.*)"$/, 'unknownMunicipality', (m) => ({ name: m[1]! })],
  [
    /^Phone number (\S+) is already on line (\d+)$/,
    'duplicatePhone',
    (m) => ({ number: formatPhone(m[1]!), line: m[2]! }),
  ],
  [
    /^Too few fields: expected (\d+) fields but parsed (\d+)$/,
    'tooFewFields',
    (m) => ({ expected: m[1]!, found: m[2]! }),
  ],
  [
    /^Too many fields: expected (\d+) fields but parsed (\d+)$/,
    'tooManyFields',
    (m) => ({ expected: m[1]!, found: m[2]! }),
  ],
  [/^Too big: expected string to have <=(\d+) characters$/, 'tooLong', (m) => ({ max: m[1]! })],
  [/^Too big: expected array to have <=(\d+) items$/, 'tooMany', (m) => ({ max: m[1]! })],
];

/** Messages that say nothing about which field they are about. */
const NEEDS_FIELD = new Set(['missing', 'tooLong', 'tooMany']);

function message(text: string, t: TFunction): { text: string; namesField: boolean } | null {
  const key = MESSAGE_KEYS[text];
  if (key) return { text: t(`reporters.reasons.${key}`), namesField: !NEEDS_FIELD.has(key) };
  for (const [pattern, patternKey, params] of PATTERNS) {
    const m = pattern.exec(text);
    if (m)
      return {
        text: t(`reporters.reasons.${patternKey}`, params(m)),
        namesField: !NEEDS_FIELD.has(patternKey),
      };
  }
  return null;
}

/** One rejected row's reason, translated where it is a fixed text. */
export function rejectionReason(reason: string, t: TFunction): string {
  const whole = message(reason, t);
  if (whole) return whole.text;
  // "<field>: <message>": a message that names its field stands alone ("Ugyldig telefonnummer").
  const colon = reason.indexOf(': ');
  const field = colon > 0 ? FIELD_KEYS[reason.slice(0, colon)] : undefined;
  if (!field) return reason;
  const rest = reason.slice(colon + 2);
  const said = message(rest, t);
  if (said?.namesField) return said.text;
  return `${t(`reporters.fields.${field}`)}: ${said?.text ?? rest}`;
}

/** "Missing columns: name, phones" (the file's error) as the column names the user writes. */
export function missingColumnsMessage(text: string, t: TFunction): string | null {
  const m = /^Missing columns: (.+)$/.exec(text);
  if (!m) return null;
  const columns = m[1]!
    .split(', ')
    .map((c) => (COLUMN_KEYS[c] ? t(`reporters.columns.${COLUMN_KEYS[c]}`) : c))
    .join(', ');
  return t('reporters.missingColumns', { columns });
}
