// The live view's people: each on today's shift with duty, state and time in it, and their work.
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { formatDuration } from '../../../src-shared/calls/durations';
import { formatCount } from '../../app/format';
import { useNow } from '../../app/useNow';
import type { LiveView } from './liveParts';

export function PeopleSection({ view }: { view: LiveView }) {
  const { t } = useTranslation();
  const now = useNow(1000);
  return (
    <section className="card live-section" aria-labelledby="live-people">
      <h2 id="live-people">{t('live.people.title')}</h2>
      <table className="table live-people">
        <thead>
          <tr>
            <th scope="col">{t('shifts.person')}</th>
            <th scope="col">{t('live.people.duty')}</th>
            <th scope="col">{t('presence.label')}</th>
            <th scope="col">{t('live.people.callsTaken')}</th>
            <th scope="col">{t('live.people.openTickets')}</th>
            <th scope="col">{t('live.people.oldest')}</th>
          </tr>
        </thead>
        <tbody>
          {view.people.length === 0 && (
            <tr>
              <td colSpan={6} className="muted">
                {t('live.people.nobody')}
              </td>
            </tr>
          )}
          {view.people.map((p) => (
            <tr key={p.userId} data-person={p.name}>
              <td>{p.name}</td>
              <td>
                {p.duty ? (
                  t(`shifts.duties.${p.duty}`)
                ) : (
                  <span className="muted">{t('live.people.noDuty')}</span>
                )}
              </td>
              <td>
                {p.presence ? (
                  <span className="presence-now" data-state={p.presence.state}>
                    {t(`presence.states.${p.presence.state}`)}{' '}
                    <span className="muted mono">
                      {formatDuration(Math.max(0, now - Date.parse(p.presence.since)))}
                    </span>
                  </span>
                ) : (
                  <span className="muted">–</span>
                )}
              </td>
              <td>{formatCount(p.callsTaken)}</td>
              <td>{formatCount(p.openTickets)}</td>
              <td>
                {p.oldestOpenTicket ? (
                  <Link href={`/tickets/${p.oldestOpenTicket.id}`}>
                    {p.oldestOpenTicket.reference ?? t('live.tickets.noReference')}
                  </Link>
                ) : (
                  ''
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
