// The agreed plan (R10): with whom the further plan was agreed, what, and an optional new target date.
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { AGREED_WITH, ticketAgreedPlanArgs } from '../../../../src-shared/tickets/schemas';
import { ChoiceField, FormField, savedOrShown } from '../../../app/forms';
import { ActionPanel, type PanelProps } from './ActionPanel';

const agreedPlanForm = ticketAgreedPlanArgs
  .pick({ agreedWith: true, agreedWithName: true, plan: true })
  .extend({ newTargetDate: z.union([z.literal(''), z.iso.date()]) });
type AgreedPlanValues = z.input<typeof agreedPlanForm>;
const FIELDS = ['agreedWith', 'agreedWithName', 'plan', 'newTargetDate'];

export function AgreedPlanForm({ ticket, m, onDone, onCancel }: PanelProps) {
  const { t } = useTranslation();
  const form = useForm<AgreedPlanValues, unknown, z.output<typeof agreedPlanForm>>({
    resolver: zodResolver(agreedPlanForm),
    defaultValues: {
      agreedWith: 'reporter',
      agreedWithName: ticket.reporterName,
      plan: '',
      newTargetDate: '',
    },
  });
  const send = form.handleSubmit((v) =>
    m.agreedPlan.mutate(
      { ticketId: ticket.id, ...v, newTargetDate: v.newTargetDate || null },
      savedOrShown(form, t, FIELDS, onDone),
    ),
  );
  return (
    <ActionPanel
      form={form}
      texts="tickets.plan"
      onSubmit={send}
      onCancel={onCancel}
      pending={m.agreedPlan.isPending}
    >
      <ChoiceField
        legend={t('tickets.plan.agreedWith')}
        options={AGREED_WITH}
        labels="tickets.agreedWith"
        registration={form.register('agreedWith', {
          // The reporter's name comes with the reporter, and goes when someone else is picked.
          onChange: (e: { target: { value: string } }) => {
            if (e.target.value === 'reporter') form.setValue('agreedWithName', ticket.reporterName);
            else if (form.getValues('agreedWithName') === ticket.reporterName)
              form.setValue('agreedWithName', '');
          },
        })}
      />
      <div className="grid2">
        <FormField label={t('tickets.plan.name')} required registration={form.register('agreedWithName')}>
          {(c) => <input {...c} />}
        </FormField>
        <FormField label={t('tickets.plan.newTargetDate')} registration={form.register('newTargetDate')}>
          {(c) => <input type="date" {...c} />}
        </FormField>
      </div>
      <FormField label={t('tickets.plan.plan')} required registration={form.register('plan')}>
        {(c) => <textarea rows={3} autoFocus {...c} />}
      </FormField>
    </ActionPanel>
  );
}
