// A team lead takes a call out of arrival order (R3): the reason is required
// and recorded with the call.
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { formatPhone } from '../../../src-shared/phone';
import type { CallView } from '../../../src-shared/calls/schemas';
import { Form, FormButtons, FormField, savedOrShown } from '../../app/forms';
import { useModalDialog } from '../../app/useModalDialog';
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
  const dialogRef = useModalDialog();

  const submit = form.handleSubmit((v) =>
    take.mutate(
      { callId: call.id, override: { reason: v.reason } },
      savedOrShown(form, t, ['reason'], onDone, { otherwise: 'reason' }),
    ),
  );

  return (
    <dialog ref={dialogRef} className="dialog" onClose={onClose} aria-labelledby="override-title">
      <Form form={form} onSubmit={submit}>
        <h2 id="override-title">{t('calls.override.title')}</h2>
        <p>{t('calls.override.explain', { number: formatPhone(call.callerNumber) })}</p>
        <FormField label={t('calls.override.reason')} required registration={form.register('reason')}>
          {(c) => <textarea data-autofocus rows={3} {...c} />}
        </FormField>
        <FormButtons onCancel={() => dialogRef.current?.close()} pending={take.isPending}>
          {t('calls.override.submit')}
        </FormButtons>
      </Form>
    </dialog>
  );
}
