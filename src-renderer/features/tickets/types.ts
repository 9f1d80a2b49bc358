// The ticket as the desk's router returns it (tickets.get), for the ticket page's parts; and the
// systems register's answers the ticket pages read (issue 16: systems, roles, notices, outages).
import type { inferRouterOutputs } from '@trpc/server';
import type { LocalRouter } from '../../../src-main/desk/router';

type Outputs = inferRouterOutputs<LocalRouter>;
export type TicketDetail = Outputs['tickets']['get'];
export type FullTicket = TicketDetail['ticket'];
export type StaffMember = Outputs['tickets']['staff']['staff'][number];
export type RegisterSystem = Outputs['systems']['list'][number];
export type SystemRoles = NonNullable<Outputs['systems']['rolesAt']>;
export type ConcerningNotice = Outputs['systems']['noticesFor'][number];
export type OutageItem = Outputs['systems']['outages'][number];
