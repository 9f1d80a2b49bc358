// The reporter directory (issue 6): who calls the desk, from which numbers,
// where they work. Argument schemas of its mutations; no database here.
import { z } from 'zod';
import { phoneSchema } from '../calls/schemas';
import { clientInstantSchema } from '../time';
import { textSchema } from '../text';

export const REPORTER_IMPORT_BATCH = 500;

export const reporterEntrySchema = z.object({
  id: z.uuid(),
  name: textSchema.trim().min(1, 'Name is required').max(120),
  customerId: z.uuid('Unknown municipality'),
  workplace: textSchema.trim().min(1, 'Workplace is required').max(160),
  email: z
    .email('Not a valid e-mail address')
    .max(200)
    .nullish()
    .transform((v) => v ?? null),
  phones: z.array(phoneSchema).min(1, 'At least one phone number is required').max(10),
});
export type ReporterEntry = z.output<typeof reporterEntrySchema>;

export const reporterImportArgs = z.object({
  at: clientInstantSchema,
  reporters: z.array(reporterEntrySchema).min(1).max(REPORTER_IMPORT_BATCH),
});

/** What an arriving call's number tells the desk about its caller. */
export interface RecognizedCaller {
  reporterId: string;
  name: string;
  customerId: string;
  customerName: string | null;
  workplace: string;
  email: string | null;
  openTickets: Array<{ id: string; reference: string; priority: string; status: string; title: string }>;
}
