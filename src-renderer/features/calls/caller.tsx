// Who is calling (issue 6): the caller the reporter directory recognises by
// number (name, workplace, municipality, open tickets), the mark of a call the
// phone system put in the queue, and how a number without digits ("anonymous")
// reads. Shared by the waiting queue, the active call, the missed calls, the
// manual log form and the call history; the reporter directory shows the card
// through this feature's index.
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { CallView } from '../../../src-shared/calls/schemas';
import { formatPhone } from '../../../src-shared/phone';
import type { RecognizedCaller } from '../../../src-shared/reporters/schemas';
import { PriorityBadge } from '../tickets';
import { EarlierCallMark } from './EarlierCallMark';

/** A number as stored, for display: "71 11 11 66", or "Skjult nummer" for what the phone system could not tell. */
export function CallerNumber({ number }: { number: string }) {
  const { t } = useTranslation();
  if (/\d/.test(number)) return <>{formatPhone(number)}</>;
  return (
    <span className="muted" title={number}>
      {t('calls.caller.hiddenNumber')}
    </span>
  );
}

/** The small mark of a call the phone system reported (not typed in by an agent). */
export function PhoneMarker() {
  const { t } = useTranslation();
  return (
    <span className="tag tag-phone" title={t('calls.phone.markerHint')} data-testid="phone-marker">
      {t('calls.phone.marker')}
    </span>
  );
}

/** The caller's open tickets as links: reference, priority and title (`compact`: the title only on hover). */
export function OpenTickets({
  tickets,
  limit = tickets.length,
  compact = false,
}: {
  tickets: RecognizedCaller['openTickets'];
  limit?: number;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  if (tickets.length === 0) {
    return compact ? (
      <span className="muted" title={t('calls.caller.noOpenTickets')}>
        –
      </span>
    ) : (
      <span className="muted small">{t('calls.caller.noOpenTickets')}</span>
    );
  }
  const more = tickets.length - limit;
  return (
    <ul
      className="open-tickets"
      aria-label={t('calls.caller.openTickets', { count: tickets.length })}
      data-testid="open-tickets"
    >
      {tickets.slice(0, limit).map((ticket) => (
        <li key={ticket.id}>
          <Link href={`/tickets/${ticket.id}`} className="mono" title={ticket.title}>
            {ticket.reference}
          </Link>{' '}
          <PriorityBadge priority={ticket.priority} />
          {!compact && <span className="open-ticket-title">{ticket.title}</span>}
        </li>
      ))}
      {more > 0 && <li className="muted small">{t('calls.caller.moreTickets', { count: more })}</li>}
    </ul>
  );
}

/** The caller column of a call list: the name and where they work, or that the number is unknown. */
export function CallerCell({ call }: { call: CallView }) {
  const { t } = useTranslation();
  const name = call.callerName ?? call.caller?.name ?? null;
  const place = [call.workplace ?? call.caller?.workplace, call.customerName ?? call.caller?.customerName]
    .filter(Boolean)
    .join(' · ');
  return (
    <div className="caller-cell">
      {name ? <strong>{name}</strong> : <span className="muted">{t('calls.caller.unknownNumber')}</span>}
      {place && <small>{place}</small>}
      {name && !call.caller && <small className="muted">{t('calls.caller.notInDirectory')}</small>}
      <EarlierCallMark caller={call.caller} />
    </div>
  );
}

/**
 * The recognised caller in full (the active call, the log form): who, where, e-mail and open
 * tickets; `onFill` offers to copy name, municipality and workplace into the form.
 */
export function CallerCard({ caller, onFill }: { caller: RecognizedCaller; onFill?: () => void }) {
  const { t } = useTranslation();
  const place = [caller.workplace, caller.customerName].filter(Boolean).join(' · ');
  return (
    <div className="caller-card" data-testid="caller-card" aria-label={t('calls.caller.recognized')}>
      <div className="row spread">
        <div>
          <span className="muted small">{t('calls.caller.recognized')}</span>
          {caller.earlierCall && (
            <>
              {' '}
              <EarlierCallMark caller={caller} />
            </>
          )}
          <div>
            <strong data-testid="caller-name">{caller.name}</strong>
            {place && <span> · {place}</span>}
          </div>
          {caller.email && (
            <a className="small" href={`mailto:${caller.email}`}>
              {caller.email}
            </a>
          )}
        </div>
        {onFill && (
          <button type="button" onClick={onFill} title={t('calls.caller.fillHint')}>
            {t('calls.caller.fill')}
          </button>
        )}
      </div>
      <div className="caller-tickets">
        {caller.openTickets.length > 0 && (
          <span className="muted small">
            {t('calls.caller.openTickets', { count: caller.openTickets.length })}
          </span>
        )}
        <OpenTickets tickets={caller.openTickets} />
      </div>
    </div>
  );
}
