// A system's page: what it is (supplier, criticality, continuous, remote
// access, its active check), its customers with their roles (R26), its
// maintenance windows (R20, R24), its latest outages and its history; team
// leads and admins change the system, the roles and the windows.
import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { SignedInUser } from '../../app/account';
import { domainCode, errorMessage } from '../../app/errors';
import { formatDateTime } from '../../app/format';
import { useTRPC } from '../../app/trpc';
import { CustomerRolesForm } from './CustomerRolesForm';
import { History } from './History';
import { useCustomers } from './lookups';
import { OutageTable } from './OutageTable';
import { managesSystems } from './roles';
import { SystemForm } from './SystemForm';
import { SystemsTabs } from './SystemsTabs';
import type { CustomerRoles, RoleHolderView, SystemCard } from './types';
import { WindowsSection } from './WindowsSection';

export function SystemPage({ id, user }: { id: string; user: SignedInUser }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const q = useQuery(trpc.systems.card.queryOptions({ id }));
  const [editing, setEditing] = useState(false);
  const canManage = managesSystems(user.role);
  if (q.isPending) return <p className="card">{t('common.loading')}</p>;
  if (q.isError) {
    return (
      <section className="card">
        <p role="alert">
          {domainCode(q.error) === 'notFound' ? t('systems.system.notFound') : errorMessage(q.error, t)}
        </p>
        <Link href="/systems">{t('systems.system.back')}</Link>
      </section>
    );
  }
  const system = q.data;
  return (
    <div className="systems-page" data-system-id={system.id}>
      <SystemsTabs />
      <header className="card">
        <p className="crumbs">
          <Link href="/systems">{t('systems.tabs.register')}</Link> ›
        </p>
        <div className="row spread wrap">
          <h1>{system.name}</h1>
          {canManage && !editing && (
            <button type="button" onClick={() => setEditing(true)}>
              {t('systems.system.edit')}
            </button>
          )}
        </div>
        {editing ? (
          <SystemForm key={system.updatedAt} system={system} onDone={() => setEditing(false)} />
        ) : (
          <SystemFacts system={system} />
        )}
      </header>
      <div className="ticket-grid">
        <div className="ticket-main">
          <RolesSection system={system} canManage={canManage} />
          <WindowsSection system={system} canManage={canManage} />
          <section className="card" aria-labelledby="system-outages">
            <div className="row spread wrap">
              <h2 id="system-outages">{t('systems.system.outages')}</h2>
              {canManage && (
                <Link className="button" href={`/systems/outages/new/${system.id}`}>
                  {t('systems.outages.record')}
                </Link>
              )}
            </div>
            {system.outages.length === 0 ? (
              <p className="muted">{t('systems.system.noOutages')}</p>
            ) : (
              <OutageTable outages={system.outages} label={t('systems.system.outages')} />
            )}
          </section>
        </div>
        <aside className="ticket-side">
          <History events={system.history} titleId="system-history" />
        </aside>
      </div>
    </div>
  );
}

function SystemFacts({ system }: { system: SystemCard }) {
  const { t } = useTranslation();
  return (
    <dl className="facts">
      <dt>{t('systems.fields.supplier')}</dt>
      <dd>{system.supplier ?? '–'}</dd>
      <dt>{t('systems.fields.criticality')}</dt>
      <dd>{t(`systems.criticalities.${system.criticality}`)}</dd>
      <dt>{t('systems.fields.continuousShort')}</dt>
      <dd>{t(system.continuous ? 'systems.system.continuousYes' : 'systems.system.continuousNo')}</dd>
      <dt>{t('systems.fields.remoteAccessShort')}</dt>
      <dd>{t(system.remoteAccess ? 'systems.system.remoteAccessYes' : 'systems.no')}</dd>
      <dt>{t('systems.probe.title')}</dt>
      <dd data-testid="system-probe">
        {system.probe
          ? t('systems.probe.line', {
              kind: t(`systems.probe.kinds.${system.probe.kind}`),
              target: system.probe.target,
              seconds: system.probe.intervalSeconds,
              failures: system.probe.failuresToOpen,
            })
          : t('systems.probe.none')}
        {system.probeSince && (
          <small className="block muted">
            {t('systems.probe.since', { at: formatDateTime(system.probeSince) })}
          </small>
        )}
      </dd>
      {system.description && (
        <>
          <dt>{t('systems.fields.description')}</dt>
          <dd className="pre">{system.description}</dd>
        </>
      )}
      {system.retired && (
        <>
          <dt>{t('systems.fields.retiredShort')}</dt>
          <dd>{t('systems.register.retired')}</dd>
        </>
      )}
      <dt>{t('systems.system.changed')}</dt>
      <dd>
        {system.updatedByName} · {formatDateTime(system.updatedAt)}
      </dd>
    </dl>
  );
}

