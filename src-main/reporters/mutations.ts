// The reporter directory's mutators: an imported batch of reporters, each with
// its numbers, and one reporter added or corrected by hand (issue 18). A number
// belongs to one reporter: importing it for another moves it, saving it for
// another is refused; numbers a reporter no longer has are removed from the index.
import { DomainError } from '../../src-shared/errors';
import { SLA_SETTINGS_ROLES } from '../../src-shared/roles';
import { reporterImportArgs, reporterSaveArgs, type ReporterEntry } from '../../src-shared/reporters/schemas';
import { defineMutation } from '../mutations/define';
import type { MutationContext } from '../mutations/define';
import { Reporter, ReporterPhone } from '../store/entities';

/** Writes one reporter and the index of their numbers. */
async function writeReporter(
  { manager, write }: MutationContext,
  r: ReporterEntry,
  at: string,
): Promise<void> {
  const phones = [...new Set(r.phones)];
  const before = await manager.findBy(ReporterPhone, { reporterId: r.id });
  for (const old of before) if (!phones.includes(old.phone)) await write.delete(ReporterPhone, old.phone);
  await write.upsert(Reporter, {
    id: r.id,
    name: r.name,
    customerId: r.customerId,
    workplace: r.workplace,
    email: r.email,
    phones: JSON.stringify(phones),
    updatedAt: at,
  });
  for (const phone of phones) await write.upsert(ReporterPhone, { phone, reporterId: r.id });
}

export const reporterImport = defineMutation({
  name: 'reporter.import',
  schemaVersion: 1,
  args: reporterImportArgs,
  // Team leads keep the directory (as they keep the SLA settings); admins too.
  roles: SLA_SETTINGS_ROLES,
  async apply(ctx, args) {
    for (const r of args.reporters) await writeReporter(ctx, r, args.at);
    return { count: args.reporters.length };
  },
});

/** A reporter added or corrected on the desk: a number another reporter has is refused, not moved. */
export const reporterSave = defineMutation({
  name: 'reporter.save',
  schemaVersion: 1,
  args: reporterSaveArgs,
  roles: SLA_SETTINGS_ROLES,
  async apply(ctx, { at, reporter }) {
    for (const phone of new Set(reporter.phones)) {
      const owner = await ctx.manager.findOneBy(ReporterPhone, { phone });
      if (owner && owner.reporterId !== reporter.id) {
        throw new DomainError('conflict', `Phone number ${phone} belongs to another reporter`, {
          field: 'phones',
          phone,
          reporterId: owner.reporterId,
        });
      }
    }
    await writeReporter(ctx, reporter, at);
    return { id: reporter.id };
  },
});
