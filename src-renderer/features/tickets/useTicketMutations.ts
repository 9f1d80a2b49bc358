// The ticket mutations as React Query mutations. Each success refreshes the
// ticket queries (lists, the ticket, the call's ticket) and the call queries
// (a ticket made from a call changes what the call panel offers).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../../app/trpc';

export function useTicketsRefresh() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.tickets.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.calls.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.desk.pathKey() }),
    ]);
}

export function useTicketMutations() {
  const trpc = useTRPC();
  const refresh = useTicketsRefresh();
  const opts = { onSuccess: refresh };
  return {
    create: useMutation(trpc.tickets.create.mutationOptions(opts)),
    edit: useMutation(trpc.tickets.edit.mutationOptions(opts)),
    assign: useMutation(trpc.tickets.assign.mutationOptions(opts)),
    start: useMutation(trpc.tickets.start.mutationOptions(opts)),
    agreedPlan: useMutation(trpc.tickets.agreedPlan.mutationOptions(opts)),
    temporarySolution: useMutation(trpc.tickets.temporarySolution.mutationOptions(opts)),
    resume: useMutation(trpc.tickets.resume.mutationOptions(opts)),
    resolve: useMutation(trpc.tickets.resolve.mutationOptions(opts)),
    close: useMutation(trpc.tickets.close.mutationOptions(opts)),
    reopen: useMutation(trpc.tickets.reopen.mutationOptions(opts)),
    respond: useMutation(trpc.tickets.respond.mutationOptions(opts)),
    note: useMutation(trpc.tickets.note.mutationOptions(opts)),
    work: useMutation(trpc.tickets.work.mutationOptions(opts)),
    approveRestore: useMutation(trpc.tickets.approveRestore.mutationOptions(opts)),
  };
}

export type TicketMutations = ReturnType<typeof useTicketMutations>;
