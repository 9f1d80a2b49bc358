// Reads the reporter directory from CSV (issue 6): one row per reporter,
// headers in Norwegian or English, numbers separated by ";" or "|" or "/"
// within their cell. Every row is checked; a rejected row is reported with
// its line and every reason it has (a bad number and a bad e-mail both), as
// codes with parameters the renderer words (src-shared/reporters/csvReasons),
// and never stops the good rows. Parsing is papaparse's.
import Papa from 'papaparse';
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import {
  type ReporterCsvColumn,
  type ReporterCsvReason,
  type ReporterCsvRejection,
} from '../../src-shared/reporters/csvReasons';
import { reporterEntrySchema, type ReporterEntry } from '../../src-shared/reporters/schemas';

export type CsvRejection = ReporterCsvRejection;

const HEADERS: Record<string, 'name' | 'phones' | 'workplace' | 'municipality' | 'email'> = {
  navn: 'name',
  name: 'name',
  telefon: 'phones',
  telefonnummer: 'phones',
  mobil: 'phones',
  phone: 'phones',
  phones: 'phones',
  arbeidssted: 'workplace',
  virksomhet: 'workplace',
  workplace: 'workplace',
  kommune: 'municipality',
  tjenestemottaker: 'municipality',
  municipality: 'municipality',
  customer: 'municipality',
  epost: 'email',
  'e-post': 'email',
  email: 'email',
  'e-mail': 'email',
};
const REQUIRED = ['name', 'phones', 'workplace', 'municipality'] as const;
/** The order a line's reasons are named in. */
const COLUMN_ORDER: ReporterCsvColumn[] = ['name', 'phones', 'workplace', 'municipality', 'email'];
/** Stands in for an unknown municipality while the rest of the line is checked. */
const NO_CUSTOMER = '00000000-0000-4000-8000-000000000000';

/** papaparse's row errors by their code; the numbers of a field-count error come from its message. */
function parseErrorReason(e: Papa.ParseError): ReporterCsvReason {
  const counts = /expected (\d+) fields but parsed (\d+)/.exec(e.message);
  const params = counts ? { expected: Number(counts[1]), found: Number(counts[2]) } : undefined;
  if (e.code === 'TooFewFields') return { code: 'tooFewFields', ...(params ? { params } : {}) };
  if (e.code === 'TooManyFields') return { code: 'tooManyFields', ...(params ? { params } : {}) };
  if (e.code === 'MissingQuotes') return { code: 'quoteUnterminated' };
  if (e.code === 'InvalidQuotes') return { code: 'quoteMalformed' };
  return { code: 'unreadable' };
}

/** One schema issue of a row as a reason; `phones` are the numbers as written, for naming a bad one. */
function issueReason(issue: z.core.$ZodIssue, phones: string[]): ReporterCsvReason | null {
  const column = issue.path[0] as string;
  if (column === 'id' || column === 'customerId') return null;
  const col = column as ReporterCsvColumn;
  if (issue.code === 'too_big') {
    return {
      code: issue.origin === 'array' ? 'tooMany' : 'tooLong',
      column: col,
      params: { max: Number(issue.maximum) },
    };
  }
  if (issue.code === 'custom' && issue.params?.reason !== 'phone') {
    return { code: 'invalidText', column: col };
  }
  if (col === 'phones') {
    if (issue.path.length > 1) {
      return { code: 'invalidPhone', column: col, params: { number: phones[Number(issue.path[1])] ?? '' } };
    }
    return { code: 'phoneRequired', column: col };
  }
  if (col === 'email') return { code: 'invalidEmail', column: col };
  if (col === 'name') return { code: 'nameRequired', column: col };
  return { code: 'workplaceRequired', column: 'workplace' };
}

/** A reporter's id from what identifies them: e-mail, or name and municipality (re-imports update, not duplicate). */
function reporterId(name: string, customerId: string, email: string | null): string {
  const key = email ? `email:${email.toLowerCase()}` : `name:${name.toLowerCase()}|${customerId}`;
  const h = createHash('sha256').update(`reporter:${key}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function parseReporterCsv(
  csv: string,
  customers: ReadonlyArray<{ id: string; name: string }>,
): { reporters: ReporterEntry[]; rejected: CsvRejection[]; missingColumns: string[] } {
  const parsed = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    delimitersToGuess: [',', ';', '\t'],
    transformHeader: (h) => HEADERS[h.trim().toLowerCase()] ?? h.trim().toLowerCase(),
  });
  const fields = parsed.meta.fields ?? [];
  const missingColumns = REQUIRED.filter((c) => !fields.includes(c));
  if (missingColumns.length > 0) return { reporters: [], rejected: [], missingColumns };

  const byName = new Map(customers.map((c) => [c.name.toLowerCase(), c.id]));
  const rejected: CsvRejection[] = [];
  const badRows = new Map<number, ReporterCsvReason[]>();
  for (const e of parsed.errors) {
    if (e.row === undefined) continue;
    const line = e.row + 2;
    badRows.set(line, [...(badRows.get(line) ?? []), parseErrorReason(e)]);
  }
  for (const [line, reasons] of badRows) rejected.push({ line, reasons });
  const reporters: ReporterEntry[] = [];
  const phoneOwner = new Map<string, number>();
  parsed.data.forEach((row, i) => {
    const line = i + 2;
    if (badRows.has(line)) return;
    const reasons: ReporterCsvReason[] = [];
    const municipality = (row.municipality ?? '').trim();
    const customerId = byName.get(municipality.toLowerCase());
    if (!customerId) {
      reasons.push(
        municipality
          ? { code: 'unknownMunicipality', column: 'municipality', params: { name: municipality } }
          : { code: 'municipalityRequired', column: 'municipality' },
      );
    }
    const email = (row.email ?? '').trim() || null;
    const name = (row.name ?? '').trim();
    const phones = (row.phones ?? '')
      .split(/[;|/]/)
      .map((p) => p.trim())
      .filter(Boolean);
    const result = reporterEntrySchema.safeParse({
      id: reporterId(name, customerId ?? NO_CUSTOMER, email),
      name,
      customerId: customerId ?? NO_CUSTOMER,
      workplace: row.workplace,
      email,
      phones,
    });
    if (!result.success) {
      for (const issue of result.error.issues) {
        const reason = issueReason(issue, phones);
        // One reason per column and code: a text that is both empty and odd is said once.
        if (reason && !reasons.some((r) => r.column === reason.column && r.code === reason.code)) {
          reasons.push(reason);
        }
      }
    } else {
      const clash = result.data.phones.find((p) => phoneOwner.has(p));
      if (clash) {
        reasons.push({
          code: 'duplicatePhone',
          column: 'phones',
          params: { number: clash, line: phoneOwner.get(clash)! },
        });
      }
    }
    if (!result.success || reasons.length > 0) {
      const at = (r: ReporterCsvReason) => (r.column ? COLUMN_ORDER.indexOf(r.column) : -1);
      if (reasons.length === 0) reasons.push({ code: 'unreadable' });
      rejected.push({ line, reasons: reasons.sort((x, y) => at(x) - at(y)) });
      return;
    }
    for (const p of result.data.phones) phoneOwner.set(p, line);
    reporters.push(result.data);
  });
  rejected.sort((a, b) => a.line - b.line);
  return { reporters, rejected, missingColumns: [] };
}
