// Operational notices (R14): the active ones (planned or ongoing) or all;
// team leads and admins publish one.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import type { SignedInUser } from '../../app/account';
import { errorMessage } from '../../app/errors';
import { formatDateTime } from '../../app/format';
import { useTRPC } from '../../app/trpc';
import { useCustomers, useSystemList } from './lookups';
import { NoticeForm } from './NoticeForm';
import { PublicNoticesNote } from './PublicNoticesNote';
import { managesSystems } from './roles';
import { SystemsTabs } from './SystemsTabs';

export function NoticesPage({ user }: { user: SignedInUser }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [, navigate] = useLocation();
  const [includeResolved, setIncludeResolved] = useState(false);
  const [publishing, setPublishing] = useState(false);
  const notices = useQuery(trpc.systems.notices.queryOptions({ includeResolved }));
  const systems = useSystemList();
  const customers = useCustomers();
  const canManage = managesSystems(user.role);
  return (
    <div className="systems-page">
      <SystemsTabs />
      <section className="card" aria-labelledby="notices-title">
        <div className="row spread wrap">
          <h1 id="notices-title">{t('systems.notices.title')}</h1>
          {canManage && !publishing && (
            <button type="button" className="primary" onClick={() => setPublishing(true)}>
              {t('systems.notices.publish')}
            </button>
          )}
        </div>
        <p className="muted">{t('systems.notices.intro')}</p>
        <PublicNoticesNote />
        {publishing && (
          <NoticeForm onDone={(id) => (id ? navigate(`/systems/notices/${id}`) : setPublishing(false))} />
        )}
        <div className="filter-buttons" role="group" aria-label={t('systems.notices.filter')}>
          {[false, true].map((all) => (
            <button
              key={String(all)}
              type="button"

              aria-pressed={includeResolved === all}
              onClick={() => setIncludeResolved(all)}
            >
              {t(all ? 'systems.notices.all' : 'systems.notices.active')}
            </button>
          ))}
        </div>
        {notices.isError && <p role="alert">{errorMessage(notices.error, t)}</p>}
        {notices.isPending && <p>{t('common.loading')}</p>}
        {notices.isSuccess && notices.data.length === 0 && (
          <p className="muted empty">{t('systems.notices.none')}</p>
        )}
        {notices.isSuccess && notices.data.length > 0 && (
          <div className="table-scroll">
            <table className="table" aria-label={t('systems.notices.title')} data-testid="notices">
              <thead>
                <tr>
                  <th>{t('systems.notices.titleField')}</th>
                  <th>{t('systems.notices.state')}</th>
                  <th>{t('systems.fields.systems')}</th>
                  <th>{t('systems.fields.customers')}</th>
                  <th>{t('systems.fields.startsAt')}</th>
                  <th>{t('systems.fields.endsAt')}</th>
                  <th>{t('systems.notices.lastUpdate')}</th>
                </tr>
              </thead>
              <tbody>
                {notices.data.map((n) => (
                  <tr key={n.id} className={n.state === 'resolved' ? 'inactive' : undefined}>
                    <td>
                      <Link href={`/systems/notices/${n.id}`}>{n.title}</Link>
                    </td>
                    <td>
                      <span className={`tag notice-state-${n.state}`}>
                        {t(`systems.noticeStates.${n.state}`)}
                      </span>
                    </td>
                    <td>{n.systemIds.map(systems.name).join(', ') || '–'}</td>
                    <td>
                      {n.customerIds.length === 0
                        ? t('systems.outages.allCustomers')
                        : n.customerIds.map(customers.name).join(', ')}
                    </td>
                    <td className="nowrap">{formatDateTime(n.startsAt)}</td>
                    <td className="nowrap">{n.endsAt ? formatDateTime(n.endsAt) : '–'}</td>
                    <td className="nowrap">{formatDateTime(n.updatedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
