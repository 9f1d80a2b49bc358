// The agent's call desk: the current call (if any), the waiting queue, and the form for logging a new call.
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../app/trpc';
import { ActiveCall } from './ActiveCall';
import { LogCallForm } from './LogCallForm';
import { WaitingQueue, QUEUE_REFRESH_MS } from './WaitingQueue';

export function CallsPage() {
  const trpc = useTRPC();
  const profile = useQuery(trpc.profile.get.queryOptions());
  const current = useQuery(trpc.calls.current.queryOptions(undefined, { refetchInterval: QUEUE_REFRESH_MS }));
  if (!profile.data) return null;
  const call = current.data ?? null;
  return (
    <div className="calls-layout">
      <div className="calls-main">
        {call && <ActiveCall key={call.id} call={call} />}
        <WaitingQueue actor={profile.data} onCall={!!call} />
      </div>
      <aside className="calls-side">
        <LogCallForm />
      </aside>
    </div>
  );
}
