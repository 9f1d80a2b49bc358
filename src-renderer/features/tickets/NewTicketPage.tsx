// Creating a ticket (R5, R6): from a taken call in one step (the call's caller,
// customer, workplace and summary carry over, the channel is phone and the
// answered call is the first response, R8), or directly for an e-mail or web
// message. The form validates with the server's own schema; every required
// field is marked and every error is shown next to its field. After saving,
// the ticket page opens.
import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { zodResolver } from '@hookform/resolvers/zod';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import type { z } from 'zod';
import { formatPhone } from '../../../src-shared/phone';
import { TICKET_ROLES } from '../../../src-shared/roles';
import {
  NOTIFY_CHANNELS,
  TICKET_CATEGORIES,
  TICKET_CHANNELS,
  ticketCreateInput,
} from '../../../src-shared/tickets/schemas';
import type { SignedInUser } from '../../app/account';
import { errorMessage } from '../../app/errors';
import { formatClock } from '../../app/format';
import { useTRPC } from '../../app/trpc';
import { PriorityPicker } from '../sla/PriorityPicker';
import { FieldMessage, showServerErrors } from './formErrors';
import { shownReference } from './text';
import { TicketTabs } from './TicketTabs';
import { useTicketMutations } from './useTicketMutations';

type Input = z.input<typeof ticketCreateInput>;
type Output = z.output<typeof ticketCreateInput>;

const FIELDS = [
  'reporterName',
  'reporterPhone',
  'reporterEmail',
  'customerId',
  'workplace',
  'description',
  'title',
  'priority',
  'system',
  'category',
  'channel',
  'device',
  'notifyBy',
] as const;

const BLANK: Input = {
  reporterName: '',
  reporterPhone: '',
  reporterEmail: '',
  customerId: '',
  workplace: '',
  description: '',
  title: '',
  priority: 'medium',
  system: '',
  category: 'incident',
  channel: 'email',
  device: '',
  notifyBy: 'sms',
  callId: null,
};

/** `/tickets/new`: a ticket from an e-mail or web message. */
export function NewTicketPage({ user }: { user: SignedInUser }) {
  const { t } = useTranslation();
  return (
    <section className="card new-ticket" aria-labelledby="new-ticket-title">
      <TicketTabs canCreate={false} />
      <h1 id="new-ticket-title">{t('tickets.create.title')}</h1>
      {TICKET_ROLES.includes(user.role) ? (
        <TicketForm initial={BLANK} />
      ) : (
        <p className="notice">{t('tickets.readOnly', { role: t(`roles.${user.role}`) })}</p>
      )}
    </section>
  );
}

