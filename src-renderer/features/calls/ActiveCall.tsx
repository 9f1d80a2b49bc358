// The call the agent is on: caller details, summary and outcome, with live
// waiting and talk times. Saving keeps the call open; finishing ends it.
import { useQuery } from '@tanstack/react-query';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { CALL_OUTCOMES, type CallView } from '../../../src-shared/calls/schemas';
import { formatDuration, talkMs, waitingMs } from '../../../src-shared/calls/durations';
import { formatPhone } from '../../../src-shared/phone';
import { useTRPC } from '../../app/trpc';
import { useNow } from '../../app/useNow';
import { errorMessage, fieldMessages } from '../../app/errors';
import { formatClock, todayAt } from '../../app/format';
import { useCallMutations } from './useCallMutations';

interface Form {
  callerName: string;
  callerNumber: string;
  customerId: string;
  workplace: string;
  summary: string;
  outcome: string;
  endedAt: string;
}

export function ActiveCall({ call }: { call: CallView }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const now = useNow(1000);
  const customers = useQuery(trpc.calls.customers.queryOptions());
  const { update, finish } = useCallMutations();
  const form = useForm<Form>({
    defaultValues: {
      callerName: call.callerName ?? '',
      callerNumber: formatPhone(call.callerNumber),
      customerId: call.customerId ?? '',
      workplace: call.workplace ?? '',
      summary: call.summary ?? '',
      outcome: '',
      endedAt: '',
    },
  });
  const errors = form.formState.errors;
  const customerId = useWatch({ control: form.control, name: 'customerId' });
  const workplaces = customers.data?.find((c) => c.id === customerId)?.workplaces ?? [];

  const details = (v: Form) => ({
    callId: call.id,
    callerName: v.callerName || undefined,
    callerNumber: v.callerNumber || undefined,
    customerId: v.customerId || undefined,
    workplace: v.workplace || undefined,
    summary: v.summary || undefined,
  });
  const showErrors = (e: unknown) => {
    const fields = fieldMessages(e, t);
    if (Object.keys(fields).length === 0) form.setError('root', { message: errorMessage(e, t) });
    for (const [field, message] of Object.entries(fields)) form.setError(field as keyof Form, { message });
  };

  const save = form.handleSubmit((v) => update.mutate(details(v), { onError: showErrors }));
  const end = form.handleSubmit((v) => {
    if (!v.outcome) return form.setError('outcome', { message: t('validation.outcome') });
    let endedAt: string | undefined;
    if (v.endedAt.trim()) {
      const at = todayAt(v.endedAt);
      if (!at) return form.setError('endedAt', { message: t('validation.time') });
      endedAt = at;
    }
    finish.mutate(
      { ...details(v), outcome: v.outcome as (typeof CALL_OUTCOMES)[number], endedAt },
      { onError: showErrors },
    );
  });

  return (
    <section className="card active-call" aria-labelledby="active-title">
      <div className="row spread">
        <h2 id="active-title">{t('calls.active.title')}</h2>
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
      <form onSubmit={end} noValidate>
        <div className="grid2">
          <label className="field">
            <span>{t('calls.fields.callerName')}</span>
            <input {...form.register('callerName')} aria-invalid={!!errors.callerName} />
            {errors.callerName && <small className="field-error">{errors.callerName.message}</small>}
          </label>
          <label className="field">
            <span>{t('calls.fields.callerNumber')}</span>
            <input {...form.register('callerNumber')} inputMode="tel" aria-invalid={!!errors.callerNumber} />
            {errors.callerNumber && <small className="field-error">{errors.callerNumber.message}</small>}
          </label>
          <label className="field">
            <span>{t('calls.fields.customer')}</span>
            <select {...form.register('customerId')}>
              <option value="">{t('calls.log.noCustomer')}</option>
              {customers.data?.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('calls.fields.workplace')}</span>
            <input {...form.register('workplace')} list="active-workplaces" />
            <datalist id="active-workplaces">
              {workplaces.map((w) => (
                <option key={w} value={w} />
              ))}
            </datalist>
          </label>
        </div>
        <label className="field">
          <span>{t('calls.fields.summary')}</span>
          <textarea rows={4} {...form.register('summary')} aria-invalid={!!errors.summary} />
          {errors.summary && <small className="field-error">{errors.summary.message}</small>}
        </label>
        <fieldset className="field outcomes" aria-invalid={!!errors.outcome}>
          <legend>{t('calls.fields.outcome')}</legend>
          {CALL_OUTCOMES.map((o) => (
            <label key={o} className="radio">
              <input type="radio" value={o} {...form.register('outcome')} /> {t(`calls.outcomes.${o}`)}
            </label>
          ))}
          {errors.outcome && <small className="field-error">{errors.outcome.message}</small>}
        </fieldset>
        <label className="field narrow-field">
          <span>{t('calls.fields.endedAt')}</span>
          <input
            {...form.register('endedAt')}
            placeholder={t('calls.log.now')}
            aria-invalid={!!errors.endedAt}
          />
          {errors.endedAt && <small className="field-error">{errors.endedAt.message}</small>}
        </label>
        {errors.root && (
          <p className="notice" role="alert">
            {errors.root.message}
          </p>
        )}
        <div className="row end">
          <button type="button" onClick={save} disabled={update.isPending}>
            {t('calls.active.save')}
          </button>
          <button type="submit" className="primary" disabled={finish.isPending}>
            {t('calls.active.finish')}
          </button>
        </div>
      </form>
    </section>
  );
}
