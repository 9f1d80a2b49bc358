// The reporter directory (issue 6): who calls the desk, from which numbers,
// where they work. Argument schemas of its mutations; no database here.
import { z } from 'zod';
import { phoneSchema } from '../phone';
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
  /** The directory's entry; null when the caller is known only from an earlier call (earlierCall). */
  reporterId: string | null;
  name: string;
  customerId: string;
  customerName: string | null;
  workplace: string;
  email: string | null;
  openTickets: Array<{ id: string; reference: string; priority: string; status: string; title: string }>;
  /** Not in the directory: who and where come from the last finished call from this number (issue 18). */
  earlierCall?: { id: string; arrivedAt: string };
}

/** A caller the directory itself knows. */
export interface DirectoryCaller extends RecognizedCaller {
  reporterId: string;
}

/** One reporter added or corrected by hand (issue 18): the same entry as a CSV row. */
export const reporterSaveArgs = z.object({
  at: clientInstantSchema,
  reporter: reporterEntrySchema,
});

/** Browsing the directory: a search over name, workplace, municipality, e-mail and number. */
export const reporterListQuery = z.object({
  search: z.string().trim().max(120).default(''),
});

/** A reporter as the directory lists them. */
export interface ReporterListItem {
  id: string;
  name: string;
  customerId: string;
  customerName: string | null;
  workplace: string;
  email: string | null;
  /** E.164. */
  phones: string[];
}

/** One reporter with the calls from their numbers and the tickets filed under them, newest first. */
export interface ReporterDetail extends ReporterListItem {
  calls: Array<{
    id: string;
    arrivedAt: string;
    callerNumber: string;
    status: string;
    outcome: string | null;
    summary: string | null;
    takenByName: string | null;
  }>;
  tickets: Array<{
    id: string;
    reference: string;
    status: string;
    priority: string;
    title: string;
    createdAt: string;
  }>;
}
