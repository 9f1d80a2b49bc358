// The call mutations as React Query mutations, each refreshing every call query on success.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../../app/trpc';

export function useCallsRefresh() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.calls.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.desk.pathKey() }),
    ]);
}

export function useCallMutations() {
  const trpc = useTRPC();
  const refresh = useCallsRefresh();
  const opts = { onSuccess: refresh };
  return {
    log: useMutation(trpc.calls.log.mutationOptions(opts)),
    takeNext: useMutation(trpc.calls.takeNext.mutationOptions(opts)),
    take: useMutation(trpc.calls.take.mutationOptions(opts)),
    update: useMutation(trpc.calls.update.mutationOptions(opts)),
    finish: useMutation(trpc.calls.finish.mutationOptions(opts)),
    abandon: useMutation(trpc.calls.abandon.mutationOptions(opts)),
  };
}
