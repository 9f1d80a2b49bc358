// Demo data for a desk: a few weeks of realistic, seeded call traffic, the
// tickets made from it (demo/tickets.ts) and the equipment register over the
// same weeks (demo/equipment.ts), written ONLY through the named mutations, in
// the order they would have happened (so the outbox holds every change). It
// does not choose the desk's profile and never writes tables directly.
import { DateTime } from 'luxon';
import type { EntityManager } from 'typeorm';
import type { FinishOutcome as CallOutcome } from '../../src-shared/calls/schemas';
import { DomainError } from '../../src-shared/errors';
import type { Actor } from '../../src-shared/roles';
import { SERVICE_TIME_ZONE } from '../../src-shared/serviceTimeZone';
import { publicHolidayDates } from '../../src-shared/sla/holidays';
import { callAbandon, callFinish, callLog, callTake } from '../calls/mutations';
import { customersWithWorkplaces } from '../store/referenceData';
import type { Desk } from '../desk/openDesk';
import { planDemoTicket, runDemoTicketStep, type DemoTicketStep } from './tickets';
import {
  planDemoEquipment,
  type DemoEquipmentStep,
  type DemoEquipmentSummary,
  type DemoEquipmentTicket,
} from './equipment';
import { writeDemoRoster } from './roster';
import { writeDemoSystems, type DemoSystemsSummary } from './systems';
import { int, mulberry32, pick, placeOf, seededUuidV7, weighted, type Place, type Rng } from './kit';

export interface DemoOptions {
  /** Calls in total, including those still waiting now (default 300). */
  calls?: number;
  /** PRNG seed (default 1): the same seed and `now` give the same calls. */
  seed?: number;
  /** "Now" for the demo: history ends before it, the waiting calls arrived just before it. */
  now?: Date;
  /** Add demo calls even though the desk already has calls. */
  force?: boolean;
  /** Fill the equipment register too (default true; only ever into an empty register). */
  equipment?: boolean;
}

export interface DemoSummary {
  calls: number;
  waiting: number;
  inProgress: number;
  outcomes: Record<CallOutcome, number>;
  /** Tickets made from the calls that needed one. */
  tickets: number;
  /** The equipment register (demo/equipment.ts); null when the desk's register was not empty. */
  equipment: DemoEquipmentSummary | null;
  /** Shift roster entries written for last, this and next week (0 when this week had a roster). */
  roster: number;
  /** The systems register (demo/systems.ts); null when the desk's register was not empty. */
  systems: DemoSystemsSummary | null;
  /** Every mutation written: the calls', the tickets' and the equipment register's. */
  mutations: number;
  skipped: number;
  serviceDays: number;
  firstDay: string;
  lastDay: string;
}

/** Refusal to add demo calls to a desk that already has calls (unless forced). */
export class DemoRefusedError extends Error {
  override readonly name = 'DemoRefusedError';
  constructor(readonly existingCalls: number) {
    super(
      `The desk already has ${existingCalls} call${existingCalls === 1 ? '' : 's'}; refusing to add demo data (use --force to add it anyway).`,
    );
  }
}

/** Throws DemoRefusedError when the desk already has calls. */
export async function assertNoCalls(desk: Desk): Promise<void> {
  const n = await countCalls(desk.store.dataSource.manager);
  if (n > 0) throw new DemoRefusedError(n);
}

/** No approved models and no devices yet: the demo register can go in without clashing. */
async function registerIsEmpty(manager: EntityManager): Promise<boolean> {
  const rows: Array<{ n: number }> = await manager.query(
    `SELECT (SELECT count(*) FROM equipment_model) + (SELECT count(*) FROM device) AS n`,
  );
  return Number(rows[0]?.n ?? 0) === 0;
}

async function countCalls(manager: EntityManager): Promise<number> {
  const rows: Array<{ n: number }> = await manager.query(`SELECT count(*) AS n FROM call`);
  return Number(rows[0]?.n ?? 0);
}

// ---- seeded randomness (demo/kit.ts) ------------------------------------------

export { mulberry32 };

