// Test support for the systems register (issue 16): systems, roles, outages,
// windows and notices as a team lead enters them on a desk, and a ticket at a
// customer naming a system, as an agent creates it.
import { randomUUID } from 'node:crypto';
import { referenceRows } from '../../src-main/store/referenceData';
import type { RunningDesk, DeskClient } from './tempDesk';

const customers = referenceRows().customers;
const customerId = (name: string) => customers.find((c) => c.name === name)!.id;
export const MOLDE = customerId('Molde kommune');
export const AUKRA = customerId('Aukra kommune');
export const GJEMNES = customerId('Gjemnes kommune');

export const sync = (d: RunningDesk) => d.desk.sync!.syncNow();

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
/** An instant `ms` from now, as an ISO string. */
export const fromNow = (ms: number) => new Date(Date.now() + ms).toISOString();

export function systemEntry(name: string, over: Record<string, unknown> = {}) {
  return {
    id: randomUUID(),
    name,
    supplier: 'Tietoevry',
    description: null,
    criticality: 'high' as const,
    continuous: true,
    remoteAccess: false,
    probe: null,
    ...over,
  };
}

/** Saves a system (as a team lead) and returns its id. */
export async function saveSystem(client: DeskClient, name: string, over: Record<string, unknown> = {}) {
  const system = systemEntry(name, over);
  await client.systems.save.mutate({ system });
  return system.id;
}

export const holder = (name: string, contact: string | null = null) => ({ name, reporterId: null, contact });

export function roles(
  systemId: string,
  customerId: string,
  who: { owner?: string | null; responsible?: string | null } = {},
) {
  return {
    systemId,
    customerId,
    owner: who.owner ? holder(who.owner, `${who.owner.split(' ')[0]!.toLowerCase()}@kommune.no`) : null,
    responsible: who.responsible ? holder(who.responsible) : null,
    securityOfficer: null,
    coordinator: null,
  };
}

export function outageFields(systemIds: string[], over: Record<string, unknown> = {}) {
  return {
    title: 'Gerica svarer ikke',
    description: null,
    startsAt: fromNow(-2 * HOUR),
    endsAt: null,
    systemIds,
    customerIds: [] as string[],
    planned: false,
    cause: 'unknown' as const,
    announcedAt: null,
    shortNoticeReason: null,
    ...over,
  };
}

export function noticeFields(systemIds: string[], over: Record<string, unknown> = {}) {
  return {
    title: 'Gerica er utilgjengelig',
    body: 'Vi jobber med saken.',
    state: 'ongoing' as const,
    systemIds,
    customerIds: [] as string[],
    startsAt: fromNow(-HOUR),
    endsAt: null,
    ...over,
  };
}

/** A ticket from Per Pleier at Molde (or another customer), naming a register's system if given. */
export async function ticketAt(
  client: DeskClient,
  over: {
    customerId?: string;
    systemId?: string | null;
    kind?: 'standard' | 'dataRestore';
    noticeId?: string;
  } = {},
): Promise<{ id: string }> {
  const all = await client.calls.customers.query();
  const customer = all.find((c) => c.id === (over.customerId ?? MOLDE))!;
  return client.tickets.create.mutate({
    reporterName: 'Per Pleier',
    reporterPhone: '912 34 567',
    reporterEmail: 'per.pleier@molde.kommune.no',
    customerId: customer.id,
    workplace: customer.workplaces[0]!,
    description: over.kind === 'dataRestore' ? 'Slettet mappe må gjenopprettes' : 'Gerica svarer ikke',
    priority: 'high',
    system: 'Gerica',
    category: 'incident',
    channel: 'phone',
    notifyBy: 'email',
    systemId: over.systemId ?? null,
    kind: over.kind ?? 'standard',
    noticeId: over.noticeId ?? null,
  });
}
