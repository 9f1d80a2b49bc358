// A device's card: what it is, where and with whom, its warnings (R16, R17),
// where it is on its way to the recycler (R18, R19), its handovers, its
// tickets and its whole history; a technician marks it for replacement (with
// a reason) or corrects its details.
import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { ACTIVE_STATUSES, NETWORKS } from '../../../src-shared/equipment/catalogue';
import { EQUIPMENT_ROLES } from '../../../src-shared/roles';
import type { SignedInUser } from '../../app/account';
import { domainCode, errorMessage } from '../../app/errors';
import { formatDateTime } from '../../app/format';
import { Form, FormButtons, FormError, FormField, OptionList, showServerErrors } from '../../app/forms';
import { useTRPC } from '../../app/trpc';
import { DeviceWarnings } from './DeviceWarnings';
import { EquipmentTabs } from './EquipmentTabs';
import { History } from './History';
import { dayText } from './text';
import type { DeviceCard } from './types';

export function DevicePage({ id, user }: { id: string; user: SignedInUser }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const q = useQuery(trpc.equipment.device.queryOptions({ id }));
  if (q.isPending) return <p className="card">{t('common.loading')}</p>;
  if (q.isError) {
    return (
      <section className="card">
        <p role="alert">
          {domainCode(q.error) === 'notFound' ? t('equipment.device.notFound') : errorMessage(q.error, t)}
        </p>
        <Link href="/equipment">{t('equipment.device.back')}</Link>
      </section>
    );
  }
  const { device, model, handovers, tickets, history } = q.data;
  const canWork = EQUIPMENT_ROLES.includes(user.role);
  const active = ACTIVE_STATUSES.includes(device.status);
  return (
    <div className="equipment-page" data-device-id={device.id}>
      <EquipmentTabs role={user.role} />
      <header className="card">
        <p className="crumbs">
          <Link href="/equipment">{t('equipment.tabs.lookup')}</Link> ›
        </p>
        <h1>
          <span className="mono" data-testid="device-serial">
            {device.serial}
          </span>{' '}
          <small>
            {device.maker} {device.modelName}
          </small>
        </h1>
        <p>
          <strong data-testid="device-status">{t(`equipment.statuses.${device.status}`)}</strong>
          {' · '}
          {t(`equipment.categories.${device.category}`)} · {t(`equipment.networks.${device.network}`)}
        </p>
        <DeviceWarnings warnings={device.warnings} />
      </header>
      <div className="ticket-grid">
        <div className="ticket-main">
          <section className="card" aria-labelledby="device-facts">
            <h2 id="device-facts">{t('equipment.device.facts')}</h2>
            <dl className="facts">
              <dt>{t('equipment.fields.assetTag')}</dt>
              <dd className="mono">{device.assetTag ?? '–'}</dd>
              <dt>{t('equipment.fields.customer')}</dt>
              <dd>{device.customerName ?? '–'}</dd>
              <dt>{t('equipment.fields.workplace')}</dt>
              <dd>{device.workplace}</dd>
              <dt>{t('equipment.fields.assignedUser')}</dt>
              <dd>{device.assignedUser ?? '–'}</dd>
              <dt>{t('equipment.fields.setupDate')}</dt>
              <dd>{dayText(device.setupDate)}</dd>
              <dt>{t('equipment.fields.deliveredDate')}</dt>
              <dd>{dayText(device.deliveredDate)}</dd>
              <dt>{t('equipment.models.supplier')}</dt>
              <dd>{[model.supplier, model.frameworkAgreement].filter(Boolean).join(' · ') || '–'}</dd>
              <dt>{t('equipment.models.approved')}</dt>
              <dd>
                {dayText(model.approvedFrom)} – {model.approvedUntil ? dayText(model.approvedUntil) : ''}
              </dd>
              {device.notes && (
                <>
                  <dt>{t('equipment.fields.notes')}</dt>
                  <dd className="pre">{device.notes}</dd>
                </>
              )}
              {device.handedInAt && (
                <>
                  <dt>{t('equipment.device.handedIn')}</dt>
                  <dd>
                    {formatDateTime(device.handedInAt)} · {device.handedInByName}
                    {device.condition && ` · ${t(`equipment.conditions.${device.condition}`)}`}
                    {device.diskRemoved !== null &&
                      ` · ${t(device.diskRemoved ? 'equipment.device.diskRemoved' : 'equipment.device.diskInside')}`}
                  </dd>
                </>
              )}
              {device.batchId && (
                <>
                  <dt>{t('equipment.device.batch')}</dt>
                  <dd>
                    <Link href={`/equipment/batches/${device.batchId}`}>{device.batchReference}</Link>
                  </dd>
                </>
              )}
              {device.wipeMethod && (
                <>
                  <dt>{t('equipment.device.wipe')}</dt>
                  <dd data-testid="device-wipe">
                    {t(`equipment.wipeMethods.${device.wipeMethod}`)}
                    {device.wipeTool && ` (${device.wipeTool})`} · {device.wipedBy} ·{' '}
                    {dayText(device.wipedOn)}
                  </dd>
                </>
              )}
            </dl>
          </section>
          {canWork && active && <ReplacementForm device={device} />}
          {canWork && device.status !== 'recycled' && <EditDeviceForm device={device} />}
          <History events={history} />
        </div>
        <aside className="ticket-side">
          <section className="card" aria-labelledby="device-handovers">
            <h2 id="device-handovers">{t('equipment.device.handovers')}</h2>
            {handovers.length === 0 && <p className="muted">{t('equipment.device.noHandovers')}</p>}
            <ul className="plain">
              {handovers.map((h) => (
                <li key={h.id}>
                  <strong>{formatDateTime(h.at)}</strong> · {h.technicianName}
                  <small className="block">
                    {t('equipment.device.handoverLine', {
                      fresh: h.newSerial,
                      old: h.oldSerial ?? '–',
                      place: h.workplace,
                    })}
                    {h.oldOutcome === 'kept' && ` · ${t('equipment.handover.kept')}`}
                    {h.chargeAmount !== null && ` · ${h.chargeAmount} kr`}
                  </small>
                  {h.ticketId && <Link href={`/tickets/${h.ticketId}`}>{t('equipment.device.ticket')}</Link>}
                </li>
              ))}
            </ul>
          </section>
          <section className="card" aria-labelledby="device-tickets">
            <h2 id="device-tickets">{t('equipment.device.tickets')}</h2>
            {tickets.length === 0 && <p className="muted">{t('equipment.device.noTickets')}</p>}
            <ul className="plain">
              {tickets.map((tk) => (
                <li key={tk.id}>
                  <Link href={`/tickets/${tk.id}`} className="mono">
                    {tk.reference}
                  </Link>{' '}
                  {tk.title}
                  <small className="block muted">{t(`tickets.statuses.${tk.status}`)}</small>
                </li>
              ))}
            </ul>
          </section>
        </aside>
      </div>
    </div>
  );
}

