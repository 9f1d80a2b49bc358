// The register of business systems (R26): every system with its supplier,
// criticality, whether it is measured against 99.8 % (continuous), whether it
// is the remote-access solution, and its customers with their owners; a
// search box; team leads and admins add systems.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import type { SignedInUser } from '../../app/account';
import { errorMessage } from '../../app/errors';
import { Field } from '../../app/forms';
import { useCustomers, useSystemList } from './lookups';
import { managesSystems } from './roles';
import { SystemForm } from './SystemForm';
import { SystemsTabs } from './SystemsTabs';
import type { SystemSummary } from './types';

function matches(s: SystemSummary, words: string[], customerName: (id: string) => string): boolean {
  const text = [
    s.name,
    s.supplier ?? '',
    s.description ?? '',
    ...s.customers.flatMap((c) => [customerName(c.customerId), c.owner?.name ?? '']),
  ]
    .join(' ')
    .toLocaleLowerCase('nb');
  return words.every((w) => text.includes(w));
}

export function RegisterPage({ user }: { user: SignedInUser }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const systems = useSystemList();
  const customers = useCustomers();
  const [search, setSearch] = useState('');
  const [adding, setAdding] = useState(false);
  const canManage = managesSystems(user.role);
  const words = search.toLocaleLowerCase('nb').split(/\s+/).filter(Boolean);
  const shown = systems.list.filter((s) => matches(s, words, customers.name));
  return (
    <div className="systems-page">
      <SystemsTabs />
      <section className="card" aria-labelledby="register-title">
        <div className="row spread wrap">
          <h1 id="register-title">{t('systems.register.title')}</h1>
          {canManage && !adding && (
            <button type="button" className="primary" onClick={() => setAdding(true)}>
              {t('systems.register.add')}
            </button>
          )}
        </div>
        <p className="muted">{t('systems.register.intro')}</p>
        {adding && (
          <SystemForm
            system={null}
            onDone={(id) => {
              setAdding(false);
              if (id) navigate(`/systems/${id}`);
            }}
          />
        )}
        <div className="filters">
          <Field label={t('systems.register.search')} className="grow">
            <input
              type="search"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              placeholder={t('systems.register.searchPlaceholder')}
            />
          </Field>
        </div>
        {systems.query.isError && <p role="alert">{errorMessage(systems.query.error, t)}</p>}
        {systems.query.isPending && <p>{t('common.loading')}</p>}
        {systems.query.isSuccess && shown.length === 0 && (
          <p className="muted empty">
            {systems.list.length === 0 ? t('systems.register.empty') : t('systems.register.noMatch')}
          </p>
        )}
        {shown.length > 0 && (
          <div className="table-scroll">
            <table className="table" aria-label={t('systems.register.title')} data-testid="systems">
              <thead>
                <tr>
                  <th>{t('systems.fields.name')}</th>
                  <th>{t('systems.fields.supplier')}</th>
                  <th>{t('systems.fields.criticality')}</th>
                  <th>{t('systems.fields.continuousShort')}</th>
                  <th>{t('systems.fields.remoteAccessShort')}</th>
                  <th>{t('systems.register.customersOwners')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((s) => (
                  <tr key={s.id} className={s.retired ? 'inactive' : undefined}>
                    <td>
                      <Link href={`/systems/${s.id}`}>{s.name}</Link>
                      {s.retired && <small className="block muted">{t('systems.register.retired')}</small>}
                    </td>
                    <td>{s.supplier ?? '–'}</td>
                    <td>{t(`systems.criticalities.${s.criticality}`)}</td>
                    <td>{t(s.continuous ? 'systems.yes' : 'systems.no')}</td>
                    <td>{s.remoteAccess ? t('systems.yes') : '–'}</td>
                    <td>
                      {s.customers.length === 0 ? (
                        <span className="muted">{t('systems.register.noCustomers')}</span>
                      ) : (
                        <ul className="plain compact-list">
                          {s.customers.map((c) => (
                            <li key={c.customerId}>
                              {customers.name(c.customerId)}:{' '}
                              {c.owner ? (
                                c.owner.name
                              ) : (
                                <strong className="tag tone-bad">{t('systems.register.noOwner')}</strong>
                              )}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
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
