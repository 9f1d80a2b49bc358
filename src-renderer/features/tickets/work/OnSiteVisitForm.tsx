// An on-site visit (R11): who went where, arrival and departure, travel time and what was done.
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { onSiteVisitSchema } from '../../../../src-shared/tickets/schemas';
import type { SignedInUser } from '../../../app/account';
import { formatMinutes } from '../../../app/format';
import { FormField } from '../../../app/forms';
import { whenOrNow, whenText, WhenField } from './when';
import { useRecordWork, WorkForm, type WorkProps } from './WorkForm';

const schema = onSiteVisitSchema.shape;
const onSiteForm = z.object({
  technicianName: schema.technicianName,
  location: schema.location,
  arrivedAt: whenText,
  departedAt: whenOrNow,
  travelMinutes: schema.travelMinutes,
  work: schema.work,
});
type OnSiteValues = z.input<typeof onSiteForm>;

export function OnSiteVisitForm({ user, ...props }: WorkProps & { user: SignedInUser }) {
  const { ticket, m } = props;
  const { t } = useTranslation();
  const initial: OnSiteValues = {
    technicianName: user.displayName,
    location: [ticket.workplace, ticket.customerName].filter(Boolean).join(', '),
    arrivedAt: '',
    departedAt: '',
    travelMinutes: 0,
    work: '',
  };
  const form = useForm<OnSiteValues>({ resolver: zodResolver(onSiteForm), defaultValues: initial });
  const travel = useWatch({ control: form.control, name: 'travelMinutes' });
  const send = useRecordWork(
    form,
    props,
    ['arrivedAt', 'departedAt'],
    (v, span) => ({ kind: 'on_site_visit', visit: { ...v, arrivedAt: span.start, departedAt: span.end } }),
    initial,
  );
  return (
    <WorkForm
      form={form}
      tab="onSite"
      hint={t(ticket.status === 'new' ? 'tickets.work.startsTicket' : 'tickets.work.onSiteHint')}
      onSubmit={send}
      pending={m.work.isPending}
    >
      <div className="grid2">
        <FormField
          label={t('tickets.work.technician')}
          required
          registration={form.register('technicianName')}
        >
          {(c) => <input {...c} />}
        </FormField>
        <FormField label={t('tickets.work.location')} required registration={form.register('location')}>
          {(c) => <input {...c} />}
        </FormField>
      </div>
      <div className="grid3">
        <WhenField label={t('tickets.work.arrivedAt')} required registration={form.register('arrivedAt')} />
        <WhenField label={t('tickets.work.departedAt')} registration={form.register('departedAt')} />
        <FormField
          label={t('tickets.work.travelMinutes')}
          required
          registration={form.register('travelMinutes', { valueAsNumber: true })}
        >
          {(c) => (
            <>
              <input type="number" min={0} max={1440} step={5} {...c} aria-describedby="travel-hint" />
              <small id="travel-hint" className="hint">
                {Number.isFinite(travel) && travel >= 60
                  ? t('tickets.work.travelShort', { time: formatMinutes(travel, t('sla.hourUnit')) })
                  : '\u00a0'}
              </small>
            </>
          )}
        </FormField>
      </div>
      <FormField label={t('tickets.work.work')} required registration={form.register('work')}>
        {(c) => <textarea rows={3} {...c} />}
      </FormField>
    </WorkForm>
  );
}
