// A call this agent took that another desk had taken first (issue 18): the
// central store refuses the take, the call panel goes away, and the call
// area says so at once, where the agent is looking: who has the call and who
// is next in the queue. "Marker som sett" marks the refusal as seen here, as
// on the needs-attention page (where it is listed as well until then).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { SignedInUser } from '../../app/account';
import { errorMessage } from '../../app/errors';
import { useTRPC } from '../../app/trpc';
import { formatPhone } from '../../../src-shared/phone';
import type { CallView } from '../../../src-shared/calls/schemas';

function nextInQueue(call: CallView | undefined, hidden: string): string | null {
  if (!call) return null;
  const number = /\d/.test(call.callerNumber) ? formatPhone(call.callerNumber) : hidden;
  const name = call.callerName ?? call.caller?.name ?? null;
  return name ? `${number} (${name})` : number;
}

export function LostCallNotice({ user }: { user: SignedInUser }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const rejected = useQuery(trpc.sync.rejected.queryOptions());
  const queue = useQuery(trpc.calls.queue.queryOptions());
  const dismiss = useMutation(
    trpc.sync.dismissRejected.mutationOptions({
      onSuccess: () =>
        Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.sync.rejected.queryKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.sync.status.queryKey() }),
        ]),
    }),
  );
  // Newest first: the take this agent lost last.
  const lost = (rejected.data ?? []).find(
    (r) => r.name === 'call.take' && r.code === 'callTakenByOther' && r.actorName === user.displayName,
  );
  if (!lost) return null;
  const takenBy = typeof lost.details.takenByName === 'string' ? lost.details.takenByName : null;
  const next = nextInQueue(queue.data?.[0], t('calls.caller.hiddenNumber'));
  const who = takenBy ?? t('calls.lost.someoneElse');
  return (
    <section className="card notice lost-call" role="alert" data-testid="lost-call">
      <p>{next ? t('calls.lost.takenNext', { who, next }) : t('calls.lost.takenNoneWaiting', { who })}</p>
      <div className="row end">
        {dismiss.isError && (
          <span className="field-error" role="alert">
            {errorMessage(dismiss.error, t)}
          </span>
        )}
        <button
          type="button"
          onClick={() => dismiss.mutate({ mutationId: lost.mutationId })}
          disabled={dismiss.isPending}
        >
          {t('attention.dismiss')}
        </button>
      </div>
    </section>
  );
}
