// Reads of the systems register (issue 16), given an EntityManager: the
// register and its roles, outages, windows, notices, and uptime. Rows are
// parsed here into the shapes src-shared/systems's rules read.
import type { EntityManager } from 'typeorm';
import type { Probe } from '../../src-shared/systems/register';
import { causeCounts, type OutageFacts } from '../../src-shared/systems/outages';
import { noticeConcerns, type NoticeFacts, type NoticeQuery } from '../../src-shared/systems/notices';
import {
  uptimeMonthDetail,
  uptimeYear,
  type SubjectFacts,
  type WindowFacts,
} from '../../src-shared/systems/uptimeReport';
import { clip, lengthOf, osloMonth, unionOf, type Interval } from '../../src-shared/uptime';
import {
  BusinessSystem,
  MaintenanceWindow,
  Notice,
  NoticeUpdate,
  Outage,
  SystemCustomer,
  SystemEvent,
  type BusinessSystemRow,
  type MaintenanceWindowRow,
  type NoticeRow,
  type OutageRow,
  type SystemCustomerRow,
} from '../store/entities';
import { placeholder, runSql, selectRow, selectRows } from '../store/rowSql';

const ids = (json: string) => JSON.parse(json) as string[];

export function systemView(r: BusinessSystemRow) {
  return {
    id: r.id,
    name: r.name,
    supplier: r.supplier,
    description: r.description,
    criticality: r.criticality,
    continuous: r.continuous === 1,
    remoteAccess: r.remoteAccess === 1,
    probe: r.probe ? (JSON.parse(r.probe) as Probe) : null,
    probeSince: r.probeSince,
    retired: r.retired === 1,
    updatedAt: r.updatedAt,
    updatedByName: r.updatedByName,
  };
}
export type SystemView = ReturnType<typeof systemView>;

function holder(r: SystemCustomerRow, p: 'owner' | 'responsible' | 'securityOfficer' | 'coordinator') {
  const name = r[`${p}Name`];
  return name ? { name, reporterId: r[`${p}ReporterId`], contact: r[`${p}Contact`] } : null;
}

export function rolesView(r: SystemCustomerRow) {
  return {
    systemId: r.systemId,
    customerId: r.customerId,
    owner: holder(r, 'owner'),
    responsible: holder(r, 'responsible'),
    securityOfficer: holder(r, 'securityOfficer'),
    coordinator: holder(r, 'coordinator'),
    updatedAt: r.updatedAt,
    updatedByName: r.updatedByName,
  };
}
export type RolesView = ReturnType<typeof rolesView>;

export function outageFacts(r: OutageRow): OutageFacts & {
  description: string | null;
  source: string;
  measuredStart: string | null;
  measuredEnd: string | null;
  announcedAt: string | null;
  shortNoticeReason: string | null;
  counted: boolean;
  updatedAt: string;
  updatedByName: string;
  createdByName: string;
} {
  return {
    id: r.id,
    title: r.title,
    description: r.description,
    startsAt: r.startsAt,
    endsAt: r.endsAt,
    systemIds: ids(r.systemIds),
    customerIds: ids(r.customerIds),
    cause: r.cause,
    counted: causeCounts(r.cause),
    state: r.state,
    planned: r.planned === 1,
    source: r.source,
    measuredStart: r.measuredStart,
    measuredEnd: r.measuredEnd,
    announcedAt: r.announcedAt,
    shortNoticeReason: r.shortNoticeReason,
    updatedAt: r.updatedAt,
    updatedByName: r.updatedByName,
    createdByName: r.createdByName,
  };
}
export type OutageView = ReturnType<typeof outageFacts>;

