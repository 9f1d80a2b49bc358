// The equipment settings (R17–R19), kept by team leads and admins and shown to
// everyone: each category's recommended lifetime and licence charge, and after
// how many days a missing wipe confirmation is listed; and the licence charges
// raised when customers kept replaced devices, per month and customer, as CSV
// for invoicing.
import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { DEVICE_CATEGORIES, type EquipmentSettings } from '../../../src-shared/equipment/catalogue';
import { CATALOGUE_ROLES } from '../../../src-shared/roles';
import type { SignedInUser } from '../../app/account';
import { errorMessage } from '../../app/errors';
import { formatDateTime } from '../../app/format';
import { Form, FormButtons, FormError, FormField, OptionList, showServerErrors } from '../../app/forms';
import { useTRPC } from '../../app/trpc';
import { EquipmentTabs } from './EquipmentTabs';
import { saveCsv } from './files';
import { todayDay } from './text';

export function SettingsPage({ user }: { user: SignedInUser }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const settings = useQuery(trpc.equipment.settings.queryOptions());
  // Kept here: saving changes the settings' version, which gives the form a fresh key (and state).
  const [saved, setSaved] = useState(false);
  return (
    <div className="equipment-page">
      <EquipmentTabs role={user.role} />
      {settings.isError && <p role="alert">{errorMessage(settings.error, t)}</p>}
      {settings.data && (
        <SettingsForm
          key={settings.data.updatedAt ?? 'defaults'}
          settings={settings.data}
          canEdit={CATALOGUE_ROLES.includes(user.role)}
          saved={saved}
          onSaved={setSaved}
        />
      )}
      <ChargesCard />
    </div>
  );
}

type Values = {
  lifetimeMonths: Record<string, string>;
  licenceCharge: Record<string, string>;
  wipeOverdueDays: string;
};

