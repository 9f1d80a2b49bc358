// Why a row of the reporter CSV was refused (issue 6, issue 18): every reason
// the row has, each as a code with its parameters (a municipality's name, a
// number, a line, a length). The desk sends these; the renderer words them in
// the user's language (reporters.reasons.<code>), so no sentence is parsed back.

/** The columns of the reporter CSV, by the names the import reads them under. */
export type ReporterCsvColumn = 'name' | 'phones' | 'workplace' | 'municipality' | 'email';

export const REPORTER_CSV_REASONS = [
  'nameRequired',
  'workplaceRequired',
  'municipalityRequired',
  'unknownMunicipality',
  'invalidEmail',
  'phoneRequired',
  'invalidPhone',
  'duplicatePhone',
  'tooLong',
  'tooMany',
  'invalidText',
  'tooFewFields',
  'tooManyFields',
  'quoteUnterminated',
  'quoteMalformed',
  'unreadable',
] as const;
export type ReporterCsvReasonCode = (typeof REPORTER_CSV_REASONS)[number];

export interface ReporterCsvReason {
  code: ReporterCsvReasonCode;
  /** The column the reason is about, if it is about one. */
  column?: ReporterCsvColumn;
  /** What the wording fills in: `name` (a municipality), `number`, `line`, `max`, `expected`, `found`. */
  params?: Record<string, string | number>;
}

export interface ReporterCsvRejection {
  /** The line in the file (the header is line 1). */
  line: number;
  /** Every reason the line was refused, in the order of its columns. */
  reasons: ReporterCsvReason[];
}