export function windowFacts(r: MaintenanceWindowRow): WindowFacts & {
  agreedWithName: string;
  announcedAt: string | null;
  shortNoticeReason: string | null;
  note: string | null;
} {
  const common = {
    id: r.id,
    systemId: r.systemId,
    cancelled: r.cancelled === 1,
    agreedWithName: r.agreedWithName,
    announcedAt: r.announcedAt,
    shortNoticeReason: r.shortNoticeReason,
    note: r.note,
  };
  return r.kind === 'weekly'
    ? {
        ...common,
        kind: 'weekly',
        weekday: r.weekday!,
        start: r.startTime!,
        end: r.endTime!,
        validFrom: r.validFrom!,
        validUntil: r.validUntil,
      }
    : { ...common, kind: 'once', startsAt: r.startsAt!, endsAt: r.endsAt! };
}
export type WindowView = ReturnType<typeof windowFacts>;

export function noticeFacts(r: NoticeRow): NoticeFacts & {
  body: string;
  outageId: string | null;
  windowId: string | null;
  updatedAt: string;
} {
  return {
    id: r.id,
    title: r.title,
    body: r.body,
    state: r.state,
    systemIds: ids(r.systemIds),
    customerIds: ids(r.customerIds),
    startsAt: r.startsAt,
    endsAt: r.endsAt,
    outageId: r.outageId,
    windowId: r.windowId,
    updatedAt: r.updatedAt,
  };
}
export type NoticeView = ReturnType<typeof noticeFacts>;

// ---------------------------------------------------------------------------------------------
// The register

export async function listSystems(m: EntityManager) {
  const [systems, roles] = await Promise.all([
    selectRows(m, BusinessSystem, {}, { orderBy: ['name'] }),
    selectRows(m, SystemCustomer, {}),
  ]);
  const bySystem = new Map<string, RolesView[]>();
  for (const r of roles) {
    let list = bySystem.get(r.systemId);
    if (!list) bySystem.set(r.systemId, (list = []));
    list.push(rolesView(r));
  }
  return systems.map((s) => ({ ...systemView(s), customers: bySystem.get(s.id) ?? [] }));
}

export async function systemCard(m: EntityManager, id: string) {
  const row = await selectRow(m, BusinessSystem, { id });
  if (!row) return null;
  const [roles, windows, history] = await Promise.all([
    selectRows(m, SystemCustomer, { systemId: id }),
    selectRows(m, MaintenanceWindow, { systemId: id }, { orderBy: ['createdAt'] }),
    selectRows(m, SystemEvent, { subjectId: id }, { orderBy: ['at'], descending: true, limit: 200 }),
  ]);
  const outages = (await outagesOf(m, id)).slice(0, 50);
  return {
    ...systemView(row),
    customers: roles.map(rolesView),
    windows: windows.map(windowFacts),
    outages,
    history: history.map((h) => ({ ...h, data: JSON.parse(h.data) as Record<string, unknown> })),
  };
}

/** R10, R13: a system's roles at a customer, for the ticket page's "agreed with" and approvals. */
export async function rolesAt(m: EntityManager, systemId: string, customerId: string) {
  const rows = await selectRows(m, SystemCustomer, { systemId, customerId });
  return rows[0] ? rolesView(rows[0]) : null;
}

/** R26: systems in use at a customer without an owner there, and systems in use nowhere. */
export async function systemsLackingOwner(m: EntityManager) {
  const systems = await listSystems(m);
  const lacking: Array<{ systemId: string; systemName: string; customerId: string | null }> = [];
  for (const s of systems) {
    if (s.retired) continue;
    if (s.customers.length === 0) lacking.push({ systemId: s.id, systemName: s.name, customerId: null });
    for (const c of s.customers)
      if (!c.owner) lacking.push({ systemId: s.id, systemName: s.name, customerId: c.customerId });
  }
  return lacking;
}

// ---------------------------------------------------------------------------------------------
// Outages, windows, notices

export async function allOutages(m: EntityManager): Promise<OutageView[]> {
  return (await selectRows(m, Outage, {}, { orderBy: ['startsAt'], descending: true })).map(outageFacts);
}

const OUTAGE_COLUMNS = Object.entries({
  id: 'id',
  title: 'title',
  description: 'description',
  startsAt: 'starts_at',
  endsAt: 'ends_at',
  systemIds: 'system_ids',
  customerIds: 'customer_ids',
  planned: 'planned',
  cause: 'cause',
  state: 'state',
  source: 'source',
  measuredStart: 'measured_start',
  measuredEnd: 'measured_end',
  announcedAt: 'announced_at',
  shortNoticeReason: 'short_notice_reason',
  createdByName: 'created_by_name',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
  updatedByName: 'updated_by_name',
} satisfies Record<keyof OutageRow, string>)
  .map(([property, column]) => `${column} AS "${property}"`)
  .join(', ');

