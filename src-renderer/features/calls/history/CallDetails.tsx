// One call's full record: its fields and the append-only events (who, when,
// what), overrides included, and the ticket made from it (or a way to make one).
// A call from the phone system says so, with why it ended and whether the
// caller was rung back (issue 6).
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { TICKET_ROLES } from '../../../../src-shared/roles';
import { useSignedInUser } from '../../../app/account';
import { formatDuration, talkMs, waitingMs } from '../../../../src-shared/calls/durations';
import { useTRPC } from '../../../app/trpc';
import { useNow } from '../../../app/useNow';
import { errorMessage } from '../../../app/errors';
import { formatDateTime } from '../../../app/format';
import { CallerNumber, PhoneMarker } from '../caller';

/** What an event's data adds in words: from the phone system, out of turn, a missed call, its cause, who the phone system said answered. */
function eventDetails(data: Record<string, unknown>, byPhoneSystem: boolean, t: TFunction): string[] {
  const out: string[] = [];
  if (data.via === 'phone' && !byPhoneSystem) out.push(t('calls.phone.viaPhone'));
  if (data.outOfOrder === true) out.push(t('calls.events.outOfOrder'));
  if (data.missed === true) out.push(t('calls.outcomes.missed').toLocaleLowerCase());
  if (typeof data.cause === 'string') {
    out.push(t(`calls.hangupCauses.${data.cause}`, { defaultValue: data.cause }).toLocaleLowerCase());
  }
  if (typeof data.answeredOnPhoneBy === 'string') {
    out.push(t('calls.events.answeredOnPhoneBy', { name: data.answeredOnPhoneBy }));
  }
  return out;
}

export function CallDetails({ id, onClose }: { id: string; onClose(): void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const now = useNow(1000);
  const q = useQuery(trpc.calls.get.queryOptions({ id }));
  const ticket = useQuery(trpc.tickets.forCall.queryOptions({ callId: id }));
  const user = useSignedInUser();
  if (q.isPending) return <aside className="card details">{t('common.loading')}</aside>;
  if (q.isError) return <aside className="card details">{errorMessage(q.error, t)}</aside>;
  const { call, events } = q.data;
  return (
    <aside className="card details" aria-labelledby="details-title">
      <div className="row spread">
        <h2 id="details-title">
          <CallerNumber number={call.callerNumber} />
          {call.source === 'phone' && (
            <>
              {' '}
              <PhoneMarker />
            </>
          )}
        </h2>
        <button type="button" className="ghost" onClick={onClose} aria-label={t('common.close')}>
          ✕
        </button>
      </div>
      <dl className="facts">
        <dt>{t('calls.fields.callerName')}</dt>
        <dd>{call.callerName ?? '–'}</dd>
        <dt>{t('calls.fields.customer')}</dt>
        <dd>{call.customerName ?? '–'}</dd>
        <dt>{t('calls.fields.workplace')}</dt>
        <dd>{call.workplace ?? '–'}</dd>
        <dt>{t('calls.fields.arrivedAt')}</dt>
        <dd>{formatDateTime(call.arrivedAt)}</dd>
        <dt>{t('calls.fields.waiting')}</dt>
        <dd>{formatDuration(waitingMs(call, now))}</dd>
        <dt>{t('calls.fields.talk')}</dt>
        <dd>{call.takenAt ? formatDuration(talkMs(call, now) ?? 0) : '–'}</dd>
        <dt>{t('calls.fields.takenBy')}</dt>
        <dd>{call.takenByName ?? '–'}</dd>
        <dt>{t('calls.fields.outcome')}</dt>
        <dd>{call.outcome ? t(`calls.outcomes.${call.outcome}`) : t(`calls.status.${call.status}`)}</dd>
        {call.hangupCause && (
          <>
            <dt>{t('calls.fields.hangupCause')}</dt>
            <dd>{t(`calls.hangupCauses.${call.hangupCause}`, { defaultValue: call.hangupCause })}</dd>
          </>
        )}
        {call.calledBackAt && (
          <>
            <dt>{t('calls.fields.calledBack')}</dt>
            <dd>
              {formatDateTime(call.calledBackAt)} · {call.calledBackByName}
            </dd>
          </>
        )}
        <dt>{t('calls.fields.summary')}</dt>
        <dd className="pre">{call.summary ?? '–'}</dd>
        <dt>{t('calls.fields.ticket')}</dt>
        <dd data-testid="call-ticket">
          {ticket.data ? (
            <Link href={`/tickets/${ticket.data.id}`}>
              {ticket.data.reference ?? ticket.data.provisionalReference}
            </Link>
          ) : call.takenBy && user && TICKET_ROLES.includes(user.role) ? (
            <Link href={`/tickets/new/call/${call.id}`}>{t('calls.active.makeTicket')}</Link>
          ) : (
            '–'
          )}
        </dd>
        {call.overrideReason && (
          <>
            <dt>{t('calls.fields.override')}</dt>
            <dd data-testid="override-record">
              {t('calls.active.overridden', { name: call.overrideByName, reason: call.overrideReason })}
            </dd>
          </>
        )}
      </dl>
      <h3>{t('history.events')}</h3>
      <ol className="timeline">
        {events.map((e) => (
          <li key={e.id}>
            <time>{formatDateTime(e.at)}</time>{' '}
            <strong>{t(`calls.events.${e.kind}`, { defaultValue: e.kind })}</strong> · {e.actorName}
            {eventDetails(e.data, call.source === 'phone' && e.actorName === call.loggedByName, t).map(
              (d) => (
                <span key={d} className="muted">
                  {' '}
                  · {d}
                </span>
              ),
            )}
          </li>
        ))}
      </ol>
    </aside>
  );
}
