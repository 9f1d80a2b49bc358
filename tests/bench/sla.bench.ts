// Benchmark of the SLA clock: deadline computations per second on one core over random tickets
// in 2024–2030 (random priorities and opening instants, a fifth with pauses). Median of rounds.
import { performance } from 'node:perf_hooks';
import { emit, percentile } from './lib/report';
import {
  clockState,
  computeDeadlines,
  createServiceCalendar,
  DEFAULT_SLA_SETTINGS,
  PRIORITIES,
  type TicketClockInput,
} from '../../src-shared/sla';

const ROUNDS = 7;
const TICKETS = 200_000;
const FROM = Date.UTC(2024, 0, 1);
const TO = Date.UTC(2030, 11, 31);
const H = 3_600_000;

// Deterministic PRNG (mulberry32) so runs are comparable.
let seed = 0x5eed;
function rand(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

function randomTicket(): TicketClockInput {
  const openedAtMs = Math.floor(FROM + rand() * (TO - FROM));
  const priority = PRIORITIES[Math.floor(rand() * PRIORITIES.length)]!;
  if (rand() >= 0.2) return { openedAtMs, priority, pauses: [] };
  const pauses: { startMs: number; endMs?: number }[] = [];
  let t = openedAtMs;
  const n = 1 + Math.floor(rand() * 2);
  for (let i = 0; i < n; i++) {
    const startMs = t + Math.floor(rand() * 48 * H);
    const endMs = startMs + Math.floor(rand() * 72 * H);
    pauses.push(i === n - 1 && rand() < 0.1 ? { startMs } : { startMs, endMs });
    t = endMs;
  }
  return { openedAtMs, priority, pauses };
}

const tickets = Array.from({ length: TICKETS }, randomTicket);
const calendar = createServiceCalendar(DEFAULT_SLA_SETTINGS);
const settings = DEFAULT_SLA_SETTINGS;

function round(fn: (t: TicketClockInput) => number): number {
  let sink = 0;
  const t0 = performance.now();
  for (let i = 0; i < tickets.length; i++) sink += fn(tickets[i]!);
  const seconds = (performance.now() - t0) / 1000;
  if (sink === 42) console.error('unlikely'); // keep the work observable
  return tickets.length / seconds;
}

function measure(fn: (t: TicketClockInput) => number): number[] {
  round(fn); // warm-up: builds every year 2024–2031 and lets the JIT settle
  return Array.from({ length: ROUNDS }, () => round(fn));
}

const deadlines = measure((t) => computeDeadlines(t, calendar, settings).responseDueMs);
emit('sla.deadlines.per_second', percentile(deadlines, 50), 'ops/s', {
  target: 500_000,
  rounds: ROUNDS,
  tickets: TICKETS,
  min: Math.round(Math.min(...deadlines)),
  max: Math.round(Math.max(...deadlines)),
});

const states = measure((t) => clockState(t, t.openedAtMs + 30 * H, calendar, settings).resolution.elapsedMs);
emit('sla.clock_state.per_second', percentile(states, 50), 'ops/s', { rounds: ROUNDS, tickets: TICKETS });