/** One system's outages, newest first: its id is in the outage's JSON list (quoted, so never a prefix). */
export async function outagesOf(m: EntityManager, systemId: string): Promise<OutageView[]> {
  const p = placeholder(m);
  const rows = (await runSql(
    m,
    `SELECT ${OUTAGE_COLUMNS} FROM outage WHERE system_ids LIKE ${p(0)} ORDER BY starts_at DESC`,
    [`%"${systemId}"%`],
  )) as OutageRow[];
  return rows.map((r) => outageFacts({ ...r, planned: Number(r.planned) }));
}

export async function outageCard(m: EntityManager, id: string) {
  const row = await selectRow(m, Outage, { id });
  if (!row) return null;
  const p = placeholder(m);
  const [tickets, history, notices] = await Promise.all([
    runSql(
      m,
      `SELECT id, reference, provisional_reference AS "provisionalReference", title, status, customer_id AS "customerId" FROM ticket WHERE outage_id = ${p(0)} ORDER BY created_at`,
      [id],
    ),
    selectRows(m, SystemEvent, { subjectId: id }, { orderBy: ['at'] }),
    selectRows(m, Notice, { outageId: id }),
  ]);
  return {
    ...outageFacts(row),
    tickets: tickets as Array<{
      id: string;
      reference: string | null;
      provisionalReference: string | null;
      title: string | null;
      status: string;
      customerId: string;
    }>,
    notices: notices.map(noticeFacts),
    history: history.map((h) => ({ ...h, data: JSON.parse(h.data) as Record<string, unknown> })),
  };
}

export async function allWindows(m: EntityManager): Promise<WindowView[]> {
  return (await selectRows(m, MaintenanceWindow, {}, { orderBy: ['createdAt'] })).map(windowFacts);
}

export async function listNotices(m: EntityManager, opts: { includeResolved: boolean }) {
  const p = placeholder(m);
  const rows = (await runSql(
    m,
    `SELECT id FROM notice ${opts.includeResolved ? '' : `WHERE state <> ${p(0)}`} ORDER BY starts_at DESC`,
    opts.includeResolved ? [] : ['resolved'],
  )) as Array<{ id: string }>;
  return Promise.all(rows.map((r) => noticeCard(m, r.id))).then((l) => l.filter((n) => n !== null));
}

export async function noticeCard(m: EntityManager, id: string) {
  const row = await selectRow(m, Notice, { id });
  if (!row) return null;
  const updates = await selectRows(m, NoticeUpdate, { noticeId: id }, { orderBy: ['at'] });
  return { ...noticeFacts(row), updates };
}
export type NoticeCard = NonNullable<Awaited<ReturnType<typeof noticeCard>>>;

/**
 * R14: the notices a call or ticket naming this system and customer should show. Reads only the
 * notices not resolved (an index on state) and the customer's systems: a few rows, read as the
 * agent types.
 */
export async function noticesFor(m: EntityManager, q: NoticeQuery): Promise<NoticeView[]> {
  const p = placeholder(m);
  const open = (await openNotices(m)).map(noticeFacts);
  if (open.length === 0) return [];
  let customerSystemIds: Set<string> | undefined;
  if (q.customerId && !q.systemId) {
    const rows = (await runSql(m, `SELECT system_id FROM system_customer WHERE customer_id = ${p(0)}`, [
      q.customerId,
    ])) as Array<{
      system_id: string;
    }>;
    customerSystemIds = new Set(rows.map((r) => r.system_id));
  }
  return open.filter((n) => noticeConcerns(n, { ...q, customerSystemIds }));
}

