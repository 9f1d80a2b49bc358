// What a ticket from the e-mail channel may lack (R5): an unknown sender's
// ticket is made all the same, with the clock running from arrival, and the
// desk asks an agent to complete these, and the affected system, which the
// desk's ticket form needs too. One list, for the desk's banner, its ticket
// list and the checks.

export const DETAIL_FIELDS = [
  'reporterName',
  'reporterPhone',
  'customerId',
  'workplace',
  'system',
  'description',
] as const;
export type DetailField = (typeof DETAIL_FIELDS)[number];

export function missingDetails(ticket: Record<DetailField, string | null | undefined>): DetailField[] {
  return DETAIL_FIELDS.filter((f) => !ticket[f]?.trim());
}
