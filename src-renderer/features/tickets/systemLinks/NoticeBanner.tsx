// R14: the active operational notices concerning the system and customer a ticket names, shown the
// moment the form (or the ticket) names them, each with one button that links the ticket to it.
// The new-ticket form only selects the notice (the ticket is created linked to it); the ticket page
// links it at once. The notice already linked is shown apart (LinkedNotice), with its unlink.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useId, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../app/format';
import { useTRPC } from '../../../app/trpc';
import type { ConcerningNotice } from '../types';

/** The notices concerning a system and/or a customer now (none while neither is named). */
export function useConcerningNotices(
  systemId: string | null | undefined,
  customerId: string | null | undefined,
) {
  const trpc = useTRPC();
  const named = !!systemId || !!customerId;
  const q = useQuery(
    trpc.systems.noticesFor.queryOptions(
      { systemId: systemId || null, customerId: customerId || null },
      // Refetched as the fields change; kept on screen meanwhile, and looked at again now and then.
      { enabled: named, placeholderData: keepPreviousData, refetchInterval: 60_000 },
    ),
  );
  return named ? (q.data ?? []) : [];
}

/** A notice's latest word: its newest update's text, else its own text. */
function LatestWord({ notice }: { notice: Pick<ConcerningNotice, 'id' | 'body'> }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const card = useQuery(trpc.systems.notice.queryOptions({ id: notice.id }, { retry: false }));
  const latest = card.data?.updates.at(-1);
  return (
    <p className="pre small notice-latest">
      {latest ? (
        <>
          <span className="muted">
            {t('ticketSystems.notices.latestUpdate', { when: formatDateTime(latest.at) })}
          </span>{' '}
          {latest.text}
        </>
      ) : (
        (card.data?.body ?? notice.body)
      )}
    </p>
  );
}

/** Title, state and times of a notice, and its latest word. */
export function NoticeFacts({ notice }: { notice: ConcerningNotice }) {
  const { t } = useTranslation();
  return (
    <>
      <p>
        <strong>{notice.title}</strong>{' '}
        <span className={`tag tone-${notice.state === 'ongoing' ? 'bad' : 'warn'}`}>
          {t(`ticketSystems.noticeStates.${notice.state}`, { defaultValue: notice.state })}
        </span>{' '}
        <span className="muted small">
          {notice.endsAt
            ? t('ticketSystems.notices.span', {
                start: formatDateTime(notice.startsAt),
                end: formatDateTime(notice.endsAt),
              })
            : t('ticketSystems.notices.since', { start: formatDateTime(notice.startsAt) })}
        </span>
      </p>
      <LatestWord notice={notice} />
    </>
  );
}

export function NoticeBanner({
  notices,
  selectedId,
  onSelect,
  onUnselect,
  busy = false,
  canLink = true,
  style,
}: {
  notices: readonly ConcerningNotice[];
  /** The notice the ticket is (or will be) linked to; it shows as chosen. */
  selectedId?: string | null;
  onSelect(noticeId: string): void;
  /** Undoes a choice on the form (the ticket page unlinks in its own section). */
  onUnselect?(): void;
  busy?: boolean;
  /** Whether this person may link tickets to notices. */
  canLink?: boolean;
  style?: CSSProperties;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  if (notices.length === 0) return null;
  return (
    <aside
      className="notice notice-banner"
      aria-labelledby={headingId}
      data-testid="notice-banner"
      style={style}
    >
      <h2 id={headingId}>{t('ticketSystems.notices.heading', { count: notices.length })}</h2>
      <p role="status" className="small">
        {t('ticketSystems.notices.intro', { count: notices.length })}
      </p>
      <ul style={{ listStyle: 'none', padding: 0, margin: 0, display: 'grid', gap: '0.75rem' }}>
        {notices.map((n) => {
          const chosen = n.id === selectedId;
          return (
            <li key={n.id} data-notice-id={n.id} data-chosen={chosen || undefined}>
              <NoticeFacts notice={n} />
              {canLink &&
                (chosen ? (
                  <p className="row wrap">
                    <strong role="status">{t('ticketSystems.notices.chosen')}</strong>
                    {onUnselect && (
                      <button type="button" className="ghost" onClick={onUnselect} disabled={busy}>
                        {t('ticketSystems.notices.unchoose')}
                      </button>
                    )}
                  </p>
                ) : (
                  <button type="button" className="primary" onClick={() => onSelect(n.id)} disabled={busy}>
                    {t('ticketSystems.notices.link')}
                  </button>
                ))}
            </li>
          );
        })}
      </ul>
    </aside>
  );
}
