// Inbound e-mail (issue 17): how many messages per second the central store
// reads from a local Dovecot, parses and commits as tickets (target 200/s).
// Each round APPENDs BENCH_MAIL messages (100 senders, so no one is throttled;
// one in five with a 20 kB attachment) to a fresh mailbox, then starts a
// central store reading it and times until every message is committed (the
// inbound record counts them all). Median over BENCH_MAIL_ROUNDS rounds; on
// SQLite (synchronous=FULL: every commit durable), and on PostgreSQL when
// TEST_DATABASE_URL is set. Needs Dovecot (tests/support/imapServer.ts).
import { performance } from 'node:perf_hooks';
import { startCentralServer } from '../../src-main/central/server';
import { parseImapSettings } from '../../src-main/central/mail/inbound/imapSettings';
import { withStore } from '../../src-main/central/store/serialize';
import { InboundMail } from '../../src-main/store/entities';
import { freshPostgresDatabase } from '../support/central';
import { imapAvailable, startTestImap } from '../support/imapServer';
import { removeDir, tempDir } from '../support/tempDesk';
import { emit, percentile } from './lib/report';

const COUNT = Number(process.env.BENCH_MAIL ?? 1000);
const ROUNDS = Number(process.env.BENCH_MAIL_ROUNDS ?? 3);
const TARGET_PER_S = 200;

function message(i: number): string {
  const attachment = i % 5 === 0;
  const body = `Melding ${i}: skriveren i 2. etasje skriver ikke ut, den viser feil 49.`;
  const head = [
    `From: Innmelder ${i % 100} <innmelder${i % 100}@kommune.example>`,
    'To: servicedesk@ror-ikt.no',
    `Subject: Sak ${i} fra benken`,
    `Message-ID: <bench-${i}-${Date.now()}@kommune.example>`,
    'Date: Fri, 04 Dec 2026 10:00:00 +0100',
    'MIME-Version: 1.0',
  ];
  if (!attachment) return [...head, 'Content-Type: text/plain; charset=utf-8', '', body, ''].join('\r\n');
  const file = Buffer.alloc(20_000, i % 251)
    .toString('base64')
    .replace(/(.{76})/g, '$1\r\n');
  return [
    ...head,
    'Content-Type: multipart/mixed; boundary="b"',
    '',
    '--b',
    'Content-Type: text/plain; charset=utf-8',
    '',
    body,
    '--b',
    'Content-Type: application/octet-stream; name="logg.bin"',
    'Content-Disposition: attachment; filename="logg.bin"',
    'Content-Transfer-Encoding: base64',
    '',
    file,
    '--b--',
    '',
  ].join('\r\n');
}

async function round(engine: 'sqlite' | 'postgres'): Promise<number> {
  const imap = await startTestImap();
  const user = imap.freshUser('bench');
  const messages = Array.from({ length: COUNT }, (_, i) => message(i));
  for (let i = 0; i < messages.length; i += 200) await imap.append(user, messages.slice(i, i + 200));
  const db = engine === 'postgres' ? await freshPostgresDatabase() : null;
  const dataDir = tempDir('bench-inbound-');
  const t0 = performance.now();
  const central = await startCentralServer({
    dataDir,
    port: 0,
    quiet: true,
    probes: false,
    databaseUrl: db?.url,
    imap: parseImapSettings({ url: imap.url(user), pollSeconds: '1' }),
  });
  const m = central.store.dataSource.manager;
  for (;;) {
    const done = await withStore(central.store, () => m.count(InboundMail));
    if (done >= COUNT) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  const seconds = (performance.now() - t0) / 1000;
  await central.close();
  await imap.close();
  await db?.drop();
  removeDir(dataDir);
  return COUNT / seconds;
}

async function main(): Promise<void> {
  const why = imapAvailable();
  if (why) {
    console.error(`# inboundMail: skipped, ${why}`);
    return;
  }
  const engines: Array<'sqlite' | 'postgres'> = process.env.TEST_DATABASE_URL
    ? ['sqlite', 'postgres']
    : ['sqlite'];
  for (const engine of engines) {
    const rates: number[] = [];
    for (let r = 0; r < ROUNDS; r++) rates.push(await round(engine));
    emit(`inbound.mail.${engine}.per_second.median`, percentile(rates, 50), 'messages/s', {
      target: TARGET_PER_S,
      messages: COUNT,
      rounds: rates.map((x) => Math.round(x)),
    });
  }
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exit(1); // a broken benchmark exits non-zero, so `npm run bench` reports it as failed
});
