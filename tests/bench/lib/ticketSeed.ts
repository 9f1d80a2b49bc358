// Benchmark setup: fills a desk store with a realistic ticket history by plain SQL (prepared
// statements in big transactions; the FTS triggers stay on): most tickets closed, a few thousand
// open across priorities, customers, assignees and systems, Norwegian reporters who call again,
// canonical references gap-free per year, provisional references from several desks, and the
// stored deadlines computed by the real SLA clock (lifecycle.storedDeadlines).
import Database from 'better-sqlite3';
import { DateTime } from 'luxon';
import { uuidv7 } from 'uuidv7';
import { FIRST_NAMES, LAST_NAMES, mulberry32 } from '../../../src-main/demo/generate';
import { canonicalReference } from '../../../src-shared/references';
import { createServiceCalendar, DEFAULT_SLA_SETTINGS, type Priority } from '../../../src-shared/sla';
import { storedDeadlines, type TicketPause } from '../../../src-shared/tickets/lifecycle';
import type { TicketStatus } from '../../../src-shared/tickets/schemas';

export interface TicketSeedOptions {
  tickets: number;
  events: number;
  /** How many of the newest tickets are candidates for being still open (about 65 % of them are). */
  recentWindow?: number;
  seed?: number;
}

export interface Staff {
  id: string;
  name: string;
}

export interface TicketSeedResult {
  seconds: number;
  open: number;
  byStatus: Record<string, number>;
  staff: Staff[];
  systems: string[];
  customers: string[];
  /** Search terms taken from seeded tickets: references, phone numbers as typed, name fragments. */
  samples: {
    canonical: string[];
    provisional: string[];
    phones: string[];
    names: string[];
  };
}

const SYSTEMS = [
  'Visma Enterprise',
  'Gerica',
  'Profil',
  'CGM Journal',
  'Acos WebSak',
  'Elements',
  'Citrix',
  'Outlook',
  'Teams',
  'Office 365',
  'SvarUt',
  'Vigilo',
  'Visma Flyt Skole',
  'Unit4 Økonomi',
  'Infodoc',
  'Lifecare',
  'Public 360',
  'Famac',
  'KomTek',
  'Arkivplan',
  'Sikker sone',
  'VPN',
  'Nettverk',
  'Skriver',
  'PC',
  'Mobiltelefon',
  'Nettbrett',
  'Min side',
  'Digital postkasse',
  'Helsenett',
  'Meldingsløftet',
  'Compilo',
  'Tidsbank',
  'Visma Ressursstyring',
];
const CATEGORIES = ['incident', 'service_request', 'access', 'hardware', 'software', 'network', 'other'];
const DESCRIPTIONS = [
  'Får ikke logget på, feilmelding om ugyldig passord.',
  'Systemet henger ved lagring av dokument.',
  'Skriveren på 2. etasje skriver ikke ut, står i kø.',
  'Trenger tilgang til fagsystemet for ny ansatt.',
  'VPN kobler fra etter noen minutter.',
  'Skjermen blinker og blir svart innimellom.',
  'E-post kommer ikke fram til eksterne mottakere.',
  'Programmet starter ikke etter oppdatering i natt.',
];
const NOTES = [
  'Ringte bruker, avtalte fjernstyring.',
  'Venter på svar fra leverandør.',
  'Sjekket loggene, ser ingen feil hos oss.',
  'Bruker bekrefter at det virker nå.',
  'Sendt videre til systemansvarlig.',
];

/** Weighted pick: weights need not sum to 1. */
function weighted<T>(rng: () => number, items: readonly T[], weights: readonly number[]): T {
  const total = weights.reduce((a, b) => a + b, 0);
  let r = rng() * total;
  for (let i = 0; i < items.length; i++) {
    r -= weights[i]!;
    if (r < 0) return items[i]!;
  }
  return items[items.length - 1]!;
}

const PRIORITY_LIST: Priority[] = ['critical', 'high', 'medium', 'low'];
const PRIORITY_WEIGHTS = [3, 15, 52, 30];

interface Plan {
  id: string;
  createdMs: number;
  priority: Priority;
  status: TicketStatus;
  responded: boolean;
  /** Went through "in progress" (many finished tickets were solved on the phone, straight from new). */
  started: boolean;
  /** A finished ticket that once rested in agreed plan. */
  pastPause: boolean;
}

