// CSV files the desk exports: semicolons and a byte-order mark, so Excel on a
// Norwegian desktop opens them as columns with æøå intact.
import Papa from 'papaparse';

export function csvOf(
  rows: ReadonlyArray<Record<string, string | number | null>>,
  columns: readonly string[],
): string {
  return `\uFEFF${Papa.unparse({ fields: [...columns], data: rows.map((r) => columns.map((c) => r[c] ?? '')) }, { delimiter: ';' })}\r\n`;
}
