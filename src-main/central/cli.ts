// `npm run central`: runs the central store, or does one of its chores.
//   npm run central -- [--host H] [--port P] [--data-dir D] [--tls-cert F --tls-key F]
//                      [--smtp-url smtp://user:pass@host:587 [--mail-from "Name <address>"]]
//                      [--cti-token-file FILE] (the phone system's events: POST /api/v1/cti/SECRET)
//                      [--client-clock-days N] [--client-clock-ahead-minutes N] (desks' instants accepted
//                      from N days back to N minutes ahead of this clock; default 30 days, 5 minutes)
//                      [--public-url https://drift.example.no] (the notice feeds' links, behind a proxy)
//                      [--no-probes] (no active checks of the business systems from this process)
//                      [--imap-url imaps://user@host/INBOX --imap-password-file F] (the mailbox the e-mail
//                      channel reads; ROR_IMAP_URL …; see README, "The mailbox")
//                      [--trusted-proxy 10.0.0.5[,10.0.0.6]] (reverse proxies whose X-Forwarded-For names
//                      a reporter's address for the web intake's limits; CENTRAL_TRUSTED_PROXIES)
//                      [--mail-max-mb N] (attachments per inbound e-mail, default 20; ROR_MAIL_MAX_MB)
//                      [--intake-clock 2026-12-04T21:00:00.000Z] (test/demo only: the web intake's clock
//                      starts at that instant and runs on from there; CENTRAL_INTAKE_CLOCK)
//   npm run central -- create-admin --username U --name "Full Name"   (password from CENTRAL_ADMIN_PASSWORD or stdin)
//   npm run central -- compact --keep N        (keep the last N change-log versions; older desks re-bootstrap)
// DATABASE_URL=postgres://… selects PostgreSQL; otherwise a SQLite file in the data folder.
// ROR_SMTP_URL / ROR_MAIL_FROM stand for --smtp-url / --mail-from: the reporters' e-mail (R6, R9);
// without an SMTP URL it stays queued. The CTI secret comes from a file
// (--cti-token-file, ROR_CTI_TOKEN_FILE) or ROR_CTI_TOKEN; --cti-token still
// works but shows in the process list.
import { join } from 'node:path';
import { homedir } from 'node:os';
import { createInterface } from 'node:readline/promises';
import { closeOnce } from '../store/closeOnce';
import { imapSettingsFrom } from './mail/inbound/imapSettings';
import { createUser, countUsers } from './auth/users';
import { openCentralStore } from './store/openCentralStore';
import { startCentralServer } from './server';
import { smtpSettingsFrom } from './mail/config';
import { ctiTokenSetting } from './cti/handler';
import { compactChangeLog } from './sync/pull';
import { readCounter, SERVER_VERSION } from './sync/changeLog';

function flag(argv: string[], name: string): string | undefined {
  const i = argv.findIndex((a) => a === name || a.startsWith(`${name}=`));
  if (i < 0) return undefined;
  const arg = argv[i]!;
  const v = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[i + 1];
  if (!v || v.startsWith('--')) throw new Error(`${name} needs a value`);
  return v;
}

/** A whole number ≥ 0 from a flag or its environment variable, or undefined when neither is set. */
function wholeNumber(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (text.trim() === '' || !Number.isInteger(n) || n < 0)
    throw new Error(`${name} must be a whole number ≥ 0, got "${text}"`);
  return n;
}

