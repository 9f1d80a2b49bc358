// The reporter's and the case's fields of a ticket (R5), shared by the form
// that creates a ticket and the one that corrects it. They read their form
// from react-hook-form's context, so each form keeps its own schema and
// submit; a required field is marked, and its error shows beneath it
// (worded by tickets.errors.<field>: the forms' wording).
import { useState, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  NOTIFY_CHANNELS,
  TICKET_CATEGORIES,
  type ticketDetailsInput,
} from '../../../src-shared/tickets/schemas';
import { ChoiceField, CustomerFields, FormField, OptionList, Suggestions } from '../../app/forms';
import { useTRPC } from '../../app/trpc';

export type DetailsInput = z.input<typeof ticketDetailsInput>;

/** The wording of the ticket forms' errors: `tickets.errors.<field>.<code>`. */
export const TICKET_WORDING = 'tickets.errors';

/**
 * Name, phone, e-mail, customer, workplace and how to notify. With `notifyFollowsEmail`, typing an
 * e-mail address picks e-mail as the way to notify until the agent picks one themselves.
 */
export function ReporterFields({ notifyFollowsEmail = false }: { notifyFollowsEmail?: boolean }) {
  const { t } = useTranslation();
  const form = useFormContext<DetailsInput>();
  const notifyBy = useWatch({ control: form.control, name: 'notifyBy' });
  const [notifyChosen, setNotifyChosen] = useState(!notifyFollowsEmail);
  const followEmail = (e: { target: { value: string } }) => {
    if (!notifyChosen)
      form.setValue('notifyBy', e.target.value.trim() ? 'email' : 'sms', { shouldDirty: true });
  };
  return (
    <fieldset className="plain">
      <legend className="section-legend">{t('tickets.create.reporter')}</legend>
      <FormField
        label={t('tickets.fields.reporterName')}
        required
        registration={form.register('reporterName')}
      >
        {(c) => <input {...c} autoComplete="off" />}
      </FormField>
      <div className="grid2">
        <FormField
          label={t('tickets.fields.reporterPhone')}
          required
          registration={form.register('reporterPhone')}
        >
          {(c) => <input {...c} inputMode="tel" autoComplete="off" />}
        </FormField>
        <FormField
          label={t('tickets.fields.reporterEmail')}
          registration={form.register('reporterEmail', { onChange: followEmail })}
        >
          {(c) => <input {...c} type="email" autoComplete="off" />}
        </FormField>
      </div>
      <div className="grid2">
        <CustomerFields labels="tickets.fields" listId="ticket-workplaces" required />
      </div>
      <ChoiceField
        legend={t('tickets.fields.notifyBy')}
        options={NOTIFY_CHANNELS}
        labels="tickets.notify"
        registration={form.register('notifyBy', { onChange: () => setNotifyChosen(true) })}
      >
        {notifyBy === 'sms' && <small className="hint">{t('tickets.messages.smsNoGatewayHint')}</small>}
      </ChoiceField>
    </fieldset>
  );
}

/** Title, description, system, category and device; `channel` is the creating form's own field. */
export function CaseFields({ channel }: { channel?: ReactNode }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const form = useFormContext<DetailsInput>();
  const systems = useQuery(trpc.tickets.systems.queryOptions());
  return (
    <fieldset className="plain">
      <legend className="section-legend">{t('tickets.create.case')}</legend>
      <FormField label={t('tickets.fields.titleOptional')} registration={form.register('title')}>
        {(c) => <input {...c} autoComplete="off" />}
      </FormField>
      <FormField label={t('tickets.fields.description')} required registration={form.register('description')}>
        {(c) => <textarea rows={5} {...c} />}
      </FormField>
      <div className="grid2">
        <FormField label={t('tickets.fields.system')} required registration={form.register('system')}>
          {(c) => <Suggestions control={c} id="ticket-systems" options={systems.data ?? []} />}
        </FormField>
        <FormField label={t('tickets.fields.category')} required registration={form.register('category')}>
          {(c) => (
            <select {...c}>
              <OptionList values={TICKET_CATEGORIES} labels="tickets.categories" />
            </select>
          )}
        </FormField>
      </div>
      <div className="grid2">
        {channel}
        <FormField label={t('tickets.fields.deviceOptional')} registration={form.register('device')}>
          {(c) => <input {...c} autoComplete="off" />}
        </FormField>
      </div>
    </fieldset>
  );
}
