// Outages (R20, R22, R23) and planned downtime's notice (R24): the cause
// categories and which of them count, the shape of an outage, and the rules
// an outage must keep. Every layer asks here; the arithmetic is ../uptime.
import { z } from 'zod';
import { DomainError } from '../errors';
import { clientInstantSchema, instantSchema } from '../time';
import { optionalText } from './register';
import { textSchema } from '../text';

/**
 * Cause categories. The agreement's exclusions (R22) are recorded like any other cause and shown in
 * the report, but their downtime does not count against 99.8 %. `remoteAccess` is R23: a system
 * unreachable only because the remote-access solution was down stays available at the workplace.
 */
export const COUNTED_CAUSES = ['infrastructure', 'operations', 'supplierHosting', 'unknown'] as const;
export const EXCLUDED_CAUSES = [
  'userCaused',
  'maintenanceOutsideWindow',
  'softwareBug',
  'localEquipment',
  'lineOrPower',
  'external',
  'remoteAccess',
] as const;
export const OUTAGE_CAUSES = [...COUNTED_CAUSES, ...EXCLUDED_CAUSES] as const;
export type OutageCause = (typeof OUTAGE_CAUSES)[number];

export function causeCounts(cause: string): boolean {
  return (COUNTED_CAUSES as readonly string[]).includes(cause);
}

/** suspected: opened by a probe, waiting for a team lead; dismissed ones never count. */
export const OUTAGE_STATES = ['suspected', 'confirmed', 'dismissed'] as const;
export type OutageState = (typeof OUTAGE_STATES)[number];

/** R24: planned downtime is announced at least this long before it starts. */
export const MIN_NOTICE_MS = 3 * 24 * 60 * 60 * 1000;

/** R24: announced less than 3 days before it starts (then a reason must be recorded). */
export function isShortNotice(announcedAt: string, startsAt: string): boolean {
  return Date.parse(startsAt) - Date.parse(announcedAt) < MIN_NOTICE_MS;
}

const idList = z.array(z.uuid()).max(200);
const customerList = z.array(z.string().trim().min(1).max(64)).max(100);

export const outageFieldsSchema = z.object({
  title: textSchema.trim().min(1, 'Say what is down').max(200),
  description: optionalText(4000),
  startsAt: instantSchema,
  endsAt: instantSchema.nullish().transform((v) => v ?? null),
  systemIds: idList.min(1, 'Choose at least one system'),
  /** Empty: every customer that uses the systems. */
  customerIds: customerList,
  planned: z.boolean(),
  cause: z.enum(OUTAGE_CAUSES),
  /** R24, planned downtime: when users were told, and why late if less than 3 days before. */
  announcedAt: instantSchema.nullish().transform((v) => v ?? null),
  shortNoticeReason: optionalText(1000),
});
export type OutageFields = z.output<typeof outageFieldsSchema>;

export const outageRecordArgs = z.object({
  at: clientInstantSchema,
  id: z.uuid(),
  outage: outageFieldsSchema,
  /** "Make an outage from this ticket": the ticket is linked to it. */
  fromTicketId: z
    .uuid()
    .nullish()
    .transform((v) => v ?? null),
});

/** An edit names only what changed, so two desks editing different fields both keep theirs. */
export const outageEditArgs = z.object({
  at: clientInstantSchema,
  outageId: z.uuid(),
  patch: outageFieldsSchema.partial().refine((p) => Object.keys(p).length > 0, 'Nothing to change'),
});

export const outageConfirmArgs = z.object({
  at: clientInstantSchema,
  outageId: z.uuid(),
  cause: z.enum(OUTAGE_CAUSES),
  title: textSchema.trim().min(1).max(200).optional(),
});
export const outageDismissArgs = z.object({
  at: clientInstantSchema,
  outageId: z.uuid(),
  reason: textSchema.trim().min(1, 'Say why it was no outage').max(1000),
});
export const outageLinkTicketArgs = z.object({
  at: clientInstantSchema,
  ticketId: z.uuid(),
  /** Null unlinks. */
  outageId: z.uuid().nullable(),
});

/** What the rules need to know of the systems an outage names. */
export interface SystemFacts {
  id: string;
  name: string;
  remoteAccess: boolean;
}

/**
 * The rules an outage keeps, whoever records it:
 * - it ends after it starts;
 * - R23: the remote-access solution's outage names it alone (the systems behind it stay up);
 * - R24: planned downtime says when it was announced, and a reason when that was under 3 days ahead.
 */
export function checkOutage(o: OutageFields, systems: readonly SystemFacts[]): void {
  if (o.endsAt !== null && Date.parse(o.endsAt) <= Date.parse(o.startsAt)) {
    throw new DomainError('invalidOutage', 'The outage must end after it starts', { field: 'endsAt' });
  }
  const known = new Map(systems.map((s) => [s.id, s]));
  for (const id of o.systemIds) {
    if (!known.has(id)) throw new DomainError('notFound', `No system with id ${id}`, { field: 'systemIds' });
  }
  const remote = o.systemIds.map((id) => known.get(id)!).filter((s) => s.remoteAccess);
  if (remote.length > 0 && o.systemIds.length > 1) {
    throw new DomainError(
      'invalidOutage',
      `${remote[0]!.name} is the remote-access solution: record its outage on its own; the systems behind it stay available at the workplace (R23)`,
      { field: 'systemIds' },
    );
  }
  if (o.planned) {
    if (o.announcedAt === null) {
      throw new DomainError('invalidOutage', 'Planned downtime needs the time it was announced (R24)', {
        field: 'announcedAt',
      });
    }
    if (isShortNotice(o.announcedAt, o.startsAt) && !o.shortNoticeReason) {
      throw new DomainError(
        'shortNotice',
        'Announced less than 3 days before it starts: record the reason (R24)',
        { field: 'shortNoticeReason' },
      );
    }
  }
}

/** An outage as the uptime report reads it (rows parsed). */
export interface OutageFacts {
  id: string;
  title: string;
  startsAt: string;
  endsAt: string | null;
  systemIds: readonly string[];
  customerIds: readonly string[];
  cause: string;
  state: string;
  planned: boolean;
}

/** Whether an outage concerns a system at a customer: it names the system, and the customer or none. */
export function outageHits(
  o: Pick<OutageFacts, 'systemIds' | 'customerIds'>,
  systemId: string,
  customerId: string,
) {
  return o.systemIds.includes(systemId) && (o.customerIds.length === 0 || o.customerIds.includes(customerId));
}