async function readPassword(): Promise<string> {
  if (process.env.CENTRAL_ADMIN_PASSWORD) return process.env.CENTRAL_ADMIN_PASSWORD;
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  const answer = await rl.question('Password for the administrator (at least 10 characters): ');
  rl.close();
  return answer;
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  const command = argv[0] && !argv[0].startsWith('--') ? argv[0] : 'serve';
  const dataDir =
    flag(argv, '--data-dir') ?? process.env.CENTRAL_DATA_DIR ?? join(homedir(), '.ror-ikt-central');
  const databaseUrl = process.env.DATABASE_URL;

  if (command === 'serve') {
    const portText = flag(argv, '--port') ?? process.env.CENTRAL_PORT ?? '4400';
    const port = Number(portText);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new Error(`--port must be 0–65535, got "${portText}"`);
    const smtp = smtpSettingsFrom((name) => flag(argv, name));
    const pastDays = wholeNumber(
      '--client-clock-days',
      flag(argv, '--client-clock-days') ?? process.env.CENTRAL_CLIENT_CLOCK_DAYS,
    );
    const maxMessageMb = wholeNumber(
      '--mail-max-mb',
      flag(argv, '--mail-max-mb') ?? process.env.ROR_MAIL_MAX_MB,
    );
    if (maxMessageMb === 0) throw new Error('--mail-max-mb must be at least 1');
    const aheadMinutes = wholeNumber(
      '--client-clock-ahead-minutes',
      flag(argv, '--client-clock-ahead-minutes') ?? process.env.CENTRAL_CLIENT_CLOCK_AHEAD_MINUTES,
    );
    const intakeClockText = flag(argv, '--intake-clock') ?? process.env.CENTRAL_INTAKE_CLOCK;
    const intakeStart = intakeClockText === undefined ? undefined : Date.parse(intakeClockText);
    if (intakeStart !== undefined && !Number.isFinite(intakeStart))
      throw new Error(
        `--intake-clock must be an ISO instant such as 2026-12-04T21:00:00.000Z, got "${intakeClockText}"`,
      );
    const startedAt = Date.now();
    // The handlers go in before the server starts: its "listening" line may be read and answered
    // with a signal at once, and a signal before the handlers would kill the process mid-start.
    const starting = startCentralServer({
      host: flag(argv, '--host') ?? process.env.CENTRAL_HOST ?? '127.0.0.1',
      port,
      dataDir,
      databaseUrl,
      tlsCert: flag(argv, '--tls-cert') ?? process.env.CENTRAL_TLS_CERT,
      tlsKey: flag(argv, '--tls-key') ?? process.env.CENTRAL_TLS_KEY,
      smtp,
      ctiToken: ctiTokenSetting((name) => flag(argv, name), process.env),
      publicUrl: flag(argv, '--public-url') ?? process.env.CENTRAL_PUBLIC_URL,
      probes: argv.includes('--no-probes') ? false : {},
      imap: imapSettingsFrom((name) => flag(argv, name)),
      ...(maxMessageMb !== undefined ? { maxMessageBytes: maxMessageMb * 1024 * 1024 } : {}),
      intake: {
        ...(intakeStart !== undefined
          ? { clock: () => new Date(intakeStart + (Date.now() - startedAt)) }
          : {}),
        trustedProxies: (flag(argv, '--trusted-proxy') ?? process.env.CENTRAL_TRUSTED_PROXIES ?? '')
          .split(',')
          .map((a) => a.trim())
          .filter(Boolean),
      },
      clientClock: {
        ...(pastDays !== undefined ? { pastDays } : {}),
        ...(aheadMinutes !== undefined ? { aheadMinutes } : {}),
      },
    });
    const stop = closeOnce(async () => {
      const central = await starting;
      console.log('Central store stopping: finishing requests in flight …');
      await central.close();
      process.exit(0); // closed cleanly: the store is shut, nothing is left to wait for
    });
    process.on('SIGINT', () => void stop());
    process.on('SIGTERM', () => void stop());
    await starting;
    return -1; // keep running
  }

  const store = await openCentralStore({ dataDir, databaseUrl });
  try {
    if (command === 'create-admin') {
      const username = flag(argv, '--username') ?? 'admin';
      const displayName = flag(argv, '--name') ?? 'Administrator';
      if ((await countUsers(store.dataSource.manager)) > 0 && !argv.includes('--force')) {
        console.error('Users exist already; create more from the admin pages (or pass --force).');
        return 2;
      }
      const user = await createUser(store.dataSource.manager, {
        username,
        displayName,
        role: 'admin',
        password: await readPassword(),
      });
      console.log(`Created administrator ${user.username} (${user.displayName}).`);
      return 0;
    }
    if (command === 'compact') {
      const keep = Number(flag(argv, '--keep') ?? '100000');
      const head = await readCounter(store.dataSource.manager, SERVER_VERSION);
      const { horizon, removed } = await compactChangeLog(store, Math.max(0, head - keep));
      console.log(
        `Change log compacted: removed ${removed} entries; desks behind version ${horizon} will re-bootstrap.`,
      );
      return 0;
    }
    console.error(`Unknown command ${command}. Commands: serve (default), create-admin, compact.`);
    return 2;
  } finally {
    await store.close();
  }
}

main().then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  },
);
