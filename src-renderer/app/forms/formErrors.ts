// Form errors in the user's language, one mapping for every form. A field's error (the form's
// own check, zodResolver with the server's schema, or an issue the desk sent back) is worded when
// it is shown: by the field's own wording when it has some (`<messages>.<reason>`,
// `<messages>.<code>`, `<messages>.any`), else by the issue's reason or code (`validation.*`).
// A refused mutation lands next to the field it names, or above the form's buttons. What a
// refusal means as a sentence is app/errors.ts's; this module only places and words field errors.
import type { TFunction } from 'i18next';
import type { FieldError, FieldValues, Path, UseFormReturn } from 'react-hook-form';
import { asDeskError, errorMessage } from '../errors';

/** The type of an error whose message is already in the user's language (a rule the desk refused). */
const SERVER = 'server';

interface Issue {
  code: string;
  message: string;
  reason?: string;
}

/**
 * An issue from the desk as a form error: its code is the error's type, and its reason (a custom
 * check's "phone", "future", or a size check's "too_small_string") rides in `types`, ahead of it.
 */
function issueError(issue: Issue): FieldError {
  return {
    type: issue.code,
    message: issue.message,
    ...(issue.reason ? { types: { [issue.reason]: issue.message } } : {}),
  };
}

/**
 * What a field's error says. `messages` is the i18n key of the field's own wording, if it has any
 * (e.g. `tickets.errors.reporterName`). An error without a type, or of type SERVER, says its own
 * message; a custom check without a reason adds what it said ("Ugyldig verdi. (…)").
 */
export function errorText(t: TFunction, error: FieldError | undefined, messages?: string): string | null {
  if (!error) return null;
  const message = error.message ?? '';
  if (!error.type || error.type === SERVER) return message;
  const type = String(error.type);
  const reason = Object.keys(error.types ?? {})[0];
  const generic = t(`validation.${type}`, { defaultValue: message });
  const fallback = reason
    ? t(`validation.${reason}`, { defaultValue: generic })
    : type === 'custom' && message
      ? `${generic} (${message})`
      : generic;
  if (!messages) return fallback;
  const own = [...(reason ? [reason] : []), type, 'any'].map((k) => `${messages}.${k}`);
  return t(own, { defaultValue: fallback });
}

/** Where a refusal's issues go on a form (see showServerErrors). */
export interface ErrorPlacement {
  /** The server's name for a field (its whole path or its last part) → the form's. */
  rename?: Record<string, string>;
  /** The field that shows a refusal naming none of the fields; by default, the form's own error. */
  otherwise?: string;
  /** The wording of a refusal that names no field; by default errorMessage. */
  message?(e: unknown, t: TFunction): string;
}

/**
 * Shows a refused mutation on the form. `fields` are the form's fields that show their own errors:
 * an issue lands on the one its path names, whole or by its last part ("work.remote.endedAt" →
 * "endedAt"), after `rename`; or `fields` is a function that names the form's field for a path
 * (null: none). A rule naming a field goes next to it as a sentence; anything else is the form's.
 */
export function showServerErrors<T extends FieldValues>(
  form: UseFormReturn<T>,
  e: unknown,
  t: TFunction,
  fields: readonly string[] | ((path: string) => string | null),
  { rename = {}, otherwise, message = errorMessage }: ErrorPlacement = {},
): void {
  const fieldFor = (path: string): string | null => {
    if (typeof fields === 'function') return fields(path);
    const last = path.split('.').pop() ?? path;
    for (const name of [path, last]) {
      const field = rename[name] ?? name;
      if (fields.includes(field)) return field;
    }
    return null;
  };
  const data = asDeskError(e)?.data;
  let placed = false;
  for (const [path, issues] of Object.entries(data?.fieldErrors ?? {})) {
    const field = fieldFor(path);
    const issue = issues[0];
    if (field && issue) {
      form.setError(field as Path<T>, issueError(issue));
      placed = true;
    }
  }
  const named = data?.domain?.details.field;
  const domainField = typeof named === 'string' ? fieldFor(named) : null;
  if (domainField) {
    form.setError(domainField as Path<T>, { type: SERVER, message: errorMessage(e, t) });
    placed = true;
  }
  if (!placed) {
    form.setError((otherwise ?? 'root') as Path<T>, { type: SERVER, message: message(e, t) });
  }
}

/** A mutation's callbacks for a form: `onSuccess` once saved, else the refusal shown on the form (showServerErrors). */
export function savedOrShown<T extends FieldValues>(
  form: UseFormReturn<T>,
  t: TFunction,
  fields: readonly string[],
  onSuccess: () => void,
  placement?: ErrorPlacement,
) {
  return { onSuccess, onError: (e: unknown) => showServerErrors(form, e, t, fields, placement) };
}

/** What a refusal says about one input that is not on a react-hook-form form (a filter, a file), if anything. */
export function fieldErrorText(e: unknown, t: TFunction, field: string, messages?: string): string | null {
  const data = asDeskError(e)?.data;
  const issue = data?.fieldErrors?.[field]?.[0];
  if (issue) return errorText(t, issueError(issue), messages);
  return data?.domain?.details.field === field ? errorMessage(e, t) : null;
}
