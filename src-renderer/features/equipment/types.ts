// The equipment register's data as the screens get it from the desk (inferred from its router).
import type { inferRouterOutputs } from '@trpc/server';
import type { LocalRouter } from '../../../src-main/desk/router';

type Out = inferRouterOutputs<LocalRouter>['equipment'];

export type DeviceSummary = Out['search'][number];
export type DeviceCard = Out['device'];
export type ModelView = Out['models'][number];
export type RecyclingView = Out['recycling'];
export type RecyclingDevice = RecyclingView['waiting'][number];
export type BatchSheet = Out['batch'];
