// The wall screens (issue 15) on the team lead's live view: name a screen and
// get its address (with its own token, shown this once: copy it to the screen's
// browser), see the screens made, and revoke one, which blanks it at once.
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/errors';
import { formatDateTime } from '../../app/format';
import { useTRPC } from '../../app/trpc';

export function WallboardsCard() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.wallboards.list.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.wallboards.list.queryKey() });
  const create = useMutation(trpc.wallboards.create.mutationOptions({ onSuccess: refresh }));
  const revoke = useMutation(trpc.wallboards.revoke.mutationOptions({ onSuccess: refresh }));
  const [name, setName] = useState('');
  const made = create.data;
  return (
    <section className="card live-section" aria-labelledby="wallboards-title">
      <h2 id="wallboards-title">{t('live.wallboards.title')}</h2>
      <p className="muted small">{t('live.wallboards.intro')}</p>
      <form
        className="row wrap live-assign"
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim()) create.mutate({ name: name.trim() }, { onSuccess: () => setName('') });
        }}
      >
        <label className="field inline">
          <span>{t('live.wallboards.name')}</span>
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            maxLength={80}
            data-testid="wallboard-name"
          />
        </label>
        <button type="submit" disabled={!name.trim() || create.isPending}>
          {t('live.wallboards.create')}
        </button>
      </form>
      {create.isError && <p role="alert">{errorMessage(create.error, t)}</p>}
      {made && (
        <div className="notice" role="status">
          <p>{t('live.wallboards.made', { name: made.name })}</p>
          <p>
            <a href={made.url} target="_blank" rel="noreferrer" className="mono" data-testid="wallboard-url">
              {made.url}
            </a>
          </p>
        </div>
      )}
      {list.isError && <p role="alert">{errorMessage(list.error, t)}</p>}
      {list.data && list.data.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('live.wallboards.name')}</th>
              <th scope="col">{t('live.wallboards.made_by')}</th>
              <th scope="col">{t('live.wallboards.state')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('live.wallboards.revoke')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((w) => (
              <tr key={w.id}>
                <td>{w.name}</td>
                <td>
                  {w.createdByName}, {formatDateTime(w.createdAt)}
                </td>
                <td>
                  {w.revokedAt
                    ? t('live.wallboards.revoked', {
                        who: w.revokedByName,
                        when: formatDateTime(w.revokedAt),
                      })
                    : t('live.wallboards.active')}
                </td>
                <td>
                  {!w.revokedAt && (
                    <button
                      type="button"
                      className="ghost"
                      disabled={revoke.isPending}
                      onClick={() => revoke.mutate({ id: w.id })}
                      aria-label={t('live.wallboards.revokeOne', { name: w.name })}
                    >
                      {t('live.wallboards.revoke')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {revoke.isError && <p role="alert">{errorMessage(revoke.error, t)}</p>}
    </section>
  );
}
