// The ticket as the desk's router returns it (tickets.get), for the ticket page's parts.
import type { inferRouterOutputs } from '@trpc/server';
import type { LocalRouter } from '../../../src-main/desk/router';

type Outputs = inferRouterOutputs<LocalRouter>;
export type TicketDetail = Outputs['tickets']['get'];
export type FullTicket = TicketDetail['ticket'];
export type StaffMember = Outputs['tickets']['staff']['staff'][number];
