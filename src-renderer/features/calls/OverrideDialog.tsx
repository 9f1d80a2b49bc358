// A team lead takes a call out of arrival order (R3): the reason is required
// and recorded with the call.
import { useEffect, useRef } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { formatPhone } from '../../../src-shared/phone';
import type { CallView } from '../../../src-shared/calls/schemas';
import { errorMessage, fieldMessages } from '../../app/errors';
import { useCallMutations } from './useCallMutations';

export function OverrideDialog({
  call,
  onClose,
  onDone,
}: {
  call: CallView;
  onClose(): void;
  onDone(): void;
}) {
  const { t } = useTranslation();
  const { take } = useCallMutations();
  const form = useForm<{ reason: string }>({ defaultValues: { reason: '' } });
  const dialogRef = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const submit = form.handleSubmit((v) =>
    take.mutate(
      { callId: call.id, override: { reason: v.reason } },
      {
        onSuccess: onDone,
        onError: (e) => {
          const fields = fieldMessages(e, t);
          form.setError('reason', { message: fields['override.reason'] ?? errorMessage(e, t) });
        },
      },
    ),
  );

  return (
    <dialog ref={dialogRef} className="dialog" onClose={onClose} aria-labelledby="override-title">
      <form onSubmit={submit} noValidate>
        <h2 id="override-title">{t('calls.override.title')}</h2>
        <p>{t('calls.override.explain', { number: formatPhone(call.callerNumber) })}</p>
        <label className="field">
          <span>{t('calls.override.reason')} *</span>
          <textarea
            autoFocus
            rows={3}
            {...form.register('reason')}
            aria-invalid={!!form.formState.errors.reason}
          />
          {form.formState.errors.reason && (
            <small className="field-error">{form.formState.errors.reason.message}</small>
          )}
        </label>
        <div className="row end">
          <button type="button" className="ghost" onClick={() => dialogRef.current?.close()}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="primary" disabled={take.isPending}>
            {t('calls.override.submit')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
