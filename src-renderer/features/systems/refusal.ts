// A refused change on a systems form: a rule of the register (R22–R24, a name
// already taken) lands next to the field it names, worded for that field
// where one code covers several rules (systems.refusals.<code>.<field>);
// anything else is placed by the app's one mapping (app/forms).
import type { TFunction } from 'i18next';
import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';
import { asDeskError, domainParams } from '../../app/errors';
import { showServerErrors } from '../../app/forms';

export function showRefusal<T extends FieldValues>(
  form: UseFormReturn<T>,
  e: unknown,
  t: TFunction,
  fields: readonly string[],
  rename: Record<string, string> = {},
): void {
  const err = asDeskError(e);
  const domain = err?.data?.domain;
  const named = typeof domain?.details.field === 'string' ? domain.details.field : null;
  const field = named ? (rename[named] ?? named) : null;
  if (domain && named && field && fields.includes(field)) {
    const message = t([`systems.refusals.${domain.code}.${named}`, `domain.${domain.code}`], {
      ...domainParams(domain.details, t),
      defaultValue: err?.message ?? '',
    });
    // No type: the message is shown as it is (app/forms/formErrors.ts).
    form.setError(field as Path<T>, { message });
    return;
  }
  showServerErrors(form, e, t, fields, { rename });
}
