// A text input that offers known values as one types (a datalist), and still takes any other.
import type { ControlProps } from './Field';

export function Suggestions({
  control,
  id,
  options,
}: {
  control: ControlProps;
  /** The list's id, unique on the page. */
  id: string;
  options: readonly string[];
}) {
  return (
    <>
      <input {...control} list={id} autoComplete="off" />
      <datalist id={id}>
        {options.map((o) => (
          <option key={o} value={o} />
        ))}
      </datalist>
    </>
  );
}
