#!/usr/bin/env node
// A stand-in for a phone system: posts Zammad generic-CTI events (newCall,
// answer, hangup) to a central store, so the desk's queue can be watched
// filling, being answered and missing calls without a real PBX.
//   npm run pbx -- --url http://127.0.0.1:4400 --token SECRET [--calls 5] [--extension 201] [--pace-ms 1500]
// Every fourth caller hangs up before anyone answers (a missed call); the others
// are answered by the account with --extension (if given), then hang up.
/* global fetch, URLSearchParams -- Node 20's own */
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
};
const base = arg('url', process.env.ROR_CENTRAL_URL ?? 'http://127.0.0.1:4400');
const token = arg('token', process.env.ROR_CTI_TOKEN);
const calls = Number(arg('calls', '5'));
const extension = arg('extension', undefined);
const pace = Number(arg('pace-ms', '1500'));
if (!token) {
  console.error("Give the central store's CTI token: --token SECRET (or ROR_CTI_TOKEN)");
  process.exit(2);
}
const endpoint = `${base.replace(/\/$/, '')}/api/v1/cti/${encodeURIComponent(token)}`;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function post(event) {
  const res = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(
      Object.entries(event).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [`${k}[]`, x]) : [[k, v]])),
    ),
  });
  const text = await res.text();
  console.log(`${event.event.padEnd(7)} ${event.callId} ${event.from} → ${res.status} ${text}`);
  if (res.status === 401) process.exit(1);
}

const run = Date.now().toString(36);
const live = [];
for (let i = 0; i < calls; i++) {
  const call = {
    from: `479${String(1_000_000 + Math.floor(Math.random() * 8_999_999)).slice(-7)}`,
    to: '4771111166',
    direction: 'in',
    callId: `sim-${run}-${i + 1}`,
  };
  await post({ event: 'newCall', ...call, user: ['Servicedesk'], queue: 'servicedesk' });
  live.push({ call, missed: i % 4 === 3 });
  await sleep(pace);
}
for (const { call, missed } of live) {
  if (!missed && extension) {
    await post({ event: 'answer', ...call, answeringNumber: extension });
    await sleep(pace);
  }
  await post({
    event: 'hangup',
    ...call,
    cause: missed ? 'cancel' : 'normalClearing',
    ...(missed || !extension ? {} : { answeringNumber: extension }),
  });
  await sleep(pace / 2);
}