/** The notices not resolved (few: the index on state finds them). */
export async function openNotices(m: EntityManager): Promise<NoticeRow[]> {
  const p = placeholder(m);
  return (await runSql(
    m,
    `SELECT id, title, body, state, system_ids AS "systemIds", customer_ids AS "customerIds", starts_at AS "startsAt",
       ends_at AS "endsAt", outage_id AS "outageId", window_id AS "windowId", created_at AS "createdAt",
       updated_at AS "updatedAt", updated_by_name AS "updatedByName"
     FROM notice WHERE state IN (${p(0)}, ${p(1)})`,
    ['planned', 'ongoing'],
  )) as NoticeRow[];
}

// ---------------------------------------------------------------------------------------------
// Uptime (R21)

async function subjects(
  m: EntityManager,
  filter: { systemId?: string; customerId?: string },
): Promise<Array<SubjectFacts & { systemName: string }>> {
  const systems = new Map((await selectRows(m, BusinessSystem, {})).map((s) => [s.id, s]));
  const rows = await selectRows(m, SystemCustomer, {
    ...(filter.systemId ? { systemId: filter.systemId } : {}),
    ...(filter.customerId ? { customerId: filter.customerId } : {}),
  });
  return rows
    .filter((r) => systems.has(r.systemId))
    .map((r) => ({
      systemId: r.systemId,
      customerId: r.customerId,
      systemName: systems.get(r.systemId)!.name,
    }))
    .sort(
      (a, b) => a.systemName.localeCompare(b.systemName, 'nb') || a.customerId.localeCompare(b.customerId),
    );
}

/** R21, R25: each system at each customer, per month and for the year. */
export async function uptimeTable(
  m: EntityManager,
  year: number,
  nowMs: number,
  filter: { systemId?: string; customerId?: string } = {},
) {
  const [subs, outages, windows] = await Promise.all([subjects(m, filter), allOutages(m), allWindows(m)]);
  const rows = uptimeYear(year, nowMs, subs, outages, windows);
  return rows.map((r, i) => ({ ...subs[i]!, months: r.months, year: r.year }));
}

/**
 * A system at a customer over one month, and why: the figure, the outages (counted or excluded),
 * the windows, and the probe's measured availability beside the recorded one.
 */
export async function uptimeMonth(
  m: EntityManager,
  year: number,
  month: number,
  nowMs: number,
  subject: SubjectFacts,
) {
  const system = await selectRow(m, BusinessSystem, { id: subject.systemId });
  if (!system) return null;
  const [outages, windows] = await Promise.all([
    outagesOf(m, subject.systemId),
    selectRows(m, MaintenanceWindow, { systemId: subject.systemId }),
  ]);
  const detail = uptimeMonthDetail(year, month, nowMs, subject, outages, windows.map(windowFacts));
  return {
    system: systemView(system),
    customerId: subject.customerId,
    ...detail,
    measured: measuredAvailability(system, outages, detail.period, nowMs),
  };
}

/**
 * The probe's measured availability over a period: the time it watched (from probeSince), less the
 * union of what it measured down (its outages' measured spans, whatever a team lead made of them).
 * Null when no probe watched any of it. The central store's own down time is not known to it: a gap
 * in checks counts as watched (README, "Active checks").
 */
export function measuredAvailability(
  system: BusinessSystemRow,
  outages: readonly OutageView[],
  period: Interval,
  nowMs: number,
) {
  if (!system.probeSince) return null;
  const watched: Interval = {
    startMs: Math.max(period.startMs, Date.parse(system.probeSince)),
    endMs: Math.min(period.endMs, nowMs),
  };
  if (watched.endMs <= watched.startMs) return null;
  const down = unionOf(
    outages
      .filter((o) => o.source === 'probe' && o.measuredStart && o.systemIds.includes(system.id))
      .map((o) => ({
        startMs: Date.parse(o.measuredStart!),
        endMs: o.measuredEnd ? Date.parse(o.measuredEnd) : nowMs,
      })),
  );
  const downMs = lengthOf(clip(down, watched));
  const watchedMs = watched.endMs - watched.startMs;
  return { watchedMs, downMs, availability: 1 - downMs / watchedMs };
}

export { osloMonth };
