// Why a CSV row was rejected, in the user's language. The desk sends every
// reason a line has as a code with its parameters (src-shared/reporters/
// csvReasons.ts); each is worded here (reporters.reasons.<code>), and a reason
// that does not name its column ("Too long") is prefixed with it. The file's
// own error (missing columns) is still a field error with the columns listed.
import type { TFunction } from 'i18next';
import type { ReporterCsvReason } from '../../../src-shared/reporters/csvReasons';
import { formatPhone } from '../../../src-shared/phone';

/** The CSV columns by the names the import reads them under, as the user should write them. */
const COLUMN_KEYS: Record<string, string> = {
  name: 'name',
  phones: 'phone',
  workplace: 'workplace',
  municipality: 'municipality',
  email: 'email',
};

/** Reasons that say nothing about which column they are about. */
const NEEDS_COLUMN = new Set(['tooLong', 'tooMany', 'invalidText']);

/** One reason, in words. */
export function rejectionReason(reason: ReporterCsvReason, t: TFunction): string {
  const params: Record<string, string | number> = { ...reason.params };
  if (typeof params.number === 'string' && reason.code === 'duplicatePhone') {
    params.number = formatPhone(params.number);
  }
  const text = t(`reporters.reasons.${reason.code}`, params);
  return reason.column && NEEDS_COLUMN.has(reason.code)
    ? `${t(`reporters.fields.${reason.column}`)}: ${text}`
    : text;
}

/** Every reason of a rejected line, in words, one after the other. */
export function rejectionReasons(reasons: readonly ReporterCsvReason[], t: TFunction): string {
  return reasons.map((r) => rejectionReason(r, t)).join('; ');
}

/** "Missing columns: name, phones" (the file's error) as the column names the user writes. */
/** "Filen mangler kolonnene: navn, telefon": the missing columns travel as the error's params (issue 18). */
export function missingColumnsMessage(columns: readonly string[], t: TFunction): string {
  const words = columns
    .map((c) => (COLUMN_KEYS[c] ? t(`reporters.columns.${COLUMN_KEYS[c]}`) : c))
    .join(', ');
  return t('reporters.missingColumns', { columns: words });
}
