// A choice among a few options, as radio buttons under a legend, with its error beneath (the
// outcome of a call, how to notify a reporter, with whom a plan was agreed), on a Form.
import type { ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FieldMessage, useFieldError } from './Field';
import { useFieldWording } from './Form';

export function ChoiceField<V extends string>({
  legend,
  options,
  labels,
  registration,
  messages,
  children,
}: {
  legend: ReactNode;
  options: readonly V[];
  /** Where the options' labels are: `<labels>.<option>`. */
  labels: string;
  /** `form.register(name, options)`, given to every option. */
  registration: UseFormRegisterReturn;
  messages?: string;
  /** Shown below the options (a hint). */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const error = useFieldError(registration.name);
  const wording = useFieldWording(registration.name, messages);
  return (
    <fieldset className="field outcomes" aria-invalid={!!error}>
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o} className="radio">
          <input type="radio" value={o} {...registration} /> {t(`${labels}.${o}`)}
        </label>
      ))}
      {children}
      <FieldMessage error={error} messages={wording} />
    </fieldset>
  );
}
