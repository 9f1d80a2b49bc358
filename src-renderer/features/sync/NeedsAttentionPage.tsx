// "Needs attention" (DESIGN.md "Data and sync"): changes made on this desk
// that the central store refused. Each is told as a sentence with who, when
// and why; nothing is dropped silently, and it stays until marked as seen.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { SignedInUser } from '../../app/account';
import { errorMessage } from '../../app/errors';
import { formatDateTime } from '../../app/format';
import { useTRPC } from '../../app/trpc';
import { describeChange, describeRejection, describeWhy, type RejectedChange } from './describeRejection';

interface RejectedItem extends RejectedChange {
  mutationId: string;
  createdAt: string;
  rejectedAt: string;
}

function RejectedEntry({ item, user }: { item: RejectedItem; user: SignedInUser }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const callId = typeof item.args.callId === 'string' ? item.args.callId : null;
  const call = useQuery({
    ...trpc.calls.get.queryOptions({ id: callId ?? '' }),
    enabled: !!callId,
    retry: false,
  });
  const number =
    typeof item.args.callerNumber === 'string'
      ? item.args.callerNumber
      : (call.data?.call.callerNumber ?? null);
  const dismiss = useMutation(
    trpc.sync.dismissRejected.mutationOptions({
      onSuccess: () =>
        Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.sync.rejected.queryKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.sync.status.queryKey() }),
        ]),
    }),
  );
  return (
    <li className="card attention-item" data-mutation-id={item.mutationId}>
      <p className="attention-text">{describeRejection(item, user.displayName, number, t)}</p>
      <dl className="facts">
        <dt>{t('attention.change')}</dt>
        <dd title={item.name} data-testid="attention-change">
          {describeChange(item, t)}
        </dd>
        <dt>{t('attention.madeAt')}</dt>
        <dd>{t('attention.madeBy', { when: formatDateTime(item.createdAt), who: item.actorName })}</dd>
        <dt>{t('attention.rejectedAt')}</dt>
        <dd>{formatDateTime(item.rejectedAt)}</dd>
        <dt>{t('attention.reason')}</dt>
        <dd title={item.reason}>{describeWhy(item, t)}</dd>
      </dl>
      <div className="row end">
        {dismiss.isError && (
          <span className="field-error" role="alert">
            {errorMessage(dismiss.error, t)}
          </span>
        )}
        <button
          type="button"
          onClick={() => dismiss.mutate({ mutationId: item.mutationId })}
          disabled={dismiss.isPending}
        >
          {t('attention.dismiss')}
        </button>
      </div>
    </li>
  );
}

export function NeedsAttentionPage({ user }: { user: SignedInUser }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const rejected = useQuery(trpc.sync.rejected.queryOptions());
  const items = rejected.data ?? [];
  return (
    <section className="attention" aria-labelledby="attention-title">
      <div className="card">
        <h1 id="attention-title">{t('attention.title')}</h1>
        <p className="muted">{t('attention.intro')}</p>
        {rejected.isError && <p role="alert">{errorMessage(rejected.error, t)}</p>}
        {rejected.isSuccess && items.length === 0 && (
          <p data-testid="attention-empty">{t('attention.none')}</p>
        )}
      </div>
      {items.length > 0 && (
        <ul className="attention-list" aria-label={t('attention.title')}>
          {items.map((item) => (
            <RejectedEntry key={item.mutationId} item={item} user={user} />
          ))}
        </ul>
      )}
    </section>
  );
}
