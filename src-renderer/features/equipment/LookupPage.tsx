// Look-up (R15–R17): one search box for serial, asset tag, user or workplace
// that answers as one types, each device with its warnings; and registering a
// device (technicians, team leads, admins).
import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { EQUIPMENT_ROLES } from '../../../src-shared/roles';
import type { SignedInUser } from '../../app/account';
import { errorMessage } from '../../app/errors';
import { useTRPC } from '../../app/trpc';
import { useDebounced } from '../../app/useDebounced';
import { DeviceWarnings } from './DeviceWarnings';
import { EquipmentTabs } from './EquipmentTabs';
import { RegisterDeviceForm } from './RegisterDeviceForm';

export function LookupPage({ user }: { user: SignedInUser }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [text, setText] = useState('');
  const typed = useDebounced(text.trim(), 120);
  const found = useQuery(
    trpc.equipment.search.queryOptions(
      { text: typed, limit: 50 },
      { enabled: typed !== '', placeholderData: keepPreviousData },
    ),
  );
  const canRegister = EQUIPMENT_ROLES.includes(user.role);
  const results = typed === '' ? null : found.data;

  return (
    <div className="equipment-page">
      <EquipmentTabs role={user.role} />
      <section className="card" aria-labelledby="lookup-title">
        <h1 id="lookup-title">{t('equipment.lookup.title')}</h1>
        <label className="field">
          <span>{t('equipment.lookup.label')}</span>
          <input
            type="search"
            value={text}
            autoFocus
            autoComplete="off"
            placeholder={t('equipment.lookup.placeholder')}
            onChange={(e) => setText(e.target.value)}
            data-testid="device-search"
          />
        </label>
        {found.isError && <p role="alert">{errorMessage(found.error, t)}</p>}
        {results && results.length === 0 && <p className="muted">{t('equipment.lookup.none')}</p>}
        {results && results.length > 0 && (
          <div className="table-scroll">
            <table className="table" aria-label={t('equipment.lookup.results')} data-testid="device-results">
              <thead>
                <tr>
                  <th>{t('equipment.fields.serial')}</th>
                  <th>{t('equipment.fields.assetTag')}</th>
                  <th>{t('equipment.fields.model')}</th>
                  <th>{t('equipment.fields.assignedUser')}</th>
                  <th>{t('equipment.fields.workplace')}</th>
                  <th>{t('equipment.fields.status')}</th>
                </tr>
              </thead>
              <tbody>
                {results.map((d) => (
                  <tr key={d.id}>
                    <td className="mono">
                      <Link href={`/equipment/devices/${d.id}`}>{d.serial}</Link>
                    </td>
                    <td className="mono">{d.assetTag ?? '–'}</td>
                    <td>
                      {d.maker} {d.modelName}
                      <small className="block muted">{t(`equipment.categories.${d.category}`)}</small>
                    </td>
                    <td>{d.assignedUser ?? '–'}</td>
                    <td>
                      {d.workplace}
                      <small className="block muted">{d.customerName}</small>
                    </td>
                    <td>
                      {t(`equipment.statuses.${d.status}`)}
                      {d.network === 'guest' && (
                        <small className="block muted">{t('equipment.networks.guest')}</small>
                      )}
                      <DeviceWarnings warnings={d.warnings} compact />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {canRegister && <RegisterDeviceForm />}
    </div>
  );
}
