// A multi-select as a list of check boxes under a legend (the systems an
// outage or a notice names, its customers), bound to an array field of a Form.
import type { ReactNode } from 'react';
import { useController, useFormContext, type FieldValues, type Path } from 'react-hook-form';
import { FieldMessage } from '../../app/forms';

export function CheckList<T extends FieldValues>({
  name,
  legend,
  options,
  hint,
  messages,
}: {
  name: Path<T>;
  legend: ReactNode;
  options: readonly { value: string; label: string; note?: string }[];
  /** Shown beneath the list (what none checked means). */
  hint?: ReactNode;
  messages?: string;
}) {
  const { control } = useFormContext<T>();
  const { field, fieldState } = useController({ control, name });
  const chosen = (field.value ?? []) as string[];
  const toggle = (value: string, on: boolean) =>
    field.onChange(on ? [...chosen, value] : chosen.filter((v) => v !== value));
  return (
    <fieldset className="field check-list" aria-invalid={!!fieldState.error}>
      <legend>{legend}</legend>
      <div className="check-list-options">
        {options.map((o) => (
          <label key={o.value} className="check">
            <input
              type="checkbox"
              checked={chosen.includes(o.value)}
              onChange={(e) => toggle(o.value, e.target.checked)}
              onBlur={field.onBlur}
            />
            {o.label}
            {o.note && <small className="muted">{o.note}</small>}
          </label>
        ))}
      </div>
      {hint && !fieldState.error && <small className="hint">{hint}</small>}
      <FieldMessage error={fieldState.error} messages={messages} />
    </fieldset>
  );
}
