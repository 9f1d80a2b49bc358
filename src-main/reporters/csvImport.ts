// Reads the reporter directory from CSV (issue 6): one row per reporter,
// headers in Norwegian or English, numbers separated by ";" or "|" or "/"
// within their cell. Every row is checked; a rejected row is reported with
// its line and why, and never stops the good rows. Parsing is papaparse's.
import Papa from 'papaparse';
import { createHash } from 'node:crypto';
import { reporterEntrySchema, type ReporterEntry } from '../../src-shared/reporters/schemas';

export interface CsvRejection {
  /** The line in the file (the header is line 1). */
  line: number;
  reason: string;
}

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
  const rejected: CsvRejection[] = parsed.errors
    .filter((e) => e.row !== undefined)
    .map((e) => ({ line: (e.row ?? 0) + 2, reason: e.message }));
  const badRows = new Set(rejected.map((r) => r.line));
  const reporters: ReporterEntry[] = [];
  const phoneOwner = new Map<string, number>();
  parsed.data.forEach((row, i) => {
    const line = i + 2;
    if (badRows.has(line)) return;
    const municipality = (row.municipality ?? '').trim();
    const customerId = byName.get(municipality.toLowerCase());
    if (!customerId) {
      rejected.push({
        line,
        reason: municipality ? `Unknown municipality "${municipality}"` : 'Municipality is required',
      });
      return;
    }
    const email = (row.email ?? '').trim() || null;
    const name = (row.name ?? '').trim();
    const result = reporterEntrySchema.safeParse({
      id: reporterId(name, customerId, email),
      name,
      customerId,
      workplace: row.workplace,
      email,
      phones: (row.phones ?? '')
        .split(/[;|/]/)
        .map((p) => p.trim())
        .filter(Boolean),
    });
    if (!result.success) {
      const first = result.error.issues[0]!;
      const what =
        first.path[0] === 'phones' && first.path.length > 1 ? 'Phone number' : String(first.path[0]);
      rejected.push({ line, reason: `${what}: ${first.message}` });
      return;
    }
    const clash = result.data.phones.find((p) => phoneOwner.has(p));
    if (clash) {
      rejected.push({ line, reason: `Phone number ${clash} is already on line ${phoneOwner.get(clash)}` });
      return;
    }
    for (const p of result.data.phones) phoneOwner.set(p, line);
    reporters.push(result.data);
  });
  rejected.sort((a, b) => a.line - b.line);
  return { reporters, rejected, missingColumns: [] };
}
