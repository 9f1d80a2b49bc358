// Signing in on the desk: user name and password against the central store.
// Also the "sign in again" screen when the signed-in user's session can no
// longer reach the central store. Says plainly why a sign-in failed.
import { useMutation } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { asDeskError, domainCode, errorMessage, fieldMessages } from '../../app/errors';
import type { AccountStatus } from '../../app/account';
import { useTRPC } from '../../app/trpc';
import { SignInFooter } from './SignInFooter';
import { useRefreshAfterAccountChange } from './useAfterSignIn';

interface Form {
  username: string;
  password: string;
}

function loginFailure(e: unknown, t: TFunction): string {
  if (domainCode(e) === 'centralUnavailable') return t('account.login.unreachable');
  const code = asDeskError(e)?.data?.code;
  if (code === 'UNAUTHORIZED') return t('account.login.wrong');
  if (code === 'TOO_MANY_REQUESTS') return t('errors.tooManyRequests');
  return errorMessage(e, t);
}

export function LoginScreen({ status }: { status: AccountStatus }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const refresh = useRefreshAfterAccountChange('signedIn');
  const again = status.user;
  const form = useForm<Form>({ defaultValues: { username: again?.username ?? '', password: '' } });
  const errors = form.formState.errors;
  const login = useMutation(trpc.account.login.mutationOptions({ onSuccess: refresh }));

  const submit = form.handleSubmit((v) =>
    login.mutateAsync(v).catch((e: unknown) => {
      const fields = fieldMessages(e, t);
      for (const [field, message] of Object.entries(fields)) form.setError(field as keyof Form, { message });
      if (Object.keys(fields).length === 0) form.setError('root', { message: loginFailure(e, t) });
      form.setValue('password', '');
      form.setFocus('password');
    }),
  );

  return (
    <main className="centered signin">
      <form className="card narrow" onSubmit={submit} noValidate aria-labelledby="login-title">
        <h1 id="login-title">{again ? t('account.login.againTitle') : t('account.login.title')}</h1>
        <p className="muted">
          {again ? t('account.login.againIntro', { name: again.displayName }) : t('account.login.intro')}
        </p>
        <label className="field">
          <span>{t('account.fields.username')}</span>
          <input
            {...form.register('username')}
            autoFocus={!again}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            aria-invalid={!!errors.username}
          />
          {errors.username && <small className="field-error">{errors.username.message}</small>}
        </label>
        <label className="field">
          <span>{t('account.fields.password')}</span>
          <input
            {...form.register('password')}
            type="password"
            autoFocus={!!again}
            autoComplete="current-password"
            aria-invalid={!!errors.password}
          />
          {errors.password && <small className="field-error">{errors.password.message}</small>}
        </label>
        {errors.root && (
          <p className="notice" role="alert">
            {errors.root.message}
          </p>
        )}
        <button type="submit" className="primary wide" disabled={login.isPending}>
          {login.isPending ? t('account.login.signingIn') : t('account.login.submit')}
        </button>
        <SignInFooter status={status} />
      </form>
    </main>
  );
}
