// The reporter directory on the desk's local router: import from CSV (team
// leads and admins) and recognising a caller by number.
import { z } from 'zod';
import { parsePhoneSystemNumber } from '../../src-shared/phone';
import { REPORTER_IMPORT_BATCH } from '../../src-shared/reporters/schemas';
import { assertRole } from '../mutations/runner';
import { customersWithWorkplaces } from '../store/referenceData';
import { actorProcedure, router } from '../local/trpc';
import { fieldError } from '../local/fieldError';
import { parseReporterCsv } from './csvImport';
import { reporterImport } from './mutations';
import { recognizeCallers } from './recognize';

/** A directory of a few thousand people is well under this; anything bigger is the wrong file. */
const MAX_CSV_CHARS = 5_000_000;

export const reportersRouter = router({
  count: actorProcedure.query(async ({ ctx }) => {
    const rows: Array<{ n: number }> = await ctx.desk.store.dataSource.manager.query(
      `SELECT count(*) AS n FROM reporter`,
    );
    return rows[0]?.n ?? 0;
  }),
  /** Who calls from this number (and their open tickets), if the directory knows. */
  recognize: actorProcedure.input(z.object({ number: z.string().max(40) })).query(async ({ ctx, input }) => {
    const number = parsePhoneSystemNumber(input.number);
    if (!number) return null;
    return (await recognizeCallers(ctx.desk.store.dataSource.manager, [number])).get(number) ?? null;
  }),
  /** Imports the good rows (in batches, each one synced mutation) and reports the rejected ones. */
  importCsv: actorProcedure
    .input(
      z.object({ csv: z.string().min(1, 'The file is empty').max(MAX_CSV_CHARS, 'The file is too large') }),
    )
    .mutation(async ({ ctx, input }) => {
      assertRole(reporterImport, ctx.actor);
      const customers = await customersWithWorkplaces(ctx.desk.store.dataSource.manager);
      const { reporters, rejected, missingColumns } = parseReporterCsv(input.csv, customers);
      if (missingColumns.length > 0) {
        throw fieldError('csv', `Missing columns: ${missingColumns.join(', ')}`, 'missingColumns');
      }
      const at = new Date().toISOString();
      for (let from = 0; from < reporters.length; from += REPORTER_IMPORT_BATCH) {
        await ctx.desk.mutations.run(
          reporterImport,
          { at, reporters: reporters.slice(from, from + REPORTER_IMPORT_BATCH) },
          ctx.actor,
        );
      }
      return { imported: reporters.length, rejected };
    }),
});