/** A duration in seconds, log-normal around `median` and clamped to [min, max]. */
function duration(rng: Rng, median: number, min: number, max: number): number {
  const normal = Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
  return Math.round(Math.min(max, Math.max(min, median * Math.exp(0.5 * normal))));
}

// ---- the cast ----------------------------------------------------------------

/**
 * The service desk staff: the agents (and the team lead on Mondays) log and answer the demo calls;
 * the team lead keeps the equipment catalogue; the technicians work the equipment register on site.
 */
export const DEMO_ACTORS: readonly Actor[] = [
  { userId: '01a21bf8-0000-7000-8000-0000000a0001', name: 'Kari Nordvik', role: 'agent' },
  { userId: '01a21bf8-0000-7000-8000-0000000a0002', name: 'Jonas Bergheim', role: 'agent' },
  { userId: '01a21bf8-0000-7000-8000-0000000a0003', name: 'Ingrid Sæther', role: 'agent' },
  { userId: '01a21bf8-0000-7000-8000-0000000a0004', name: 'Marius Hoem', role: 'agent' },
  { userId: '01a21bf8-0000-7000-8000-0000000a0005', name: 'Tone Aasen', role: 'team_lead' },
  { userId: '01a21bf8-0000-7000-8000-0000000a0006', name: 'Øyvind Rønning', role: 'technician' },
  { userId: '01a21bf8-0000-7000-8000-0000000a0007', name: 'Siri Malmedal', role: 'technician' },
];

/** Common Norwegian given names and surnames, for demo data (and the benchmarks' seeds). */
export const FIRST_NAMES = [
  'Kari',
  'Ola',
  'Ingrid',
  'Lars',
  'Silje',
  'Hans',
  'Marit',
  'Bjørn',
  'Astrid',
  'Knut',
  'Nina',
  'Tor',
  'Anne',
  'Per',
  'Hilde',
  'Eirik',
  'Ragnhild',
  'Sigurd',
  'Solveig',
  'Håkon',
  'Geir',
  'Liv',
  'Øystein',
  'Randi',
  'Arne',
  'Turid',
  'Jostein',
  'Gunn',
  'Stian',
  'Ida',
  'Magnus',
  'Emma',
  'Jonas',
  'Sofie',
  'Mathias',
  'Nora',
  'Henrik',
  'Åse',
  'Terje',
  'Berit',
  'Kjell',
  'Mona',
  'Even',
  'Torunn',
  'Oddvar',
  'Heidi',
  'Roar',
  'Linn',
  'Sindre',
] as const;
export const LAST_NAMES = [
  'Hansen',
  'Johansen',
  'Olsen',
  'Larsen',
  'Andersen',
  'Pedersen',
  'Nilsen',
  'Kristiansen',
  'Jensen',
  'Berg',
  'Haugen',
  'Hagen',
  'Dahl',
  'Halvorsen',
  'Lund',
  'Moen',
  'Strand',
  'Solberg',
  'Bakken',
  'Aukrust',
  'Hustad',
  'Eide',
  'Rødal',
  'Sandvik',
  'Lyngstad',
  'Moe',
  'Aas',
  'Gjerde',
  'Hoel',
  'Stavik',
  'Ulvestad',
  'Tøsse',
  'Sylte',
  'Fiske',
  'Bolsønes',
  'Øverås',
  'Gussiås',
  'Løvik',
  'Vestad',
  'Tornes',
  'Sæbø',
  'Heggem',
  'Ødegård',
  'Flem',
] as const;

