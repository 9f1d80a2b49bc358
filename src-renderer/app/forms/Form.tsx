// A form bound to react-hook-form: the <form> element (the browser's own validation off: the
// schema and the desk check), its fields' access to the form (FormField, ChoiceField), and the
// i18n key under which its fields' own error wording lives (`<wording>.<field name>`).
import { createContext, useContext, type FormHTMLAttributes } from 'react';
import { FormProvider, type FieldValues, type UseFormReturn } from 'react-hook-form';

const Wording = createContext<string | undefined>(undefined);

/** The key of a field's own error wording: as given, or under its form's wording by its name. */
export function useFieldWording(name: string, messages: string | undefined): string | undefined {
  const wording = useContext(Wording);
  return messages ?? (wording ? `${wording}.${name}` : undefined);
}

export function Form<T extends FieldValues, C, R>({
  form,
  wording,
  children,
  ...props
}: FormHTMLAttributes<HTMLFormElement> & {
  form: UseFormReturn<T, C, R>;
  /** E.g. "tickets.errors": the field "workplace" is worded by `tickets.errors.workplace.*`. */
  wording?: string;
}) {
  return (
    <FormProvider {...form}>
      <Wording.Provider value={wording}>
        <form noValidate {...props}>
          {children}
        </form>
      </Wording.Provider>
    </FormProvider>
  );
}
