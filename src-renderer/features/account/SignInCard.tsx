// The card the sign-in screens share (signing in, and setting up the first administrator): its
// title and intro, the fields, what went wrong, the button, and the central store underneath.
import { useId, type FormEventHandler, type ReactNode } from 'react';
import { useFormState, type FieldValues, type UseFormReturn } from 'react-hook-form';
import type { AccountStatus } from '../../app/account';
import { Form, FormError } from '../../app/forms';
import { SignInFooter } from './SignInFooter';

export function SignInCard<T extends FieldValues>({
  form,
  status,
  title,
  intro,
  onSubmit,
  pending,
  submit,
  children,
}: {
  form: UseFormReturn<T>;
  status: AccountStatus;
  title: string;
  intro: string;
  onSubmit: FormEventHandler<HTMLFormElement>;
  pending: boolean;
  /** The button's text. */
  submit: string;
  children: ReactNode;
}) {
  const titleId = useId();
  const { errors } = useFormState({ control: form.control });
  return (
    <main className="centered signin">
      <Form
        form={form}
        wording="fieldValidation"
        className="card narrow"
        onSubmit={onSubmit}
        aria-labelledby={titleId}
      >
        <h1 id={titleId}>{title}</h1>
        <p className="muted">{intro}</p>
        {children}
        <FormError message={errors.root?.message} />
        <button type="submit" className="primary wide" disabled={pending}>
          {submit}
        </button>
        <SignInFooter status={status} />
      </Form>
    </main>
  );
}
