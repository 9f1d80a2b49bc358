// Choosing a priority (R4) always shows what it means: the response and
// resolution deadlines it would get, computed by the SLA clock on the desk.
// Every place that sets a priority uses this component.
import { useId } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Priority } from '../../../src-shared/sla/settings';
import { useTRPC } from '../../app/trpc';
import { errorMessage } from '../../app/errors';
import { formatDeadline } from '../../app/format';

export const PRIORITY_CHOICES: readonly Priority[] = ['critical', 'high', 'medium', 'low'];

export function PriorityPicker({
  value,
  onChange,
  openedAt,
}: {
  value: Priority;
  onChange(p: Priority): void;
  /** When the ticket was (or will be) opened; now when left out; null while the time typed is unreadable (no deadlines). */
  openedAt?: string | null;
}) {
  const { t } = useTranslation();
  const id = useId();
  const trpc = useTRPC();
  const preview = useQuery(
    trpc.sla.preview.queryOptions(
      { priority: value, openedAt: openedAt ?? undefined },
      // A ticket opened "now": its deadlines move with the clock, not with any data.
      { refetchInterval: openedAt ? false : 30_000, enabled: openedAt !== null },
    ),
  );
  return (
    <div className="priority-picker">
      <fieldset className="field">
        <legend>{t('sla.priority')}</legend>
        <div className="segmented" role="radiogroup">
          {PRIORITY_CHOICES.map((p) => (
            <label key={p} className={`seg prio-${p}${p === value ? ' on' : ''}`}>
              <input type="radio" name={id} value={p} checked={p === value} onChange={() => onChange(p)} />
              {t(`sla.priorities.${p}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <dl className="deadlines" aria-live="polite" data-testid="sla-preview">
        {preview.isError ? (
          <dd role="alert">{errorMessage(preview.error, t)}</dd>
        ) : (
          <>
            <div>
              <dt>{t('sla.responseDue')}</dt>
              <dd data-testid="response-due">
                {preview.data && openedAt !== null ? formatDeadline(preview.data.responseDue) : '…'}
              </dd>
            </div>
            <div>
              <dt>{t('sla.resolutionDue')}</dt>
              <dd data-testid="resolution-due">
                {preview.data?.resolutionDue && openedAt !== null
                  ? formatDeadline(preview.data.resolutionDue)
                  : '…'}
              </dd>
            </div>
            {preview.data?.clock24x7 && <div className="muted">{t('sla.clock24x7')}</div>}
          </>
        )}
      </dl>
    </div>
  );
}
