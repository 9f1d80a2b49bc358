// The demo's systems register (issue 16), written by the team lead through the
// named mutations, only into an empty register. The story: the municipalities'
// business systems with their owners (one system at one customer still lacks
// one, for the report), fixed weekly maintenance windows, and last month's
// outages: Gerica's storage failure broke 99.8 % at every customer (95 minutes
// in a 30-day month allows 86.4); Visma went down inside its Tuesday window and
// ran 40 minutes past it; Citrix, the remote-access solution, was down for
// three hours without touching the systems behind it (R23); Microsoft 365's
// outage was the supplier's (an excluded cause, R22). Today Elements is down
// at Molde, with an ongoing notice, and next week's agreed Elements window has
// its planned notice.
import { DateTime } from 'luxon';
import type { Actor } from '../../src-shared/roles';
import { SERVICE_TIME_ZONE } from '../../src-shared/serviceTimeZone';
import type { Criticality } from '../../src-shared/systems/register';
import type { OutageCause } from '../../src-shared/systems/outages';
import type { Desk } from '../desk/openDesk';
import { noticePublish, noticeUpdate } from '../systems/notices';
import { outageRecord } from '../systems/outages';
import { systemSave, systemSetRoles } from '../systems/register';
import { windowSave } from '../systems/windows';
import { pick, seededUuidV7, type Rng } from './kit';

export interface DemoSystemsSummary {
  systems: number;
  roles: number;
  outages: number;
  windows: number;
  notices: number;
  mutations: number;
}

interface DemoSystem {
  key: string;
  name: string;
  supplier: string;
  description: string;
  criticality: Criticality;
  remoteAccess?: boolean;
  weekly?: { weekday: number; start: string; end: string };
}

const SYSTEMS: readonly DemoSystem[] = [
  {
    key: 'visma',
    name: 'Visma Enterprise',
    supplier: 'Visma',
    description: 'Lønn, personal og økonomi',
    criticality: 'high',
    weekly: { weekday: 2, start: '21:00', end: '23:00' },
  },
  {
    key: 'gerica',
    name: 'Gerica',
    supplier: 'Tietoevry',
    description: 'Pleie- og omsorgsjournal',
    criticality: 'critical',
    weekly: { weekday: 4, start: '22:00', end: '23:30' },
  },
  { key: 'elements', name: 'Elements', supplier: 'Sikri', description: 'Sak og arkiv', criticality: 'high' },
  {
    key: 'flyt',
    name: 'Visma Flyt Skole',
    supplier: 'Visma',
    description: 'Skoleadministrasjon',
    criticality: 'medium',
  },
  {
    key: 'm365',
    name: 'Microsoft 365',
    supplier: 'Microsoft',
    description: 'E-post, Teams og dokumenter',
    criticality: 'high',
  },
  {
    key: 'citrix',
    name: 'Citrix fjerntilgang',
    supplier: 'Citrix',
    description: 'Fjerntilgang til fagsystemene',
    criticality: 'critical',
    remoteAccess: true,
    weekly: { weekday: 7, start: '06:00', end: '08:00' },
  },
];

