// Operational notices (R14): what users are told about planned and ongoing
// trouble, with updates in time order, and which notices a call or ticket
// should show the agent.
import { z } from 'zod';
import { clientInstantSchema, instantSchema } from '../time';
import { textSchema } from '../text';

export const NOTICE_STATES = ['planned', 'ongoing', 'resolved'] as const;
export type NoticeState = (typeof NOTICE_STATES)[number];

export const noticePublishArgs = z.object({
  at: clientInstantSchema,
  id: z.uuid(),
  notice: z
    .object({
      title: textSchema.trim().min(1, 'The notice needs a title').max(200),
      body: textSchema.trim().min(1, 'Say what users should know').max(4000),
      state: z.enum(NOTICE_STATES),
      systemIds: z.array(z.uuid()).max(200),
      customerIds: z.array(z.string().trim().min(1).max(64)).max(100),
      startsAt: instantSchema,
      endsAt: instantSchema.nullish().transform((v) => v ?? null),
    })
    .refine((n) => n.systemIds.length + n.customerIds.length > 0, {
      message: 'Name the systems or customers the notice is about',
      path: ['systemIds'],
    }),
  /** The outage or maintenance window the notice announces. */
  outageId: z
    .uuid()
    .nullish()
    .transform((v) => v ?? null),
  windowId: z
    .uuid()
    .nullish()
    .transform((v) => v ?? null),
});
export type NoticePublishArgs = z.output<typeof noticePublishArgs>;

export const noticeUpdateArgs = z.object({
  at: clientInstantSchema,
  noticeId: z.uuid(),
  state: z.enum(NOTICE_STATES),
  text: textSchema.trim().min(1, 'Write the update').max(4000),
});
export const noticeLinkTicketArgs = z.object({
  at: clientInstantSchema,
  ticketId: z.uuid(),
  /** Null unlinks. */
  noticeId: z.uuid().nullable(),
});

/** A notice as the look-up and the public feeds read it. */
export interface NoticeFacts {
  id: string;
  title: string;
  state: string;
  systemIds: readonly string[];
  customerIds: readonly string[];
  startsAt: string;
  endsAt: string | null;
}

/** What a call or a ticket names so far. */
export interface NoticeQuery {
  systemId?: string | null;
  customerId?: string | null;
  /** The systems the customer uses (the register), to tell whether an all-customer notice hits it. */
  customerSystemIds?: ReadonlySet<string>;
}

/**
 * R14: whether an agent is shown the notice for a call or ticket. A resolved notice never is; the
 * planned ones are (a caller may not know the work has started). With a system named: the notice
 * names that system (at the call's customer, or at every customer), or names the customer alone.
 * With only a customer named: the notice names the customer, or hits every customer of a system
 * the customer uses.
 */
export function noticeConcerns(n: NoticeFacts, q: NoticeQuery): boolean {
  if (n.state === 'resolved') return false;
  const customer = q.customerId ?? null;
  const namesCustomer = customer !== null && n.customerIds.includes(customer);
  if (q.systemId) {
    if (n.systemIds.includes(q.systemId))
      return customer === null || n.customerIds.length === 0 || namesCustomer;
    return n.systemIds.length === 0 && namesCustomer;
  }
  if (customer === null) return false;
  if (n.customerIds.length > 0) return namesCustomer;
  return q.customerSystemIds ? n.systemIds.some((s) => q.customerSystemIds!.has(s)) : false;
}