/** `/tickets/new/call/:callId`: a ticket from the call the agent took, prefilled from it. */
export function NewTicketFromCallPage({ callId }: { callId: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const call = useQuery(trpc.calls.get.queryOptions({ id: callId }));
  const existing = useQuery(trpc.tickets.forCall.queryOptions({ callId }));
  let body;
  if (call.isPending || existing.isPending) body = <p>{t('common.loading')}</p>;
  else if (call.isError) body = <p role="alert">{errorMessage(call.error, t)}</p>;
  else if (existing.data) {
    body = (
      <p className="notice">
        {t('tickets.create.callHasTicket')}{' '}
        <Link href={`/tickets/${existing.data.id}`}>{shownReference(existing.data)}</Link>
      </p>
    );
  } else {
    const c = call.data.call;
    /** The reporter directory may know the caller's e-mail address (issue 6). */
    const email = c.caller?.email ?? '';
    const initial: Input = {
      ...BLANK,
      reporterName: c.callerName ?? '',
      reporterEmail: email,
      notifyBy: email ? 'email' : 'sms',
      reporterPhone: formatPhone(c.callerNumber),
      customerId: c.customerId ?? '',
      workplace: c.workplace ?? '',
      description: c.summary ?? '',
      channel: 'phone',
      callId: c.id,
    };
    body = (
      <>
        <p className="notice from-call" data-testid="from-call">
          {t('tickets.create.fromCall', {
            number: formatPhone(c.callerNumber),
            time: c.takenAt ? formatClock(c.takenAt).slice(0, 5) : '–',
            who: c.takenByName ?? '–',
          })}
        </p>
        <TicketForm key={c.id} initial={initial} fromCall />
      </>
    );
  }
  return (
    <section className="card new-ticket" aria-labelledby="new-ticket-title">
      <TicketTabs canCreate={false} />
      <h1 id="new-ticket-title">{t('tickets.create.titleFromCall')}</h1>
      {body}
    </section>
  );
}

function TicketForm({ initial, fromCall = false }: { initial: Input; fromCall?: boolean }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [, navigate] = useLocation();
  const customers = useQuery(trpc.calls.customers.queryOptions());
  const systems = useQuery(trpc.tickets.systems.queryOptions());
  const { create } = useTicketMutations();
  const form = useForm<Input, unknown, Output>({
    resolver: zodResolver(ticketCreateInput),
    defaultValues: initial,
  });
  const errors = form.formState.errors;
  const customerId = useWatch({ control: form.control, name: 'customerId' });
  const notifyBy = useWatch({ control: form.control, name: 'notifyBy' });
  const workplaces = customers.data?.find((c) => c.id === customerId)?.workplaces ?? [];
  /** Once the agent picks how to notify, the e-mail field stops choosing for them. */
  const [notifyChosen, setNotifyChosen] = useState(false);

  useEffect(() => {
    const first = (['reporterName', 'reporterPhone', 'customerId', 'workplace', 'description'] as const).find(
      (f) => !initial[f],
    );
    form.setFocus(first ?? 'system');
  }, [form, initial]);

  const submit = form.handleSubmit((values) =>
    create.mutate(values, {
      onSuccess: (r) => navigate(`/tickets/${r.id}`),
      onError: (e) => showServerErrors(form, e, t, FIELDS),
    }),
  );

  const required = (label: string) => (
    <>
      {label} <abbr title={t('tickets.create.required')}>*</abbr>
    </>
  );

  return (
    <form onSubmit={submit} noValidate aria-label={t('tickets.create.formLabel')}>
      <p className="muted small">{t('tickets.create.requiredNote')}</p>
      <div className="ticket-form-grid">
        <fieldset className="plain">
          <legend className="section-legend">{t('tickets.create.reporter')}</legend>
          <label className="field">
            <span>{required(t('tickets.fields.reporterName'))}</span>
            <input
              {...form.register('reporterName')}
              autoComplete="off"
              aria-required="true"
              aria-invalid={!!errors.reporterName}
            />
            <FieldMessage error={errors.reporterName} k="reporterName" />
          </label>
          <div className="grid2">
            <label className="field">
              <span>{required(t('tickets.fields.reporterPhone'))}</span>
              <input
                {...form.register('reporterPhone')}
                inputMode="tel"
                autoComplete="off"
                aria-required="true"
                aria-invalid={!!errors.reporterPhone}
              />
              <FieldMessage error={errors.reporterPhone} k="reporterPhone" />
            </label>
            <label className="field">
              <span>{t('tickets.fields.reporterEmail')}</span>
              <input
                {...form.register('reporterEmail', {
                  onChange: (e: { target: { value: string } }) => {
                    if (!notifyChosen) {
                      form.setValue('notifyBy', e.target.value.trim() ? 'email' : 'sms');
                    }
                  },
                })}
                type="email"
                autoComplete="off"
                aria-invalid={!!errors.reporterEmail}
              />
              <FieldMessage error={errors.reporterEmail} k="reporterEmail" />
            </label>
          </div>
          <div className="grid2">
            <label className="field">
              <span>{required(t('tickets.fields.customer'))}</span>
              <select
                {...form.register('customerId')}
                aria-required="true"
                aria-invalid={!!errors.customerId}
              >
                <option value="">{t('calls.log.noCustomer')}</option>
                {customers.data?.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
              <FieldMessage error={errors.customerId} k="customerId" />
            </label>
            <label className="field">
              <span>{required(t('tickets.fields.workplace'))}</span>
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
              <FieldMessage error={errors.workplace} k="workplace" />
            </label>
          </div>
          <fieldset className="field outcomes" aria-invalid={!!errors.notifyBy}>
            <legend>{t('tickets.fields.notifyBy')}</legend>
            {NOTIFY_CHANNELS.map((n) => (
              <label key={n} className="radio">
                <input
                  type="radio"
                  value={n}
                  {...form.register('notifyBy', {
                    onChange: () => setNotifyChosen(true),
                  })}
                />{' '}
                {t(`tickets.notify.${n}`)}
              </label>
            ))}
            {notifyBy === 'sms' && <small className="hint">{t('tickets.messages.smsNoGatewayHint')}</small>}
            <FieldMessage error={errors.notifyBy} k="notifyBy" />
          </fieldset>
        </fieldset>
        <fieldset className="plain">
          <legend className="section-legend">{t('tickets.create.case')}</legend>
          <label className="field">
            <span>{t('tickets.fields.titleOptional')}</span>
            <input {...form.register('title')} autoComplete="off" aria-invalid={!!errors.title} />
            <FieldMessage error={errors.title} k="title" />
          </label>
          <label className="field">
            <span>{required(t('tickets.fields.description'))}</span>
            <textarea
              rows={5}
              {...form.register('description')}
              aria-required="true"
              aria-invalid={!!errors.description}
            />
            <FieldMessage error={errors.description} k="description" />
          </label>
          <div className="grid2">
            <label className="field">
              <span>{required(t('tickets.fields.system'))}</span>
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
              <FieldMessage error={errors.system} k="system" />
            </label>
            <label className="field">
              <span>{required(t('tickets.fields.category'))}</span>
              <select {...form.register('category')} aria-required="true" aria-invalid={!!errors.category}>
                {TICKET_CATEGORIES.map((c) => (
                  <option key={c} value={c}>
                    {t(`tickets.categories.${c}`)}
                  </option>
                ))}
              </select>
              <FieldMessage error={errors.category} k="category" />
            </label>
          </div>
          <div className="grid2">
            <label className="field">
              <span>{required(t('tickets.fields.channel'))}</span>
              {fromCall ? (
                <input value={t('tickets.channels.phone')} readOnly aria-readonly="true" />
              ) : (
                <select {...form.register('channel')} aria-required="true">
                  {TICKET_CHANNELS.map((c) => (
                    <option key={c} value={c}>
                      {t(`tickets.channels.${c}`)}
                    </option>
                  ))}
                </select>
              )}
              <FieldMessage error={errors.channel} k="channel" />
            </label>
            <label className="field">
              <span>{t('tickets.fields.deviceOptional')}</span>
              <input {...form.register('device')} autoComplete="off" aria-invalid={!!errors.device} />
              <FieldMessage error={errors.device} k="device" />
            </label>
          </div>
        </fieldset>
      </div>
      <Controller
        control={form.control}
        name="priority"
        render={({ field }) => <PriorityPicker value={field.value} onChange={field.onChange} />}
      />
      {errors.root && (
        <p className="notice" role="alert">
          {errors.root.message}
        </p>
      )}
      <div className="row end">
        <Link href={fromCall ? '/' : '/tickets'} className="button ghost">
          {t('common.cancel')}
        </Link>
        <button type="submit" className="primary big" disabled={create.isPending}>
          {t('tickets.create.submit')}
        </button>
      </div>
    </form>
  );
}