type Device = DeviceCard['device'];

function ReplacementForm({ device }: { device: Device }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [reason, setReason] = useState('');
  const mark = useMutation(trpc.equipment.recommendReplacement.mutationOptions());
  const marked = device.status === 'replacement_recommended';
  return (
    <section className="card" aria-labelledby="replacement-title">
      <h2 id="replacement-title">{t('equipment.device.replacementTitle')}</h2>
      {marked ? (
        <>
          <p>{t('equipment.device.markedBecause', { reason: device.replacementReason ?? '' })}</p>
          <button
            type="button"
            disabled={mark.isPending}
            onClick={() => mark.mutate({ deviceId: device.id, reason: null })}
          >
            {t('equipment.device.withdraw')}
          </button>
        </>
      ) : (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            mark.mutate({ deviceId: device.id, reason }, { onSuccess: () => setReason('') });
          }}
        >
          <label className="field">
            <span>{t('equipment.device.reason')}</span>
            <input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} />
          </label>
          <div className="row end">
            <button type="submit" disabled={mark.isPending || reason.trim() === ''}>
              {t('equipment.device.recommend')}
            </button>
          </div>
        </form>
      )}
      <FormError message={mark.isError ? errorMessage(mark.error, t) : null} />
    </section>
  );
}

interface EditValues {
  assetTag: string;
  workplace: string;
  assignedUser: string;
  network: 'main' | 'guest';
  deliveredDate: string;
  notes: string;
}
const EDIT_FIELDS = ['assetTag', 'workplace', 'assignedUser', 'network', 'deliveredDate', 'notes'];

