// The administrator's users page (R27: access follows roles): every account
// on the central store with its role and whether it may sign in, creating
// accounts, and deactivating or reactivating them. Nobody deactivates
// themselves here, so an administrator cannot lock the last door by mistake.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { SignedInUser } from '../../app/account';
import { errorMessage } from '../../app/errors';
import { useTRPC } from '../../app/trpc';
import { CreateUserForm } from './CreateUserForm';

export function UsersPage({ user }: { user: SignedInUser }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const users = useQuery(trpc.account.users.queryOptions());
  const setActive = useMutation(
    trpc.account.setUserActive.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.account.users.queryKey() }),
    }),
  );

  return (
    <div className="admin-layout">
      <section className="card" aria-labelledby="users-title">
        <h1 id="users-title">{t('admin.users.title')}</h1>
        {users.isError && <p role="alert">{errorMessage(users.error, t)}</p>}
        {setActive.isError && (
          <p className="notice" role="alert">
            {errorMessage(setActive.error, t)}
          </p>
        )}
        {users.isPending && <p className="muted">{t('common.loading')}</p>}
        {users.data && (
          <table className="table" aria-label={t('admin.users.title')}>
            <thead>
              <tr>
                <th>{t('account.fields.displayName')}</th>
                <th>{t('account.fields.username')}</th>
                <th>{t('account.fields.role')}</th>
                <th>{t('admin.users.status')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {users.data.map((u) => (
                <tr key={u.id} className={u.active ? undefined : 'inactive'}>
                  <td>{u.displayName}</td>
                  <td className="mono">{u.username}</td>
                  <td>{t(`roles.${u.role}`)}</td>
                  <td>{u.active ? t('admin.users.active') : t('admin.users.inactive')}</td>
                  <td className="actions">
                    {u.id !== user.id && (
                      <button
                        type="button"
                        className={u.active ? 'ghost' : undefined}
                        disabled={setActive.isPending}
                        onClick={() => setActive.mutate({ username: u.username, active: !u.active })}
                      >
                        {u.active ? t('admin.users.deactivate') : t('admin.users.activate')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <aside>
        <CreateUserForm />
      </aside>
    </div>
  );
}
