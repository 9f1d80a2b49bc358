// Human-readable references (R6): canonical ones from the central store's
// counter ("RI-2026-000123", gap-free per year, never reused), and provisional
// desk-scoped ones for records created offline ("P-3F9A-0007"), kept as a
// searchable alias after the canonical one arrives.

export const REFERENCE_PREFIX = 'RI';

export function canonicalReference(year: number, n: number, prefix = REFERENCE_PREFIX): string {
  return `${prefix}-${year}-${String(n).padStart(6, '0')}`;
}

/** The desk's short tag (from its client id) and its own running number. */
export function provisionalReference(clientId: string, n: number): string {
  return `P-${clientId.replace(/-/g, '').slice(-4).toUpperCase()}-${String(n).padStart(4, '0')}`;
}

export function isCanonicalReference(ref: string): boolean {
  return /^[A-Z]{2,5}-\d{4}-\d{6,}$/.test(ref);
}