function EditDeviceForm({ device }: { device: Device }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const initial: EditValues = {
    assetTag: device.assetTag ?? '',
    workplace: device.workplace,
    assignedUser: device.assignedUser ?? '',
    network: device.network,
    deliveredDate: device.deliveredDate ?? '',
    notes: device.notes ?? '',
  };
  const form = useForm<EditValues>({ defaultValues: initial });
  const edit = useMutation(trpc.equipment.editDevice.mutationOptions());
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState(false);
  if (!open) {
    return (
      <div className="row">
        {saved && (
          <p className="success" role="status">
            {t('equipment.device.saved')}
          </p>
        )}
        <button type="button" onClick={() => setOpen(true)}>
          {t('equipment.device.edit')}
        </button>
      </div>
    );
  }
  const submit = form.handleSubmit(async (v) => {
    // Only what changed: each field is last-writer-wins across desks.
    const next = {
      assetTag: v.assetTag.trim() || null,
      workplace: v.workplace,
      assignedUser: v.assignedUser.trim() || null,
      network: v.network,
      deliveredDate: v.deliveredDate || null,
      notes: v.notes.trim() || null,
    };
    const changes = Object.fromEntries(
      Object.entries(next).filter(([k, value]) => value !== (device as Record<string, unknown>)[k]),
    );
    if (Object.keys(changes).length === 0) return setOpen(false);
    try {
      await edit.mutateAsync({ deviceId: device.id, changes });
      setSaved(true);
      setOpen(false);
    } catch (e) {
      showServerErrors(form, e, t, EDIT_FIELDS);
    }
  });
  return (
    <Form
      form={form}
      wording="equipment.errors"
      className="card"
      onSubmit={submit}
      aria-labelledby="edit-device-title"
    >
      <h2 id="edit-device-title">{t('equipment.device.edit')}</h2>
      <div className="form-grid">
        <FormField label={t('equipment.fields.assetTag')} registration={form.register('assetTag')}>
          {(c) => <input {...c} className="mono" autoComplete="off" />}
        </FormField>
        <FormField label={t('equipment.fields.workplace')} required registration={form.register('workplace')}>
          {(c) => <input {...c} autoComplete="off" />}
        </FormField>
        <FormField label={t('equipment.fields.assignedUser')} registration={form.register('assignedUser')}>
          {(c) => <input {...c} autoComplete="off" />}
        </FormField>
        <FormField label={t('equipment.fields.network')} registration={form.register('network')}>
          {(c) => (
            <select {...c}>
              <OptionList values={NETWORKS} labels="equipment.networks" />
            </select>
          )}
        </FormField>
        <FormField label={t('equipment.fields.deliveredDate')} registration={form.register('deliveredDate')}>
          {(c) => <input type="date" {...c} />}
        </FormField>
        <FormField label={t('equipment.fields.notes')} registration={form.register('notes')}>
          {(c) => <textarea rows={2} {...c} />}
        </FormField>
      </div>
      <FormError message={form.formState.errors.root?.message} />
      <FormButtons pending={edit.isPending} onCancel={() => setOpen(false)}>
        {t('common.save')}
      </FormButtons>
    </Form>
  );
}
