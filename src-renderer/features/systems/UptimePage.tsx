// The uptime report (R21, R25): each system at each customer, month by month
// and for the year, against the 99.8 % target; filtered by system and
// customer, for a chosen year. A month's figure opens its detail.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Redirect, useLocation } from 'wouter';
import { UPTIME_TARGET } from '../../../src-shared/uptime/uptime';
import { errorMessage } from '../../app/errors';
import { Field } from '../../app/forms';
import { useTRPC } from '../../app/trpc';
import { useCustomers, useSystemList } from './lookups';
import { osloYearNow, shortMonthNames } from './monthNames';
import { useFigures } from './numbers';
import { SystemsTabs } from './SystemsTabs';
import { UptimeCell } from './UptimeCell';

const YEARS_BACK = 5;

export function UptimePage({ year }: { year: number }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const [, navigate] = useLocation();
  const fig = useFigures();
  const systems = useSystemList();
  const customers = useCustomers();
  const [systemId, setSystemId] = useState('');
  const [customerId, setCustomerId] = useState('');
  const table = useQuery(
    trpc.systems.uptimeYear.queryOptions({
      year,
      ...(systemId ? { systemId } : {}),
      ...(customerId ? { customerId } : {}),
    }),
  );
  const thisYear = osloYearNow();
  const years = Array.from({ length: YEARS_BACK + 1 }, (_, i) => thisYear - i);
  if (!years.includes(year)) years.push(year);
  const months = shortMonthNames(i18n.language);
  const target = fig.uptime(UPTIME_TARGET);
  return (
    <div className="systems-page">
      <SystemsTabs />
      <section className="card" aria-labelledby="uptime-title">
        <h1 id="uptime-title">{t('systems.uptime.title', { year })}</h1>
        <p className="muted">{t('systems.uptime.intro', { target })}</p>
        <div className="filters">
          <Field label={t('systems.uptime.year')}>
            <select value={year} onChange={(e) => navigate(`/systems/uptime/${e.target.value}`)}>
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('systems.fields.system')}>
            <select value={systemId} onChange={(e) => setSystemId(e.target.value)}>
              <option value="">{t('systems.uptime.allSystems')}</option>
              {systems.list.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('systems.fields.customer')}>
            <select value={customerId} onChange={(e) => setCustomerId(e.target.value)}>
              <option value="">{t('systems.uptime.allCustomers')}</option>
              {customers.list.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <p className="small">{t('systems.uptime.legend', { target })}</p>
        {table.isError && <p role="alert">{errorMessage(table.error, t)}</p>}
        {table.isPending && <p>{t('common.loading')}</p>}
        {table.isSuccess && table.data.length === 0 && (
          <p className="muted empty">{t('systems.uptime.none')}</p>
        )}
        {table.isSuccess && table.data.length > 0 && (
          <div className="table-scroll">
            <table className="table uptime-table" data-testid="uptime-table">
              <caption className="visually-hidden">{t('systems.uptime.caption', { year, target })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('systems.uptime.subject')}</th>
                  {months.map((m) => (
                    <th key={m} scope="col">
                      {m}
                    </th>
                  ))}
                  <th scope="col">{t('systems.uptime.wholeYear')}</th>
                </tr>
              </thead>
              <tbody>
                {table.data.map((row) => {
                  const system = systems.byId.get(row.systemId);
                  return (
                    <tr key={`${row.systemId}|${row.customerId}`}>
                      <th scope="row">
                        {row.systemName}
                        <small className="block muted">{customers.name(row.customerId)}</small>
                        {system && !system.continuous && (
                          <small className="block muted">{t('systems.uptime.notContinuous')}</small>
                        )}
                      </th>
                      {row.months.map((m, i) => (
                        <UptimeCell
                          key={i}
                          figures={m}
                          href={`/systems/uptime/${year}/${i + 1}/${row.systemId}/${row.customerId}`}
                        />
                      ))}
                      <UptimeCell figures={row.year} />
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}

/** The report's own address without a year: this year's report, by the Oslo calendar. */
export function UptimeThisYear() {
  return <Redirect to={`/systems/uptime/${osloYearNow()}`} />;
}
