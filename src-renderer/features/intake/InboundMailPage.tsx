// The inbound mailbox's record (issue 17) for administrators and team leads:
// every e-mail the central store read, newest first, and what became of it —
// a new ticket, an answer on a ticket, ignored (automatic replies, bounces,
// lists, our own mail), throttled (a sender writing too fast) or set aside
// (unreadable) — with the reason in words and a link to the ticket. What needs
// a look (set aside, throttled) is counted at the top. Live: the desk syncs
// inbound_mail and the shell refetches this page when it changes.
import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { InboundOutcome } from '../../../src-shared/intake/schemas';
import { errorMessage } from '../../app/errors';
import { formatCount, formatDateTimeSeconds } from '../../app/format';
import { useTRPC } from '../../app/trpc';

type Filter = 'all' | InboundOutcome;
const FILTERS: readonly Filter[] = ['all', 'setAside', 'throttled', 'ignored', 'ticket', 'reply'];
const LIMIT = 200;
/** The counts at the top read at most this many (the router's limit); beyond it they say "500+". */
const COUNT_LIMIT = 500;

const OUTCOME_TONE: Record<InboundOutcome, string> = {
  ticket: 'ok',
  reply: 'ok',
  ignored: 'neutral',
  throttled: 'bad',
  setAside: 'warn',
};

/** The central store's reason (src-main/intake/mutations.ts, central/mail/inbound) in words. */
export function reasonText(reason: string | null, t: TFunction): string {
  if (!reason) return '';
  if (reason === 'unknown sender') return t('intake.inbound.reasons.unknownSender');
  if (reason === 'no sender address') return t('intake.inbound.reasons.noSender');
  const throttled = /^more than (\d+) messages in a minute$/.exec(reason);
  if (throttled) return t('intake.inbound.reasons.throttled', { count: Number(throttled[1]) });
  const noise = /^(autoReply|bounce|list|ours): (.*)$/s.exec(reason);
  if (noise) return `${t(`intake.inbound.reasons.noise.${noise[1]}`)} (${noise[2]})`;
  const unreadable =
    /^(could not be parsed|no headers|no From, Message-ID or Date header|refused)(: (.*))?$/s.exec(reason);
  if (unreadable) {
    const key = {
      'could not be parsed': 'unparsable',
      'no headers': 'noHeaders',
      'no From, Message-ID or Date header': 'noIdentity',
      refused: 'refused',
    }[unreadable[1]!];
    return `${t(`intake.inbound.reasons.${key}`)}${unreadable[3] && key !== 'noHeaders' ? ` (${unreadable[3]})` : ''}`;
  }
  return reason;
}

export function InboundMailPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [filter, setFilter] = useState<Filter>('all');
  const rows = useQuery(
    trpc.intake.inbound.queryOptions(
      { outcomes: filter === 'all' ? undefined : [filter], limit: LIMIT },
      { placeholderData: keepPreviousData },
    ),
  );
  const needsLook = useQuery(
    trpc.intake.inbound.queryOptions({ outcomes: ['setAside', 'throttled'], limit: COUNT_LIMIT }),
  );
  const count = (outcome: InboundOutcome) => {
    const n = (needsLook.data ?? []).filter((r) => r.outcome === outcome).length;
    return needsLook.data && needsLook.data.length >= COUNT_LIMIT ? `${formatCount(n)}+` : formatCount(n);
  };
  const label = t('intake.inbound.title');

  return (
    <section className="card" aria-labelledby="inbound-title">
      <h1 id="inbound-title">{label}</h1>
      <p className="muted">{t('intake.inbound.intro')}</p>
      <div className="tiles inbound-tiles" data-testid="inbound-counts">
        {(['setAside', 'throttled'] as const).map((o) => {
          const n = (needsLook.data ?? []).filter((r) => r.outcome === o).length;
          return (
            <button
              key={o}
              type="button"
              className={`tile${n > 0 ? (o === 'throttled' ? ' tone-bad' : ' tone-warn') : ''}`}
              onClick={() => setFilter(o)}
              aria-pressed={filter === o}
              data-testid={`count-${o}`}
            >
              <span className="tile-value">{needsLook.isPending ? '…' : count(o)}</span>
              <span className="tile-label">{t(`intake.inbound.counts.${o}`, { count: n })}</span>
            </button>
          );
        })}
      </div>
      <div className="row wrap inbound-filters" role="group" aria-label={t('intake.inbound.filter')}>
        {FILTERS.map((f) => (
          <button
            key={f}
            type="button"
            className={filter === f ? 'primary' : undefined}
            aria-pressed={filter === f}
            onClick={() => setFilter(f)}
          >
            {t(`intake.inbound.filters.${f}`)}
          </button>
        ))}
      </div>
      {rows.isError && <p role="alert">{errorMessage(rows.error, t)}</p>}
      {rows.isPending && <p className="muted">{t('common.loading')}</p>}
      {rows.isSuccess && rows.data.length === 0 && <p>{t('intake.inbound.none')}</p>}
      {rows.isSuccess && rows.data.length > 0 && (
        <div className="table-scroll">
          <table className="table audit" aria-label={label}>
            <thead>
              <tr>
                <th scope="col">{t('intake.inbound.time')}</th>
                <th scope="col">{t('intake.inbound.from')}</th>
                <th scope="col">{t('intake.inbound.subject')}</th>
                <th scope="col">{t('intake.inbound.outcome')}</th>
                <th scope="col">{t('intake.inbound.reason')}</th>
                <th scope="col">{t('intake.inbound.ticket')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.data.map((r) => (
                <tr key={r.id} data-outcome={r.outcome}>
                  <td className="nowrap">{formatDateTimeSeconds(r.receivedAt)}</td>
                  <td className="args">
                    {r.fromAddress ?? <span className="muted">{t('intake.inbound.noSender')}</span>}
                  </td>
                  <td>{r.subject || <span className="muted">{t('intake.inbound.noSubject')}</span>}</td>
                  <td>
                    <span className={`tag tone-${OUTCOME_TONE[r.outcome as InboundOutcome] ?? 'neutral'}`}>
                      {t(`intake.inbound.outcomes.${r.outcome}`, { defaultValue: r.outcome })}
                    </span>
                  </td>
                  <td title={r.reason ?? undefined}>{reasonText(r.reason, t)}</td>
                  <td className="nowrap">
                    {r.ticketId ? (
                      <Link href={`/tickets/${r.ticketId}`}>
                        {t('intake.inbound.openTicket')}
                        <span className="visually-hidden">
                          {' '}
                          {t('intake.inbound.openTicketFor', { subject: r.subject || r.fromAddress || '' })}
                        </span>
                      </Link>
                    ) : (
                      ''
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {rows.data.length >= LIMIT && (
            <p className="muted small">{t('intake.inbound.limited', { count: LIMIT })}</p>
          )}
        </div>
      )}
    </section>
  );
}
