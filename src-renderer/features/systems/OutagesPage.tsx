// The outages (R20–R23): ongoing, suspected by the central store's probe
// (waiting for a team lead), or all; team leads and admins record one.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import type { SignedInUser } from '../../app/account';
import { errorMessage } from '../../app/errors';
import { useTRPC } from '../../app/trpc';
import { useNow } from '../../app/useNow';
import { OutageForm } from './OutageForm';
import { OutageTable } from './OutageTable';
import { isOngoing } from './outageState';
import { managesSystems } from './roles';
import { SystemsTabs } from './SystemsTabs';

const FILTERS = ['ongoing', 'suspected', 'all'] as const;
type Filter = (typeof FILTERS)[number];

export function OutagesPage({ user }: { user: SignedInUser }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const outages = useQuery(trpc.systems.outages.queryOptions());
  const [filter, setFilter] = useState<Filter>('ongoing');
  const now = useNow(30_000);
  const all = outages.data ?? [];
  const by: Record<Filter, typeof all> = {
    ongoing: all.filter((o) => isOngoing(o, now)),
    suspected: all.filter((o) => o.state === 'suspected'),
    all,
  };
  const shown = by[filter];
  return (
    <div className="systems-page">
      <SystemsTabs />
      <section className="card" aria-labelledby="outages-title">
        <div className="row spread wrap">
          <h1 id="outages-title">{t('systems.outages.title')}</h1>
          {managesSystems(user.role) && (
            <Link className="button primary" href="/systems/outages/new">
              {t('systems.outages.record')}
            </Link>
          )}
        </div>
        <p className="muted">{t('systems.outages.intro')}</p>
        <div className="filter-buttons" role="group" aria-label={t('systems.outages.filter')}>
          {FILTERS.map((f) => (
            <button
              key={f}
              type="button"

              aria-pressed={filter === f}
              onClick={() => setFilter(f)}
            >
              {t(`systems.outages.filters.${f}`, { count: by[f].length })}
            </button>
          ))}
        </div>
        {outages.isError && <p role="alert">{errorMessage(outages.error, t)}</p>}
        {outages.isPending && <p>{t('common.loading')}</p>}
        {outages.isSuccess && shown.length === 0 && (
          <p className="muted empty">{t(`systems.outages.none.${filter}`)}</p>
        )}
        {shown.length > 0 && <OutageTable outages={shown} label={t('systems.outages.title')} />}
      </section>
    </div>
  );
}

/** Recording an outage, on its own page (from the list, or from a system's page with that system chosen). */
export function NewOutagePage({ user, systemId = null }: { user: SignedInUser; systemId?: string | null }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  if (!managesSystems(user.role)) {
    return (
      <section className="card">
        <p role="alert">{t('domain.forbidden')}</p>
      </section>
    );
  }
  return (
    <div className="systems-page">
      <SystemsTabs />
      <section className="card">
        <OutageForm
          outage={null}
          systemId={systemId}
          onDone={(id) =>
            navigate(id ? `/systems/outages/${id}` : systemId ? `/systems/${systemId}` : '/systems/outages')
          }
        />
      </section>
    </div>
  );
}
