// The web intake under load (issue 17): REPORTERS reporters at once, each in
// their own "browser" (their CSRF cookie from the front page), post the ticket
// form over loopback HTTP to a central store (SQLite in a temp folder, the
// default deployment), one form after another. A sample is one POST: from
// sending the form to the 303 towards the receipt, which comes only after
// the ticket (with its reference, acknowledgement message and audit entry)
// has committed.
//   intake.web.<engine>.file        p50 / p95 ms per form (target: p95 < 50 ms)
//   intake.web.<engine>.per_second  forms committed per second, all reporters together
// The central store runs in a process of its own (this file, started again with
// BENCH_INTAKE_SERVER=1), as it would for real: the reporters' side of the
// HTTP exchange does not share its thread. Rate limits are raised for the run
// (every reporter posts from 127.0.0.1). On SQLite, and on PostgreSQL too
// (a fresh database) when TEST_DATABASE_URL is set; each figure names its engine.
// Sizes: BENCH_INTAKE_REPORTERS (50), BENCH_INTAKE_FORMS (40 per reporter).
import { spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCentralServer } from '../../src-main/central/server';
import { freshPostgresDatabase } from '../support/central';
import { emit, emitLatency } from './lib/report';

const REPORTERS = Number(process.env.BENCH_INTAKE_REPORTERS ?? 50);
const FORMS = Number(process.env.BENCH_INTAKE_FORMS ?? 40);
const TARGET_MS = 50;
const MOLDE = '01a21bf8-0000-7000-8000-000001000000';
const PRIORITIES = ['critical', 'high', 'medium', 'low'];

/** The server side: a central store on loopback until stdin closes. */
async function serve(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-intake-'));
  const central = await startCentralServer({
    dataDir: dir,
    port: 0,
    quiet: true,
    probes: false,
    databaseUrl: process.env.BENCH_INTAKE_DATABASE_URL || undefined,
    intake: {
      limits: {
        ticketsPerAddress: 1_000_000,
        ticketsPerEmail: 1_000_000,
        ticketsPerEmailAllAddresses: 1_000_000,
      },
    },
  });
  console.log(JSON.stringify({ url: central.url, engine: central.store.engine }));
  process.stdin.resume();
  process.stdin.on('end', () => {
    void central.close().then(() => {
      rmSync(dir, { recursive: true, force: true });
      process.exit(0); // the server side of the bench ends when the measuring side closes its stdin
    });
  });
}

/** Starts the server process and resolves with its address, and how to stop it. */
async function startServer(
  databaseUrl: string | null,
): Promise<{ url: string; engine: string; stop(): Promise<void> }> {
  const child = spawn(process.execPath, [...process.execArgv, process.argv[1]!], {
    env: { ...process.env, BENCH_INTAKE_SERVER: '1', BENCH_INTAKE_DATABASE_URL: databaseUrl ?? '' },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const first = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve(line);
    });
    child.once('exit', (code) => reject(new Error(`the central store exited with ${code}`)));
  });
  const { url, engine } = JSON.parse(first) as { url: string; engine: string };
  return {
    url,
    engine,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.stdin!.end();
      }),
  };
}

/** Each reporter's connection, kept open between forms as a browser keeps it. */
const agent = new Agent({ keepAlive: true, maxSockets: 1000 });

/** A form POST with node:http (lighter than fetch, so the reporters' side measures little of itself). */
function post(url: string, body: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', agent, headers: { ...headers, 'content-length': Buffer.byteLength(body) } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function main(): Promise<void> {
  await round(null);
  if (process.env.TEST_DATABASE_URL) {
    const db = await freshPostgresDatabase();
    try {
      await round(db.url);
    } finally {
      await db.drop();
    }
  }
}

/** One engine's run: SQLite in a temp folder (null), or the PostgreSQL database named. */
async function round(databaseUrl: string | null): Promise<void> {
  const central = await startServer(databaseUrl);
  const url = central.url;

  /** One reporter's browser: the front page for the cookie, then forms one after another. */
  const reporter = async (r: number, forms: number, samples: number[] | null) => {
    const front = await fetch(`${url}/kundeservice/`);
    await front.text();
    const csrf = /ks_csrf=([A-Za-z0-9_-]{43})/.exec(front.headers.getSetCookie().join(';'))![1]!;
    for (let i = 0; i < forms; i++) {
      const body = new URLSearchParams({
        _csrf: csrf,
        reporterName: `Reporter ${r}`,
        reporterPhone: `9${String(1000000 + r).slice(-7)}`,
        reporterEmail: `reporter${r}@molde.kommune.no`,
        customerId: MOLDE,
        workplace: 'Molde rådhus',
        system: 'Gerica',
        title: `Sak ${i} fra ${r}`,
        description: 'Gerica henger når jeg åpner pasientlisten, og det har skjedd flere ganger i dag.',
        priority: PRIORITIES[(r + i) % PRIORITIES.length]!,
      });
      const t0 = performance.now();
      const status = await post(`${url}/kundeservice/sak`, body.toString(), {
        cookie: `ks_csrf=${csrf}`,
        origin: url,
        'content-type': 'application/x-www-form-urlencoded',
      });
      const ms = performance.now() - t0;
      if (status !== 303) throw new Error(`form ${i} of reporter ${r}: HTTP ${status}`);
      samples?.push(ms);
    }
  };

  // Warm-up: a few reporters, a few forms (JIT, prepared statements, the page's reads).
  await Promise.all(Array.from({ length: 5 }, (_, r) => reporter(10_000 + r, 5, null)));

  const samples: number[] = [];
  const t0 = performance.now();
  await Promise.all(Array.from({ length: REPORTERS }, (_, r) => reporter(r, FORMS, samples)));
  const seconds = (performance.now() - t0) / 1000;
  emitLatency(`intake.web.${central.engine}.file`, samples, { p: 95, maxMs: TARGET_MS });
  emit(`intake.web.${central.engine}.per_second`, samples.length / seconds, 'tickets/s', {
    reporters: REPORTERS,
    forms: samples.length,
    engine: central.engine,
  });
  await central.stop();
}

(process.env.BENCH_INTAKE_SERVER === '1' ? serve() : main()).catch((e: unknown) => {
  console.error(e);
  process.exit(1); // a broken benchmark exits non-zero, so `npm run bench` reports it as failed
});