/** The demo's register and its story, at instants relative to `nowMs`; returns what it wrote. */
export async function writeDemoSystems(
  desk: Desk,
  input: {
    nowMs: number;
    rng: Rng;
    customers: ReadonlyArray<{ id: string; name: string }>;
    names: { first: readonly string[]; last: readonly string[] };
    teamLead: Actor;
  },
): Promise<DemoSystemsSummary | null> {
  const m = desk.store.dataSource.manager;
  const rows: Array<{ n: number }> = await m.query(`SELECT count(*) AS n FROM business_system`);
  if (Number(rows[0]?.n ?? 0) > 0) return null;
  const { nowMs, rng, customers, teamLead } = input;
  const summary: DemoSystemsSummary = {
    systems: 0,
    roles: 0,
    outages: 0,
    windows: 0,
    notices: 0,
    mutations: 0,
  };
  const run = async <A>(mutation: Parameters<Desk['mutations']['run']>[0], args: A) => {
    summary.mutations++;
    return desk.mutations.run(mutation, args as never, teamLead);
  };
  const now = DateTime.fromMillis(nowMs, { zone: SERVICE_TIME_ZONE });
  // Recorded as the team lead would have: within the desk's 30-day window for a client's instant.
  const recordedAt = (ms: number) =>
    new Date(Math.min(nowMs - 60_000, Math.max(ms, nowMs - 29 * 86_400_000))).toISOString();
  const setUpAt = recordedAt(nowMs - 28 * 86_400_000);
  const id = (ms: number) => seededUuidV7(ms, rng);
  const person = () => `${pick(rng, input.names.first)} ${pick(rng, input.names.last)}`;

  const ids = new Map<string, string>();
  for (const s of SYSTEMS) {
    const systemId = id(Date.parse(setUpAt));
    ids.set(s.key, systemId);
    await run(systemSave, {
      at: setUpAt,
      system: {
        id: systemId,
        name: s.name,
        supplier: s.supplier,
        description: s.description,
        criticality: s.criticality,
        continuous: true,
        remoteAccess: s.remoteAccess ?? false,
        probe: null,
        retired: false,
      },
    });
    summary.systems++;
    for (const [i, c] of customers.entries()) {
      // Visma Flyt Skole at the last customer has no owner yet: the register's report finds it.
      const ownerless = s.key === 'flyt' && i === customers.length - 1;
      const owner = ownerless
        ? null
        : { name: person(), reporterId: null, contact: `postmottak@${slug(c.name)}.kommune.no` };
      await run(systemSetRoles, {
        at: setUpAt,
        systemId,
        customerId: c.id,
        owner,
        responsible: { name: person(), reporterId: null, contact: null },
        securityOfficer: i % 2 === 0 ? { name: person(), reporterId: null, contact: null } : null,
        coordinator: { name: teamLead.name, reporterId: null, contact: null },
      });
      summary.roles++;
    }
    if (s.weekly) {
      await run(windowSave, {
        at: setUpAt,
        id: id(Date.parse(setUpAt)),
        systemId,
        window: {
          kind: 'weekly',
          ...s.weekly,
          validFrom: now.minus({ years: 1 }).startOf('year').toISODate()!,
          validUntil: null,
          agreedWithName: 'Systemeierne i kommunene',
          note: 'Fast vedlikeholdsvindu i avtalen',
        },
      });
      summary.windows++;
    }
  }

  // Last month's outages, at Oslo wall-clock times of that month.
  const last = now.minus({ months: 1 }).startOf('month');
  const at = (day: number, hhmm: string) => {
    const [h, mi] = hhmm.split(':').map(Number);
    return last.set({ day, hour: h, minute: mi }).toMillis();
  };
  const firstWeekday = (from: number, weekday: number) => {
    let d = last.set({ day: from });
    while (d.weekday !== weekday) d = d.plus({ days: 1 });
    return d.day;
  };
  const outage = async (
    key: string,
    title: string,
    startMs: number,
    endMs: number | null,
    cause: OutageCause,
    customerIds: string[] = [],
    description: string | null = null,
  ) => {
    const outageId = id(startMs);
    await run(outageRecord, {
      at: recordedAt(endMs ?? nowMs),
      id: outageId,
      outage: {
        title,
        description,
        startsAt: new Date(startMs).toISOString(),
        endsAt: endMs === null ? null : new Date(endMs).toISOString(),
        systemIds: [ids.get(key)!],
        customerIds,
        planned: false,
        cause,
        announcedAt: null,
        shortNoticeReason: null,
      },
      fromTicketId: null,
    });
    summary.outages++;
    return outageId;
  };
  const gericaDay = firstWeekday(10, 3);
  const gericaStart = at(gericaDay, '09:20');
  const gericaEnd = gericaStart + 95 * 60_000;
  const gerica = await outage(
    'gerica',
    'Gerica utilgjengelig: feil på lagringssystemet',
    gericaStart,
    gericaEnd,
    'infrastructure',
    [],
    'En kontroller i lagringssystemet feilet; databasen ble flyttet til reservekontrolleren.',
  );
  const visma = firstWeekday(15, 2);
  await outage(
    'visma',
    'Visma Enterprise nede etter oppgradering',
    at(visma, '22:30'),
    at(visma, '23:40'),
    'operations',
    [],
    'Oppgraderingen i vedlikeholdsvinduet tok lengre tid enn planlagt.',
  );
  const citrixDay = firstWeekday(18, 1);
  await outage(
    'citrix',
    'Citrix fjerntilgang nede',
    at(citrixDay, '12:00'),
    at(citrixDay, '15:00'),
    'infrastructure',
  );
  const m365Day = firstWeekday(22, 4);
  await outage(
    'm365',
    'Microsoft 365: Teams og e-post utilgjengelig',
    at(m365Day, '10:05'),
    at(m365Day, '12:05'),
    'external',
    [],
    'Feil hos Microsoft (MO123456).',
  );

  // Gerica's notice, resolved with its updates.
  const notice = async (
    args: {
      title: string;
      body: string;
      state: 'planned' | 'ongoing' | 'resolved';
      systemKey: string;
      customerIds?: string[];
      startMs: number;
      endMs: number | null;
      outageId?: string;
      windowId?: string;
    },
    publishedMs: number,
  ) => {
    const noticeId = id(publishedMs);
    await run(noticePublish, {
      at: recordedAt(publishedMs),
      id: noticeId,
      notice: {
        title: args.title,
        body: args.body,
        state: args.state,
        systemIds: [ids.get(args.systemKey)!],
        customerIds: args.customerIds ?? [],
        startsAt: new Date(args.startMs).toISOString(),
        endsAt: args.endMs === null ? null : new Date(args.endMs).toISOString(),
      },
      outageId: args.outageId ?? null,
      windowId: args.windowId ?? null,
    });
    summary.notices++;
    return noticeId;
  };
  const gericaNotice = await notice(
    {
      title: 'Gerica er utilgjengelig',
      body: 'Gerica kan ikke brukes nå. Vi jobber med saken.',
      state: 'ongoing',
      systemKey: 'gerica',
      startMs: gericaStart,
      endMs: null,
      outageId: gerica,
    },
    gericaStart + 10 * 60_000,
  );
  await run(noticeUpdate, {
    at: recordedAt(gericaStart + 50 * 60_000),
    noticeId: gericaNotice,
    state: 'ongoing',
    text: 'Feilen er funnet i lagringssystemet. Databasen flyttes til reserveutstyr.',
  });
  await run(noticeUpdate, {
    at: recordedAt(gericaEnd + 5 * 60_000),
    noticeId: gericaNotice,
    state: 'resolved',
    text: 'Gerica virker igjen for alle.',
  });

  // Today: Elements down at the first customer (Molde), with its ongoing notice.
  const first = customers[0]!;
  const todayStart = Math.min(
    nowMs - 5 * 60_000,
    Math.max(now.startOf('day').plus({ hours: 8 }).toMillis(), nowMs - 70 * 60_000),
  );
  const elements = await outage(
    'elements',
    `Elements utilgjengelig i ${first.name}`,
    todayStart,
    null,
    'unknown',
    [first.id],
  );
  await notice(
    {
      title: `Elements er utilgjengelig i ${first.name}`,
      body: 'Sak og arkiv kan ikke åpnes. Vi feilsøker og melder når det virker igjen.',
      state: 'ongoing',
      systemKey: 'elements',
      customerIds: [first.id],
      startMs: todayStart,
      endMs: null,
      outageId: elements,
    },
    todayStart + 2 * 60_000,
  );

  // Next week: an agreed one-off Elements window, announced today, with its planned notice.
  const windowStart = now
    .plus({ weeks: 1 })
    .set({ weekday: 6, hour: 8, minute: 0, second: 0, millisecond: 0 });
  const windowId = id(nowMs);
  await run(windowSave, {
    at: recordedAt(nowMs),
    id: windowId,
    systemId: ids.get('elements')!,
    window: {
      kind: 'once',
      startsAt: windowStart.toUTC().toISO()!,
      endsAt: windowStart.plus({ hours: 4 }).toUTC().toISO()!,
      agreedWithName: 'Systemeierne i kommunene',
      announcedAt: new Date(recordedAt(nowMs)).toISOString(),
      shortNoticeReason: null,
      note: 'Oppgradering til ny versjon',
    },
  });
  summary.windows++;
  await notice(
    {
      title: 'Planlagt vedlikehold av Elements',
      body: `Elements er utilgjengelig lørdag ${windowStart.toFormat('d.M.')} kl. 08–12 for oppgradering.`,
      state: 'planned',
      systemKey: 'elements',
      startMs: windowStart.toMillis(),
      endMs: windowStart.plus({ hours: 4 }).toMillis(),
      windowId,
    },
    nowMs - 60_000,
  );
  return summary;
}

const slug = (name: string) =>
  name
    .toLowerCase()
    .replace(/ kommune$/, '')
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .replace(/[^a-z0-9]+/g, '');
