// Priority, status and SLA-clock marks. Each says in words what its colour
// says, so nothing depends on colour alone.
import { useTranslation } from 'react-i18next';
import type { ClockState } from '../../../src-shared/sla';
import { formatDeadlineShort } from '../../app/format';
import { clockTone, type NextDeadline } from './sla';
import { formatServiceTime } from './text';

export function PriorityBadge({ priority }: { priority: string }) {
  const { t } = useTranslation();
  return (
    <span className={`pbadge pbadge-${priority}`} data-testid="priority">
      <span className="pbadge-dot" aria-hidden="true" />
      {t(`sla.priorities.${priority}`)}
    </span>
  );
}

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <span className={`status status-${status}`} data-testid="status">
      {t(`tickets.statuses.${status}`)}
    </span>
  );
}

/** "I fare" / "Brutt" / "På pause" / "Innfridd" / "Løper" as a coloured tag. */
export function ClockTag({ clock }: { clock: ClockState }) {
  const { t } = useTranslation();
  const tone = clockTone(clock);
  return <span className={`clock-tag tone-${tone}`}>{t(`tickets.clock.tone.${tone}`)}</span>;
}

/** The list's deadline cell: which clock, how much service time is left (or over), and when it is due. */
export function DeadlineCell({ next, now }: { next: NextDeadline; now: number }) {
  const { t } = useTranslation();
  if (next.kind === 'done') {
    const met = next.clock.status !== 'breached';
    return (
      <span className={`deadline tone-${met ? 'met' : 'breached'}`}>
        <span className="deadline-main">
          {t(`tickets.statuses.${next.status}`)} · {t(met ? 'tickets.clock.inTime' : 'tickets.clock.late')}
        </span>
      </span>
    );
  }
  if (next.kind === 'paused') {
    return (
      <span className="deadline tone-paused">
        <span className="deadline-main">
          <span className="clock-tag tone-paused">{t('tickets.clock.tone.paused')}</span>
        </span>
        <span className="deadline-sub">
          {next.pause ? t(`tickets.clock.pauseKind.${next.pause}`) : ''} ·{' '}
          {t('tickets.clock.leftShort', { time: formatServiceTime(next.clock.remainingMs, t, true) })}
        </span>
      </span>
    );
  }
  const { clock, which } = next;
  const tone = clockTone(clock);
  const time = formatServiceTime(clock.remainingMs, t, true);
  const due =
    clock.dueMs !== undefined
      ? ` · ${t('tickets.clock.due', { when: formatDeadlineShort(new Date(clock.dueMs).toISOString(), now) })}`
      : '';
  return (
    <span className={`deadline tone-${tone}`}>
      <span className="deadline-main">
        {tone !== 'running' && (
          <span className={`clock-tag tone-${tone}`}>{t(`tickets.clock.tone.${tone}`)}</span>
        )}{' '}
        <span className="num">
          {tone === 'breached'
            ? t('tickets.clock.overShort', { time })
            : t('tickets.clock.leftShort', { time })}
        </span>
      </span>
      <span className="deadline-sub">
        {t(`tickets.clock.short.${which}`)}
        {due}
      </span>
    </span>
  );
}
