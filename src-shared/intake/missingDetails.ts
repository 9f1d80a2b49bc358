// What a ticket from the e-mail channel may lack (R5): an unknown sender's
// ticket is made all the same, with the clock running from arrival, and the
// desk asks an agent to complete these. One list, for the desk's banner, its
// ticket list and the checks.

export const R5_FIELDS = ['reporterName', 'reporterPhone', 'customerId', 'workplace', 'description'] as const;
export type R5Field = (typeof R5_FIELDS)[number];

export function missingDetails(ticket: Record<R5Field, string | null | undefined>): R5Field[] {
  return R5_FIELDS.filter((f) => !ticket[f]?.trim());
}
