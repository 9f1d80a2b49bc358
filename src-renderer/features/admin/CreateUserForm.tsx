// An administrator creates an account: user name, full name, role, a first
// password, and optionally the phone number or extension the phone system
// names when this user answers a call (issue 6). The central store checks everything; its messages land
// next to the field they name (a taken user name, a short password).
import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../src-shared/roles';
import { errorMessage, fieldMessages } from '../../app/errors';
import { useTRPC } from '../../app/trpc';

interface Form {
  username: string;
  displayName: string;
  role: Role;
  password: string;
  phone: string;
}
const EMPTY: Form = { username: '', displayName: '', role: 'agent', password: '', phone: '' };

export function CreateUserForm() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [created, setCreated] = useState<string | null>(null);
  const form = useForm<Form>({ defaultValues: EMPTY });
  const errors = form.formState.errors;
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
      const fields = fieldMessages(e, t);
      for (const [field, message] of Object.entries(fields)) form.setError(field as keyof Form, { message });
      if (Object.keys(fields).length === 0) form.setError('root', { message: errorMessage(e, t) });
    }
  });

  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="create-user-title">
      <h2 id="create-user-title">{t('admin.users.createTitle')}</h2>
      <label className="field">
        <span>{t('account.fields.username')}</span>
        <input
          {...form.register('username')}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          aria-invalid={!!errors.username}
          aria-describedby="new-username-hint"
        />
        {errors.username ? (
          <small className="field-error">{errors.username.message}</small>
        ) : (
          <small id="new-username-hint" className="hint" aria-hidden="true">
            {t('account.fields.usernameHint')}
          </small>
        )}
      </label>
      <label className="field">
        <span>{t('account.fields.displayName')}</span>
        <input {...form.register('displayName')} autoComplete="off" aria-invalid={!!errors.displayName} />
        {errors.displayName && <small className="field-error">{errors.displayName.message}</small>}
      </label>
      <label className="field">
        <span>{t('account.fields.role')}</span>
        <select {...form.register('role')} aria-invalid={!!errors.role}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`roles.${r}`)}
            </option>
          ))}
        </select>
        {errors.role && <small className="field-error">{errors.role.message}</small>}
      </label>
      <label className="field">
        <span>{t('account.fields.initialPassword')}</span>
        <input
          {...form.register('password')}
          type="password"
          autoComplete="new-password"
          aria-invalid={!!errors.password}
          aria-describedby="new-password-hint"
        />
        {errors.password ? (
          <small className="field-error">{errors.password.message}</small>
        ) : (
          <small id="new-password-hint" className="hint" aria-hidden="true">
            {t('account.fields.passwordHint')}
          </small>
        )}
      </label>
      <label className="field">
        <span>{t('account.fields.phone')}</span>
        <input
          {...form.register('phone')}
          inputMode="tel"
          autoComplete="off"
          aria-invalid={!!errors.phone}
          aria-describedby="new-phone-hint"
        />
        {errors.phone ? (
          <small className="field-error">{errors.phone.message}</small>
        ) : (
          <small id="new-phone-hint" className="hint" aria-hidden="true">
            {t('account.fields.phoneHint')}
          </small>
        )}
      </label>
      {errors.root && (
        <p className="notice" role="alert">
          {errors.root.message}
        </p>
      )}
      {created && (
        <p className="success" role="status">
          {created}
        </p>
      )}
      <button type="submit" className="primary" disabled={create.isPending}>
        {t('admin.users.create')}
      </button>
    </form>
  );
}
