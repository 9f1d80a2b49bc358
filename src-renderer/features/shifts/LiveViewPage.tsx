// The team lead's live view (issue 15): the queue and today's call figures,
// the people on the shift and what they are doing, the open tickets by
// priority, SLA group and customer (each a link to the list filtered the same
// way), the tickets to act on with reassignment of one or many, and today's
// response compliance. The figures come from the desk (shifts.live), computed
// from the synced rows; the page refetches when a change arrives
// (liveQueries.ts) and only the waits tick here, between changes.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { errorMessage } from '../../app/errors';
import { formatClock } from '../../app/format';
import { useTRPC } from '../../app/trpc';
import { CallsSection } from './LiveCalls';
import { ComplianceSection } from './LiveCompliance';
import { PeopleSection } from './LivePeople';
import { TicketsSection } from './LiveTickets';
import { ShiftSettingsForm } from './ShiftSettingsForm';
import { WallboardsCard } from './WallboardsCard';

export function LiveViewPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const live = useQuery(trpc.shifts.live.queryOptions());
  const view = live.data;
  return (
    <div className="live-page">
      <div className="row wrap live-head">
        <h1>{t('live.title')}</h1>
        <Link href="/queues/summary">{t('summary.link')}</Link>
        {view && (
          <span className="muted">
            {t('live.asOf', { day: view.day, time: formatClock(view.at) })}
            {view.staffOffline && ` · ${t('shifts.staffOffline')}`}
          </span>
        )}
      </div>
      {live.isError && <p role="alert">{errorMessage(live.error, t)}</p>}
      {live.isPending && <p className="muted">{t('common.loading')}</p>}
      {view && (
        <>
          <CallsSection view={view} />
          <PeopleSection view={view} />
          <TicketsSection view={view} />
          <ComplianceSection view={view} />
          <WallboardsCard />
          <ShiftSettingsForm settings={view.settings} />
        </>
      )}
    </div>
  );
}