function SettingsForm({
  settings,
  canEdit,
  saved,
  onSaved: setSaved,
}: {
  settings: EquipmentSettings & { updatedAt: string | null; updatedBy: string | null };
  canEdit: boolean;
  saved: boolean;
  onSaved(saved: boolean): void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const asText = (r: Record<string, number>) =>
    Object.fromEntries(Object.entries(r).map(([k, v]) => [k, String(v)]));
  const form = useForm<Values>({
    defaultValues: {
      lifetimeMonths: asText(settings.lifetimeMonths),
      licenceCharge: asText(settings.licenceCharge),
      wipeOverdueDays: String(settings.wipeOverdueDays),
    },
  });
  const save = useMutation(trpc.equipment.setSettings.mutationOptions());
  const asNumbers = (r: Record<string, string>) =>
    Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v.trim() === '' ? NaN : Number(v)]));
  const submit = form.handleSubmit(async (v) => {
    setSaved(false);
    try {
      await save.mutateAsync({
        settings: {
          lifetimeMonths: asNumbers(v.lifetimeMonths) as EquipmentSettings['lifetimeMonths'],
          licenceCharge: asNumbers(v.licenceCharge) as EquipmentSettings['licenceCharge'],
          wipeOverdueDays: Number(v.wipeOverdueDays),
        },
      });
      setSaved(true);
    } catch (e) {
      showServerErrors(form, e, t, (path) => path.replace(/^settings\./, ''));
    }
  });
  return (
    <Form
      form={form}
      wording="equipment.errors"
      className="card"
      onSubmit={submit}
      aria-labelledby="settings-title"
    >
      <h1 id="settings-title">{t('equipment.settings.title')}</h1>
      <p className="muted">
        {settings.updatedAt
          ? t('equipment.settings.changedBy', {
              who: settings.updatedBy,
              when: formatDateTime(settings.updatedAt),
            })
          : t('equipment.settings.defaults')}
      </p>
      <fieldset disabled={!canEdit}>
        <div className="table-scroll">
          <table className="table settings-table">
            <caption className="visually-hidden">{t('equipment.settings.perCategory')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('equipment.models.category')}</th>
                <th scope="col">{t('equipment.settings.lifetime')}</th>
                <th scope="col">{t('equipment.settings.charge')}</th>
              </tr>
            </thead>
            <tbody>
              {DEVICE_CATEGORIES.map((c) => (
                <tr key={c}>
                  <th scope="row">{t(`equipment.categories.${c}`)}</th>
                  <td>
                    <FormField
                      label={t('equipment.settings.lifetimeOf', { category: t(`equipment.categories.${c}`) })}
                      className="label-hidden"
                      registration={form.register(`lifetimeMonths.${c}`)}
                    >
                      {(ctl) => <input type="number" min={1} max={240} {...ctl} />}
                    </FormField>
                  </td>
                  <td>
                    <FormField
                      label={t('equipment.settings.chargeOf', { category: t(`equipment.categories.${c}`) })}
                      className="label-hidden"
                      registration={form.register(`licenceCharge.${c}`)}
                    >
                      {(ctl) => <input type="number" min={0} {...ctl} />}
                    </FormField>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <FormField
          label={t('equipment.settings.wipeOverdueDays')}
          className="narrow-field"
          registration={form.register('wipeOverdueDays')}
        >
          {(c) => <input type="number" min={1} max={365} {...c} />}
        </FormField>
      </fieldset>
      <FormError message={form.formState.errors.root?.message} />
      {saved && (
        <p className="success" role="status">
          {t('equipment.settings.saved')}
        </p>
      )}
      {canEdit ? (
        <FormButtons pending={save.isPending}>{t('common.save')}</FormButtons>
      ) : (
        <p className="notice">{t('equipment.settings.readOnly')}</p>
      )}
    </Form>
  );
}

function ChargesCard() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const customers = useQuery(trpc.calls.customers.queryOptions());
  const [month, setMonth] = useState(todayDay().slice(0, 7));
  const [customerId, setCustomerId] = useState('');
  const filter = { month, ...(customerId ? { customerId } : {}) };
  const charges = useQuery(
    trpc.equipment.charges.queryOptions(filter, { enabled: /^\d{4}-\d{2}$/.test(month) }),
  );
  const download = useMutation(trpc.equipment.chargesCsv.mutationOptions({ onSuccess: saveCsv }));
  const total = (charges.data ?? []).reduce((sum, c) => sum + c.amount, 0);
  return (
    <section className="card" aria-labelledby="charges-title">
      <h2 id="charges-title">{t('equipment.charges.title')}</h2>
      <p className="muted small">{t('equipment.charges.intro')}</p>
      <div className="row wrap">
        <label className="field">
          <span>{t('equipment.charges.month')}</span>
          <input type="month" value={month} onChange={(e) => setMonth(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('equipment.fields.customer')}</span>
          <select value={customerId} onChange={(e) => setCustomerId(e.target.value)}>
            <option value="">{t('equipment.recycling.allCustomers')}</option>
            <OptionList options={(customers.data ?? []).map((c) => ({ value: c.id, label: c.name }))} />
          </select>
        </label>
      </div>
      {charges.data && charges.data.length === 0 && <p className="muted">{t('equipment.charges.none')}</p>}
      {charges.data && charges.data.length > 0 && (
        <table className="table" aria-label={t('equipment.charges.title')} data-testid="charges">
          <thead>
            <tr>
              <th>{t('equipment.fields.customer')}</th>
              <th>{t('equipment.fields.serial')}</th>
              <th>{t('equipment.fields.model')}</th>
              <th>{t('equipment.fields.workplace')}</th>
              <th>{t('equipment.charges.date')}</th>
              <th className="num">{t('equipment.charges.amount')}</th>
            </tr>
          </thead>
          <tbody>
            {charges.data.map((c) => (
              <tr key={c.handoverId}>
                <td>{c.customerName}</td>
                <td className="mono">{c.serial}</td>
                <td>
                  {c.maker} {c.modelName}
                </td>
                <td>{c.workplace}</td>
                <td>{formatDateTime(c.at)}</td>
                <td className="num">{c.amount} kr</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th colSpan={5}>{t('equipment.charges.total')}</th>
              <td className="num">{total} kr</td>
            </tr>
          </tfoot>
        </table>
      )}
      <FormError message={download.isError ? errorMessage(download.error, t) : null} />
      <div className="row end">
        <button
          type="button"
          onClick={() => download.mutate(filter)}
          disabled={download.isPending || !/^\d{4}-\d{2}$/.test(month)}
          data-testid="charges-csv"
        >
          {t('equipment.charges.download')}
        </button>
      </div>
    </section>
  );
}
