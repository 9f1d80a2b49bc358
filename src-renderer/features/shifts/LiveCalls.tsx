// The live view's phone part: the queue now and today's call figures.
import { useTranslation } from 'react-i18next';
import { formatDuration } from '../../../src-shared/calls/durations';
import { formatClock, formatCount } from '../../app/format';
import { useNow } from '../../app/useNow';
import { duration, percent, Tile, type LiveView } from './liveParts';

export function CallsSection({ view }: { view: LiveView }) {
  const { t } = useTranslation();
  const now = useNow(1000);
  const c = view.calls;
  // The waits tick between refetches: from arrival to now, not from the figure's instant.
  const waits = c.waiting.map((w) => ({ ...w, waitMs: Math.max(0, now - Date.parse(w.arrivedAt)) }));
  const longest = waits.length ? Math.max(...waits.map((w) => w.waitMs)) : null;
  const threshold = view.settings.longWaitSeconds * 1000;
  const customer = new Map(view.customers.map((x) => [x.id, x.name]));
  return (
    <section className="card live-section" aria-labelledby="live-calls">
      <h2 id="live-calls">{t('live.calls.title')}</h2>
      <div className="tiles">
        <Tile label={t('live.calls.waiting')} value={formatCount(waits.length)} testId="live-waiting" />
        <Tile
          label={t('live.calls.longestWait')}
          value={duration(longest)}
          tone={longest !== null && longest > threshold ? 'bad' : undefined}
          testId="live-longest"
        />
        <Tile label={t('live.calls.answered')} value={formatCount(c.answered)} testId="live-answered" />
        <Tile
          label={t('live.calls.missedNotCalledBack')}
          value={formatCount(c.missedNotCalledBack)}
          tone={c.missedNotCalledBack ? 'warn' : undefined}
          testId="live-missed"
        />
        <Tile label={t('live.calls.medianWait')} value={duration(c.medianWaitMs)} />
        <Tile label={t('live.calls.p90Wait')} value={duration(c.p90WaitMs)} />
        <Tile
          label={t('live.calls.answeredInTime', { seconds: view.settings.answerWithinSeconds })}
          value={percent(c.answeredInTimeShare)}
          testId="live-in-time"
        />
        <Tile label={t('live.calls.abandoned')} value={percent(c.abandonedShare)} />
      </div>
      <table className="table live-queue">
        <caption className="visually-hidden">{t('live.calls.queueCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t('live.calls.caller')}</th>
            <th scope="col">{t('tickets.fields.customer')}</th>
            <th scope="col">{t('live.calls.arrived')}</th>
            <th scope="col">{t('live.calls.wait')}</th>
          </tr>
        </thead>
        <tbody>
          {waits.length === 0 && (
            <tr>
              <td colSpan={5} className="muted">
                {t('live.calls.nobodyWaiting')}
              </td>
            </tr>
          )}
          {waits.map((w, i) => (
            <tr key={w.id} className={w.waitMs > threshold ? 'tone-bad' : undefined}>
              <td>{i + 1}</td>
              <td>{w.callerName ?? <span className="muted">{t('live.calls.unknownCaller')}</span>}</td>
              <td>{w.customerId ? (customer.get(w.customerId) ?? '') : ''}</td>
              <td>{formatClock(w.arrivedAt)}</td>
              <td className="mono">{formatDuration(w.waitMs)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
