// The systems register's data as the screens get it from the desk (inferred from its router).
import type { inferRouterOutputs } from '@trpc/server';
import type { LocalRouter } from '../../../src-main/desk/router';

type Outputs = inferRouterOutputs<LocalRouter>;
type Out = Outputs['systems'];

export type SystemSummary = Out['list'][number];
export type SystemCard = Out['card'];
export type CustomerRoles = SystemSummary['customers'][number];
export type RoleHolderView = NonNullable<CustomerRoles['owner']>;
export type OutageSummary = Out['outages'][number];
export type OutageCard = Out['outage'];
export type WindowView = Out['windows'][number];
export type NoticeCard = Out['notice'];
export type UptimeRow = Out['uptimeYear'][number];
export type UptimeFigures = UptimeRow['year'];
export type UptimeMonth = Out['uptimeMonth'];
export type SystemEvent = SystemCard['history'][number];
export type Customer = Outputs['calls']['customers'][number];
