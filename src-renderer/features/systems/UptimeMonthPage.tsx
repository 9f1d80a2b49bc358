// One month of one system at one customer (R21–R23): the figure beside the
// 99.8 % target, the downtime budget used and left, maintenance and excluded
// minutes, the probe's measured availability, the outages (counted or
// excluded with their cause) and windows as tables, and both on a timeline.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { domainCode, errorMessage } from '../../app/errors';
import { formatDateTime, formatMinutes } from '../../app/format';
import { useTRPC } from '../../app/trpc';
import { useNow } from '../../app/useNow';
import { CauseText } from './causes';
import { useCustomers } from './lookups';
import { monthTitle } from './monthNames';
import { MonthTimeline } from './MonthTimeline';
import { useFigures } from './numbers';
import { SystemsTabs } from './SystemsTabs';
import type { UptimeMonth } from './types';

const iso = (ms: number) => new Date(ms).toISOString();
const DAY_MS = 86_400_000;

export function UptimeMonthPage({
  year,
  month,
  systemId,
  customerId,
}: {
  year: number;
  month: number;
  systemId: string;
  customerId: string;
}) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const customers = useCustomers();
  const q = useQuery(trpc.systems.uptimeMonth.queryOptions({ year, month, systemId, customerId }));
  const now = useNow(60_000);
  const back = <Link href={`/systems/uptime/${year}`}>{t('systems.month.back', { year })}</Link>;
  if (q.isPending) return <p className="card">{t('common.loading')}</p>;
  if (q.isError) {
    return (
      <section className="card">
        <p role="alert">
          {domainCode(q.error) === 'notFound' ? t('systems.system.notFound') : errorMessage(q.error, t)}
        </p>
        {back}
      </section>
    );
  }
  const d = q.data;
  return (
    <div className="systems-page">
      <SystemsTabs />
      <header className="card">
        <p className="crumbs">{back} ›</p>
        <h1>
          {t('systems.month.title', {
            system: d.system.name,
            customer: customers.name(customerId),
            month: monthTitle(year, month, i18n.language),
          })}
        </h1>
        <MonthFigures detail={d} />
      </header>
      <section className="card" aria-labelledby="month-timeline">
        <h2 id="month-timeline">{t('systems.month.timeline')}</h2>
        <MonthTimeline detail={d} nowMs={now} />
      </section>
      <MonthOutages detail={d} />
      <MonthWindows detail={d} />
    </div>
  );
}

function MonthFigures({ detail }: { detail: UptimeMonth }) {
  const { t } = useTranslation();
  const fig = useFigures();
  const f = detail.figures;
  const days = Math.round(f.periodMs / DAY_MS);
  const partial = f.elapsedMs > 0 && f.elapsedMs < f.periodMs;
  // The budget is over the month less its windows (src-shared/uptime): say so when there are some.
  const windowsOut = f.budgetMs < (1 - f.target) * f.periodMs - 1;
  return (
    <>
      <dl className="facts uptime-figures" data-testid="month-figures">
        <dt>{t('systems.month.uptime')}</dt>
        <dd>
          {f.uptime === null ? (
            t('systems.uptime.noFigure')
          ) : (
            <>
              <strong className="mono big-figure">{fig.uptime(f.uptime)}</strong>{' '}
              <span className={`tag ${f.met ? 'tone-ok' : 'tone-bad'}`}>
                <span aria-hidden="true">{f.met ? '✓ ' : '✗ '}</span>
                {t(f.met ? 'systems.uptime.met' : 'systems.uptime.notMet')}
              </span>
            </>
          )}
        </dd>
        <dt>{t('systems.month.target')}</dt>
        <dd className="mono">{fig.uptime(f.target)}</dd>
        <dt>{t('systems.month.budget')}</dt>
        <dd>
          {t('systems.month.budgetLine', { minutes: fig.minutes(f.budgetMs), days })}
          {windowsOut && ` ${t('systems.month.budgetWindowsOut')}`}
        </dd>
        <dt>{t('systems.month.used')}</dt>
        <dd>{t('systems.month.minutes', { minutes: fig.minutes(f.downtimeMs) })}</dd>
        <dt>{t('systems.month.left')}</dt>
        <dd>
          {f.budgetLeftMs >= 0
            ? t('systems.month.minutes', { minutes: fig.minutes(f.budgetLeftMs) })
            : t('systems.month.overBy', { minutes: fig.minutes(-f.budgetLeftMs) })}
        </dd>
        <dt>{t('systems.month.maintenance')}</dt>
        <dd>{t('systems.month.minutes', { minutes: fig.minutes(f.maintenanceMs) })}</dd>
        <dt>{t('systems.month.excluded')}</dt>
        <dd>{t('systems.month.minutes', { minutes: fig.minutes(f.excludedMs) })}</dd>
        <dt>{t('systems.month.measured')}</dt>
        <dd data-testid="measured">
          {detail.measured
            ? t('systems.month.measuredLine', {
                availability: fig.uptime(detail.measured.availability),
                watched: formatMinutes(detail.measured.watchedMs / 60_000, t('systems.month.hourUnit')),
                minutes: fig.minutes(detail.measured.downMs),
              })
            : t('systems.month.notMeasured')}
        </dd>
      </dl>
      {partial && (
        <p className="muted small">
          {t('systems.month.partial', { days: fig.number(f.elapsedMs / DAY_MS, 1), total: days })}
        </p>
      )}
    </>
  );
}

