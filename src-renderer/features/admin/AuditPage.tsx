// The audit trail (R27, DESIGN.md "Security": every change attributable to
// user, time and desk): each change a desk pushed to the central store,
// applied or refused, newest first, filterable by kind of change and paged
// with the keyset cursor of the last row shown ("Show more"). Each change in
// words (auditWords.ts): its kind, what it carried, and when it was made.
import { useState } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/errors';
import { formatDateTime } from '../../app/format';
import { Field } from '../../app/forms';
import { useTRPC, useTRPCClient } from '../../app/trpc';
import { AUDIT_KINDS, argsInWords, auditKindText, madeAt } from './auditWords';

const PAGE = 50;
/** A change applied this much later than it was made shows when it was applied as well (an offline desk). */
const LATE_MS = 60_000;

/** The end of a desk's client id: the start of a UUIDv7 is its creation time, so it tells desks apart poorly. */
function shortDesk(clientId: string): string {
  return clientId.replace(/-/g, '').slice(-6);
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
            {Object.entries(AUDIT_KINDS).map(([group, kinds]) => (
              <optgroup key={group} label={t(`admin.audit.groups.${group}`)}>
                {kinds.map((k) => (
                  <option key={k} value={`${group}.${k}`}>
                    {auditKindText(`${group}.${k}`, t)}
                  </option>
                ))}
              </optgroup>
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
              {rows.map((r) => {
                const made = madeAt(r);
                const late = Date.parse(r.appliedAt) - Date.parse(made) > LATE_MS;
                const carried = argsInWords(r.args, t, formatDateTime);
                return (
                  <tr key={r.mutationId} className={r.status === 'rejected' ? 'rejected' : undefined}>
                    <td className="nowrap">
                      <time dateTime={made}>{formatDateTime(made)}</time>
                      {late && (
                        <small className="muted block">
                          {t('admin.audit.appliedAt', { when: formatDateTime(r.appliedAt) })}
                        </small>
                      )}
                    </td>
                    <td>{r.userName}</td>
                    <td>{t(`roles.${r.role}`, { defaultValue: r.role })}</td>
                    <td className="mono" title={r.clientId}>
                      {shortDesk(r.clientId)}
                    </td>
                    <td title={r.name}>{auditKindText(r.name, t)}</td>
                    <td>
                      <span className={`tag tag-${r.status}`}>
                        {t(`admin.audit.statuses.${r.status}`, { defaultValue: r.status })}
                      </span>
                    </td>
                    <td>{r.reason ?? ''}</td>
                    <td className="args">
                      {carried.length > 0 && (
                        <dl className="audit-args">
                          {carried.map((a) => (
                            <div key={a.label}>
                              <dt>{a.label}</dt> <dd>{a.value}</dd>
                            </div>
                          ))}
                        </dl>
                      )}
                    </td>
                  </tr>
                );
              })}
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
