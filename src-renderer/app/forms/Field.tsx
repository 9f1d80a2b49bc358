// The one labelled field every form uses: its label (marked when required), the control, and
// beneath it the error in the user's language (formErrors.ts), or a hint while there is none.
// FormField is the same field bound to its react-hook-form form: it finds the field's error and
// wording by the registered name and hands the control its registration and aria attributes.
import { useId, type ReactNode } from 'react';
import {
  get,
  useFormContext,
  useFormState,
  type FieldError,
  type UseFormRegisterReturn,
} from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useFieldWording } from './Form';
import { errorText } from './formErrors';

/** The mark of a required field. */
function RequiredMark() {
  const { t } = useTranslation();
  return <abbr title={t('common.required')}>*</abbr>;
}

/** The message under a field, worded by `messages` (see errorText); nothing while there is no error. */
export function FieldMessage({ error, messages }: { error: FieldError | undefined; messages?: string }) {
  const { t } = useTranslation();
  const text = errorText(t, error, messages);
  return text ? (
    <small className="field-error" role="alert">
      {text}
    </small>
  ) : null;
}

/** A field's error as its form holds it now, by the field's registered name ("calendar.open"). */
export function useFieldError(name: string): FieldError | undefined {
  const { control } = useFormContext();
  const { errors } = useFormState({ control, name });
  return get(errors, name) as FieldError | undefined;
}

interface FieldLayout {
  label: ReactNode;
  /** Marks the label (and, on a FormField, the control: aria-required). */
  required?: boolean;
  /** Shown beneath the control while there is no error. */
  hint?: ReactNode;
  /** More classes beside "field": "inline", "grow", "narrow-field". */
  className?: string;
}

export function Field({
  label,
  required = false,
  error,
  messages,
  hint,
  hintId,
  className,
  children,
}: FieldLayout & {
  error?: FieldError;
  /** The i18n key of this field's own error wording (see errorText). */
  messages?: string;
  /** With an id, the hint is the control's description (its aria-describedby), kept out of the label's name. */
  hintId?: string;
  children: ReactNode;
}) {
  return (
    <label className={className ? `field ${className}` : 'field'}>
      <span>
        {label}
        {required && (
          <>
            {' '}
            <RequiredMark />
          </>
        )}
      </span>
      {children}
      {error ? (
        <FieldMessage error={error} messages={messages} />
      ) : (
        hint && (
          <small id={hintId} className="hint" aria-hidden={hintId ? 'true' : undefined}>
            {hint}
          </small>
        )
      )}
    </label>
  );
}

/** What a FormField hands its control: the registration and the aria attributes. */
export type ControlProps = UseFormRegisterReturn & {
  'aria-invalid': boolean;
  'aria-required'?: 'true';
  'aria-describedby'?: string;
};

export function FormField({
  registration,
  messages,
  children,
  ...layout
}: FieldLayout & {
  /** `form.register(name, options)`. */
  registration: UseFormRegisterReturn;
  /** The field's own error wording, if not `<form's wording>.<name>`. */
  messages?: string;
  children(control: ControlProps): ReactNode;
}) {
  const error = useFieldError(registration.name);
  const wording = useFieldWording(registration.name, messages);
  const hintId = useId();
  const control: ControlProps = {
    ...registration,
    'aria-invalid': !!error,
    ...(layout.required ? { 'aria-required': 'true' as const } : {}),
    ...(layout.hint ? { 'aria-describedby': hintId } : {}),
  };
  return (
    <Field {...layout} error={error} messages={wording} hintId={layout.hint ? hintId : undefined}>
      {children(control)}
    </Field>
  );
}