function MonthOutages({ detail }: { detail: UptimeMonth }) {
  const { t } = useTranslation();
  const fig = useFigures();
  return (
    <section className="card" aria-labelledby="month-outages">
      <h2 id="month-outages">{t('systems.month.outages')}</h2>
      {detail.outages.length === 0 ? (
        <p className="muted">{t('systems.month.noOutages')}</p>
      ) : (
        <table className="table" aria-labelledby="month-outages" data-testid="month-outages">
          <thead>
            <tr>
              <th>{t('systems.outages.titleField')}</th>
              <th>{t('systems.month.from')}</th>
              <th>{t('systems.month.to')}</th>
              <th>{t('systems.month.minutesInMonth')}</th>
              <th>{t('systems.outages.cause')}</th>
            </tr>
          </thead>
          <tbody>
            {detail.outages.map((o) => (
              <tr key={o.id}>
                <td>
                  <Link href={`/systems/outages/${o.id}`}>{o.title}</Link>
                  {o.planned && <small className="block muted">{t('systems.outages.planned')}</small>}
                </td>
                <td className="nowrap">{formatDateTime(iso(o.clippedStartMs))}</td>
                <td className="nowrap">
                  {formatDateTime(iso(o.clippedEndMs))}
                  {o.endsAt === null && <small className="block">{t('systems.outages.ongoing')}</small>}
                </td>
                <td className="mono">{fig.minutes(o.clippedEndMs - o.clippedStartMs)}</td>
                <td>
                  <CauseText cause={o.cause} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="muted small">{t('systems.month.overlapNote')}</p>
    </section>
  );
}

function MonthWindows({ detail }: { detail: UptimeMonth }) {
  const { t } = useTranslation();
  const fig = useFigures();
  return (
    <section className="card" aria-labelledby="month-windows">
      <h2 id="month-windows">{t('systems.month.windows')}</h2>
      {detail.windows.length === 0 ? (
        <p className="muted">{t('systems.month.noWindows')}</p>
      ) : (
        <table className="table" aria-labelledby="month-windows" data-testid="month-windows">
          <thead>
            <tr>
              <th>{t('systems.month.from')}</th>
              <th>{t('systems.month.to')}</th>
              <th>{t('systems.month.minutesLong')}</th>
            </tr>
          </thead>
          <tbody>
            {detail.windows.map((w) => (
              <tr key={w.startMs}>
                <td className="nowrap">{formatDateTime(iso(w.startMs))}</td>
                <td className="nowrap">{formatDateTime(iso(w.endMs))}</td>
                <td className="mono">{fig.minutes(w.endMs - w.startMs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
