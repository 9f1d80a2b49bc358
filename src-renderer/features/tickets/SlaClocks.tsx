// Both SLA clocks of one ticket, live: due time (Oslo), service time left
// (or over), the clock's state in words and colour, and "at risk" once the
// share of the target set in the SLA settings is used.
import { useTranslation } from 'react-i18next';
import type { ClockState, TicketClockState } from '../../../src-shared/sla';
import { formatDeadline } from '../../app/format';
import { ClockTag } from './badges';
import { clockTone, type Which } from './sla';
import { formatServiceTime } from './text';

export function SlaClocks({
  clocks,
  agreedTargetDate,
}: {
  clocks: TicketClockState;
  agreedTargetDate: string | null;
}) {
  return (
    <div className="sla-clocks">
      <ClockBox which="response" clock={clocks.response} />
      <ClockBox which="resolution" clock={clocks.resolution} agreedTargetDate={agreedTargetDate} />
    </div>
  );
}

function ClockBox({
  which,
  clock,
  agreedTargetDate = null,
}: {
  which: Which;
  clock: ClockState;
  agreedTargetDate?: string | null;
}) {
  const { t } = useTranslation();
  const tone = clockTone(clock);
  const time = formatServiceTime(clock.remainingMs, t);
  const share = Math.min(Math.max(clock.shareUsed, 0), 1);
  return (
    <section
      className={`clock-box tone-${tone}`}
      aria-label={t(`tickets.clock.name.${which}`)}
      data-testid={`clock-${which}`}
    >
      <div className="row spread">
        <h2>{t(`tickets.clock.name.${which}`)}</h2>
        <span className="row">
          <ClockTag clock={clock} />
          {clock.atRisk && tone !== 'atRisk' && (
            <span className="clock-tag tone-atRisk">{t('tickets.clock.tone.atRisk')}</span>
          )}
        </span>
      </div>
      <dl className="clock-facts">
        <div>
          <dt>{t('tickets.clock.dueAt')}</dt>
          <dd data-testid={`${which}-due`}>
            {clock.dueMs !== undefined
              ? formatDeadline(new Date(clock.dueMs).toISOString())
              : t('tickets.clock.noDueWhilePaused')}
          </dd>
        </div>
        <div>
          <dt>
            {t(
              clock.status === 'met'
                ? 'tickets.clock.used'
                : clock.remainingMs < 0
                  ? 'tickets.clock.over'
                  : 'tickets.clock.remaining',
            )}
          </dt>
          <dd className="mono" data-testid={`${which}-remaining`}>
            {clock.status === 'met' ? formatServiceTime(clock.elapsedMs, t) : time}
          </dd>
        </div>
        <div>
          <dt>{t('tickets.clock.target')}</dt>
          <dd>{formatServiceTime(clock.targetMs, t)}</dd>
        </div>
      </dl>
      <div
        className="clock-bar"
        role="meter"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(clock.shareUsed * 100)}
        aria-label={t('tickets.clock.shareUsed', { percent: Math.round(clock.shareUsed * 100) })}
      >
        <span style={{ width: `${share * 100}%` }} />
      </div>
      {agreedTargetDate && (
        <p className="small muted">
          {t('tickets.plan.newTarget', { date: agreedTargetDate.split('-').reverse().join('.') })}
        </p>
      )}
    </section>
  );
}
