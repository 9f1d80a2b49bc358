// Outages as a table: what, which systems at which customers, when, planned
// or not, the cause (counted or excluded, R22) and its state.
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { formatDateTime } from '../../app/format';
import { useNow } from '../../app/useNow';
import { CauseText } from './causes';
import { useCustomers, useSystemList } from './lookups';
import { isOngoing } from './outageState';
import type { OutageSummary } from './types';

export function OutageTable({ outages, label }: { outages: readonly OutageSummary[]; label: string }) {
  const { t } = useTranslation();
  const systems = useSystemList();
  const customers = useCustomers();
  const now = useNow(30_000);
  return (
    <div className="table-scroll">
      <table className="table" aria-label={label} data-testid="outages">
        <thead>
          <tr>
            <th>{t('systems.outages.titleField')}</th>
            <th>{t('systems.fields.systems')}</th>
            <th>{t('systems.fields.customers')}</th>
            <th>{t('systems.fields.startsAt')}</th>
            <th>{t('systems.fields.endsAt')}</th>
            <th>{t('systems.outages.kind')}</th>
            <th>{t('systems.outages.cause')}</th>
            <th>{t('systems.outages.state')}</th>
          </tr>
        </thead>
        <tbody>
          {outages.map((o) => (
            <tr key={o.id} className={o.state === 'dismissed' ? 'inactive' : undefined}>
              <td>
                <Link href={`/systems/outages/${o.id}`}>{o.title}</Link>
              </td>
              <td>{o.systemIds.map(systems.name).join(', ')}</td>
              <td>
                {o.customerIds.length === 0
                  ? t('systems.outages.allCustomers')
                  : o.customerIds.map(customers.name).join(', ')}
              </td>
              <td className="nowrap">{formatDateTime(o.startsAt)}</td>
              <td className="nowrap">
                {o.endsAt ? formatDateTime(o.endsAt) : <strong>{t('systems.outages.noEnd')}</strong>}
                {isOngoing(o, now) && o.endsAt === null && (
                  <small className="block">{t('systems.outages.ongoing')}</small>
                )}
              </td>
              <td>{t(o.planned ? 'systems.outages.planned' : 'systems.outages.unplanned')}</td>
              <td>
                <CauseText cause={o.cause} />
              </td>
              <td>
                <span className={`tag outage-state-${o.state}`}>{t(`systems.outageStates.${o.state}`)}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
