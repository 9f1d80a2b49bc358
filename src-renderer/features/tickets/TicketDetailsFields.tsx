// The reporter's and the case's fields of a ticket (R5), shared by the form
// that creates a ticket and the one that corrects it. They read their form
// from react-hook-form's context, so each form keeps its own schema and
// submit; a required field is marked, and its error shows beneath it.
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
import { useTRPC } from '../../app/trpc';
import { Field, FieldMessage } from './formErrors';

export type DetailsInput = z.input<typeof ticketDetailsInput>;

/**
 * Name, phone, e-mail, customer, workplace and how to notify. With `notifyFollowsEmail`, typing an
 * e-mail address picks e-mail as the way to notify until the agent picks one themselves.
 */
export function ReporterFields({ notifyFollowsEmail = false }: { notifyFollowsEmail?: boolean }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const form = useFormContext<DetailsInput>();
  const errors = form.formState.errors;
  const customers = useQuery(trpc.calls.customers.queryOptions());
  const customerId = useWatch({ control: form.control, name: 'customerId' });
  const notifyBy = useWatch({ control: form.control, name: 'notifyBy' });
  const workplaces = customers.data?.find((c) => c.id === customerId)?.workplaces ?? [];
  const [notifyChosen, setNotifyChosen] = useState(!notifyFollowsEmail);
  return (
    <fieldset className="plain">
      <legend className="section-legend">{t('tickets.create.reporter')}</legend>
      <Field label={t('tickets.fields.reporterName')} required error={errors.reporterName} k="reporterName">
        <input
          {...form.register('reporterName')}
          autoComplete="off"
          aria-required="true"
          aria-invalid={!!errors.reporterName}
        />
      </Field>
      <div className="grid2">
        <Field
          label={t('tickets.fields.reporterPhone')}
          required
          error={errors.reporterPhone}
          k="reporterPhone"
        >
          <input
            {...form.register('reporterPhone')}
            inputMode="tel"
            autoComplete="off"
            aria-required="true"
            aria-invalid={!!errors.reporterPhone}
          />
        </Field>
        <Field label={t('tickets.fields.reporterEmail')} error={errors.reporterEmail} k="reporterEmail">
          <input
            {...form.register('reporterEmail', {
              onChange: (e: { target: { value: string } }) => {
                if (!notifyChosen) {
                  form.setValue('notifyBy', e.target.value.trim() ? 'email' : 'sms', { shouldDirty: true });
                }
              },
            })}
            type="email"
            autoComplete="off"
            aria-invalid={!!errors.reporterEmail}
          />
        </Field>
      </div>
      <div className="grid2">
        <Field label={t('tickets.fields.customer')} required error={errors.customerId} k="customerId">
          <select {...form.register('customerId')} aria-required="true" aria-invalid={!!errors.customerId}>
            <option value="">{t('calls.log.noCustomer')}</option>
            {customers.data?.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('tickets.fields.workplace')} required error={errors.workplace} k="workplace">
          <input
            {...form.register('workplace')}
            list="ticket-workplaces"
            autoComplete="off"
            aria-required="true"
            aria-invalid={!!errors.workplace}
          />
          <datalist id="ticket-workplaces">
            {workplaces.map((w) => (
              <option key={w} value={w} />
            ))}
          </datalist>
        </Field>
      </div>
      <fieldset className="field outcomes" aria-invalid={!!errors.notifyBy}>
        <legend>{t('tickets.fields.notifyBy')}</legend>
        {NOTIFY_CHANNELS.map((n) => (
          <label key={n} className="radio">
            <input
              type="radio"
              value={n}
              {...form.register('notifyBy', { onChange: () => setNotifyChosen(true) })}
            />{' '}
            {t(`tickets.notify.${n}`)}
          </label>
        ))}
        {notifyBy === 'sms' && <small className="hint">{t('tickets.messages.smsNoGatewayHint')}</small>}
        <FieldMessage error={errors.notifyBy} k="notifyBy" />
      </fieldset>
    </fieldset>
  );
}

/** Title, description, system, category and device; `channel` is the creating form's own field. */
export function CaseFields({ channel }: { channel?: ReactNode }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const form = useFormContext<DetailsInput>();
  const errors = form.formState.errors;
  const systems = useQuery(trpc.tickets.systems.queryOptions());
  return (
    <fieldset className="plain">
      <legend className="section-legend">{t('tickets.create.case')}</legend>
      <Field label={t('tickets.fields.titleOptional')} error={errors.title} k="title">
        <input {...form.register('title')} autoComplete="off" aria-invalid={!!errors.title} />
      </Field>
      <Field label={t('tickets.fields.description')} required error={errors.description} k="description">
        <textarea
          rows={5}
          {...form.register('description')}
          aria-required="true"
          aria-invalid={!!errors.description}
        />
      </Field>
      <div className="grid2">
        <Field label={t('tickets.fields.system')} required error={errors.system} k="system">
          <input
            {...form.register('system')}
            list="ticket-systems"
            autoComplete="off"
            aria-required="true"
            aria-invalid={!!errors.system}
          />
          <datalist id="ticket-systems">
            {systems.data?.map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
        </Field>
        <Field label={t('tickets.fields.category')} required error={errors.category} k="category">
          <select {...form.register('category')} aria-required="true" aria-invalid={!!errors.category}>
            {TICKET_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`tickets.categories.${c}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <div className="grid2">
        {channel}
        <Field label={t('tickets.fields.deviceOptional')} error={errors.device} k="device">
          <input {...form.register('device')} autoComplete="off" aria-invalid={!!errors.device} />
        </Field>
      </div>
    </fieldset>
  );
}
