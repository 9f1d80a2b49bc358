// One reporter as the directory shows them (issue 18): where they work, their
// numbers and e-mail, the calls from their numbers and the tickets filed under
// their numbers or e-mail address (as links), newest first.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { ReporterListItem } from '../../../src-shared/reporters/schemas';
import { formatPhone } from '../../../src-shared/phone';
import { errorMessage } from '../../app/errors';
import { formatDateTime } from '../../app/format';
import { useTRPC } from '../../app/trpc';
import { PriorityBadge } from '../tickets';

export function ReporterDetail({
  id,
  onEdit,
  onClose,
}: {
  id: string;
  onEdit(reporter: ReporterListItem): void;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const found = useQuery(trpc.reporters.get.queryOptions({ id }));
  if (found.isError) {
    return (
      <section className="card" aria-label={t('reporters.directory.title')}>
        <p role="alert">{errorMessage(found.error, t)}</p>
        <button type="button" className="ghost" onClick={onClose}>
          {t('reporters.detail.close')}
        </button>
      </section>
    );
  }
  const r = found.data;
  if (!r) return null;
  const place = [r.workplace, r.customerName].filter(Boolean).join(' · ');
  return (
    <section className="card" aria-labelledby="reporter-detail-title" data-testid="reporter-detail">
      <div className="row spread">
        <h2 id="reporter-detail-title">{r.name}</h2>
        <div className="row">
          <button type="button" onClick={() => onEdit(r)}>
            {t('reporters.detail.edit')}
          </button>
          <button type="button" className="ghost" onClick={onClose}>
            {t('reporters.detail.close')}
          </button>
        </div>
      </div>
      <p>
        {place}
        <br />
        <span className="mono">{r.phones.map(formatPhone).join(', ')}</span>
        {r.email && (
          <>
            {' · '}
            <a href={`mailto:${r.email}`}>{r.email}</a>
          </>
        )}
      </p>
      <h3>{t('reporters.detail.tickets')}</h3>
      {r.tickets.length === 0 ? (
        <p className="muted">{t('reporters.detail.noTickets')}</p>
      ) : (
        <table className="table" aria-label={t('reporters.detail.tickets')}>
          <thead>
            <tr>
              <th>{t('reporters.detail.reference')}</th>
              <th>{t('reporters.detail.titleCol')}</th>
              <th>{t('reporters.detail.status')}</th>
              <th>{t('reporters.detail.priority')}</th>
              <th>{t('reporters.detail.created')}</th>
            </tr>
          </thead>
          <tbody>
            {r.tickets.map((ticket) => (
              <tr key={ticket.id}>
                <td>
                  <Link href={`/tickets/${ticket.id}`} className="mono">
                    {ticket.reference}
                  </Link>
                </td>
                <td>{ticket.title}</td>
                <td>{t(`tickets.statuses.${ticket.status}`)}</td>
                <td>
                  <PriorityBadge priority={ticket.priority} />
                </td>
                <td>{formatDateTime(ticket.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>{t('reporters.detail.calls')}</h3>
      {r.calls.length === 0 ? (
        <p className="muted">{t('reporters.detail.noCalls')}</p>
      ) : (
        <table className="table" aria-label={t('reporters.detail.calls')}>
          <thead>
            <tr>
              <th>{t('reporters.detail.arrivedAt')}</th>
              <th>{t('reporters.detail.number')}</th>
              <th>{t('reporters.detail.result')}</th>
              <th>{t('reporters.detail.takenBy')}</th>
            </tr>
          </thead>
          <tbody>
            {r.calls.map((call) => (
              <tr key={call.id}>
                <td>{formatDateTime(call.arrivedAt)}</td>
                <td className="mono">{formatPhone(call.callerNumber)}</td>
                <td title={call.summary ?? undefined}>
                  {call.outcome ? t(`calls.outcomes.${call.outcome}`) : t(`calls.status.${call.status}`)}
                </td>
                <td>{call.takenByName ?? '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
