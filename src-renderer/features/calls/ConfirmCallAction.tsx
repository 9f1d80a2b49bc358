// A confirmation before a call leaves a list for good (issue 18): "Lagt på"
// beside "Ta" in the queue and "Ringt tilbake" in the missed calls are one
// misclick away, so each asks first. "Avbryt" has the focus (Enter on a
// misclick does no harm); what is confirmed is recorded with the call as
// before (who and when).
import { useTranslation } from 'react-i18next';
import { FormError } from '../../app/forms';
import { useModalDialog } from '../../app/useModalDialog';

export function ConfirmCallAction({
  title,
  explain,
  confirm,
  pending,
  error,
  onConfirm,
  onClose,
}: {
  title: string;
  explain: string;
  confirm: string;
  pending: boolean;
  error: string | null;
  onConfirm(): void;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const dialogRef = useModalDialog();

  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      onClose={onClose}
      aria-labelledby="confirm-call-title"
      aria-describedby="confirm-call-explain"
      data-testid="confirm-call-action"
    >
      <h2 id="confirm-call-title">{title}</h2>
      <p id="confirm-call-explain">{explain}</p>
      <FormError message={error} />
      <div className="row end">
        <button type="button" className="ghost" data-autofocus onClick={() => dialogRef.current?.close()}>
          {t('common.cancel')}
        </button>
        <button type="button" className="primary" disabled={pending} onClick={onConfirm}>
          {confirm}
        </button>
      </div>
    </dialog>
  );
}
