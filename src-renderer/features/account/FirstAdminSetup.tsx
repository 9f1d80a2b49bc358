// First run: the central store has no users yet, so whoever sets up the desk
// creates the first administrator (and is signed in as them). Every later
// account is made by an administrator on the Users page.
import { useMutation } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { errorMessage, fieldMessages } from '../../app/errors';
import type { AccountStatus } from '../../app/account';
import { useTRPC } from '../../app/trpc';
import { SignInFooter } from './SignInFooter';
import { useRefreshAfterAccountChange } from './useAfterSignIn';

interface Form {
  username: string;
  displayName: string;
  password: string;
  repeat: string;
}

export function FirstAdminSetup({ status }: { status: AccountStatus }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const refresh = useRefreshAfterAccountChange('signedIn');
  const form = useForm<Form>({ defaultValues: { username: '', displayName: '', password: '', repeat: '' } });
  const errors = form.formState.errors;
  const setup = useMutation(trpc.account.setupFirstAdmin.mutationOptions({ onSuccess: refresh }));

  const submit = form.handleSubmit(async ({ repeat, ...v }) => {
    if (repeat !== v.password) {
      form.setError('repeat', { message: t('account.setup.mismatch') }, { shouldFocus: true });
      return;
    }
    try {
      await setup.mutateAsync(v);
    } catch (e) {
      const fields = fieldMessages(e, t);
      for (const [field, message] of Object.entries(fields)) form.setError(field as keyof Form, { message });
      if (Object.keys(fields).length === 0) form.setError('root', { message: errorMessage(e, t) });
    }
  });

  return (
    <main className="centered signin">
      <form className="card narrow" onSubmit={submit} noValidate aria-labelledby="setup-title">
        <h1 id="setup-title">{t('account.setup.title')}</h1>
        <p className="muted">{t('account.setup.intro')}</p>
        <label className="field">
          <span>{t('account.fields.username')}</span>
          <input
            {...form.register('username')}
            autoFocus
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            aria-invalid={!!errors.username}
            aria-describedby="setup-username-hint"
          />
          {errors.username ? (
            <small className="field-error">{errors.username.message}</small>
          ) : (
            <small id="setup-username-hint" className="hint" aria-hidden="true">
              {t('account.fields.usernameHint')}
            </small>
          )}
        </label>
        <label className="field">
          <span>{t('account.fields.displayName')}</span>
          <input {...form.register('displayName')} autoComplete="name" aria-invalid={!!errors.displayName} />
          {errors.displayName && <small className="field-error">{errors.displayName.message}</small>}
        </label>
        <label className="field">
          <span>{t('account.fields.password')}</span>
          <input
            {...form.register('password')}
            type="password"
            autoComplete="new-password"
            aria-invalid={!!errors.password}
            aria-describedby="setup-password-hint"
          />
          {errors.password ? (
            <small className="field-error">{errors.password.message}</small>
          ) : (
            <small id="setup-password-hint" className="hint" aria-hidden="true">
              {t('account.fields.passwordHint')}
            </small>
          )}
        </label>
        <label className="field">
          <span>{t('account.fields.repeat')}</span>
          <input
            {...form.register('repeat')}
            type="password"
            autoComplete="new-password"
            aria-invalid={!!errors.repeat}
          />
          {errors.repeat && <small className="field-error">{errors.repeat.message}</small>}
        </label>
        {errors.root && (
          <p className="notice" role="alert">
            {errors.root.message}
          </p>
        )}
        <button type="submit" className="primary wide" disabled={setup.isPending}>
          {t('account.setup.submit')}
        </button>
        <SignInFooter status={status} />
      </form>
    </main>
  );
}
