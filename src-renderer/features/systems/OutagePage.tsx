// An outage's page: what was down where and when, planned or not, its cause
// (counted or excluded, R22), the probe's measurements, the tickets linked to
// it, its notices and its history. Team leads and admins change it, end it
// now, publish a notice prefilled from it, and confirm or dismiss a suspected one.
import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import type { SignedInUser } from '../../app/account';
import { domainCode, errorMessage } from '../../app/errors';
import { formatDateTime } from '../../app/format';
import { useTRPC } from '../../app/trpc';
import { useNow } from '../../app/useNow';
import { CauseText } from './causes';
import { History } from './History';
import { useCustomers, useSystemList } from './lookups';
import { NoticeForm } from './NoticeForm';
import { OutageForm } from './OutageForm';
import { isOngoing } from './outageState';
import { managesSystems } from './roles';
import { SuspectedActions } from './SuspectedActions';
import { SystemsTabs } from './SystemsTabs';
import type { OutageCard } from './types';
import { instantToInput } from './when';

type Panel = 'edit' | 'notice' | null;

export function OutagePage({ id, user }: { id: string; user: SignedInUser }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [, navigate] = useLocation();
  const q = useQuery(trpc.systems.outage.queryOptions({ id }));
  const [panel, setPanel] = useState<Panel>(null);
  const end = useMutation(trpc.systems.editOutage.mutationOptions());
  const now = useNow(30_000);
  const canManage = managesSystems(user.role);
  if (q.isPending) return <p className="card">{t('common.loading')}</p>;
  if (q.isError) {
    return (
      <section className="card">
        <p role="alert">
          {domainCode(q.error) === 'notFound' ? t('systems.outage.notFound') : errorMessage(q.error, t)}
        </p>
        <Link href="/systems/outages">{t('systems.outage.back')}</Link>
      </section>
    );
  }
  const outage = q.data;
  const ongoing = isOngoing(outage, now);
  return (
    <div className="systems-page" data-outage-id={outage.id}>
      <SystemsTabs />
      <header className="card">
        <p className="crumbs">
          <Link href="/systems/outages">{t('systems.tabs.outages')}</Link> ›
        </p>
        <h1>{outage.title}</h1>
        <p>
          <strong className={`tag outage-state-${outage.state}`} data-testid="outage-state">
            {t(`systems.outageStates.${outage.state}`)}
          </strong>{' '}
          {ongoing && <strong className="tag tone-bad">{t('systems.outages.ongoing')}</strong>}{' '}
          {t(outage.planned ? 'systems.outages.planned' : 'systems.outages.unplanned')}
        </p>
        {canManage && outage.state !== 'dismissed' && (
          <div className="row wrap">
            <button type="button" onClick={() => setPanel(panel === 'edit' ? null : 'edit')}>
              {t('systems.outage.edit')}
            </button>
            {outage.endsAt === null && (
              <button
                type="button"
                disabled={end.isPending}
                onClick={() =>
                  end.mutate({ outageId: outage.id, patch: { endsAt: new Date().toISOString() } })
                }
              >
                {t('systems.outage.endNow')}
              </button>
            )}
            <button type="button" onClick={() => setPanel(panel === 'notice' ? null : 'notice')}>
              {t('systems.notices.publishFor')}
            </button>
          </div>
        )}
        {end.isError && <p role="alert">{errorMessage(end.error, t)}</p>}
        {panel === 'edit' && (
          <OutageForm key={outage.updatedAt} outage={outage} onDone={() => setPanel(null)} />
        )}
        {panel === 'notice' && (
          <NoticeForm
            outageId={outage.id}
            prefill={noticeFromOutage(outage, now)}
            onDone={(noticeId) => (noticeId ? navigate(`/systems/notices/${noticeId}`) : setPanel(null))}
          />
        )}
      </header>
      {canManage && outage.state === 'suspected' && <SuspectedActions outage={outage} />}
      <div className="ticket-grid">
        <div className="ticket-main">
          <OutageFacts outage={outage} />
          <LinkedTickets outage={outage} />
          <section className="card" aria-labelledby="outage-notices">
            <h2 id="outage-notices">{t('systems.outage.notices')}</h2>
            {outage.notices.length === 0 ? (
              <p className="muted">{t('systems.outage.noNotices')}</p>
            ) : (
              <ul className="plain">
                {outage.notices.map((n) => (
                  <li key={n.id}>
                    <Link href={`/systems/notices/${n.id}`}>{n.title}</Link> ·{' '}
                    {t(`systems.noticeStates.${n.state}`)}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
        <aside className="ticket-side">
          <History events={outage.history} titleId="outage-history" />
        </aside>
      </div>
    </div>
  );
}

/** A notice's fields from an outage: its title, what and when, and its state by the clock. */
function noticeFromOutage(o: OutageCard, nowMs: number) {
  const started = Date.parse(o.startsAt) <= nowMs;
  const ended = o.endsAt !== null && Date.parse(o.endsAt) <= nowMs;
  return {
    title: o.title,
    body: o.description ?? o.title,
    state: ended ? ('resolved' as const) : started ? ('ongoing' as const) : ('planned' as const),
    systemIds: [...o.systemIds],
    customerIds: [...o.customerIds],
    startsAt: instantToInput(o.startsAt),
    endsAt: instantToInput(o.endsAt),
  };
}

function OutageFacts({ outage }: { outage: OutageCard }) {
  const { t } = useTranslation();
  const systems = useSystemList();
  const customers = useCustomers();
  return (
    <section className="card" aria-labelledby="outage-facts">
      <h2 id="outage-facts">{t('systems.outage.facts')}</h2>
      <dl className="facts">
        <dt>{t('systems.fields.systems')}</dt>
        <dd>
          {outage.systemIds.map((id, i) => (
            <span key={id}>
              {i > 0 && ', '}
              <Link href={`/systems/${id}`}>{systems.name(id)}</Link>
            </span>
          ))}
        </dd>
        <dt>{t('systems.fields.customers')}</dt>
        <dd>
          {outage.customerIds.length === 0
            ? t('systems.outages.allCustomers')
            : outage.customerIds.map(customers.name).join(', ')}
        </dd>
        <dt>{t('systems.fields.startsAt')}</dt>
        <dd>{formatDateTime(outage.startsAt)}</dd>
        <dt>{t('systems.fields.endsAt')}</dt>
        <dd>{outage.endsAt ? formatDateTime(outage.endsAt) : t('systems.outages.noEnd')}</dd>
        <dt>{t('systems.outages.cause')}</dt>
        <dd>
          <CauseText cause={outage.cause} />
        </dd>
        {outage.planned && (
          <>
            <dt>{t('systems.fields.announcedAt')}</dt>
            <dd>{outage.announcedAt ? formatDateTime(outage.announcedAt) : '–'}</dd>
          </>
        )}
        {outage.shortNoticeReason && (
          <>
            <dt>{t('systems.fields.shortNoticeReason')}</dt>
            <dd>{outage.shortNoticeReason}</dd>
          </>
        )}
        {outage.description && (
          <>
            <dt>{t('systems.outageForm.description')}</dt>
            <dd className="pre">{outage.description}</dd>
          </>
        )}
        <dt>{t('systems.outage.source')}</dt>
        <dd>{t(`systems.outage.sources.${outage.source}`, { defaultValue: outage.source })}</dd>
        {outage.measuredStart && (
          <>
            <dt>{t('systems.outage.measured')}</dt>
            <dd>
              {formatDateTime(outage.measuredStart)} –{' '}
              {outage.measuredEnd ? formatDateTime(outage.measuredEnd) : t('systems.outages.noEnd')}
            </dd>
          </>
        )}
        <dt>{t('systems.outage.recordedBy')}</dt>
        <dd>{outage.createdByName}</dd>
        <dt>{t('systems.system.changed')}</dt>
        <dd>
          {outage.updatedByName} · {formatDateTime(outage.updatedAt)}
        </dd>
      </dl>
    </section>
  );
}

function LinkedTickets({ outage }: { outage: OutageCard }) {
  const { t } = useTranslation();
  const customers = useCustomers();
  return (
    <section className="card" aria-labelledby="outage-tickets">
      <h2 id="outage-tickets">{t('systems.outage.tickets')}</h2>
      {outage.tickets.length === 0 ? (
        <p className="muted">{t('systems.outage.noTickets')}</p>
      ) : (
        <ul className="plain" data-testid="outage-tickets">
          {outage.tickets.map((tk) => (
            <li key={tk.id}>
              <Link href={`/tickets/${tk.id}`} className="mono">
                {tk.reference ?? tk.provisionalReference ?? tk.id.slice(0, 8)}
              </Link>{' '}
              {tk.title ?? ''}{' '}
              <small className="muted">
                {customers.name(tk.customerId)} ·{' '}
                {t(`tickets.statuses.${tk.status}`, { defaultValue: tk.status })}
              </small>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
