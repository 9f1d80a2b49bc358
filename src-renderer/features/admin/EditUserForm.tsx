// An administrator changes an account (issue 18): its role and the extension
// the phone system names when it answers, and gives it a new password (its
// open sessions then end). One's own role is not changed here, nor one's own
// password reset (that would end the session in use). The central store
// checks everything; its messages land next to the field they name.
import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../src-shared/roles';
import { Form, FormError, FormField, OptionList, showServerErrors } from '../../app/forms';
import { useTRPC } from '../../app/trpc';

export interface EditedUser {
  username: string;
  displayName: string;
  role: Role;
  phone: string | null;
}

/** The account's role and extension. */
function RoleAndPhone({ user, self }: { user: EditedUser; self: boolean }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(false);
  const form = useForm({ defaultValues: { role: user.role, phone: user.phone ?? '' } });
  const update = useMutation(
    trpc.account.updateUser.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.account.users.queryKey() }),
    }),
  );
  const submit = form.handleSubmit(async (v) => {
    setSaved(false);
    try {
      await update.mutateAsync({
        username: user.username,
        // A disabled field submits nothing: one's own role stays as it is.
        role: self ? user.role : v.role,
        phone: v.phone.replace(/\s/g, '') || null,
      });
      setSaved(true);
    } catch (e) {
      showServerErrors(form, e, t, ['role', 'phone']);
    }
  });
  return (
    <Form form={form} wording="fieldValidation" onSubmit={submit} aria-label={t('admin.users.editDetails')}>
      <FormField
        label={t('account.fields.role')}
        hint={self ? t('admin.users.ownRole') : undefined}
        registration={form.register('role')}
      >
        {(c) => (
          <select {...c} disabled={self}>
            <OptionList values={ROLES} labels="roles" />
          </select>
        )}
      </FormField>
      <FormField
        label={t('account.fields.phone')}
        hint={t('account.fields.phoneHint')}
        registration={form.register('phone')}
      >
        {(c) => <input {...c} inputMode="tel" autoComplete="off" />}
      </FormField>
      <FormError message={form.formState.errors.root?.message} />
      {saved && (
        <p className="success" role="status">
          {t('admin.users.saved', { name: user.displayName })}
        </p>
      )}
      <button type="submit" className="primary" disabled={update.isPending}>
        {t('admin.users.save')}
      </button>
    </Form>
  );
}

/** A new password for the account. */
function PasswordReset({ user }: { user: EditedUser }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [done, setDone] = useState(false);
  const form = useForm({ defaultValues: { password: '' } });
  const reset = useMutation(trpc.account.resetPassword.mutationOptions());
  const submit = form.handleSubmit(async (v) => {
    setDone(false);
    try {
      await reset.mutateAsync({ username: user.username, password: v.password });
      form.reset({ password: '' });
      setDone(true);
    } catch (e) {
      showServerErrors(form, e, t, ['password']);
    }
  });
  return (
    <Form form={form} wording="fieldValidation" onSubmit={submit} aria-label={t('admin.users.resetTitle')}>
      <h3>{t('admin.users.resetTitle')}</h3>
      <FormField
        label={t('admin.users.newPassword')}
        hint={t('admin.users.resetHint')}
        registration={form.register('password')}
      >
        {(c) => <input {...c} type="password" autoComplete="new-password" />}
      </FormField>
      <FormError message={form.formState.errors.root?.message} />
      {done && (
        <p className="success" role="status">
          {t('admin.users.passwordReset', { name: user.displayName })}
        </p>
      )}
      <button type="submit" disabled={reset.isPending}>
        {t('admin.users.reset')}
      </button>
    </Form>
  );
}

export function EditUserForm({
  user,
  self,
  onClose,
}: {
  user: EditedUser;
  /** The account is the administrator's own. */
  self: boolean;
  onClose(): void;
}) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="edit-user-title">
      <div className="row spread">
        <h2 id="edit-user-title">{t('admin.users.editTitle', { name: user.displayName })}</h2>
        <button type="button" className="ghost" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
      <p className="muted mono">{user.username}</p>
      <RoleAndPhone user={user} self={self} />
      {!self && <PasswordReset user={user} />}
    </section>
  );
}
