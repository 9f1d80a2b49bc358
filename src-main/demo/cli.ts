// `npm run demo -- --data-dir DIR [--calls N] [--seed N] [--force]`: fills a
// desk with demo calls, their tickets and an equipment register, and prints a
// short summary. Refuses (exit 2) a desk that already has calls, unless
// --force, and a store it must not open.
import { openHostedDesk } from '../host/openHostedDesk';
import { fillDemoIntake } from './intake';
import { parseDeskOptions } from '../host/options';
import { StoreRefusedError } from '../store/openLocalStore';
import { DemoRefusedError, fillDemoData } from './generate';
import { DEMO_PASSWORD, provisionDemoAccounts } from './accounts';

function intFlag(argv: string[], flag: string): number | undefined {
  const i = argv.findIndex((a) => a === flag || a.startsWith(`${flag}=`));
  if (i < 0) return undefined;
  const arg = argv[i]!;
  const text = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : (argv[i + 1] ?? '');
  const n = Number(text);
  if (text === '' || !Number.isInteger(n)) throw new Error(`${flag} needs a whole number, got "${text}"`);
  return n;
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  let options, calls, seed;
  try {
    options = parseDeskOptions(argv);
    calls = intFlag(argv, '--calls');
    seed = intFlag(argv, '--seed');
  } catch (e) {
    console.error(
      `${(e as Error).message}\nUsage: npm run demo -- --data-dir DIR [--calls N] [--seed N] [--force]`,
    );
    return 2;
  }
  let desk, central;
  try {
    ({ desk, central } = await openHostedDesk(options.dataDir, {
      centralUrl: options.centralUrl,
      autoSync: false,
    }));
  } catch (e) {
    console.error(
      e instanceof StoreRefusedError ? e.message : `Could not open the desk's data: ${String(e)}`,
    );
    return 2;
  }
  try {
    const accounts = await provisionDemoAccounts(desk, central);
    const s = await fillDemoData(desk, { calls, seed, force: argv.includes('--force') });
    const intake = central ? await fillDemoIntake(central) : null;
    await desk.sync?.syncNow();
    const o = s.outcomes;
    console.log(
      `Demo data: ${s.calls} calls over ${s.serviceDays} service days (${s.firstDay} – ${s.lastDay}): ` +
        `${o.solved} solved, ${o.ticket_needed} ticket needed, ${o.transferred} transferred, ${o.abandoned} abandoned, ` +
        `${s.inProgress} in progress, ${s.waiting} waiting now; ${s.tickets} tickets made from calls; ${s.mutations} mutations` +
        `${s.skipped ? `, ${s.skipped} skipped` : ''} in ${options.dataDir}`,
    );
    const e = s.equipment;
    if (e) {
      console.log(
        `Equipment register: ${e.models} approved models (${e.endedModels} no longer approved), ${e.devices} devices ` +
          `(${e.inStock} in stock, ${e.markedForReplacement} marked for replacement), ${e.handovers} handovers ` +
          `(${e.kept} with a licence charge${e.linkedTicketId ? ', one a ticket’s on-site visit' : ''}), ` +
          `recycling batches: ${e.batchesClosed} closed, ${e.batchesOpen} sent; ${e.waitingForBatch} handed in waiting for a batch`,
      );
    } else {
      console.log('Equipment register: not empty, left as it was');
    }
    console.log(
      s.roster
        ? `Shift roster: ${s.roster} duties over last, this and next week`
        : 'Shift roster: this week already had one, left as it was',
    );
    const y = s.systems;
    console.log(
      y
        ? `Systems register: ${y.systems} systems with their roles at ${y.roles} system–customer pairs, ${y.windows} maintenance windows, ${y.outages} outages, ${y.notices} notices`
        : 'Systems register: not empty, left as it was',
    );
    console.log(
      intake
        ? `E-mail and web: ${intake.emails} e-mails taken in (a ticket from an unknown sender, an answer, an automatic reply, one set aside), ${intake.webTickets} web ticket`
        : 'E-mail and web: the inbound record was not empty, left as it was',
    );
    if (accounts.length) {
      console.log(
        `Demo accounts (password "${DEMO_PASSWORD}"): ${accounts.map((a) => `${a.username} (${a.role})`).join(', ')}`,
      );
    }
    return 0;
  } catch (e) {
    if (e instanceof DemoRefusedError) {
      console.error(`${e.message} (${options.dataDir})`);
      return 2;
    }
    throw e;
  } finally {
    await desk.close();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
