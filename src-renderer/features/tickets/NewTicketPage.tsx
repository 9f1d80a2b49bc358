// Creating a ticket (R5, R6): from a taken call in one step (the call's caller,
// customer, workplace and summary carry over, the channel is phone and the
// answered call is the first response, R8), or directly for an e-mail or web
// message. The form validates with the server's own schema; every required
// field is marked and every error is shown next to its field. After saving,
// the ticket page opens. The system is the register's or free text, a data
// restore is a kind of its own (R13), and the moment the form names a system or
// a customer the active operational notices about them show, each linked to the
// new ticket with one click (R14).
import { useEffect, useRef } from 'react';
import { useQuery } from '@tanstack/react-query';
import { zodResolver } from '@hookform/resolvers/zod';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import type { z } from 'zod';
import { formatPhone } from '../../../src-shared/phone';
import { TICKET_ROLES } from '../../../src-shared/roles';
import { TICKET_CHANNELS, ticketCreateInput } from '../../../src-shared/tickets/schemas';
import { useSignedInUser, type SignedInUser } from '../../app/account';
import { domainCode, errorMessage } from '../../app/errors';
import { formatClock } from '../../app/format';
import { Field, Form, FormError, FormField, OptionList, showServerErrors } from '../../app/forms';
import { useTRPC } from '../../app/trpc';
import { DeviceChoice } from '../equipment';
import { PriorityPicker } from '../sla';
import { NoticeBanner, useConcerningNotices } from './systemLinks/NoticeBanner';
import {
  CaseFields,
  defaultNotifyBy,
  ReporterFields,
  restoreNeedsSystem,
  TICKET_WORDING,
} from './TicketDetailsFields';
import { AssigneeField } from './AssigneeField';
import { shownReference } from './text';
import { TicketTabs } from './TicketTabs';
import { useTicketMutations } from './useTicketMutations';

/** The desk's schema, and R13 said before the desk says it. */
const newTicketForm = ticketCreateInput.superRefine(restoreNeedsSystem);
type Input = z.input<typeof newTicketForm>;
type Output = z.output<typeof newTicketForm>;

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
  'deviceId',
  'notifyBy',
  'kind',
  'assigneeId',
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
  deviceId: null,
  notifyBy: 'none',
  systemId: null,
  kind: 'standard',
  callId: null,
  noticeId: null,
  assigneeId: null,
  assigneeName: null,
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
  const user = useSignedInUser();
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
      notifyBy: defaultNotifyBy(email),
      reporterPhone: formatPhone(c.callerNumber),
      customerId: c.customerId ?? '',
      workplace: c.workplace ?? '',
      description: c.summary ?? '',
      channel: 'phone',
      callId: c.id,
      // The agent's own call: theirs unless they choose otherwise.
      assigneeId: user?.id ?? null,
      assigneeName: user?.displayName ?? null,
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
  const [, navigate] = useLocation();
  const { create } = useTicketMutations();
  const trpc = useTRPC();
  const form = useForm<Input, unknown, Output>({
    resolver: zodResolver(newTicketForm),
    defaultValues: initial,
  });
  const [systemId, customerId, noticeId] = useWatch({
    control: form.control,
    name: ['systemId', 'customerId', 'noticeId'],
  });
  const concerning = useConcerningNotices(systemId, customerId);
  // The chosen notice stays in view (and chosen) if the agent then names another system.
  const chosenElsewhere = !!noticeId && !concerning.some((n) => n.id === noticeId);
  const chosen = useQuery(
    trpc.systems.notice.queryOptions({ id: noticeId ?? '' }, { enabled: chosenElsewhere, retry: false }),
  );
  const notices = chosenElsewhere && chosen.data ? [chosen.data, ...concerning] : concerning;
  const choose = (id: string | null) => form.setValue('noticeId', id, { shouldDirty: true });

  // Once, when the form opens: the page above rebuilds `initial` on every render (its queries
  // refetch), and focus must not move away from a field the agent has gone to meanwhile.
  const focusedOnce = useRef(false);
  useEffect(() => {
    if (focusedOnce.current) return;
    focusedOnce.current = true;
    const first = (['reporterName', 'reporterPhone', 'customerId', 'workplace', 'description'] as const).find(
      (f) => !initial[f],
    );
    form.setFocus(first ?? 'system');
  }, [form, initial]);

  const submit = form.handleSubmit((values) =>
    create.mutate(values, {
      onSuccess: (r) => navigate(`/tickets/${r.id}`),
      onError: (e) => {
        // R13: the desk's refusal lands on the kind, worded as the form's own check words it.
        if (domainCode(e) === 'restoreNeedsSystem') form.setError('kind', { type: 'custom' });
        else showServerErrors(form, e, t, FIELDS, { rename: { systemId: 'system' } });
      },
    }),
  );

  return (
    <Form form={form} wording={TICKET_WORDING} onSubmit={submit} aria-label={t('tickets.create.formLabel')}>
      <p className="muted small">{t('tickets.create.requiredNote')}</p>
      <NoticeBanner
        notices={notices}
        selectedId={noticeId}
        onSelect={choose}
        onUnselect={() => choose(null)}
        style={{ margin: '0.75rem 0' }}
      />
      <div className="ticket-form-grid">
        <ReporterFields notifyFollowsEmail />
        <CaseFields
          channel={
            fromCall ? (
              <Field label={t('tickets.fields.channel')} required>
                <input value={t('tickets.channels.phone')} readOnly aria-readonly="true" />
              </Field>
            ) : (
              <FormField label={t('tickets.fields.channel')} required registration={form.register('channel')}>
                {(c) => (
                  <select {...c}>
                    <OptionList values={TICKET_CHANNELS} labels="tickets.channels" />
                  </select>
                )}
              </FormField>
            )
          }
        />
      </div>
      <Controller
        control={form.control}
        name="deviceId"
        render={({ field }) => <DeviceChoice value={field.value} onChange={field.onChange} />}
      />
      <AssigneeField />
      <Controller
        control={form.control}
        name="priority"
        render={({ field }) => <PriorityPicker value={field.value} onChange={field.onChange} />}
      />
      <FormError message={form.formState.errors.root?.message} />
      <div className="row end">
        <Link href={fromCall ? '/' : '/tickets'} className="button ghost">
          {t('common.cancel')}
        </Link>
        <button type="submit" className="primary big" disabled={create.isPending}>
          {t('tickets.create.submit')}
        </button>
      </div>
    </Form>
  );
}
