// The approved models (R15): the catalogue by category, who changed each
// entry and when (its history on demand); team leads and admins add and change
// entries, import the catalogue from CSV (with a report of the rows rejected
// and why) and export it in the same columns.
import { useState, type ChangeEvent } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { DEVICE_CATEGORIES, ORDER_REASONS } from '../../../src-shared/equipment/catalogue';
import { CATALOGUE_ROLES } from '../../../src-shared/roles';
import type { SignedInUser } from '../../app/account';
import { asDeskError, errorMessage } from '../../app/errors';
import { formatDateTime } from '../../app/format';
import {
  Field,
  Form,
  FormButtons,
  FormError,
  FormField,
  OptionList,
  fieldErrorText,
  showServerErrors,
} from '../../app/forms';
import { useTRPC } from '../../app/trpc';
import { EquipmentTabs } from './EquipmentTabs';
import { fileBase64, MAX_CSV_BYTES, saveCsv } from './files';
import { History } from './History';
import { csvReason } from './csvReason';
import { dayText, newId } from './text';
import type { ModelView } from './types';

export function CataloguePage({ user }: { user: SignedInUser }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const models = useQuery(trpc.equipment.models.queryOptions());
  const [editing, setEditing] = useState<ModelView | 'new' | null>(null);
  const [history, setHistory] = useState<string | null>(null);
  const canEdit = CATALOGUE_ROLES.includes(user.role);
  const exportCsv = useMutation(trpc.equipment.catalogueCsv.mutationOptions({ onSuccess: saveCsv }));
  return (
    <div className="equipment-page">
      <EquipmentTabs role={user.role} />
      <section className="card" aria-labelledby="models-title">
        <div className="row spread wrap">
          <h1 id="models-title">{t('equipment.models.title')}</h1>
          <div className="row">
            <button type="button" onClick={() => exportCsv.mutate()} disabled={exportCsv.isPending}>
              {t('equipment.models.export')}
            </button>
            {canEdit && (
              <button type="button" className="primary" onClick={() => setEditing('new')}>
                {t('equipment.models.add')}
              </button>
            )}
          </div>
        </div>
        <p className="muted">{t('equipment.models.intro')}</p>
        {models.isError && <p role="alert">{errorMessage(models.error, t)}</p>}
        {editing && (
          <ModelForm
            key={editing === 'new' ? 'new' : editing.id}
            model={editing === 'new' ? null : editing}
            onDone={() => setEditing(null)}
          />
        )}
        <div className="table-scroll">
          <table className="table" aria-label={t('equipment.models.title')} data-testid="models">
            <thead>
              <tr>
                <th>{t('equipment.models.category')}</th>
                <th>{t('equipment.models.maker')}</th>
                <th>{t('equipment.models.name')}</th>
                <th>{t('equipment.models.supplier')}</th>
                <th>{t('equipment.models.approved')}</th>
                <th>{t('equipment.models.orderViaDesk')}</th>
                <th>{t('equipment.models.changed')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {(models.data ?? []).map((m) => (
                <tr key={m.id} className={m.approvedToday ? undefined : 'inactive'}>
                  <td>{t(`equipment.categories.${m.category}`)}</td>
                  <td>{m.maker}</td>
                  <td>{m.name}</td>
                  <td>
                    {m.supplier ?? '–'}
                    {m.frameworkAgreement && <small className="block muted">{m.frameworkAgreement}</small>}
                  </td>
                  <td className="nowrap">
                    {dayText(m.approvedFrom)} – {m.approvedUntil ? dayText(m.approvedUntil) : ''}
                    {!m.approvedToday && (
                      <small className="block">{t('equipment.models.notApprovedNow')}</small>
                    )}
                  </td>
                  <td>{m.orderViaDesk ? t(`equipment.orderReasons.${m.orderReason ?? 'licence'}`) : '–'}</td>
                  <td>
                    {m.updatedByName}
                    <small className="block muted">{formatDateTime(m.updatedAt)}</small>
                  </td>
                  <td className="actions">
                    <button
                      type="button"
                      className="ghost"
                      onClick={() => setHistory(history === m.id ? null : m.id)}
                    >
                      {t('equipment.models.history')}
                    </button>
                    {canEdit && (
                      <button
                        type="button"
                        onClick={() => setEditing(m)}
                        aria-label={t('equipment.models.editNamed', { name: `${m.maker} ${m.name}` })}
                      >
                        {t('equipment.models.edit')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      {history && <ModelHistory id={history} />}
      {canEdit && <ImportCard kind="models" />}
      {canEdit && <ImportCard kind="devices" />}
    </div>
  );
}

function ModelHistory({ id }: { id: string }) {
  const trpc = useTRPC();
  const q = useQuery(trpc.equipment.modelHistory.queryOptions({ id }));
  return q.data ? <History events={q.data} /> : null;
}

interface ModelValues {
  category: (typeof DEVICE_CATEGORIES)[number];
  maker: string;
  name: string;
  supplier: string;
  frameworkAgreement: string;
  approvedFrom: string;
  approvedUntil: string;
  orderViaDesk: boolean;
  orderReason: '' | (typeof ORDER_REASONS)[number];
}
const MODEL_FIELDS = [
  'category',
  'maker',
  'name',
  'supplier',
  'frameworkAgreement',
  'approvedFrom',
  'approvedUntil',
  'orderReason',
];

function ModelForm({ model, onDone }: { model: ModelView | null; onDone(): void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const form = useForm<ModelValues>({
    defaultValues: {
      category: model?.category ?? 'laptop',
      maker: model?.maker ?? '',
      name: model?.name ?? '',
      supplier: model?.supplier ?? '',
      frameworkAgreement: model?.frameworkAgreement ?? '',
      approvedFrom: model?.approvedFrom ?? '',
      approvedUntil: model?.approvedUntil ?? '',
      orderViaDesk: model?.orderViaDesk ?? false,
      orderReason: (model?.orderReason as ModelValues['orderReason']) ?? '',
    },
  });
  const viaDesk = useWatch({ control: form.control, name: 'orderViaDesk' });
  const save = useMutation(trpc.equipment.saveModel.mutationOptions());
  const submit = form.handleSubmit(async (v) => {
    try {
      await save.mutateAsync({
        model: {
          id: model?.id ?? newId(),
          category: v.category,
          maker: v.maker,
          name: v.name,
          supplier: v.supplier.trim() || null,
          frameworkAgreement: v.frameworkAgreement.trim() || null,
          approvedFrom: v.approvedFrom,
          approvedUntil: v.approvedUntil || null,
          orderViaDesk: v.orderViaDesk,
          orderReason: v.orderViaDesk && v.orderReason ? v.orderReason : null,
        },
      });
      onDone();
    } catch (e) {
      showServerErrors(form, e, t, MODEL_FIELDS);
    }
  });
  return (
    <Form
      form={form}
      wording="equipment.errors"
      onSubmit={submit}
      className="subform"
      aria-labelledby="model-form-title"
    >
      <h2 id="model-form-title">
        {model
          ? t('equipment.models.editTitle', { name: `${model.maker} ${model.name}` })
          : t('equipment.models.add')}
      </h2>
      <div className="form-grid">
        <FormField label={t('equipment.models.category')} required registration={form.register('category')}>
          {(c) => (
            <select {...c}>
              <OptionList values={DEVICE_CATEGORIES} labels="equipment.categories" />
            </select>
          )}
        </FormField>
        <FormField label={t('equipment.models.maker')} required registration={form.register('maker')}>
          {(c) => <input {...c} autoComplete="off" />}
        </FormField>
        <FormField label={t('equipment.models.name')} required registration={form.register('name')}>
          {(c) => <input {...c} autoComplete="off" />}
        </FormField>
        <FormField label={t('equipment.models.supplier')} registration={form.register('supplier')}>
          {(c) => <input {...c} autoComplete="off" />}
        </FormField>
        <FormField
          label={t('equipment.models.frameworkAgreement')}
          registration={form.register('frameworkAgreement')}
        >
          {(c) => <input {...c} autoComplete="off" />}
        </FormField>
        <FormField
          label={t('equipment.models.approvedFrom')}
          required
          registration={form.register('approvedFrom')}
        >
          {(c) => <input type="date" {...c} />}
        </FormField>
        <FormField
          label={t('equipment.models.approvedUntil')}
          hint={t('equipment.models.untilHint')}
          registration={form.register('approvedUntil')}
        >
          {(c) => <input type="date" {...c} />}
        </FormField>
      </div>
      <label className="check">
        <input type="checkbox" {...form.register('orderViaDesk')} /> {t('equipment.models.orderViaDeskLong')}
      </label>
      {viaDesk && (
        <FormField
          label={t('equipment.models.orderReason')}
          required
          registration={form.register('orderReason')}
        >
          {(c) => (
            <select {...c}>
              <option value="">{t('equipment.models.chooseReason')}</option>
              <OptionList values={ORDER_REASONS} labels="equipment.orderReasons" />
            </select>
          )}
        </FormField>
      )}
      <FormError message={form.formState.errors.root?.message} />
      <FormButtons pending={save.isPending} onCancel={onDone}>
        {t('common.save')}
      </FormButtons>
    </Form>
  );
}

/** Importing the catalogue or an existing inventory from a CSV file, with the rejected rows and why. */
function ImportCard({ kind }: { kind: 'models' | 'devices' }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [file, setFile] = useState<File | null>(null);
  const [fileKey, setFileKey] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const importModels = useMutation(trpc.equipment.importModels.mutationOptions());
  const importDevices = useMutation(trpc.equipment.importDevices.mutationOptions());
  const running = kind === 'models' ? importModels : importDevices;
  const [summary, setSummary] = useState<{
    text: string;
    rejected: Array<{ line: number; reason: string }>;
  } | null>(null);

  const choose = (e: ChangeEvent<HTMLInputElement>) => {
    setError(null);
    setSummary(null);
    const chosen = e.target.files?.[0] ?? null;
    if (chosen && chosen.size > MAX_CSV_BYTES) {
      setFile(null);
      return setError(t('equipment.import.tooLarge'));
    }
    setFile(chosen);
  };
  const submit = async () => {
    setError(null);
    setSummary(null);
    if (!file) return setError(t('equipment.import.noFile'));
    try {
      const base64 = await fileBase64(file);
      if (kind === 'models') {
        const r = await importModels.mutateAsync({ base64 });
        setSummary({ text: t('equipment.import.modelsDone', r), rejected: r.rejected });
      } else {
        const r = await importDevices.mutateAsync({ base64 });
        setSummary({
          text: t('equipment.import.devicesDone', {
            imported: r.imported,
            already: r.alreadyRegistered.length,
          }),
          rejected: r.rejected,
        });
      }
      setFile(null);
      setFileKey((k) => k + 1);
    } catch (e) {
      const raw = asDeskError(e)?.data?.fieldErrors?.base64?.[0]?.message;
      const missing =
        raw && /^Missing columns: /.test(raw)
          ? t('equipment.import.missingColumns', { columns: raw.slice(17) })
          : null;
      setError(missing ?? fieldErrorText(e, t, 'base64') ?? errorMessage(e, t));
    }
  };
  const title = t(`equipment.import.${kind}Title`);
  return (
    <form
      className="card"
      noValidate
      aria-label={title}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2>{title}</h2>
      <p className="muted small">{t(`equipment.import.${kind}Format`)}</p>
      <Field label={t('equipment.import.file')}>
        <input
          key={fileKey}
          type="file"
          accept=".csv,.txt,text/csv"
          onChange={choose}
          data-testid={`import-${kind}`}
        />
      </Field>
      <FormError message={error} />
      <FormButtons pending={running.isPending}>{t('equipment.import.submit')}</FormButtons>
      {summary && (
        <div className="import-result" data-testid={`import-${kind}-result`}>
          <p className={summary.rejected.length > 0 ? 'notice' : 'success'} role="status">
            {summary.text}{' '}
            {summary.rejected.length > 0 &&
              t('equipment.import.rejected', { count: summary.rejected.length })}
          </p>
          {summary.rejected.length > 0 && (
            <table className="table" aria-label={t('equipment.import.rejectedTitle')}>
              <thead>
                <tr>
                  <th>{t('equipment.import.line')}</th>
                  <th>{t('equipment.import.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {summary.rejected.map((r) => (
                  <tr key={`${r.line}-${r.reason}`}>
                    <td className="mono">{r.line}</td>
                    <td title={r.reason}>{csvReason(r.reason, t)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </form>
  );
}
