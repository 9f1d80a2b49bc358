// The fields of an account: the user name (signing in, or for a new account), and what the first
// administrator and every later account share: full name and a first password, with the rules as
// hints until the central store says what is wrong. They sit on a Form whose wording is
// "fieldValidation"; the form submits.
import { useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormField } from '../../app/forms';

export interface AccountBasics {
  username: string;
  displayName: string;
  password: string;
}

/** Whose account it is: `self`, the person typing makes their own (the browser may fill it in); `other`, an administrator makes someone's. */
type Whose = 'self' | 'other';

/** The user name; for a new account (`withRules`) with its rules as a hint. */
export function UsernameField({
  withRules = false,
  autoFocus = false,
  autoComplete,
}: {
  withRules?: boolean;
  autoFocus?: boolean;
  autoComplete: 'username' | 'off';
}) {
  const { t } = useTranslation();
  const form = useFormContext<{ username: string }>();
  return (
    <FormField
      label={t('account.fields.username')}
      hint={withRules && t('account.fields.usernameHint')}
      registration={form.register('username')}
    >
      {(c) => (
        <input
          {...c}
          autoFocus={autoFocus}
          autoComplete={autoComplete}
          autoCapitalize="none"
          spellCheck={false}
        />
      )}
    </FormField>
  );
}

/** A new account's user name and full name. */
export function AccountNameFields({ whose }: { whose: Whose }) {
  const { t } = useTranslation();
  const form = useFormContext<AccountBasics>();
  const self = whose === 'self';
  return (
    <>
      <UsernameField withRules autoFocus={self} autoComplete={self ? 'username' : 'off'} />
      <FormField label={t('account.fields.displayName')} registration={form.register('displayName')}>
        {(c) => <input {...c} autoComplete={self ? 'name' : 'off'} />}
      </FormField>
    </>
  );
}

/** The account's first password (the administrator's own, or one they give someone). */
export function NewPasswordField({ whose }: { whose: Whose }) {
  const { t } = useTranslation();
  const form = useFormContext<AccountBasics>();
  return (
    <FormField
      label={t(whose === 'self' ? 'account.fields.password' : 'account.fields.initialPassword')}
      hint={t('account.fields.passwordHint')}
      registration={form.register('password')}
    >
      {(c) => <input {...c} type="password" autoComplete="new-password" />}
    </FormField>
  );
}
