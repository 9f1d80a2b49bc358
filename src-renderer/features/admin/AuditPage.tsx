// The audit trail (R27, DESIGN.md "Security": every change attributable to
// user, time and desk): each change a desk pushed to the central store,
// applied or refused, newest first, filterable by kind of change and paged
// with the keyset cursor of the last row shown ("Show more").
import { useState } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/errors';
import { formatDateTime } from '../../app/format';
import { Field } from '../../app/forms';
import { useTRPC, useTRPCClient } from '../../app/trpc';

const PAGE = 50;
const MUTATION_NAMES = [
  'call.log',
  'call.take',
  'call.update',
  'call.finish',
  'call.abandon',
  'sla.setSettings',
];

/** The end of a desk's client id: the start of a UUIDv7 is its creation time, so it tells desks apart poorly. */
function shortDesk(clientId: string): string {
  return clientId.replace(/-/g, '').slice(-6);
}

function compactJson(value: unknown): string {
  const text = JSON.stringify(value) ?? '';
  return text.length > 160 ? `${text.slice(0, 159)}…` : text;
}

export function AuditPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const [name, setName] = useState('');
  const audit = useInfiniteQuery({
    queryKey: [...trpc.account.audit.pathKey(), { name, paged: PAGE }],
    queryFn: ({ pageParam }) =>
      client.account.audit.query({ name: name || undefined, before: pageParam, limit: PAGE }),
    initialPageParam: undefined as { appliedAt: string; mutationId: string } | undefined,
    getNextPageParam: (last) => {
      const end = last[last.length - 1];
      return last.length === PAGE && end
        ? { appliedAt: end.appliedAt, mutationId: end.mutationId }
        : undefined;
    },
  });
  const rows = audit.data?.pages.flat() ?? [];

  return (
    <section className="card" aria-labelledby="audit-title">
      <div className="row spread wrap">
        <h1 id="audit-title">{t('admin.audit.title')}</h1>
        <Field label={t('admin.audit.filter')} className="inline">
          <select value={name} onChange={(e) => setName(e.target.value)}>
            <option value="">{t('admin.audit.allChanges')}</option>
            {MUTATION_NAMES.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <p className="muted">{t('admin.audit.intro')}</p>
      {audit.isError && <p role="alert">{errorMessage(audit.error, t)}</p>}
      {audit.isPending && <p className="muted">{t('common.loading')}</p>}
      {audit.isSuccess && rows.length === 0 && <p>{t('admin.audit.none')}</p>}
      {rows.length > 0 && (
        <div className="table-scroll">
          <table className="table audit" aria-label={t('admin.audit.title')}>
            <thead>
              <tr>
                <th>{t('admin.audit.time')}</th>
                <th>{t('admin.audit.user')}</th>
                <th>{t('account.fields.role')}</th>
                <th>{t('admin.audit.desk')}</th>
                <th>{t('admin.audit.change')}</th>
                <th>{t('admin.audit.status')}</th>
                <th>{t('admin.audit.reason')}</th>
                <th>{t('admin.audit.args')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.mutationId} className={r.status === 'rejected' ? 'rejected' : undefined}>
                  <td className="nowrap">{formatDateTime(r.appliedAt)}</td>
                  <td>{r.userName}</td>
                  <td>{t(`roles.${r.role}`, { defaultValue: r.role })}</td>
                  <td className="mono" title={r.clientId}>
                    {shortDesk(r.clientId)}
                  </td>
                  <td className="mono nowrap">{r.name}</td>
                  <td>
                    <span className={`tag tag-${r.status}`}>
                      {t(`admin.audit.statuses.${r.status}`, { defaultValue: r.status })}
                    </span>
                  </td>
                  <td>{r.reason ?? ''}</td>
                  <td className="mono args" title={JSON.stringify(r.args)}>
                    {compactJson(r.args)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {audit.hasNextPage && (
        <div className="row end">
          <button
            type="button"
            onClick={() => void audit.fetchNextPage()}
            disabled={audit.isFetchingNextPage}
          >
            {audit.isFetchingNextPage ? t('common.loading') : t('admin.audit.more')}
          </button>
        </div>
      )}
    </section>
  );
}
