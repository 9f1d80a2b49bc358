// The central store's client as this desk's signed-in user (or as nobody):
// what the desk's forwarding procedures (sign-in, the admin's views, the wall
// screens) call. The central store decides; the desk passes on.
import { TRPCError } from '@trpc/server';
import type { DeskContext } from '../local/context';
import { createCentralClient, type CentralClient } from '../sync/centralClient';
import { centralUnavailable } from '../sync/forwardError';

export function central(desk: DeskContext, token: string | null = null): CentralClient {
  if (!desk.sync) throw centralUnavailable(new Error('this desk has no central store'));
  return createCentralClient(desk.sync.centralUrl, () => token);
}

export async function asSignedIn(desk: DeskContext): Promise<CentralClient> {
  const current = await desk.sessions.current();
  const token = current ? await desk.sessions.token(current.user.id) : null;
  if (!token)
    throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in again to reach the central store' });
  return central(desk, token);
}
