// The recycling register (R19): devices handed in and not yet batched (choose
// them and send a batch to the recycler), devices whose data wipe is not
// confirmed past the set number of days, the batches (each with its handover
// sheet), confirming a device's wipe, and the register as CSV for a period
// and a customer.
import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import type { SignedInUser } from '../../app/account';
import { errorMessage } from '../../app/errors';
import { formatDateTime } from '../../app/format';
import { Form, FormButtons, FormError, FormField, OptionList, showServerErrors } from '../../app/forms';
import { useTRPC } from '../../app/trpc';
import { EquipmentTabs } from './EquipmentTabs';
import { saveCsv } from './files';
import { dayText, todayDay } from './text';
import { WipeDialog } from './WipeDialog';
import type { RecyclingDevice } from './types';

export function RecyclingPage({ user }: { user: SignedInUser }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const q = useQuery(trpc.equipment.recycling.queryOptions());
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [wiping, setWiping] = useState<RecyclingDevice | null>(null);
  const data = q.data;
  const toggle = (id: string) =>
    setChosen((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return (
    <div className="equipment-page">
      <EquipmentTabs role={user.role} />
      <section className="card" aria-labelledby="waiting-title">
        <h1 id="waiting-title">{t('equipment.recycling.title')}</h1>
        <h2>{t('equipment.recycling.waiting', { count: data?.waiting.length ?? 0 })}</h2>
        {q.isError && <p role="alert">{errorMessage(q.error, t)}</p>}
        {data && data.waiting.length === 0 && <p className="muted">{t('equipment.recycling.noneWaiting')}</p>}
        {data && data.waiting.length > 0 && (
          <DeviceTable
            devices={data.waiting}
            label={t('equipment.recycling.waitingTable')}
            chosen={chosen}
            onToggle={toggle}
            onWipe={setWiping}
            testId="waiting"
          />
        )}
        {chosen.size > 0 && <SendBatchForm deviceIds={[...chosen]} onSent={() => setChosen(new Set())} />}
      </section>
      {data && data.wipeOverdue.length > 0 && (
        <section className="card" aria-labelledby="overdue-title">
          <h2 id="overdue-title">{t('equipment.recycling.overdue', { days: data.wipeOverdueDays })}</h2>
          <DeviceTable
            devices={data.wipeOverdue}
            label={t('equipment.recycling.overdue', { days: data.wipeOverdueDays })}
            onWipe={setWiping}
            testId="overdue"
          />
        </section>
      )}
      <section className="card" aria-labelledby="batches-title">
        <h2 id="batches-title">{t('equipment.recycling.batches')}</h2>
        {data && data.batches.length === 0 && <p className="muted">{t('equipment.recycling.noBatches')}</p>}
        {data && data.batches.length > 0 && (
          <div className="table-scroll">
            <table className="table" aria-label={t('equipment.recycling.batches')} data-testid="batches">
              <thead>
                <tr>
                  <th>{t('equipment.batch.reference')}</th>
                  <th>{t('equipment.batch.sentDate')}</th>
                  <th>{t('equipment.batch.recycler')}</th>
                  <th>{t('equipment.batch.devices')}</th>
                  <th>{t('equipment.batch.state')}</th>
                </tr>
              </thead>
              <tbody>
                {data.batches.map((b) => (
                  <tr key={b.id}>
                    <td className="mono">
                      <Link href={`/equipment/batches/${b.id}`}>{b.reference}</Link>
                    </td>
                    <td>{dayText(b.sentDate)}</td>
                    <td>{b.recycler}</td>
                    <td>{b.deviceCount}</td>
                    <td>
                      {b.status === 'closed'
                        ? t('equipment.batch.closedWith', { certificate: b.certificateReference })
                        : t('equipment.batch.open')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <ExportCard />
      {wiping && <WipeDialog device={wiping} onClose={() => setWiping(null)} />}
    </div>
  );
}

function DeviceTable({
  devices,
  label,
  chosen,
  onToggle,
  onWipe,
  testId,
}: {
  devices: RecyclingDevice[];
  label: string;
  chosen?: Set<string>;
  onToggle?(id: string): void;
  onWipe(d: RecyclingDevice): void;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="table-scroll">
      <table className="table" aria-label={label} data-testid={testId}>
        <thead>
          <tr>
            {onToggle && <th>{t('equipment.recycling.choose')}</th>}
            <th>{t('equipment.fields.serial')}</th>
            <th>{t('equipment.fields.model')}</th>
            <th>{t('equipment.fields.customer')}</th>
            <th>{t('equipment.device.handedIn')}</th>
            <th>{t('equipment.fields.condition')}</th>
            <th>{t('equipment.device.wipe')}</th>
          </tr>
        </thead>
        <tbody>
          {devices.map((d) => (
            <tr key={d.id}>
              {onToggle && (
                <td>
                  <input
                    type="checkbox"
                    checked={chosen?.has(d.id) ?? false}
                    onChange={() => onToggle(d.id)}
                    aria-label={t('equipment.recycling.chooseDevice', { serial: d.serial })}
                  />
                </td>
              )}
              <td className="mono">
                <Link href={`/equipment/devices/${d.id}`}>{d.serial}</Link>
                {d.batchReference && <small className="block muted">{d.batchReference}</small>}
              </td>
              <td>
                {d.maker} {d.modelName}
              </td>
              <td>{d.customerName}</td>
              <td>
                {d.handedInAt ? formatDateTime(d.handedInAt) : '–'}
                <small className="block muted">{d.handedInByName}</small>
              </td>
              <td>
                {d.condition ? t(`equipment.conditions.${d.condition}`) : '–'}
                {d.diskRemoved && <small className="block muted">{t('equipment.device.diskRemoved')}</small>}
              </td>
              <td>
                {d.wipeMethod ? (
                  <>
                    {t(`equipment.wipeMethods.${d.wipeMethod}`)}
                    <small className="block muted">
                      {d.wipedBy} · {dayText(d.wipedOn)}
                    </small>
                  </>
                ) : (
                  <button type="button" onClick={() => onWipe(d)}>
                    {t('equipment.wipe.confirm')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function SendBatchForm({ deviceIds, onSent }: { deviceIds: string[]; onSent(): void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [, navigate] = useLocation();
  const form = useForm({ defaultValues: { recycler: '', sentDate: todayDay() } });
  const send = useMutation(trpc.equipment.sendBatch.mutationOptions());
  const submit = form.handleSubmit(async (v) => {
    try {
      const r = await send.mutateAsync({ ...v, deviceIds });
      onSent();
      navigate(`/equipment/batches/${r.id}`);
    } catch (e) {
      showServerErrors(form, e, t, ['recycler', 'sentDate']);
    }
  });
  return (
    <Form
      form={form}
      wording="equipment.errors"
      onSubmit={submit}
      aria-labelledby="send-batch-title"
      className="subform"
    >
      <h3 id="send-batch-title">{t('equipment.batch.sendTitle', { count: deviceIds.length })}</h3>
      <div className="form-grid">
        <FormField label={t('equipment.batch.recycler')} required registration={form.register('recycler')}>
          {(c) => <input {...c} autoComplete="off" />}
        </FormField>
        <FormField label={t('equipment.batch.sentDate')} required registration={form.register('sentDate')}>
          {(c) => <input type="date" {...c} />}
        </FormField>
      </div>
      <FormError message={form.formState.errors.root?.message} />
      <FormButtons pending={send.isPending}>{t('equipment.batch.send')}</FormButtons>
    </Form>
  );
}

function ExportCard() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const customers = useQuery(trpc.calls.customers.queryOptions());
  const today = todayDay();
  const form = useForm({ defaultValues: { from: `${today.slice(0, 8)}01`, to: today, customerId: '' } });
  const exportCsv = useMutation(trpc.equipment.recyclingCsv.mutationOptions());
  const submit = form.handleSubmit(async (v) => {
    try {
      saveCsv(await exportCsv.mutateAsync({ from: v.from, to: v.to, customerId: v.customerId || undefined }));
    } catch (e) {
      showServerErrors(form, e, t, ['from', 'to', 'customerId']);
    }
  });
  return (
    <Form
      form={form}
      wording="equipment.errors"
      className="card"
      onSubmit={submit}
      aria-labelledby="export-title"
    >
      <h2 id="export-title">{t('equipment.recycling.export')}</h2>
      <div className="form-grid">
        <FormField label={t('equipment.recycling.from')} required registration={form.register('from')}>
          {(c) => <input type="date" {...c} />}
        </FormField>
        <FormField label={t('equipment.recycling.to')} required registration={form.register('to')}>
          {(c) => <input type="date" {...c} />}
        </FormField>
        <FormField label={t('equipment.fields.customer')} registration={form.register('customerId')}>
          {(c) => (
            <select {...c}>
              <option value="">{t('equipment.recycling.allCustomers')}</option>
              <OptionList options={(customers.data ?? []).map((x) => ({ value: x.id, label: x.name }))} />
            </select>
          )}
        </FormField>
      </div>
      <FormError message={form.formState.errors.root?.message} />
      <FormButtons pending={exportCsv.isPending}>{t('equipment.recycling.download')}</FormButtons>
    </Form>
  );
}