/** What callers ring about, by outcome and (where it matters) by kind of workplace. */
const SUMMARIES: Record<Exclude<CallOutcome, 'abandoned'>, Array<[text: string, place?: Place]>> = {
  solved: [
    ['Får ikke logget på Visma'],
    ['Passordet har gått ut, trenger nytt'],
    ['Låst ute av PC-en etter for mange forsøk'],
    ['Outlook henger ved oppstart'],
    ['Ingen lyd i Teams-møte'],
    ['Skriver på 2. etg skriver ikke'],
    ['Får ikke koblet til VPN hjemmefra'],
    ['Kode for tofaktor kommer ikke fram på ny mobil'],
    ['Mangler tilgang til felles postboks'],
    ['Skjerm nr. 2 får ikke signal'],
    ['Får ikke åpnet vedlegg i Elements'],
    ['Ny ansatt trenger hjelp med første pålogging'],
    ['OneDrive synkroniserer ikke'],
    ['Får ikke skrevet ut fra Word, bare fra nettleser'],
    ['Kalenderen i Outlook viser feil møter'],
    ['Får ikke logget på Gerica', 'health'],
    ['Medisinrommets PC henger, måtte startes på nytt', 'health'],
    ['Pasientvarsling: nattevakt får ikke logget på telefonen', 'health'],
    ['Får ikke logget på Visma Flyt Skole', 'school'],
    ['Elev-iPad låst etter feil kode', 'school'],
    ['Projektoren i klasserom 3B finner ikke PC-en', 'school'],
    ['Mistet tilgang til arkivet i Elements etter rollebytte', 'office'],
    ['Visma-timelister vises ikke for avdelingen', 'office'],
  ],
  ticket_needed: [
    ['Ny PC til nyansatt fra neste måned'],
    ['Ønsker installert Adobe Acrobat Pro'],
    ['Nettverkspunktet på kontor 214 er dødt'],
    ['Bestilling av ny mobiltelefon'],
    ['Trådløst nett faller ut i 1. etasje'],
    ['Skriveren på personalrommet trekker skjevt, må byttes'],
    ['Tilgang til Profil for sommervikar', 'health'],
    ['iPad til hjemmetjenesten mangler MDM-profil', 'health'],
    ['Nøkkelkortleser på medisinrommet virker ikke', 'health'],
    ['Smartboard i klasserom 5A virker ikke', 'school'],
    ['20 elev-Chromebooks må rulles ut før skolestart', 'school'],
    ['Feil i lønnsmodulen i Visma, må til fagsystemansvarlig', 'office'],
    ['Ny tilgangsgruppe for prosjekt i Elements', 'office'],
  ],
  transferred: [
    ['Spørsmål om faktura, satt over til økonomi'],
    ['Gjelder kommunens nettside, satt over til webansvarlig'],
    ['Ringte feil, satt over til sentralbordet'],
    ['Sak om mobilabonnement, satt over til telefoniansvarlig'],
    ['Feil i fagsystem, satt over til leverandørstøtte', 'health'],
    ['Feil i Visma Flyt Skole, satt over til leverandørstøtte', 'school'],
    ['Spørsmål om arkivering, satt over til dokumentsenteret', 'office'],
  ],
};

interface Caller {
  name: string;
  number: string;
  customerId: string;
  workplace: string;
}

/** A Norwegian number as a caller or switchboard would give it (the schema normalises it). */
function norwegianNumber(rng: Rng, landline: boolean): string {
  if (landline) {
    // Møre og Romsdal: 71 xx xx xx, a few 70 xx xx xx.
    const d = `${rng() < 0.85 ? '71' : '70'}${String(int(rng, 0, 999999)).padStart(6, '0')}`;
    return `${d.slice(0, 2)} ${d.slice(2, 4)} ${d.slice(4, 6)} ${d.slice(6)}`;
  }
  const d = `${pick(rng, ['4', '9'])}${String(int(rng, 0, 9999999)).padStart(7, '0')}`;
  return rng() < 0.5 ? `${d.slice(0, 3)} ${d.slice(3, 5)} ${d.slice(5)}` : d;
}

// ---- the calendar ------------------------------------------------------------

const OPEN_MINUTES = 8 * 60;
const CLOSE_MINUTES = 15 * 60 + 30;
/** Calls per half hour from 08:00: a morning peak and a smaller one after lunch. */
const HALF_HOUR_WEIGHTS = [1.7, 1.6, 1.5, 1.3, 1.1, 0.9, 0.8, 0.7, 0.9, 1.0, 1.0, 0.8, 0.7, 0.6, 0.4];
const WEEKDAY_WEIGHTS: Record<number, number> = { 1: 1.3, 2: 1.05, 3: 1.0, 4: 0.95, 5: 0.75 };

interface ServiceDay {
  day: DateTime;
  /** Minutes after midnight (Oslo) when arrivals stop on this day. */
  lastArrival: number;
  weight: number;
}

