// Signing in on the desk: user name and password against the central store.
// Also the "sign in again" screen when the signed-in user's session can no
// longer reach the central store. Says plainly why a sign-in failed (an empty
// password is caught here, before the store's rules for new passwords speak).
import { useMutation } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { asDeskError, domainCode, errorMessage } from '../../app/errors';
import type { AccountStatus } from '../../app/account';
import { FormField, showServerErrors } from '../../app/forms';
import { useTRPC } from '../../app/trpc';
import { UsernameField } from './AccountFields';
import { SignInCard } from './SignInCard';
import { useRefreshAfterAccountChange } from './useAfterSignIn';

interface Values {
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
  const form = useForm<Values>({ defaultValues: { username: again?.username ?? '', password: '' } });
  const login = useMutation(trpc.account.login.mutationOptions({ onSuccess: refresh }));

  const submit = form.handleSubmit((v) =>
    login.mutateAsync(v).catch((e: unknown) => {
      showServerErrors(form, e, t, ['username', 'password'], { message: loginFailure });
      form.setValue('password', '');
      form.setFocus('password');
    }),
  );

  return (
    <SignInCard
      form={form}
      status={status}
      title={again ? t('account.login.againTitle') : t('account.login.title')}
      intro={again ? t('account.login.againIntro', { name: again.displayName }) : t('account.login.intro')}
      onSubmit={submit}
      pending={login.isPending}
      submit={login.isPending ? t('account.login.signingIn') : t('account.login.submit')}
    >
      <UsernameField autoFocus={!again} autoComplete="username" />
      <FormField
        label={t('account.fields.password')}
        required
        // An empty password is not sent: the store's rule for new passwords ("at least 10") does not belong here.
        registration={form.register('password', { required: t('account.login.passwordMissing') })}
      >
        {(c) => <input {...c} type="password" autoFocus={!!again} autoComplete="current-password" />}
      </FormField>
    </SignInCard>
  );
}
