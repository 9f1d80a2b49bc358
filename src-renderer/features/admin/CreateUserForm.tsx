// An administrator creates an account: user name, full name, role, a first
// password, and optionally the phone number or extension the phone system
// names when this user answers a call (issue 6). The central store checks everything; its messages land
// next to the field they name (a taken user name, a short password).
import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../src-shared/roles';
import { Form, FormError, FormField, OptionList, showServerErrors } from '../../app/forms';
import { useTRPC } from '../../app/trpc';
import { AccountNameFields, NewPasswordField } from '../account';

const EMPTY = { username: '', displayName: '', role: 'agent' as Role, password: '', phone: '' };
type Values = typeof EMPTY;
const FIELDS = Object.keys(EMPTY);

export function CreateUserForm() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [created, setCreated] = useState<string | null>(null);
  const form = useForm<Values>({ defaultValues: EMPTY });
  const create = useMutation(
    trpc.account.createUser.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.account.users.queryKey() }),
    }),
  );

  const submit = form.handleSubmit(async (v) => {
    setCreated(null);
    try {
      const input = { ...v, phone: v.phone.replace(/\s/g, '') || undefined };
      const user = await create.mutateAsync(input);
      setCreated(t('admin.users.created', { name: user.displayName, username: user.username }));
      form.reset(EMPTY);
      form.setFocus('username');
    } catch (e) {
      showServerErrors(form, e, t, FIELDS);
    }
  });

  return (
    <Form
      form={form}
      wording="fieldValidation"
      className="card"
      onSubmit={submit}
      aria-labelledby="create-user-title"
    >
      <h2 id="create-user-title">{t('admin.users.createTitle')}</h2>
      <AccountNameFields whose="other" />
      <FormField label={t('account.fields.role')} registration={form.register('role')}>
        {(c) => (
          <select {...c}>
            <OptionList values={ROLES} labels="roles" />
          </select>
        )}
      </FormField>
      <NewPasswordField whose="other" />
      <FormField
        label={t('account.fields.phone')}
        hint={t('account.fields.phoneHint')}
        registration={form.register('phone')}
      >
        {(c) => <input {...c} inputMode="tel" autoComplete="off" />}
      </FormField>
      <FormError message={form.formState.errors.root?.message} />
      {created && (
        <p className="success" role="status">
          {created}
        </p>
      )}
      <button type="submit" className="primary" disabled={create.isPending}>
        {t('admin.users.create')}
      </button>
    </Form>
  );
}