function Holder({ holder }: { holder: RoleHolderView | null }) {
  const { t } = useTranslation();
  if (!holder) return <span className="muted">–</span>;
  return (
    <>
      {holder.name}
      {holder.reporterId && <span className="visually-hidden"> ({t('systems.roles.fromDirectory')})</span>}
      {holder.contact && <small className="block muted">{holder.contact}</small>}
    </>
  );
}

/** The customers that use the system and who holds each role there (R26). */
function RolesSection({ system, canManage }: { system: SystemCard; canManage: boolean }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const customers = useCustomers();
  const [editing, setEditing] = useState<CustomerRoles | 'new' | null>(null);
  const remove = useMutation(trpc.systems.removeCustomer.mutationOptions());
  const used = system.customers.map((c) => c.customerId);
  return (
    <section className="card" aria-labelledby="roles-title">
      <div className="row spread wrap">
        <h2 id="roles-title">{t('systems.roles.title')}</h2>
        {canManage && editing === null && (
          <button type="button" onClick={() => setEditing('new')}>
            {t('systems.roles.addCustomer')}
          </button>
        )}
      </div>
      <p className="muted small">{t('systems.roles.intro')}</p>
      {editing && (
        <CustomerRolesForm
          key={editing === 'new' ? 'new' : editing.customerId}
          systemId={system.id}
          systemName={system.name}
          roles={editing === 'new' ? null : editing}
          usedCustomerIds={used}
          onDone={() => setEditing(null)}
        />
      )}
      {remove.isError && <p role="alert">{errorMessage(remove.error, t)}</p>}
      {system.customers.length === 0 ? (
        <p className="muted">{t('systems.roles.none')}</p>
      ) : (
        <div className="table-scroll">
          <table className="table" aria-label={t('systems.roles.title')} data-testid="system-roles">
            <thead>
              <tr>
                <th>{t('systems.fields.customer')}</th>
                <th>{t('systems.roles.owner')}</th>
                <th>{t('systems.roles.responsible')}</th>
                <th>{t('systems.roles.securityOfficer')}</th>
                <th>{t('systems.roles.coordinator')}</th>
                {canManage && <th />}
              </tr>
            </thead>
            <tbody>
              {system.customers.map((c) => {
                const name = customers.name(c.customerId);
                return (
                  <tr key={c.customerId}>
                    <td>{name}</td>
                    <td>
                      {c.owner ? (
                        <Holder holder={c.owner} />
                      ) : (
                        <strong className="tag tone-bad">{t('systems.register.noOwner')}</strong>
                      )}
                    </td>
                    <td>
                      <Holder holder={c.responsible} />
                    </td>
                    <td>
                      <Holder holder={c.securityOfficer} />
                    </td>
                    <td>
                      <Holder holder={c.coordinator} />
                    </td>
                    {canManage && (
                      <td className="actions">
                        <button
                          type="button"
                          onClick={() => setEditing(c)}
                          aria-label={t('systems.roles.editNamed', { customer: name })}
                        >
                          {t('systems.roles.edit')}
                        </button>
                        <button
                          type="button"
                          className="ghost"
                          disabled={remove.isPending}
                          aria-label={t('systems.roles.removeNamed', { customer: name })}
                          onClick={() => {
                            if (
                              window.confirm(
                                t('systems.roles.confirmRemove', { customer: name, system: system.name }),
                              )
                            )
                              remove.mutate({ systemId: system.id, customerId: c.customerId });
                          }}
                        >
                          {t('common.remove')}
                        </button>
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
