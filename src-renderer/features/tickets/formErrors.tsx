// Form fields and errors for the ticket forms, in the user's language: a schema error
// (zodResolver, same schema as the server) is worded per field and issue code
// (`tickets.errors.<field>.<code>`); a refusal from the desk goes next to the
// field it names, or above the form's buttons.
import type { ReactNode } from 'react';
import type { TFunction } from 'i18next';
import type { FieldError, FieldValues, Path, UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { asDeskError, errorMessage } from '../../app/errors';

/** Marks an error whose message is already translated. */
const SERVER = 'server';

export function errorText(t: TFunction, key: string, error: FieldError | undefined): string | null {
  if (!error) return null;
  if (error.type === SERVER) return error.message ?? '';
  const type = String(error.type);
  return t([`tickets.errors.${key}.${type}`, `tickets.errors.${key}.any`, `validation.${type}`], {
    defaultValue: error.message ?? '',
  });
}

/** The message under a field; `k` names its wording when the form field's name is not unique enough. */
export function FieldMessage({ error, k }: { error: FieldError | undefined; k: string }) {
  const { t } = useTranslation();
  const text = errorText(t, k, error);
  return text ? (
    <small className="field-error" role="alert">
      {text}
    </small>
  ) : null;
}

/** The mark of a required field. */
export function Req() {
  const { t } = useTranslation();
  return <abbr title={t('tickets.create.required')}>*</abbr>;
}

/** A labelled form field: its label (marked when required), the control, and its error beneath. */
export function Field({
  label,
  required = false,
  error,
  k,
  children,
}: {
  label: ReactNode;
  required?: boolean;
  error: FieldError | undefined;
  /** Names the error's wording (see FieldMessage). */
  k: string;
  children: ReactNode;
}) {
  return (
    <label className="field">
      <span>
        {label}
        {required && (
          <>
            {' '}
            <Req />
          </>
        )}
      </span>
      {children}
      <FieldMessage error={error} k={k} />
    </label>
  );
}

/**
 * Shows a refused mutation on the form: validation issues next to their fields (matched by the
 * last part of the path, so "work.remote.endedAt" lands on "endedAt"; `rename` maps the server's
 * name to the form's), a rule naming a field next to it, anything else as the form's own error.
 */
export function showServerErrors<T extends FieldValues>(
  form: UseFormReturn<T>,
  e: unknown,
  t: TFunction,
  fields: readonly string[],
  rename: Record<string, string> = {},
): void {
  const data = asDeskError(e)?.data;
  let placed = false;
  for (const [path, issues] of Object.entries(data?.fieldErrors ?? {})) {
    const last = path.split('.').pop() ?? path;
    const field = rename[last] ?? last;
    const issue = issues[0];
    if (issue && fields.includes(field)) {
      form.setError(field as Path<T>, { type: issue.code, message: issue.message });
      placed = true;
    }
  }
  const named = data?.domain?.details.field;
  const domainField = typeof named === 'string' ? (rename[named] ?? named) : null;
  if (domainField && fields.includes(domainField)) {
    form.setError(domainField as Path<T>, { type: SERVER, message: errorMessage(e, t) });
    placed = true;
  }
  if (!placed) form.setError('root', { type: SERVER, message: errorMessage(e, t) });
}
