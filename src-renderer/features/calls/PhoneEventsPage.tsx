// The phone system's events (issue 6) for the administrator: every newCall,
// answer and hangup the central store received, newest first, with what
// became of it (applied, a repeat, out of order, ignored, or an outbound call
// only logged) and why. Paged by the time of the last row shown ("Vis
// flere"). Refetched when the desk's call log changes (liveQueries.ts); the
// events that change nothing a desk syncs (outbound calls, repeats, answers
// nobody could be matched to) live only on the central store, so the page
// also asks it again every few seconds while open.
import { useInfiniteQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/errors';
import { formatDateTimeSeconds } from '../../app/format';
import { useTRPC, useTRPCClient } from '../../app/trpc';
import { PHONE_EVENT_NOTES } from '../../../src-shared/calls/cti';

const PAGE = 50;
/** For the events no desk table reflects (see above). */
const CENTRAL_ONLY_REFRESH_MS = 5000;

/** The central store's notes (src-shared/calls/cti.ts) by translation key; several are joined by "; ". */
const NOTES: Record<string, string> = {
  // Notes events received before issue 12 carry.
  'newCall after the call was already known (answered first?)': 'newCallLate',
  'the hangup came before this newCall; the call is recorded as ended': 'hangupFirst',
  'hangup for a call never announced': 'hangupUnknown',
  ...Object.fromEntries(Object.entries(PHONE_EVENT_NOTES).map(([key, text]) => [text, key])),
};

function noteText(note: string | null, outcome: string, t: TFunction): string {
  if (!note) return outcome === 'duplicate' ? t('admin.phoneEvents.notes.duplicate') : '';
  // A code (issue 18); older rows hold the English text, matched below.
  if (note in PHONE_EVENT_NOTES) return t(`admin.phoneEvents.notes.${note}`);
  // One note holds "; " itself: match whole notes first, then the parts of a joined one.
  const whole = NOTES[note];
  if (whole) return t(`admin.phoneEvents.notes.${whole}`);
  return note
    .split('; ')
    .map((part) => (NOTES[part] ? t(`admin.phoneEvents.notes.${NOTES[part]}`) : part))
    .join('; ');
}

export function PhoneEventsPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const events = useInfiniteQuery({
    queryKey: [...trpc.account.ctiEvents.pathKey(), { paged: PAGE }],
    queryFn: ({ pageParam }) => client.account.ctiEvents.query({ before: pageParam, limit: PAGE }),
    initialPageParam: undefined as { receivedAt: string; id: string } | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
    refetchInterval: CENTRAL_ONLY_REFRESH_MS,
  });
  const rows = events.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <section className="card" aria-labelledby="phone-events-title">
      <h1 id="phone-events-title">{t('admin.phoneEvents.title')}</h1>
      <p className="muted">{t('admin.phoneEvents.intro')}</p>
      {events.isError && <p role="alert">{errorMessage(events.error, t)}</p>}
      {events.isPending && <p className="muted">{t('common.loading')}</p>}
      {events.isSuccess && rows.length === 0 && <p>{t('admin.phoneEvents.none')}</p>}
      {rows.length > 0 && (
        <div className="table-scroll">
          <table className="table audit" aria-label={t('admin.phoneEvents.title')}>
            <thead>
              <tr>
                <th>{t('admin.phoneEvents.time')}</th>
                <th>{t('admin.phoneEvents.event')}</th>
                <th>{t('admin.phoneEvents.direction')}</th>
                <th>{t('admin.phoneEvents.from')}</th>
                <th>{t('admin.phoneEvents.to')}</th>
                <th>{t('admin.phoneEvents.callId')}</th>
                <th>{t('admin.phoneEvents.users')}</th>
                <th>{t('admin.phoneEvents.outcome')}</th>
                <th>{t('admin.phoneEvents.note')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className={`cti-${r.outcome}`} data-outcome={r.outcome}>
                  <td className="nowrap">{formatDateTimeSeconds(r.receivedAt)}</td>
                  <td className="nowrap">
                    {t(`admin.phoneEvents.events.${r.event}`, { defaultValue: r.event })}
                    {(r.cause || r.event === 'hangup') && (
                      <small className="block muted">
                        {/* A hangup without a cause is stored as "unknown" on the call: said so here too. */}
                        {t(`calls.hangupCauses.${r.cause ?? 'unknown'}`, {
                          defaultValue: r.cause ?? 'unknown',
                        })}
                      </small>
                    )}
                  </td>
                  <td>{t(`admin.phoneEvents.directions.${r.direction}`, { defaultValue: r.direction })}</td>
                  <td className="mono nowrap">{r.fromNumber ?? ''}</td>
                  <td className="mono nowrap">{r.toNumber ?? ''}</td>
                  <td className="mono args" title={r.callId ?? undefined}>
                    {r.ctiCallId}
                  </td>
                  <td>
                    {r.users.join(', ')}
                    {r.answeringNumber && (
                      <small className="block muted">
                        {t('admin.phoneEvents.answeringNumber', { number: r.answeringNumber })}
                      </small>
                    )}
                  </td>
                  <td>
                    <span className={`tag tag-cti-${r.outcome}`}>
                      {t(`admin.phoneEvents.outcomes.${r.outcome}`, { defaultValue: r.outcome })}
                    </span>
                  </td>
                  <td title={r.note ?? undefined}>{noteText(r.note, r.outcome, t)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {events.hasNextPage && (
        <div className="row end">
          <button
            type="button"
            onClick={() => void events.fetchNextPage()}
            disabled={events.isFetchingNextPage}
          >
            {events.isFetchingNextPage ? t('common.loading') : t('admin.phoneEvents.more')}
          </button>
        </div>
      )}
    </section>
  );
}
