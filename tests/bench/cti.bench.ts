// The phone system's events on loopback (issue 6), central store on SQLite:
//   cti.ingest.per_second   newCall / answer / hangup events posted over HTTP by 128 concurrent
//                           senders (a PBX's lines), each answered only once it is durably applied
//                           (target ≥ 1,000/s). Events that arrive together share one commit, so the
//                           rate grows with the events in flight: one sender alone gets about one
//                           event per durable commit of this disk (printed as cti.ingest.one_sender).
//   cti.visible.p50/p95     a newCall until a signed-in desk (SSE pokes, no polling) has the
//                           waiting call in its local database (target p95 < 250 ms)
// The central store runs as its own process (the built out/main/central.js, as `npm run central`);
// events are posted with keep-alive connections from this one.
import { request, Agent } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { openDesk } from '../../src-main/desk/openDesk';
import { createCentralClient } from '../../src-main/sync/centralClient';
import { DESK_DB_FILE } from '../../src-main/store/storeIdentity';
import { ensureCentralBuilt, startCentralProcess } from '../support/centralProcess';
import { emit, percentile } from './lib/report';

const CALLS = Number(process.env.BENCH_CTI_CALLS ?? 3000);
const CONCURRENCY = Number(process.env.BENCH_CTI_CONCURRENCY ?? 128);
const VISIBLE_SAMPLES = Number(process.env.BENCH_CTI_SAMPLES ?? 200);
const TOKEN = 'benk-cti-token-2026-hemmelig';
const PASSWORD = 'benk-passord-2026';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const temp = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));

ensureCentralBuilt();
const centralDir = temp('bench-cti-central-');
process.env.ROR_CTI_TOKEN = TOKEN;
const central = await startCentralProcess({ dataDir: centralDir });
const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
const endpoint = new URL(`${central.url}/api/v1/cti/${TOKEN}`);

type Encoding = 'json' | 'form' | 'multipart';
const ENCODINGS: Encoding[] = ['json', 'form', 'multipart'];

/** A body as a PBX bridge sends it: JSON, form-encoded or multipart (`curl --form`), user[] repeated. */
function encode(body: Record<string, unknown>, as: Encoding): { type: string; payload: string } {
  if (as === 'json') return { type: 'application/json', payload: JSON.stringify(body) };
  const fields = Object.entries(body).flatMap(([k, v]): Array<[string, string]> =>
    Array.isArray(v) ? v.map((x) => [`${k}[]`, String(x)]) : [[k, String(v)]],
  );
  if (as === 'form') {
    return { type: 'application/x-www-form-urlencoded', payload: new URLSearchParams(fields).toString() };
  }
  const boundary = '----ror-cti-bench-7d1f';
  const parts = fields.map(
    ([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
  );
  return {
    type: `multipart/form-data; boundary=${boundary}`,
    payload: `${parts.join('')}--${boundary}--\r\n`,
  };
}

function post(body: Record<string, unknown>, as: Encoding = 'json'): Promise<void> {
  const { type, payload } = encode(body, as);
  return new Promise((resolve, reject) => {
    const req = request(
      endpoint,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': type, 'content-length': Buffer.byteLength(payload) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (d: string) => (text += d));
        res.on('end', () =>
          res.statusCode === 200 ? resolve() : reject(new Error(`CTI answered ${res.statusCode}: ${text}`)),
        );
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

const number = (i: number) => `479${String(1_000_000 + ((i * 7919) % 9_000_000)).slice(-7)}`;

// Agents the phone system names by extension.
const anon = createCentralClient(central.url, () => null);
const admin = await anon.auth.setupFirstAdmin.mutate({
  username: 'admin',
  displayName: 'Ada Admin',
  password: PASSWORD,
});
const asAdmin = createCentralClient(central.url, () => admin.token);
for (let a = 0; a < 8; a++) {
  await asAdmin.admin.createUser.mutate({
    username: `agent${a}`,
    displayName: `Agent ${a}`,
    role: 'agent',
    password: PASSWORD,
    phone: String(200 + a),
  });
}

// Ingest: per call newCall, then (most) answer, then hangup; calls interleave across the senders, and the
// bodies come in the three encodings a Zammad bridge may use, in turn.
{
  const events: Array<Record<string, unknown>> = [];
  for (let i = 0; i < CALLS; i++) {
    const base = { from: number(i), to: '4771111166', direction: 'in', callId: `bench-${i}` };
    events.push({ event: 'newCall', ...base, user: ['Servicedesk'] });
  }
  const followUps: Array<Record<string, unknown>> = [];
  for (let i = 0; i < CALLS; i++) {
    const base = { from: number(i), to: '4771111166', direction: 'in', callId: `bench-${i}` };
    if (i % 5 !== 0) followUps.push({ event: 'answer', ...base, answeringNumber: String(200 + (i % 8)) });
    followUps.push({ event: 'hangup', ...base, cause: i % 5 === 0 ? 'cancel' : 'normalClearing' });
  }
  const all = [...events, ...followUps];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < all.length) {
        const i = next++;
        await post(all[i]!, ENCODINGS[i % ENCODINGS.length]);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  emit('cti.ingest.per_second', all.length / seconds, 'events/s', {
    target: 1000,
    engine: 'sqlite',
    senders: CONCURRENCY,
    events: all.length,
    encodings: ENCODINGS.join('+'),
    seconds: Number(seconds.toFixed(3)),
  });
  // For comparison: one sender, one event at a time.
  const t1 = performance.now();
  const ONE = 200;
  for (let i = 0; i < ONE; i++) {
    await post({ event: 'newCall', from: number(i), to: '4771111166', direction: 'in', callId: `one-${i}` });
  }
  emit('cti.ingest.one_sender', ONE / ((performance.now() - t1) / 1000), 'events/s', { engine: 'sqlite' });
}

// Visibility on a desk.
{
  const login = await anon.auth.login.mutate({ username: 'agent0', password: PASSWORD });
  const dir = temp('bench-cti-desk-');
  const desk = await openDesk(dir, { centralUrl: central.url, autoSync: true, pollMs: 600_000 });
  await desk.sessions.signIn({ token: login.token, user: login.user, expiresAt: login.expiresAt });
  await desk.sync!.syncNow();
  await sleep(500); // the SSE subscription is up
  const reader = new Database(join(dir, DESK_DB_FILE), { readonly: true });
  const seen = reader.prepare(`SELECT 1 FROM call WHERE cti_call_id = ? AND status = 'waiting'`);
  const samples: number[] = [];
  const WARMUP = 10;
  for (let i = 0; i < VISIBLE_SAMPLES + WARMUP; i++) {
    const callId = `visible-${i}`;
    const t0 = performance.now();
    await post({ event: 'newCall', from: number(i), to: '4771111166', direction: 'in', callId });
    while (!seen.get(callId)) {
      if (performance.now() - t0 > 10_000) throw new Error('a call did not reach the desk within 10 s');
      await sleep(2);
    }
    if (i >= WARMUP) samples.push(performance.now() - t0);
    await sleep(10 + (i % 7) * 5);
  }
  reader.close();
  emit('cti.visible.p50', percentile(samples, 50), 'ms', { engine: 'sqlite' });
  emit('cti.visible.p95', percentile(samples, 95), 'ms', { target: 250, engine: 'sqlite' });
  await desk.close();
  rmSync(dir, { recursive: true, force: true });
}

agent.destroy();
await central.kill('SIGTERM');
rmSync(centralDir, { recursive: true, force: true });