/** The last `count` service days (Mon–Fri, not public holidays) up to today. */
function serviceDays(now: DateTime, count: number): ServiceDay[] {
  const isOpen = (d: DateTime) => d.weekday <= 5 && !publicHolidayDates('NO', d.year).has(d.toISODate()!);
  const days: ServiceDay[] = [];
  const today = now.startOf('day');
  const nowMinutes = now.hour * 60 + now.minute;
  // Today counts only when enough of it has passed for finished calls (history stops 45 min ago).
  if (isOpen(today) && nowMinutes - 45 >= OPEN_MINUTES + 60) {
    const last = Math.min(CLOSE_MINUTES, nowMinutes - 45);
    days.push({
      day: today,
      lastArrival: last,
      weight: WEEKDAY_WEIGHTS[today.weekday]! * fractionOpen(last),
    });
  }
  for (let d = today.minus({ days: 1 }); days.length < count; d = d.minus({ days: 1 })) {
    if (isOpen(d)) days.push({ day: d, lastArrival: CLOSE_MINUTES, weight: WEEKDAY_WEIGHTS[d.weekday]! });
  }
  return days.reverse();
}

function fractionOpen(lastArrival: number): number {
  let inside = 0;
  let total = 0;
  HALF_HOUR_WEIGHTS.forEach((w, i) => {
    const start = OPEN_MINUTES + i * 30;
    total += w;
    inside += w * Math.max(0, Math.min(1, (lastArrival - start) / 30));
  });
  return inside / total;
}

/** A second of the day (Oslo) for an arrival, following the half-hour profile. */
function arrivalSecond(rng: Rng, lastArrival: number): number {
  for (;;) {
    const slot = weighted(
      rng,
      HALF_HOUR_WEIGHTS.map((w, i) => [i, w] as const),
    );
    const second = (OPEN_MINUTES + slot * 30) * 60 + int(rng, 0, 30 * 60 - 1);
    if (second < lastArrival * 60) return second;
  }
}

// ---- the plan ----------------------------------------------------------------

interface PlannedCall {
  id: string;
  arrivedAt: number;
  caller: Caller;
  loggedBy: Actor;
  /** Which details the switchboard knew when logging. */
  loggedWithName: boolean;
  fate:
    | { kind: 'abandoned'; at: number }
    | {
        kind: 'taken';
        by: Actor;
        at: number;
        end: { at: number; outcome: Exclude<CallOutcome, 'abandoned'> } | null;
      }
    | { kind: 'waiting' };
}

type CallStep =
  | { at: number; order: 0; call: PlannedCall; kind: 'finish' }
  | { at: number; order: 1; call: PlannedCall; kind: 'abandon' }
  | { at: number; order: 2; call: PlannedCall; kind: 'log' }
  | { at: number; order: 3; call: PlannedCall; kind: 'take' }
  | { at: number; order: 4; call: PlannedCall; kind: 'ticket'; ticket: DemoTicketStep };
type Step = CallStep | { at: number; order: 5; kind: 'equipment'; equipment: DemoEquipmentStep };

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Fills the desk with demo calls through the call mutations, in the order they
 * would have happened: every take is first in the queue, nobody takes a second
 * call while on one. Refuses a desk that already has calls unless `force`.
 */
