// The call the agent is on: caller details, summary and outcome, with live
// waiting and talk times. Saving keeps the call open; finishing ends it.
// "Lag sak" (Alt+T) saves the call's details and opens the ticket form
// prefilled from them; once the call has a ticket, it links to it.
// A call answered on the phone opens here by itself, with the caller the
// directory recognises; when the phone has hung up already, the end time is
// the phone system's and the agent only finishes it with an outcome.
// Taken on this desk (F2, "Ta"), the panel takes the focus: the caller's
// name field (issue 18), so the keyboard is where the typing starts.
import { useEffect, useEffectEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { FINISH_OUTCOMES, type CallView, type FinishOutcome } from '../../../src-shared/calls/schemas';
import { formatDuration, talkMs, waitingMs } from '../../../src-shared/calls/durations';
import { formatPhone } from '../../../src-shared/phone';
import { ChoiceField, CustomerFields, Form, FormError, FormField, showServerErrors } from '../../app/forms';
import { useTRPC } from '../../app/trpc';
import { useNow } from '../../app/useNow';
import { formatClock } from '../../app/format';
import { recentAt } from '../../app/typedTime';
import { useCallMutations } from './useCallMutations';
import { CallerCard, PhoneMarker } from './caller';

interface Values {
  callerName: string;
  callerNumber: string;
  customerId: string;
  workplace: string;
  summary: string;
  outcome: string;
  endedAt: string;
}
const FIELDS: readonly (keyof Values)[] = [
  'callerName',
  'callerNumber',
  'customerId',
  'workplace',
  'summary',
  'outcome',
  'endedAt',
];

export function ActiveCall({ call, focusOnOpen = false }: { call: CallView; focusOnOpen?: boolean }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const now = useNow(1000);
  const [, navigate] = useLocation();
  const ticket = useQuery(trpc.tickets.forCall.queryOptions({ callId: call.id }));
  const { update, finish } = useCallMutations();
  const form = useForm<Values>({
    defaultValues: {
      callerName: call.callerName ?? '',
      // "anonymous" and the like are not a number to keep: the field starts empty (and is left as it is).
      callerNumber: /\d/.test(call.callerNumber) ? formatPhone(call.callerNumber) : '',
      customerId: call.customerId ?? '',
      workplace: call.workplace ?? '',
      summary: call.summary ?? '',
      outcome: '',
      endedAt: '',
    },
  });
  useEffect(() => {
    if (focusOnOpen) form.setFocus('callerName');
  }, [focusOnOpen, form]);
  const [customerId, callerName, workplace] = useWatch({
    control: form.control,
    name: ['customerId', 'callerName', 'workplace'],
  });
  const caller = call.caller;
  const differsFromDirectory =
    !!caller &&
    (callerName.trim() !== caller.name ||
      customerId !== caller.customerId ||
      workplace.trim() !== caller.workplace);
  const fillFromDirectory = () => {
    if (!caller) return;
    const opts = { shouldDirty: true, shouldValidate: false };
    form.setValue('callerName', caller.name, opts);
    form.setValue('customerId', caller.customerId, opts);
    form.setValue('workplace', caller.workplace, opts);
  };
  /** Set while the call is still taken: the phone system reported the hang-up. */
  const phoneEndedAt = call.endedAt;

  const details = (v: Values) => ({
    callId: call.id,
    callerName: v.callerName || undefined,
    callerNumber: v.callerNumber || undefined,
    customerId: v.customerId || undefined,
    workplace: v.workplace || undefined,
    summary: v.summary || undefined,
  });
  const showErrors = (e: unknown) => showServerErrors(form, e, t, FIELDS);

  const save = form.handleSubmit((v) => update.mutate(details(v), { onError: showErrors }));
  /** Keeps what was typed about the call, then opens the ticket form prefilled from it. */
  const makeTicket = form.handleSubmit((v) =>
    update.mutate(details(v), {
      onSuccess: () => navigate(`/tickets/new/call/${call.id}`),
      onError: showErrors,
    }),
  );
  const hasTicket = !!ticket.data;
  // A call that became a ticket needed one: its outcome is chosen already (the agent may change it).
  useEffect(() => {
    if (hasTicket && !form.getValues('outcome')) form.setValue('outcome', 'ticket_needed');
  }, [hasTicket, form]);
  const onMakeTicketKey = useEffectEvent(() => void makeTicket());
  useEffect(() => {
    if (hasTicket) return;
    // Capture phase: before the shell's Alt+T (a blank ticket), make the ticket from this call.
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey && !e.ctrlKey && !e.metaKey && (e.key === 't' || e.key === 'T' || e.code === 'KeyT')) {
        e.preventDefault();
        onMakeTicketKey();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [hasTicket]);
  const end = form.handleSubmit((v) => {
    if (!v.outcome) return form.setError('outcome', { type: 'outcome' });
    let endedAt: string | undefined;
    if (v.endedAt.trim()) {
      const at = recentAt(v.endedAt);
      if (!at) return form.setError('endedAt', { type: 'time' });
      endedAt = at;
    }
    finish.mutate({ ...details(v), outcome: v.outcome as FinishOutcome, endedAt }, { onError: showErrors });
  });

  return (
    <section className="card active-call" aria-labelledby="active-title">
      <div className="row spread">
        <h2 id="active-title">
          {t('calls.active.title')}
          {call.source === 'phone' && (
            <>
              {' '}
              <PhoneMarker />
            </>
          )}
        </h2>
        <dl className="timers">
          <div>
            <dt>{t('calls.fields.arrivedAt')}</dt>
            <dd>{formatClock(call.arrivedAt)}</dd>
          </div>
          <div>
            <dt>{t('calls.fields.waiting')}</dt>
            <dd className="mono" data-testid="waiting-time">
              {formatDuration(waitingMs(call, now))}
            </dd>
          </div>
          <div>
            <dt>{t('calls.fields.talk')}</dt>
            <dd className="mono" data-testid="talk-time">
              {formatDuration(talkMs(call, now) ?? 0)}
            </dd>
          </div>
        </dl>
      </div>
      {call.overrideReason && (
        <p className="notice">
          {t('calls.active.overridden', { name: call.overrideByName, reason: call.overrideReason })}
        </p>
      )}
      {phoneEndedAt && (
        <p className="notice" role="status" data-testid="phone-ended">
          {t('calls.active.phoneEnded', { time: formatClock(phoneEndedAt) })}
        </p>
      )}
      {caller ? (
        <CallerCard caller={caller} onFill={differsFromDirectory ? fillFromDirectory : undefined} />
      ) : (
        /\d/.test(call.callerNumber) && (
          <p className="muted small" data-testid="caller-unknown">
            {t('calls.caller.unknownInDirectory')}
          </p>
        )
      )}
      <Form form={form} onSubmit={end}>
        <div className="grid2">
          <FormField label={t('calls.fields.callerName')} registration={form.register('callerName')}>
            {(c) => <input {...c} />}
          </FormField>
          <FormField label={t('calls.fields.callerNumber')} registration={form.register('callerNumber')}>
            {(c) => <input {...c} inputMode="tel" />}
          </FormField>
          <CustomerFields labels="calls.fields" listId="active-workplaces" />
        </div>
        <FormField label={t('calls.fields.summary')} registration={form.register('summary')}>
          {(c) => <textarea rows={4} {...c} />}
        </FormField>
        <ChoiceField
          legend={t('calls.fields.outcome')}
          options={FINISH_OUTCOMES}
          labels="calls.outcomes"
          registration={form.register('outcome')}
        />
        {phoneEndedAt ? (
          <div className="field narrow-field">
            <span>{t('calls.fields.endedAt')}</span>
            <p className="field-value" data-testid="ended-by-phone">
              {t('calls.active.endedByPhone', { time: formatClock(phoneEndedAt) })}
            </p>
          </div>
        ) : (
          <FormField
            label={t('calls.fields.endedAt')}
            className="narrow-field"
            registration={form.register('endedAt')}
          >
            {(c) => <input {...c} placeholder={t('calls.log.now')} />}
          </FormField>
        )}
        <FormError message={form.formState.errors.root?.message} />
        <div className="row end">
          {ticket.data ? (
            <Link href={`/tickets/${ticket.data.id}`} className="button" data-testid="call-ticket-link">
              {t('calls.active.ticket', {
                reference: ticket.data.reference ?? ticket.data.provisionalReference,
              })}
            </Link>
          ) : (
            <button type="button" onClick={makeTicket} disabled={update.isPending}>
              {t('calls.active.makeTicket')} <kbd>Alt+T</kbd>
            </button>
          )}
          <span className="toolbar-gap" />
          <button type="button" onClick={save} disabled={update.isPending}>
            {t('calls.active.save')}
          </button>
          <button type="submit" className="primary" disabled={finish.isPending}>
            {t('calls.active.finish')}
          </button>
        </div>
      </Form>
    </section>
  );
}
