// A recycling batch (R19): the handover sheet the recycler signs (the devices
// as they left, printable), each device's wipe as it stands, and closing the
// batch with the recycler's certificate of disposal.
import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { EQUIPMENT_ROLES } from '../../../src-shared/roles';
import type { SignedInUser } from '../../app/account';
import { domainCode, errorMessage } from '../../app/errors';
import { formatDateTime } from '../../app/format';
import { Form, FormButtons, FormError, FormField, showServerErrors } from '../../app/forms';
import { useTRPC } from '../../app/trpc';
import { EquipmentTabs } from './EquipmentTabs';
import { History } from './History';
import { dayText } from './text';
import { WipeDialog } from './WipeDialog';

export function BatchPage({ id, user }: { id: string; user: SignedInUser }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const q = useQuery(trpc.equipment.batch.queryOptions({ id }));
  const [wiping, setWiping] = useState<{ id: string; serial: string } | null>(null);
  if (q.isPending) return <p className="card">{t('common.loading')}</p>;
  if (q.isError) {
    return (
      <section className="card">
        <p role="alert">
          {domainCode(q.error) === 'notFound' ? t('equipment.batch.notFound') : errorMessage(q.error, t)}
        </p>
        <Link href="/equipment/recycling">{t('equipment.tabs.recycling')}</Link>
      </section>
    );
  }
  const b = q.data;
  const canWork = EQUIPMENT_ROLES.includes(user.role);
  return (
    <div className="equipment-page">
      <div className="no-print">
        <EquipmentTabs role={user.role} />
      </div>
      <section className="card batch-sheet" aria-labelledby="batch-title">
        <div className="row spread">
          <h1 id="batch-title">
            {t('equipment.batch.sheetTitle')} <span className="mono">{b.reference}</span>
          </h1>
          <button type="button" className="no-print" onClick={() => window.print()}>
            {t('equipment.batch.print')}
          </button>
        </div>
        <dl className="facts">
          <dt>{t('equipment.batch.sentDate')}</dt>
          <dd>{dayText(b.sentDate)}</dd>
          <dt>{t('equipment.batch.recycler')}</dt>
          <dd>{b.recycler}</dd>
          <dt>{t('equipment.batch.sentBy')}</dt>
          <dd>{b.createdByName}</dd>
          <dt>{t('equipment.batch.state')}</dt>
          <dd data-testid="batch-state">
            {b.status === 'closed'
              ? t('equipment.batch.closedFull', {
                  certificate: b.certificateReference,
                  method: b.destructionMethod,
                  who: b.closedByName,
                  when: b.closedAt ? formatDateTime(b.closedAt) : '',
                })
              : t('equipment.batch.open')}
          </dd>
        </dl>
        <div className="table-scroll">
          <table className="table" aria-label={t('equipment.batch.devices')} data-testid="batch-lines">
            <thead>
              <tr>
                <th>#</th>
                <th>{t('equipment.fields.serial')}</th>
                <th>{t('equipment.fields.assetTag')}</th>
                <th>{t('equipment.fields.model')}</th>
                <th>{t('equipment.fields.customer')}</th>
                <th>{t('equipment.fields.condition')}</th>
                <th>{t('equipment.batch.disk')}</th>
                <th>{t('equipment.device.wipe')}</th>
              </tr>
            </thead>
            <tbody>
              {b.lines.map((l, i) => (
                <tr key={l.deviceId}>
                  <td>{i + 1}</td>
                  <td className="mono">{l.serial}</td>
                  <td className="mono">{l.assetTag ?? '–'}</td>
                  <td>
                    {l.maker} {l.model}
                  </td>
                  <td>{l.customerName ?? '–'}</td>
                  <td>{l.condition ? t(`equipment.conditions.${l.condition}`) : '–'}</td>
                  <td>{t(l.diskRemoved ? 'equipment.batch.diskOut' : 'equipment.batch.diskIn')}</td>
                  <td>
                    {l.wipeMethod ? (
                      t(`equipment.wipeMethods.${l.wipeMethod}`)
                    ) : b.status === 'sent' && canWork ? (
                      <button
                        type="button"
                        className="no-print"
                        onClick={() => setWiping({ id: l.deviceId, serial: l.serial })}
                      >
                        {t('equipment.wipe.confirm')}
                      </button>
                    ) : (
                      t('equipment.batch.notWiped')
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="signatures">
          <p>{t('equipment.batch.signSender')}</p>
          <p>{t('equipment.batch.signRecycler')}</p>
        </div>
      </section>
      {b.status === 'sent' && canWork && <CloseBatchForm id={b.id} />}
      {wiping && <WipeDialog device={wiping} onClose={() => setWiping(null)} />}
      <div className="no-print">
        <History events={b.history} />
      </div>
    </div>
  );
}

function CloseBatchForm({ id }: { id: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const form = useForm({
    defaultValues: { certificateReference: '', destructionMethod: '', wipedByRecycler: false },
  });
  const close = useMutation(trpc.equipment.closeBatch.mutationOptions());
  const submit = form.handleSubmit(async (v) => {
    try {
      await close.mutateAsync({ batchId: id, ...v });
    } catch (e) {
      // A missing wipe names the tick box, which has no place for an error of its own: it goes above the buttons.
      showServerErrors(form, e, t, ['certificateReference', 'destructionMethod']);
    }
  });
  return (
    <Form
      form={form}
      wording="equipment.errors"
      className="card no-print"
      onSubmit={submit}
      aria-labelledby="close-title"
    >
      <h2 id="close-title">{t('equipment.batch.closeTitle')}</h2>
      <p className="muted small">{t('equipment.batch.closeExplain')}</p>
      <div className="form-grid">
        <FormField
          label={t('equipment.batch.certificate')}
          required
          registration={form.register('certificateReference')}
        >
          {(c) => <input {...c} autoComplete="off" />}
        </FormField>
        <FormField
          label={t('equipment.batch.destruction')}
          required
          registration={form.register('destructionMethod')}
        >
          {(c) => <input {...c} autoComplete="off" />}
        </FormField>
      </div>
      <label className="check">
        <input type="checkbox" {...form.register('wipedByRecycler')} /> {t('equipment.batch.wipedByRecycler')}
      </label>
      <FormError message={form.formState.errors.root?.message} />
      <FormButtons pending={close.isPending}>{t('equipment.batch.close')}</FormButtons>
    </Form>
  );
}
