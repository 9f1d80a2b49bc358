// The signed-in user in the top bar: name · role, and signing out.
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { errorMessage } from '../../app/errors';
import type { SignedInUser } from '../../app/account';
import { useTRPC } from '../../app/trpc';
import { useRefreshAfterAccountChange } from './useAfterSignIn';

export function UserMenu({ user }: { user: SignedInUser }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const refresh = useRefreshAfterAccountChange('signedOut');
  const [, navigate] = useLocation();
  // Whoever signs in next starts on the calls page, not on the last user's page.
  const logout = useMutation(
    trpc.account.logout.mutationOptions({
      onSettled: async () => {
        navigate('/');
        await refresh();
      },
    }),
  );
  return (
    <div className="user-menu">
      <span className="user-badge" data-testid="signed-in-user" title={user.username}>
        {user.displayName} · {t(`roles.${user.role}`)}
      </span>
      <button
        type="button"
        className="topbar-button"
        onClick={() => logout.mutate()}
        disabled={logout.isPending}
        title={logout.isError ? errorMessage(logout.error, t) : undefined}
      >
        {t('account.logout')}
      </button>
    </div>
  );
}
