// The administrator's users page (R27: access follows roles): every account
// on the central store with its role, extension and whether it may sign in;
// creating accounts, changing one's role and extension or giving it a new
// password (issue 18), and deactivating or reactivating it. Nobody
// deactivates themselves here, so an administrator cannot lock the last door
// by mistake.
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { SignedInUser } from '../../app/account';
import { errorMessage } from '../../app/errors';
import { useTRPC } from '../../app/trpc';
import { CreateUserForm } from './CreateUserForm';
import { EditUserForm } from './EditUserForm';

export function UsersPage({ user }: { user: SignedInUser }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const users = useQuery(trpc.account.users.queryOptions());
  const [editing, setEditing] = useState<string | null>(null);
  const edited = users.data?.find((u) => u.username === editing);
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
                <th>{t('admin.users.extension')}</th>
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
                  <td className="mono">{u.phone ?? ''}</td>
                  <td>{u.active ? t('admin.users.active') : t('admin.users.inactive')}</td>
                  <td className="actions">
                    <button
                      type="button"
                      className="ghost"
                      aria-label={t('admin.users.editUser', { name: u.displayName })}
                      aria-pressed={editing === u.username}
                      onClick={() => setEditing(u.username)}
                    >
                      {t('admin.users.edit')}
                    </button>
                    {u.id !== user.id && (
                      <button
                        type="button"
                        className={u.active ? 'ghost' : undefined}
                        aria-label={t(u.active ? 'admin.users.deactivateUser' : 'admin.users.activateUser', {
                          name: u.displayName,
                        })}
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
        {edited && (
          <EditUserForm
            key={edited.username}
            user={edited}
            self={edited.id === user.id}
            onClose={() => setEditing(null)}
          />
        )}
        <CreateUserForm />
      </aside>
    </div>
  );
}
