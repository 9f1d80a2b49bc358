// The report of systems lacking an owner (R26): systems in use at a customer
// without a system owner there, and systems in use at no customer at all.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { errorMessage } from '../../app/errors';
import { useTRPC } from '../../app/trpc';
import { useCustomers } from './lookups';
import { SystemsTabs } from './SystemsTabs';

export function LackingOwnerPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const lacking = useQuery(trpc.systems.lackingOwner.queryOptions());
  const customers = useCustomers();
  return (
    <div className="systems-page">
      <SystemsTabs />
      <section className="card" aria-labelledby="lacking-title">
        <h1 id="lacking-title">{t('systems.lacking.title')}</h1>
        <p className="muted">{t('systems.lacking.intro')}</p>
        {lacking.isError && <p role="alert">{errorMessage(lacking.error, t)}</p>}
        {lacking.isPending && <p>{t('common.loading')}</p>}
        {lacking.isSuccess && lacking.data.length === 0 && (
          <p className="success" role="status">
            {t('systems.lacking.none')}
          </p>
        )}
        {lacking.isSuccess && lacking.data.length > 0 && (
          <>
            <p role="status">
              <strong>{t('systems.lacking.count', { count: lacking.data.length })}</strong>
            </p>
            <table className="table" aria-label={t('systems.lacking.title')} data-testid="lacking-owner">
              <thead>
                <tr>
                  <th>{t('systems.fields.system')}</th>
                  <th>{t('systems.fields.customer')}</th>
                  <th>{t('systems.lacking.what')}</th>
                </tr>
              </thead>
              <tbody>
                {lacking.data.map((row) => (
                  <tr key={`${row.systemId}|${row.customerId ?? ''}`}>
                    <td>
                      <Link href={`/systems/${row.systemId}`}>{row.systemName}</Link>
                    </td>
                    <td>{row.customerId ? customers.name(row.customerId) : '–'}</td>
                    <td>{t(row.customerId ? 'systems.lacking.noOwner' : 'systems.lacking.noCustomers')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </section>
    </div>
  );
}
