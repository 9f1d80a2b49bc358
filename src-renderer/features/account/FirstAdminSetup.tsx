// First run: the central store has no users yet, so whoever sets up the desk
// creates the first administrator (and is signed in as them). Every later
// account is made by an administrator on the Users page.
import { useMutation } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { AccountStatus } from '../../app/account';
import { FormField, showServerErrors } from '../../app/forms';
import { useTRPC } from '../../app/trpc';
import { AccountNameFields, NewPasswordField, type AccountBasics } from './AccountFields';
import { SignInCard } from './SignInCard';
import { useRefreshAfterAccountChange } from './useAfterSignIn';

interface Values extends AccountBasics {
  repeat: string;
}
const FIELDS: readonly (keyof Values)[] = ['username', 'displayName', 'password'];

export function FirstAdminSetup({ status }: { status: AccountStatus }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const refresh = useRefreshAfterAccountChange('signedIn');
  const form = useForm<Values>({
    defaultValues: { username: '', displayName: '', password: '', repeat: '' },
  });
  const setup = useMutation(trpc.account.setupFirstAdmin.mutationOptions({ onSuccess: refresh }));

  const submit = form.handleSubmit(async ({ repeat, ...v }) => {
    if (repeat !== v.password) {
      form.setError('repeat', { message: t('account.setup.mismatch') }, { shouldFocus: true });
      return;
    }
    try {
      await setup.mutateAsync(v);
    } catch (e) {
      showServerErrors(form, e, t, FIELDS);
    }
  });

  return (
    <SignInCard
      form={form}
      status={status}
      title={t('account.setup.title')}
      intro={t('account.setup.intro')}
      onSubmit={submit}
      pending={setup.isPending}
      submit={t('account.setup.submit')}
    >
      <AccountNameFields whose="self" />
      <NewPasswordField whose="self" />
      <FormField label={t('account.fields.repeat')} registration={form.register('repeat')}>
        {(c) => <input {...c} type="password" autoComplete="new-password" />}
      </FormField>
    </SignInCard>
  );
}