/** The timeline a ticket's state implies: created, start, responded, pause (and resume), resolve, close. */
function ownEvents(p: Plan): number {
  const finished = p.status === 'resolved' || p.status === 'closed';
  const paused = p.status === 'agreed_plan' || p.status === 'temporary_solution';
  return (
    1 +
    (p.started ? 1 : 0) +
    (p.responded ? 1 : 0) +
    (paused ? 1 : 0) +
    (p.pastPause ? 2 : 0) +
    (finished ? 1 : 0) +
    (p.status === 'closed' ? 1 : 0)
  );
}

export function seedTickets(file: string, opts: TicketSeedOptions): TicketSeedResult {
  const t0 = performance.now();
  const N = opts.tickets;
  const recentWindow = opts.recentWindow ?? 6000;
  const rng = mulberry32(opts.seed ?? 2026);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rng() * xs.length)]!;
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF'); // setup only; the measured desk runs with FULL
  const customers = db
    .prepare(`SELECT cu.id, w.name AS wp FROM customer cu JOIN workplace w ON w.customer_id = cu.id`)
    .all() as Array<{ id: string; wp: string }>;
  const customerIds = [...new Set(customers.map((c) => c.id))];
  // Bigger municipalities report more: Molde first.
  const customerWeights = customerIds.map((_, i) => (i === 0 ? 6 : 6 - i * 0.8));
  const wpByCustomer = new Map<string, string[]>();
  for (const c of customers) wpByCustomer.set(c.id, [...(wpByCustomer.get(c.id) ?? []), c.wp]);

  const staff: Staff[] = Array.from({ length: 24 }, (_, i) => ({
    id: `01a21bf8-0000-7000-8000-0000000b${String(i + 1).padStart(4, '0')}`,
    name: `${FIRST_NAMES[(i * 7) % FIRST_NAMES.length]} ${LAST_NAMES[(i * 5 + 3) % LAST_NAMES.length]}`,
  }));
  const staffWeights = staff.map((_, i) => 1 + (i % 5));
  const systemWeights = SYSTEMS.map((_, i) => 1 / (1 + i * 0.35)); // a few systems get most tickets

  // People who report, and report again (a Zipf-like pick over 25,000 reporters).
  const REPORTERS = 25_000;
  const reporters = Array.from({ length: REPORTERS }, (_, i) => {
    const first = pick(FIRST_NAMES);
    const last = rng() < 0.15 ? `${pick(LAST_NAMES)}-${pick(LAST_NAMES)}` : pick(LAST_NAMES);
    const mobile = rng() < 0.85;
    const digits = mobile
      ? `${pick(['4', '9'])}${String(Math.floor(rng() * 1e7)).padStart(7, '0')}`
      : `71${String(Math.floor(rng() * 1e6)).padStart(6, '0')}`;
    const customerId = weighted(rng, customerIds, customerWeights);
    return {
      name: `${first} ${last}`,
      phone: `+47${digits}`,
      email: `${first}.${last}${i}@kommune.no`
        .toLowerCase()
        .replace(/[æøå]/g, (c) => ({ æ: 'ae', ø: 'o', å: 'a' })[c]!),
      customerId,
      workplace: pick(wpByCustomer.get(customerId)!),
    };
  });
  const reporterOf = () => reporters[Math.floor(REPORTERS * Math.pow(rng(), 1.6))]!;

  // Phase 1: who is open, and how many events each ticket has of its own.
  const now = Date.now();
  const span = 4 * 365 * 24 * 3600 * 1000;
  const plans: Plan[] = new Array(N);
  let t = now - span;
  const step = span / N;
  let baseTotal = 0;
  for (let i = 0; i < N; i++) {
    t += step * (0.5 + rng());
    const createdMs = Math.min(t, now - (N - i) * 1000);
    const priority = weighted(rng, PRIORITY_LIST, PRIORITY_WEIGHTS);
    const recent = i >= N - recentWindow;
    let status: TicketStatus;
    if ((recent && rng() < 0.65) || rng() < 0.0015) {
      status = weighted(
        rng,
        ['new', 'in_progress', 'agreed_plan', 'temporary_solution'] as TicketStatus[],
        [25, 55, 12, 8],
      );
      if (status === 'temporary_solution' && priority !== 'critical' && priority !== 'high')
        status = 'in_progress';
    } else status = recent && rng() < 0.5 ? 'resolved' : 'closed';
    const finished = status === 'resolved' || status === 'closed';
    const plan: Plan = {
      id: uuidv7(),
      createdMs,
      priority,
      status,
      responded: status !== 'new' || rng() < 0.5,
      pastPause: finished && rng() < 0.08,
      started: status !== 'new' && !(finished && rng() < 0.35),
    };
    plans[i] = plan;
    baseTotal += ownEvents(plan);
  }
  // The rest of the history as notes and work records, spread over the tickets (closed ones get more).
  const extra = new Uint16Array(N);
  for (let k = Math.max(0, opts.events - baseTotal); k > 0; k--) extra[Math.floor(rng() * N)]!++;

  const insertTicket = db.prepare(`INSERT INTO ticket (id, reference, provisional_reference, call_id, channel,
    reporter_name, reporter_phone, reporter_email, customer_id, workplace, title, description, priority, system,
    category, device, notify_by, status, assignee_id, assignee_name, responded_at, response_channel, resolved_at,
    closed_at, resolution, pauses, agreed_with, agreed_with_name, agreed_plan, agreed_target_date,
    temporary_solution, response_due_at, resolution_due_at, breach_at, created_at, created_by, created_by_name,
    updated_at, updated_by_name)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertEvent = db.prepare(
    `INSERT INTO ticket_event (id, ticket_id, at, actor_id, actor_name, kind, data) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const cal = createServiceCalendar(DEFAULT_SLA_SETTINGS);
  const iso = (ms: number) => new Date(ms).toISOString();
  const MIN = 60_000;
  const DESKS = Array.from({ length: 6 }, (_, i) => `P-${(0x3f9a + i * 4099).toString(16).toUpperCase()}`);
  const deskCounters = new Map<string, number>();
  const yearCounters = new Map<number, number>();
  const byStatus: Record<string, number> = {};
  const samples: TicketSeedResult['samples'] = { canonical: [], provisional: [], phones: [], names: [] };
  let open = 0;
  let events = 0;

  const seedAll = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const p = plans[i]!;
      const rep = reporterOf();
      const creator = weighted(rng, staff, staffWeights);
      const createdAt = iso(p.createdMs);
      // The newest tickets of a desk that has not synced yet have no canonical reference.
      const year = DateTime.fromMillis(p.createdMs, { zone: 'Europe/Oslo' }).year;
      const unsynced = i >= N - 25 && rng() < 0.6;
      let reference: string | null = null;
      if (!unsynced) {
        const n = (yearCounters.get(year) ?? 0) + 1;
        yearCounters.set(year, n);
        reference = canonicalReference(year, n);
      }
      const desk = pick(DESKS);
      const dn = (deskCounters.get(desk) ?? 0) + 1;
      deskCounters.set(desk, dn);
      const provisional = `${desk}-${String(dn).padStart(4, '0')}`;

      const isOpen = p.status !== 'resolved' && p.status !== 'closed';
      const respondedMs = p.responded ? p.createdMs + Math.floor(rng() * 90 + 2) * MIN : null;
      const pauses: TicketPause[] = [];
      let resolvedMs: number | null = null;
      if (p.status === 'agreed_plan' || p.status === 'temporary_solution') {
        pauses.push({
          kind: p.status,
          start: iso(p.createdMs + Math.floor(rng() * 600 + 30) * MIN),
          end: null,
        });
      } else if (!isOpen) {
        if (p.pastPause) {
          const s = p.createdMs + Math.floor(rng() * 300 + 30) * MIN;
          pauses.push({
            kind: 'agreed_plan',
            start: iso(s),
            end: iso(s + Math.floor(rng() * 5000 + 60) * MIN),
          });
        }
        const after = pauses.length ? Date.parse(pauses[0]!.end!) : p.createdMs;
        resolvedMs = after + Math.floor(rng() * 2000 + 10) * MIN;
      }
      const closedMs = p.status === 'closed' ? resolvedMs! + Math.floor(rng() * 4000 + 60) * MIN : null;
      const d = storedDeadlines(
        {
          createdAt,
          priority: p.priority,
          status: p.status,
          respondedAt: respondedMs ? iso(respondedMs) : null,
          resolvedAt: resolvedMs ? iso(resolvedMs) : null,
          pauses,
        },
        cal,
        DEFAULT_SLA_SETTINGS,
      );
      const assignee = p.status === 'new' && rng() < 0.7 ? null : weighted(rng, staff, staffWeights);
      const lastMs =
        closedMs ?? resolvedMs ?? (pauses[0] ? Date.parse(pauses[0].start) : (respondedMs ?? p.createdMs));
      const notify = rng() < 0.7 ? 'email' : rng() < 0.7 ? 'sms' : 'none';
      const system = weighted(rng, SYSTEMS, systemWeights);
      const channel = weighted(rng, ['phone', 'email', 'web'], [45, 25, 30]);
      insertTicket.run(
        p.id,
        reference,
        provisional,
        channel === 'phone' ? uuidv7() : null, // the call it was made from
        channel,
        rep.name,
        rep.phone,
        rep.email,
        rep.customerId,
        rep.workplace,
        rng() < 0.6 ? `${system}: ${pick(DESCRIPTIONS).slice(0, 40)}` : null,
        `${pick(DESCRIPTIONS)}\nBruker: ${rep.name}, ${rep.workplace}.`,
        p.priority,
        system,
        pick(CATEGORIES),
        notify,
        p.status,
        assignee?.id ?? null,
        assignee?.name ?? null,
        respondedMs ? iso(respondedMs) : null,
        respondedMs ? pick(['phone', 'email', 'sms']) : null,
        resolvedMs ? iso(resolvedMs) : null,
        closedMs ? iso(closedMs) : null,
        resolvedMs ? 'Løst ved fjernstyring.' : null,
        JSON.stringify(pauses),
        pauses.length ? 'system_owner' : null,
        pauses.length ? `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}` : null,
        pauses.length ? 'Leverandøren retter feilen i neste versjon.' : null,
        p.status === 'temporary_solution' ? 'Bruker reserveløsning.' : null,
        d.responseDueAt,
        d.resolutionDueAt,
        d.breachAt,
        createdAt,
        creator.id,
        creator.name,
        iso(lastMs),
        (assignee ?? creator).name,
      );
      // The timeline: created, the life-cycle steps its status implies, then notes and work records.
      const ev = (kind: string, ms: number, data: unknown, who: Staff = assignee ?? creator) => {
        insertEvent.run(uuidv7(), p.id, iso(ms), who.id, who.name, kind, JSON.stringify(data));
        events++;
      };
      ev(
        'created',
        p.createdMs,
        { channel: 'phone', priority: p.priority, provisionalReference: provisional },
        creator,
      );
      if (p.started)
        ev('status', p.createdMs + 5 * MIN, { action: 'start', changes: { status: ['new', 'in_progress'] } });
      if (respondedMs) ev('responded', respondedMs, { channel: 'phone', first: true });
      const pause = pauses[0];
      if (pause) {
        ev('status', Date.parse(pause.start), {
          action: 'agreedPlan',
          changes: { status: [p.started ? 'in_progress' : 'new', pause.kind] },
        });
        if (pause.end)
          ev('status', Date.parse(pause.end), {
            action: 'resume',
            changes: { status: [pause.kind, 'in_progress'] },
          });
      }
      if (resolvedMs)
        ev('status', resolvedMs, {
          action: 'resolve',
          changes: { status: [p.started || pause ? 'in_progress' : 'new', 'resolved'] },
        });
      if (closedMs) ev('status', closedMs, { action: 'close', changes: { status: ['resolved', 'closed'] } });
      const endMs = Math.max(lastMs, p.createdMs + MIN);
      for (let j = 0; j < extra[i]!; j++) {
        const at = p.createdMs + Math.floor(rng() * (endMs - p.createdMs));
        if (rng() < 0.8)
          ev('note', at, { visibility: rng() < 0.3 ? 'reporter' : 'internal', text: pick(NOTES) });
        else
          ev('remote_session', at, {
            tool: 'TeamViewer',
            startedAt: iso(at),
            endedAt: iso(at + 15 * MIN),
            work: 'Fjernstyring',
            result: 'OK',
          });
      }
      byStatus[p.status] = (byStatus[p.status] ?? 0) + 1;
      if (isOpen) open++;
      if (i % 997 === 0 && reference) samples.canonical.push(reference);
      if (i % 991 === 0) samples.provisional.push(provisional);
      if (i % 983 === 0) samples.phones.push(rep.phone);
      if (i % 977 === 0) samples.names.push(rep.name);
    }
  });
  for (let from = 0; from < N; from += 20_000) seedAll(from, Math.min(N, from + 20_000));
  db.pragma('optimize');
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return {
    seconds: (performance.now() - t0) / 1000,
    open,
    byStatus: { ...byStatus, events },
    staff,
    systems: SYSTEMS,
    customers: customerIds,
    samples,
  };
}
