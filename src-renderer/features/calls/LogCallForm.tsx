// Logging an arriving call (R3): number first, everything else optional, Enter
// saves and the form is ready for the next call. Alt+N jumps here from anywhere.
// For calls that come another way than through the phone system: as the
// number is typed, the directory says whose it is and offers to fill in the
// caller's name, municipality and workplace (issue 6).
import { useEffect } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { parsePhone } from '../../../src-shared/phone';
import { useTRPC } from '../../app/trpc';
import { useDebounced } from '../../app/useDebounced';
import { fieldMessages } from '../../app/errors';
import { todayAt } from '../../app/format';
import { useCallMutations } from './useCallMutations';
import { CallerCard } from './caller';

interface Form {
  arrivedAt: string;
  callerNumber: string;
  callerName: string;
  customerId: string;
  workplace: string;
}
const EMPTY: Form = { arrivedAt: '', callerNumber: '', callerName: '', customerId: '', workplace: '' };

export function LogCallForm() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const customers = useQuery(trpc.calls.customers.queryOptions());
  const { log } = useCallMutations();
  const form = useForm<Form>({ defaultValues: EMPTY });
  const errors = form.formState.errors;
  const [customerId, typedNumber] = useWatch({ control: form.control, name: ['customerId', 'callerNumber'] });
  const workplaces = customers.data?.find((c) => c.id === customerId)?.workplaces ?? [];
  const number = useDebounced(typedNumber.trim(), 300);
  const lookUp = number !== '' && parsePhone(number).ok;
  const recognized = useQuery(trpc.reporters.recognize.queryOptions({ number }, { enabled: lookUp }));
  const caller = lookUp && typedNumber.trim() === number ? (recognized.data ?? null) : null;
  const unknown = lookUp && typedNumber.trim() === number && recognized.isSuccess && recognized.data === null;
  const fillFromDirectory = () => {
    if (!caller) return;
    form.setValue('callerName', caller.name, { shouldDirty: true });
    form.setValue('customerId', caller.customerId, { shouldDirty: true });
    form.setValue('workplace', caller.workplace, { shouldDirty: true });
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey && (e.key === 'n' || e.key === 'N')) {
        e.preventDefault();
        form.setFocus('callerNumber');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [form]);

  const submit = form.handleSubmit(async (v) => {
    let arrivedAt: string | undefined;
    if (v.arrivedAt.trim()) {
      const at = todayAt(v.arrivedAt);
      if (!at) return form.setError('arrivedAt', { message: t('validation.time') });
      arrivedAt = at;
    }
    try {
      await log.mutateAsync({
        arrivedAt,
        callerNumber: v.callerNumber,
        callerName: v.callerName || undefined,
        customerId: v.customerId || undefined,
        workplace: v.workplace || undefined,
      });
      form.reset(EMPTY);
      form.setFocus('callerNumber');
    } catch (e) {
      for (const [field, message] of Object.entries(fieldMessages(e, t))) {
        form.setError(field as keyof Form, { message });
      }
    }
  });

  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="log-call-title">
      <h2 id="log-call-title">
        {t('calls.log.title')} <kbd>Alt+N</kbd>
      </h2>
      <div className="grid2">
        <label className="field">
          <span>{t('calls.fields.callerNumber')} *</span>
          <input
            {...form.register('callerNumber')}
            inputMode="tel"
            autoComplete="off"
            aria-invalid={!!errors.callerNumber}
          />
          {errors.callerNumber && <small className="field-error">{errors.callerNumber.message}</small>}
          {unknown && (
            <small className="hint" data-testid="log-caller-unknown">
              {t('calls.caller.unknownInDirectory')}
            </small>
          )}
        </label>
        <label className="field">
          <span>{t('calls.fields.arrivedAt')}</span>
          <input
            {...form.register('arrivedAt')}
            placeholder={t('calls.log.now')}
            aria-invalid={!!errors.arrivedAt}
          />
          {errors.arrivedAt && <small className="field-error">{errors.arrivedAt.message}</small>}
        </label>
      </div>
      {caller && <CallerCard caller={caller} onFill={fillFromDirectory} />}
      <label className="field">
        <span>{t('calls.fields.callerName')}</span>
        <input {...form.register('callerName')} autoComplete="off" aria-invalid={!!errors.callerName} />
        {errors.callerName && <small className="field-error">{errors.callerName.message}</small>}
      </label>
      <div className="grid2">
        <label className="field">
          <span>{t('calls.fields.customer')}</span>
          <select {...form.register('customerId')} aria-invalid={!!errors.customerId}>
            <option value="">{t('calls.log.noCustomer')}</option>
            {customers.data?.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
          {errors.customerId && <small className="field-error">{errors.customerId.message}</small>}
        </label>
        <label className="field">
          <span>{t('calls.fields.workplace')}</span>
          <input {...form.register('workplace')} list="log-workplaces" autoComplete="off" />
          <datalist id="log-workplaces">
            {workplaces.map((w) => (
              <option key={w} value={w} />
            ))}
          </datalist>
          {errors.workplace && <small className="field-error">{errors.workplace.message}</small>}
        </label>
      </div>
      <button type="submit" className="primary" disabled={log.isPending}>
        {t('calls.log.submit')}
      </button>
    </form>
  );
}
