// The reporter directory's mutator: an imported batch of reporters, each with
// its numbers. A number belongs to one reporter: importing it for another
// moves it; numbers a reporter no longer has are removed from the index.
import { SLA_SETTINGS_ROLES } from '../../src-shared/roles';
import { reporterImportArgs } from '../../src-shared/reporters/schemas';
import { defineMutation } from '../mutations/define';
import { Reporter, ReporterPhone } from '../store/entities';

export const reporterImport = defineMutation({
  name: 'reporter.import',
  schemaVersion: 1,
  args: reporterImportArgs,
  // Team leads keep the directory (as they keep the SLA settings); admins too.
  roles: SLA_SETTINGS_ROLES,
  async apply({ manager, write }, args) {
    for (const r of args.reporters) {
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
        updatedAt: args.at,
      });
      for (const phone of phones) await write.upsert(ReporterPhone, { phone, reporterId: r.id });
    }
    return { count: args.reporters.length };
  },
});
