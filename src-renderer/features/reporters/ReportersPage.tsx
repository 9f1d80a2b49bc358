// The reporter directory (issue 6) for team leads and administrators: how many
// reporters the desk knows, browsing and searching them, each one's calls and
// tickets, adding and correcting one by hand (issue 18), importing them from a
// CSV file (chosen or pasted) with a report of the rows that were rejected and
// why, and looking up who a number belongs to, as an arriving call would see it.
import { useState, type ChangeEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { parsePhone } from '../../../src-shared/phone';
import { asDeskError, errorMessage } from '../../app/errors';
import { Field, FormButtons, FormError, fieldErrorText } from '../../app/forms';
import { useTRPC } from '../../app/trpc';
import { useDebounced } from '../../app/useDebounced';
import { CallerCard } from '../calls';
import type { ReporterListItem } from '../../../src-shared/reporters/schemas';
import { ReporterDetail } from './ReporterDetail';
import { ReporterDirectory } from './ReporterDirectory';
import { ReporterForm } from './ReporterForm';
import { missingColumnsMessage, rejectionReasons } from './rejection';

/** The desk refuses anything bigger (src-main/reporters/router.ts). */
const MAX_CSV_CHARS = 5_000_000;

interface ChosenFile {
  name: string;
  text: string;
}

function ImportCard() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [fileKey, setFileKey] = useState(0);
  const [pasted, setPasted] = useState('');
  const [error, setError] = useState<string | null>(null);
  const importCsv = useMutation(
    trpc.reporters.importCsv.mutationOptions({
      onSuccess: () =>
        Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.reporters.pathKey() }),
          // Waiting and missed calls recognise their callers anew.
          queryClient.invalidateQueries({ queryKey: trpc.calls.pathKey() }),
        ]),
    }),
  );
  const csv = file?.text ?? pasted;

  const choose = (e: ChangeEvent<HTMLInputElement>) => {
    const chosen = e.target.files?.[0];
    setError(null);
    importCsv.reset();
    if (!chosen) return setFile(null);
    if (chosen.size > MAX_CSV_CHARS) {
      setFile(null);
      return setError(t('reporters.import.tooLarge'));
    }
    chosen.text().then(
      (text) => setFile({ name: chosen.name, text }),
      () => setError(t('reporters.import.unreadable')),
    );
  };
  const clearFile = () => {
    setFile(null);
    setFileKey((k) => k + 1); // a fresh input, so the same file can be chosen again
  };

  const submit = () => {
    setError(null);
    if (!csv.trim()) return setError(t('reporters.import.empty'));
    importCsv.mutate(
      { csv },
      {
        onError: (e) => {
          const issue = asDeskError(e)?.data?.fieldErrors?.csv?.[0];
          const columns = issue?.reason === 'missingColumns' ? issue.params?.columns : undefined;
          const missing = Array.isArray(columns) ? missingColumnsMessage(columns as string[], t) : null;
          setError(missing ?? fieldErrorText(e, t, 'csv') ?? errorMessage(e, t));
        },
      },
    );
  };

  const result = importCsv.data;
  return (
    <form
      className="card"
      aria-labelledby="import-title"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <h2 id="import-title">{t('reporters.import.title')}</h2>
      <p className="muted small">{t('reporters.import.format')}</p>
      <pre className="csv-example" aria-label={t('reporters.import.example')}>
        {t('reporters.import.exampleText')}
      </pre>
      <Field label={t('reporters.import.file')}>
        <input key={fileKey} type="file" accept=".csv,.txt,text/csv,text/plain" onChange={choose} />
      </Field>
      {file && (
        <p className="row" data-testid="chosen-file">
          <span>
            {t('reporters.import.chosen', { name: file.name, count: file.text.split('\n').length })}
          </span>
          <button type="button" className="ghost" onClick={clearFile}>
            {t('common.remove')}
          </button>
        </p>
      )}
      <Field label={t('reporters.import.paste')}>
        <textarea
          rows={6}
          className="mono"
          value={file ? '' : pasted}
          disabled={!!file}
          placeholder={file ? t('reporters.import.fileChosen') : undefined}
          spellCheck={false}
          onChange={(e) => setPasted(e.target.value)}
        />
      </Field>
      <FormError message={error} />
      <FormButtons pending={importCsv.isPending}>
        {importCsv.isPending ? t('reporters.import.running') : t('reporters.import.submit')}
      </FormButtons>
      {result && (
        <div className="import-result" data-testid="import-result">
          <p className={result.rejected.length > 0 ? 'notice' : 'success'} role="status">
            {t('reporters.import.imported', { count: result.imported })}{' '}
            {result.rejected.length > 0 && t('reporters.import.rejected', { count: result.rejected.length })}
          </p>
          {result.rejected.length > 0 && (
            <table className="table" aria-label={t('reporters.import.rejectedTitle')}>
              <thead>
                <tr>
                  <th>{t('reporters.import.line')}</th>
                  <th>{t('reporters.import.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {result.rejected.map((r) => (
                  <tr key={r.line}>
                    <td className="mono">{r.line}</td>
                    <td>{rejectionReasons(r.reasons, t)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </form>
  );
}

function LookupCard() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [typed, setTyped] = useState('');
  const number = useDebounced(typed.trim(), 300);
  const lookUp = number !== '' && parsePhone(number).ok;
  const found = useQuery(trpc.reporters.recognize.queryOptions({ number }, { enabled: lookUp }));
  const settled = lookUp && typed.trim() === number && found.isSuccess;
  return (
    <section className="card" aria-labelledby="lookup-title">
      <h2 id="lookup-title">{t('reporters.lookup.title')}</h2>
      <Field label={t('calls.fields.callerNumber')}>
        <input value={typed} onChange={(e) => setTyped(e.target.value)} inputMode="tel" autoComplete="off" />
      </Field>
      {typed.trim() !== '' && !parsePhone(typed.trim()).ok && (
        <p className="muted small">{t('validation.phone')}</p>
      )}
      {settled &&
        (found.data ? (
          <CallerCard caller={found.data} />
        ) : (
          <p className="muted">{t('calls.caller.unknownInDirectory')}</p>
        ))}
    </section>
  );
}

/** What the directory shows beside its list: one reporter, the form for one (new: null), or nothing. */
type Open = { view: string } | { edit: ReporterListItem | null } | null;

export function ReportersPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const count = useQuery(trpc.reporters.count.queryOptions());
  const [open, setOpen] = useState<Open>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const show = (next: Open) => {
    setSaved(null);
    setOpen(next);
  };
  return (
    <div className="admin-layout">
      <div className="calls-main">
        <section className="card" aria-labelledby="reporters-title">
          <h1 id="reporters-title">{t('reporters.title')}</h1>
          <p className="muted">{t('reporters.intro')}</p>
          {count.isError && <p role="alert">{errorMessage(count.error, t)}</p>}
          {count.isSuccess && (
            <p data-testid="reporter-count">
              <strong>{t('reporters.count', { count: count.data })}</strong>
            </p>
          )}
          {saved && (
            <p className="success" role="status">
              {saved}
            </p>
          )}
        </section>
        <ReporterDirectory
          selected={open && 'view' in open ? open.view : null}
          onOpen={(id) => show({ view: id })}
          onAdd={() => show({ edit: null })}
        />
        {open && 'view' in open && (
          <ReporterDetail
            key={open.view}
            id={open.view}
            onEdit={(r) => show({ edit: r })}
            onClose={() => show(null)}
          />
        )}
        {open && 'edit' in open && (
          <ReporterForm
            key={open.edit?.id ?? 'new'}
            reporter={open.edit}
            onSaved={(id, name) => {
              setOpen({ view: id });
              setSaved(t('reporters.edit.saved', { name }));
            }}
            onCancel={() => show(open.edit ? { view: open.edit.id } : null)}
          />
        )}
        <ImportCard />
      </div>
      <aside>
        <LookupCard />
      </aside>
    </div>
  );
}