export async function fillDemoData(desk: Desk, opts: DemoOptions = {}): Promise<DemoSummary> {
  const total = opts.calls ?? 300;
  if (!Number.isInteger(total) || total < 5)
    throw new Error(`calls must be a whole number ≥ 5, got ${total}`);
  const seed = opts.seed ?? 1;
  const manager = desk.store.dataSource.manager;
  const existing = await countCalls(manager);
  if (existing > 0 && !opts.force) throw new DemoRefusedError(existing);

  const rng = mulberry32(seed);
  // Ids draw from their own stream; salted by existing calls so a forced second run gets new ids.
  const idRng = mulberry32((seed * 2654435761 + existing) >>> 0);
  const now = DateTime.fromJSDate(opts.now ?? new Date(), { zone: SERVICE_TIME_ZONE }).set({
    millisecond: 0,
  });
  const nowMs = now.toMillis();

  const customers = (await customersWithWorkplaces(manager)).filter((c) => c.workplaces.length > 0);
  if (customers.length === 0) throw new Error('The desk has no customers with workplaces to call from');
  // Bigger municipalities call more: Molde first by weight.
  const customerWeights = customers.map(
    (c) => [c, c.name.startsWith('Molde') ? 3 : 1 + c.workplaces.length / 4] as const,
  );
  const callers: Caller[] = [];
  for (let i = 0; i < Math.max(40, Math.round(total / 2.5)); i++) {
    const customer = weighted(rng, customerWeights);
    callers.push({
      name: `${pick(rng, FIRST_NAMES)} ${pick(rng, LAST_NAMES)}`,
      number: norwegianNumber(rng, rng() < 0.3),
      customerId: customer.id,
      workplace: pick(rng, customer.workplaces),
    });
  }
  // Some people ring often: the first callers in the list are picked more.
  const pickCaller = () => callers[Math.floor(callers.length * Math.pow(rng(), 1.6))]!;

  const waitingNow = int(rng, 3, 5);
  const days = serviceDays(now, 15);
  const dayWeights = days.map((d) => [d, d.weight] as const);
  const historic = total - waitingNow;
  const arrivals: Array<{ day: ServiceDay; ms: number }> = [];
  for (let i = 0; i < historic; i++) {
    const day = weighted(rng, dayWeights);
    arrivals.push({ day, ms: day.day.plus({ seconds: arrivalSecond(rng, day.lastArrival) }).toMillis() });
  }
  arrivals.sort((a, b) => a.ms - b.ms);
  // Strictly increasing arrival instants: the queue order is then the logging order.
  for (let i = 1; i < arrivals.length; i++) {
    if (arrivals[i]!.ms <= arrivals[i - 1]!.ms) arrivals[i]!.ms = arrivals[i - 1]!.ms + 1000;
  }

  const agents = DEMO_ACTORS.filter((a) => a.role === 'agent');
  const teamLead = DEMO_ACTORS.find((a) => a.role === 'team_lead')!;
  const plan: PlannedCall[] = [];
  let dayKey = '';
  let onPhones: Array<{ actor: Actor; freeAt: number }> = [];
  // No call is answered, nor hangs up, before an earlier caller's turn is over: the queue stays FIFO.
  let floor = 0;
  for (const { day, ms } of arrivals) {
    const key = day.day.toISODate()!;
    if (key !== dayKey) {
      // Two agents on the phones each day (rotating); the team lead helps on Mondays.
      dayKey = key;
      const first = days.indexOf(day) % agents.length;
      onPhones = [agents[first]!, agents[(first + 1) % agents.length]!].map((actor) => ({
        actor,
        freeAt: 0,
      }));
      if (day.day.weekday === 1) onPhones.push({ actor: teamLead, freeAt: 0 });
    }
    const caller = pickCaller();
    const call: PlannedCall = {
      id: seededUuidV7(ms, idRng),
      arrivedAt: ms,
      caller,
      loggedBy: pick(rng, onPhones).actor,
      loggedWithName: rng() < 0.45,
      fate: { kind: 'waiting' },
    };
    // The earliest free person answers; the caller hangs up if that takes longer than their patience.
    const answerer = onPhones.reduce((a, b) => (b.freeAt < a.freeAt ? b : a));
    const start = Math.max(ms + int(rng, 5, 25) * 1000, answerer.freeAt, floor);
    const mood = rng();
    const patience =
      (mood < 0.06 ? int(rng, 5, 20) : mood < 0.26 ? int(rng, 30, 90) : int(rng, 120, 900)) * 1000;
    if (start - ms > patience) {
      call.fate = { kind: 'abandoned', at: ms + patience };
      floor = Math.max(floor, ms + patience);
    } else if (start >= nowMs - 60_000) {
      call.fate = { kind: 'waiting' };
    } else {
      const outcome = weighted(rng, [
        ['solved', 72],
        ['ticket_needed', 18],
        ['transferred', 10],
      ] as const);
      const talk =
        outcome === 'transferred'
          ? duration(rng, 90, 30, 300)
          : outcome === 'ticket_needed'
            ? duration(rng, 420, 120, 1500)
            : duration(rng, 300, 60, 1500);
      const end = start + talk * 1000;
      floor = start;
      answerer.freeAt = end + int(rng, 10, 120) * 1000; // a moment to write up the call
      call.fate = {
        kind: 'taken',
        by: answerer.actor,
        at: start,
        end: end < nowMs ? { at: end, outcome } : null,
      };
    }
    plan.push(call);
  }
  // The calls waiting right now: they rang a few minutes ago.
  let minutesAgo = int(rng, 6, 9);
  const lastHistoric = plan[plan.length - 1]?.arrivedAt ?? 0;
  for (let i = 0; i < waitingNow; i++) {
    const ms = Math.max(nowMs - minutesAgo * 60_000 - int(rng, 0, 50) * 1000, lastHistoric + (i + 1) * 1000);
    minutesAgo = Math.max(0, minutesAgo - int(rng, 1, 2));
    plan.push({
      id: seededUuidV7(ms, idRng),
      arrivedAt: ms,
      caller: pickCaller(),
      loggedBy: agents[0]!,
      loggedWithName: rng() < 0.45,
      fate: { kind: 'waiting' },
    });
  }

  const steps: Step[] = [];
  for (const call of plan) {
    steps.push({ at: call.arrivedAt, order: 2, call, kind: 'log' });
    if (call.fate.kind === 'abandoned') steps.push({ at: call.fate.at, order: 1, call, kind: 'abandon' });
    if (call.fate.kind === 'taken') {
      steps.push({ at: call.fate.at, order: 3, call, kind: 'take' });
      if (call.fate.end) steps.push({ at: call.fate.end.at, order: 0, call, kind: 'finish' });
    }
  }
  // Each call that needed a ticket gets one, made while it was still taken (demo/tickets.ts).
  let tickets = 0;
  const ticketsForEquipment: DemoEquipmentTicket[] = [];
  for (const call of plan) {
    if (call.fate.kind !== 'taken' || call.fate.end?.outcome !== 'ticket_needed') continue;
    const ticketSteps = planDemoTicket(
      {
        id: call.id,
        by: call.fate.by,
        takenAt: call.fate.at,
        endedAt: call.fate.end.at,
        caller: call.caller,
        summary: summaryOf(call, 'ticket_needed'),
      },
      seededUuidV7(call.fate.end.at, idRng),
      mulberry32(Number.parseInt(call.id.slice(-8), 16) ^ 0x7ac4e75),
      nowMs,
    );
    for (const t of ticketSteps) steps.push({ at: t.at, order: 4, call, kind: 'ticket', ticket: t });
    tickets++;
    ticketsForEquipment.push({
      id: ticketSteps[0]!.ticket.id,
      summary: summaryOf(call, 'ticket_needed'),
      customerId: call.caller.customerId,
      workplace: call.caller.workplace,
      reporterName: call.caller.name,
      startedAt: ticketSteps.find((t) => t.kind === 'start')?.at ?? null,
      resolvedAt: ticketSteps.find((t) => t.kind === 'resolve')?.at ?? null,
      planned: ticketSteps.some((t) => t.kind === 'plan'),
    });
  }
  // The equipment register over the same weeks (demo/equipment.ts), only into an empty register;
  // a handover is a ticket's on-site visit only when the tickets are all this run's.
  let equipment: DemoEquipmentSummary | null = null;
  if (opts.equipment !== false && (await registerIsEmpty(manager))) {
    const planned = planDemoEquipment({
      seed,
      nowMs,
      days: days.map((d) => d.day),
      customers,
      people: callers,
      names: { first: FIRST_NAMES, last: LAST_NAMES },
      teamLead,
      technicians: DEMO_ACTORS.filter((a) => a.role === 'technician'),
      tickets: existing === 0 ? ticketsForEquipment : [],
    });
    for (const e of planned.steps) steps.push({ at: e.at, order: 5, kind: 'equipment', equipment: e });
    equipment = planned.summary;
  }
  // In time order; at the same instant: finish, hang-up, log, take, the tickets' steps, the register's.
  // Calls keep arrival order; the register's steps keep theirs.
  const arrival = (s: Step) => (s.kind === 'equipment' ? 0 : s.call.arrivedAt);
  steps.sort((a, b) => a.at - b.at || a.order - b.order || arrival(a) - arrival(b));

  let mutations = 0;
  let skipped = 0;
  const failed = new Set<string>();
  for (const step of steps) {
    if (step.kind === 'equipment') {
      await step.equipment.run(desk).catch((e: unknown) => {
        throw new Error(`Demo equipment register: could not ${step.equipment.what}: ${String(e)}`, {
          cause: e,
        });
      });
      mutations++;
      continue;
    }
    const { call } = step;
    if (failed.has(call.id)) continue;
    try {
      await runStep(desk, step);
      mutations++;
    } catch (e) {
      // A forced run onto a busy desk can meet its queue; skip that call's remaining steps.
      if (!(opts.force && existing > 0 && e instanceof DomainError)) throw e;
      failed.add(call.id);
      skipped++;
    }
  }

  // The shift roster around today, set by the team lead (demo/roster.ts).
  const roster = await writeDemoRoster(desk, DEMO_ACTORS, teamLead, nowMs);
  if (roster > 0) mutations += 3;

  // The systems register, its windows, last month's outages and today's notices (demo/systems.ts).
  const systems = await writeDemoSystems(desk, {
    nowMs,
    rng: mulberry32(seed ^ 0x5157e35),
    customers,
    names: { first: FIRST_NAMES, last: LAST_NAMES },
    teamLead,
  });
  if (systems) mutations += systems.mutations;

  const summary: DemoSummary = {
    calls: plan.length,
    roster,
    waiting: 0,
    inProgress: 0,
    outcomes: { solved: 0, ticket_needed: 0, transferred: 0, abandoned: 0 },
    tickets,
    mutations,
    skipped,
    serviceDays: days.length,
    firstDay: days[0]!.day.toISODate()!,
    lastDay: days[days.length - 1]!.day.toISODate()!,
    equipment,
    systems,
  };
  for (const call of plan) {
    if (failed.has(call.id)) continue;
    if (call.fate.kind === 'waiting') summary.waiting++;
    else if (call.fate.kind === 'abandoned') summary.outcomes.abandoned++;
    else if (call.fate.end) summary.outcomes[call.fate.end.outcome]++;
    else summary.inProgress++;
  }
  return summary;
}

