// Logging an arriving call (R3): number first, everything else optional, Enter
// saves and the form is ready for the next call. Alt+N jumps here from anywhere.
// For calls that come another way than through the phone system: as the
// number is typed, the directory says whose it is and offers to fill in the
// caller's name, municipality and workplace (issue 6). Outside opening hours
// the form says so (issue 18), and the number follows the one phone rule
// (src-shared/phone.ts): a short number is refused here as it is typed.
import { useEffect } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { parsePhone } from '../../../src-shared/phone';
import { CustomerFields, Form, FormError, FormField, showServerErrors } from '../../app/forms';
import { useTRPC } from '../../app/trpc';
import { useDebounced } from '../../app/useDebounced';
import { recentAt } from '../../app/typedTime';
import { useNow } from '../../app/useNow';
import { useCallMutations } from './useCallMutations';
import { OutsideHours } from './OutsideHours';
import { CallerCard } from './caller';

const EMPTY = { arrivedAt: '', callerNumber: '', callerName: '', customerId: '', workplace: '' };
type Values = typeof EMPTY;
const FIELDS = Object.keys(EMPTY);

export function LogCallForm() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const { log } = useCallMutations();
  const form = useForm<Values>({ defaultValues: EMPTY });
  const typedNumber = useWatch({ control: form.control, name: 'callerNumber' });
  const typedArrival = useWatch({ control: form.control, name: 'arrivedAt' });
  const now = useNow(30_000);
  const typedArrivalAt = typedArrival.trim() ? recentAt(typedArrival) : null;
  const arrivalMs = typedArrivalAt ? Date.parse(typedArrivalAt) : now;
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
      const at = recentAt(v.arrivedAt);
      if (!at) return form.setError('arrivedAt', { type: 'time' });
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
      showServerErrors(form, e, t, FIELDS);
    }
  });

  return (
    <Form form={form} className="card" onSubmit={submit} aria-labelledby="log-call-title">
      <h2 id="log-call-title">
        {t('calls.log.title')} <kbd>Alt+N</kbd>
      </h2>
      <div className="grid2">
        <FormField
          label={t('calls.fields.callerNumber')}
          required
          registration={form.register('callerNumber')}
        >
          {(c) => (
            <>
              <input {...c} inputMode="tel" autoComplete="off" />
              {unknown && (
                <small className="hint" data-testid="log-caller-unknown">
                  {t('calls.caller.unknownInDirectory')}
                </small>
              )}
            </>
          )}
        </FormField>
        <FormField label={t('calls.fields.arrivedAt')} registration={form.register('arrivedAt')}>
          {(c) => <input {...c} placeholder={t('calls.log.now')} />}
        </FormField>
      </div>
      <OutsideHours atMs={arrivalMs} />
      {caller && <CallerCard caller={caller} onFill={fillFromDirectory} />}
      <FormField label={t('calls.fields.callerName')} registration={form.register('callerName')}>
        {(c) => <input {...c} autoComplete="off" />}
      </FormField>
      <div className="grid2">
        <CustomerFields labels="calls.fields" listId="log-workplaces" />
      </div>
      <FormError message={form.formState.errors.root?.message} />
      <button type="submit" className="primary" disabled={log.isPending}>
        {t('calls.log.submit')}
      </button>
    </Form>
  );
}
