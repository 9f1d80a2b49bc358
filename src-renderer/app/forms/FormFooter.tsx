// The end of a form: its own error (a refusal that names no field) and its buttons, Cancel
// beside the submit button when the form can be left without saving.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function FormError({ message }: { message: string | null | undefined }) {
  return message ? (
    <p className="notice" role="alert">
      {message}
    </p>
  ) : null;
}

export function FormButtons({
  onCancel,
  pending,
  shortcut = false,
  children,
}: {
  onCancel?(): void;
  /** Disables the submit button while the form's mutation runs. */
  pending: boolean;
  /** The submit button names Ctrl+Enter (the form's text box saves with it, see ctrlEnterTo). */
  shortcut?: boolean;
  /** The submit button's text. */
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="row end">
      {onCancel && (
        <button type="button" className="ghost" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      )}
      <button type="submit" className="primary" disabled={pending}>
        {children}
        {shortcut && (
          <>
            {' '}
            <kbd>Ctrl+Enter</kbd>
          </>
        )}
      </button>
    </div>
  );
}
