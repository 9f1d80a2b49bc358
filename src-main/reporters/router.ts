// The reporter directory on the desk's local router: import from CSV (team
// leads and admins), recognising a caller by number, and browsing, searching,
// adding and correcting reporters with each one's calls and tickets (issue 18).
import { uuidv7 } from 'uuidv7';
import { z } from 'zod';
import { DomainError } from '../../src-shared/errors';
import { parsePhoneSystemNumber } from '../../src-shared/phone';
import {
  REPORTER_IMPORT_BATCH,
  reporterEntrySchema,
  reporterListQuery,
} from '../../src-shared/reporters/schemas';
import { assertRole } from '../mutations/runner';
import { customersWithWorkplaces } from '../store/referenceData';
import { actorProcedure, router } from '../local/trpc';
import { fieldError } from '../local/fieldError';
import { parseReporterCsv } from './csvImport';
import { reporterDetail, reporterList } from './directory';
import { reporterImport, reporterSave } from './mutations';
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
  /** The directory, searched (at most LIST_LIMIT reporters, by name; `total` says how many matched). */
  list: actorProcedure
    .input(reporterListQuery)
    .query(({ ctx, input }) => reporterList(ctx.desk.store.dataSource.manager, input.search)),
  /** One reporter with their calls and tickets. */
  get: actorProcedure.input(z.object({ id: z.uuid() })).query(async ({ ctx, input }) => {
    const found = await reporterDetail(ctx.desk.store.dataSource.manager, input.id);
    if (!found) throw new DomainError('notFound', `No reporter with id ${input.id}`);
    return found;
  }),
  /** Adds a reporter (no id) or corrects one; a number another reporter has is refused next to the numbers. */
  save: actorProcedure
    .input(z.object({ reporter: reporterEntrySchema.extend({ id: z.uuid().nullish() }) }))
    .mutation(async ({ ctx, input }) => {
      assertRole(reporterSave, ctx.actor);
      const manager = ctx.desk.store.dataSource.manager;
      const id = input.reporter.id ?? uuidv7();
      for (const phone of input.reporter.phones) {
        const [owner]: Array<{ name: string }> = await manager.query(
          `SELECT r.name FROM reporter_phone rp JOIN reporter r ON r.id = rp.reporter_id
           WHERE rp.phone = ? AND rp.reporter_id <> ?`,
          [phone, id],
        );
        if (owner)
          throw fieldError('reporter.phones', `Phone number ${phone} belongs to ${owner.name}`, 'phoneTaken');
      }
      return ctx.desk.mutations.run(
        reporterSave,
        { at: new Date().toISOString(), reporter: { ...input.reporter, id } },
        ctx.actor,
      );
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
        throw fieldError('csv', `Missing columns: ${missingColumns.join(', ')}`, 'missingColumns', {
          columns: missingColumns,
        });
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
