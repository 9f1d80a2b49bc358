// The systems register as the ticket pages use it (issue 16): the systems a ticket can name, a
// system's roles at the ticket's customer (R10, R13), and linking a ticket to a notice (R14) or an
// outage, or recording an outage from it. Each link refreshes the ticket and the register's reads.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../../../app/trpc';
import type { OutageItem, RegisterSystem } from '../types';
import { useTicketsRefresh } from '../useTicketMutations';

/** The register's systems a ticket can name now (not retired), by name. */
export function useRegisterSystems(): RegisterSystem[] {
  const trpc = useTRPC();
  const list = useQuery(trpc.systems.list.queryOptions(undefined, { staleTime: 60_000 }));
  return (list.data ?? []).filter((s) => !s.retired);
}

/** A system's owner, responsible and the rest at a customer (null: none recorded there). */
export function useRolesAt(systemId: string | null | undefined, customerId: string | null | undefined) {
  const trpc = useTRPC();
  return useQuery(
    trpc.systems.rolesAt.queryOptions(
      { systemId: systemId ?? '', customerId: customerId ?? '' },
      { enabled: !!systemId && !!customerId },
    ),
  );
}

/** Whether an outage is going on at `nowMs`: begun, not ended, not dismissed. */
export function isOngoing(o: Pick<OutageItem, 'startsAt' | 'endsAt' | 'state'>, nowMs: number): boolean {
  return (
    o.state !== 'dismissed' && Date.parse(o.startsAt) <= nowMs && (!o.endsAt || Date.parse(o.endsAt) > nowMs)
  );
}

export function useSystemLinks() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refreshTickets = useTicketsRefresh();
  const refresh = () =>
    Promise.all([refreshTickets(), queryClient.invalidateQueries({ queryKey: trpc.systems.pathKey() })]);
  const opts = { onSuccess: refresh };
  return {
    linkNotice: useMutation(trpc.systems.linkNotice.mutationOptions(opts)),
    linkOutage: useMutation(trpc.systems.linkOutage.mutationOptions(opts)),
    recordOutage: useMutation(trpc.systems.recordOutage.mutationOptions(opts)),
  };
}
