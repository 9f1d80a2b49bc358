// The end-of-day summary (issue 15): one day's figures as a page the team lead
// prints or saves as PDF (the browser's or Electron's print dialog; the top bar
// and the buttons are left out of the print), and as CSV from the desk.
import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { PRIORITIES } from '../../../src-shared/sla/settings';
import { CLOCK_FILTERS } from '../../../src-shared/tickets/schemas';
import { errorMessage } from '../../app/errors';
import { formatCount, formatDateTime } from '../../app/format';
import { saveCsv } from '../../app/saveCsv';
import { useTRPC } from '../../app/trpc';
import { PriorityBadge } from '../tickets';
import { duration, percent } from './liveParts';

const osloToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' }).format(new Date());

export function DaySummaryPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [day, setDay] = useState(osloToday);
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(day);
  const summary = useQuery(trpc.shifts.daySummary.queryOptions({ day }, { enabled: valid }));
  const csv = useMutation(trpc.shifts.daySummaryCsv.mutationOptions({ onSuccess: saveCsv }));
  const s = summary.data;
  return (
    <div className="live-page day-summary">
      <div className="row wrap live-head no-print">
        <Link href="/queues">{t('summary.back')}</Link>
        <label className="field inline">
          <span>{t('summary.day')}</span>
          <input type="date" value={day} max={osloToday()} onChange={(e) => setDay(e.target.value)} />
        </label>
        <button type="button" onClick={() => window.print()} disabled={!s}>
          {t('summary.print')}
        </button>
        <button type="button" onClick={() => csv.mutate({ day })} disabled={!s || csv.isPending}>
          {t('summary.csv')}
        </button>
      </div>
      {summary.isError && <p role="alert">{errorMessage(summary.error, t)}</p>}
      {csv.isError && <p role="alert">{errorMessage(csv.error, t)}</p>}
      {s && (
        <>
          <h1>{t('summary.title', { day: s.day })}</h1>
          <p className="muted">
            {s.final ? t('summary.final') : t('summary.sofar', { time: formatDateTime(s.at) })}
          </p>
          <section className="card live-section" aria-labelledby="summary-calls">
            <h2 id="summary-calls">{t('live.calls.title')}</h2>
            <table className="table summary-table">
              <tbody>
                {(
                  [
                    ['summary.offered', formatCount(s.calls.offered)],
                    ['live.calls.answered', formatCount(s.calls.answered)],
                    [
                      'live.calls.abandoned',
                      `${formatCount(s.calls.abandoned)} (${percent(s.calls.abandonedShare)})`,
                    ],
                    ['live.calls.missedNotCalledBack', formatCount(s.calls.missedNotCalledBack)],
                    ['live.calls.medianWait', duration(s.calls.medianWaitMs)],
                    ['live.calls.p90Wait', duration(s.calls.p90WaitMs)],
                  ] as const
                ).map(([key, value]) => (
                  <tr key={key}>
                    <th scope="row">{t(key)}</th>
                    <td>{value}</td>
                  </tr>
                ))}
                <tr>
                  <th scope="row">{t('live.calls.answeredInTime', { seconds: s.answerWithinSeconds })}</th>
                  <td data-testid="summary-in-time">{percent(s.calls.answeredInTimeShare)}</td>
                </tr>
              </tbody>
            </table>
          </section>
          <section className="card live-section" aria-labelledby="summary-compliance">
            <h2 id="summary-compliance">{t('summary.compliance')}</h2>
            <table className="table summary-table">
              <thead>
                <tr>
                  <th scope="col">{t('sla.priority')}</th>
                  <th scope="col">{t('live.compliance.met')}</th>
                  <th scope="col">{t('live.compliance.breached')}</th>
                  <th scope="col">{t('live.compliance.share')}</th>
                  <th scope="col">{t('summary.filed')}</th>
                  <th scope="col">{t('summary.resolved')}</th>
                </tr>
              </thead>
              <tbody>
                {s.compliance.map((r) => (
                  <tr key={r.priority}>
                    <td>
                      <PriorityBadge priority={r.priority} />
                    </td>
                    <td>{formatCount(r.met)}</td>
                    <td>{formatCount(r.breached)}</td>
                    <td>{percent(r.share)}</td>
                    <td>{formatCount(s.tickets.filed[r.priority])}</td>
                    <td>{formatCount(s.tickets.resolved[r.priority])}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          {s.tickets.openNow && (
            <section className="card live-section" aria-labelledby="summary-open">
              <h2 id="summary-open">{t('summary.openNow', { count: s.tickets.openNow.open })}</h2>
              <table className="table summary-table">
                <tbody>
                  {PRIORITIES.map((p) => (
                    <tr key={p}>
                      <th scope="row">{t(`sla.priorities.${p}`)}</th>
                      <td>{formatCount(s.tickets.openNow!.byPriority[p])}</td>
                    </tr>
                  ))}
                  {CLOCK_FILTERS.map((f) => (
                    <tr key={f}>
                      <th scope="row">{t(`tickets.clockFilters.${f}`)}</th>
                      <td>{formatCount(s.tickets.openNow!.byClock[f])}</td>
                    </tr>
                  ))}
                  <tr>
                    <th scope="row">{t('tickets.filters.unassigned')}</th>
                    <td>{formatCount(s.tickets.openNow.unassigned)}</td>
                  </tr>
                </tbody>
              </table>
            </section>
          )}
          <section className="card live-section" aria-labelledby="summary-people">
            <h2 id="summary-people">{t('summary.people')}</h2>
            <table className="table summary-table">
              <thead>
                <tr>
                  <th scope="col">{t('shifts.person')}</th>
                  <th scope="col">{t('live.people.duty')}</th>
                  <th scope="col">{t('live.people.callsTaken')}</th>
                </tr>
              </thead>
              <tbody>
                {s.people.length === 0 && (
                  <tr>
                    <td colSpan={3} className="muted">
                      {t('summary.nobody')}
                    </td>
                  </tr>
                )}
                {s.people.map((p) => (
                  <tr key={p.name}>
                    <td>{p.name}</td>
                    <td>{p.duty ? t(`shifts.duties.${p.duty}`) : t('live.people.noDuty')}</td>
                    <td>{formatCount(p.callsTaken)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      )}
    </div>
  );
}
