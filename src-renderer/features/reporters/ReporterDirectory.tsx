// Browsing the reporter directory (issue 18): a search over name, workplace,
// municipality, e-mail and number, the matching reporters by name (each one
// opens their page), and how many more a narrower search would show.
import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatPhone } from '../../../src-shared/phone';
import { errorMessage } from '../../app/errors';
import { Field } from '../../app/forms';
import { useTRPC } from '../../app/trpc';
import { useDebounced } from '../../app/useDebounced';

export function ReporterDirectory({
  selected,
  onOpen,
  onAdd,
}: {
  selected: string | null;
  onOpen(id: string): void;
  onAdd(): void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [typed, setTyped] = useState('');
  const search = useDebounced(typed.trim(), 250);
  const list = useQuery(trpc.reporters.list.queryOptions({ search }, { placeholderData: keepPreviousData }));
  const data = list.data;
  return (
    <section className="card" aria-labelledby="directory-title">
      <div className="row spread">
        <h2 id="directory-title">{t('reporters.directory.title')}</h2>
        <button type="button" onClick={onAdd}>
          {t('reporters.directory.add')}
        </button>
      </div>
      <Field label={t('reporters.directory.search')} hint={t('reporters.directory.searchHint')}>
        <input type="search" value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" />
      </Field>
      {list.isError && <p role="alert">{errorMessage(list.error, t)}</p>}
      {data && data.total === 0 && (
        <p className="muted" role="status">
          {search ? t('reporters.directory.none') : t('reporters.directory.empty')}
        </p>
      )}
      {data && data.reporters.length > 0 && (
        <table className="table" aria-label={t('reporters.directory.title')}>
          <thead>
            <tr>
              <th>{t('reporters.directory.name')}</th>
              <th>{t('reporters.directory.place')}</th>
              <th>{t('reporters.directory.phones')}</th>
            </tr>
          </thead>
          <tbody>
            {data.reporters.map((r) => (
              <tr key={r.id} className={r.id === selected ? 'selected' : undefined}>
                <td>
                  <button
                    type="button"
                    className="linklike"
                    aria-label={t('reporters.directory.open', { name: r.name })}
                    aria-current={r.id === selected ? 'true' : undefined}
                    onClick={() => onOpen(r.id)}
                  >
                    {r.name}
                  </button>
                </td>
                <td>{[r.workplace, r.customerName].filter(Boolean).join(' · ')}</td>
                <td className="mono">{r.phones.map(formatPhone).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {data && data.total > data.reporters.length && (
        <p className="muted small">
          {t('reporters.directory.shown', { shown: data.reporters.length, total: data.total })}
        </p>
      )}
    </section>
  );
}