/** What the call was about, fitting its workplace; the same for the call and its ticket. */
function summaryOf(call: PlannedCall, outcome: Exclude<CallOutcome, 'abandoned'>): string {
  const rng = mulberry32(Number.parseInt(call.id.slice(-8), 16));
  const place = placeOf(call.caller.workplace);
  return pick(
    rng,
    SUMMARIES[outcome].filter(([, p]) => !p || p === place),
  )[0];
}

async function runStep(desk: Desk, step: CallStep): Promise<void> {
  const { call } = step;
  const { caller } = call;
  switch (step.kind) {
    case 'log':
      await desk.mutations.run(
        callLog,
        {
          id: call.id,
          arrivedAt: iso(call.arrivedAt),
          callerNumber: caller.number,
          ...(call.loggedWithName
            ? { callerName: caller.name, customerId: caller.customerId, workplace: caller.workplace }
            : {}),
        },
        call.loggedBy,
      );
      return;
    case 'abandon':
      await desk.mutations.run(callAbandon, { callId: call.id, at: iso(step.at) }, call.loggedBy);
      return;
    case 'take':
      if (call.fate.kind !== 'taken') return;
      await desk.mutations.run(callTake, { callId: call.id, at: iso(step.at) }, call.fate.by);
      return;
    case 'ticket':
      await runDemoTicketStep(desk, step.ticket);
      return;
    case 'finish': {
      if (call.fate.kind !== 'taken' || !call.fate.end) return;
      const { outcome } = call.fate.end;
      await desk.mutations.run(
        callFinish,
        {
          callId: call.id,
          outcome,
          endedAt: iso(step.at),
          callerName: caller.name,
          customerId: caller.customerId,
          workplace: caller.workplace,
          summary: summaryOf(call, outcome),
        },
        call.fate.by,
      );
      return;
    }
  }
}
