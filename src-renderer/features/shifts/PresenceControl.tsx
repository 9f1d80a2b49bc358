// The signed-in person's presence in the top bar (issue 15): the state now and
// for how long, one select to change it, and Alt+L / Alt+E / Alt+P / Alt+O from
// anywhere on the desk. "I samtale" and "etterarbeid" follow from the calls by
// themselves; the select then shows them without offering "i samtale" to pick.
import { useEffect } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  MANUAL_PRESENCE_STATES,
  PRESENCE_SHORTCUTS,
  type ManualPresenceState,
} from '../../../src-shared/shifts/presence';
import { formatMinutes } from '../../app/format';
import { useNow } from '../../app/useNow';
import { useTRPC } from '../../app/trpc';

export function PresenceControl() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const now = useNow(15_000);
  const presence = useQuery(trpc.shifts.myPresence.queryOptions());
  const set = useMutation(trpc.shifts.setPresence.mutationOptions());
  // React Query keeps `mutate` the same function across renders: the shortcut listener is added once.
  const { mutate } = set;
  const setState = (state: ManualPresenceState) => mutate({ state });

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented) return;
      const state = MANUAL_PRESENCE_STATES.find((s) => e.code === `Key${PRESENCE_SHORTCUTS[s]}`);
      if (!state) return;
      e.preventDefault();
      mutate({ state });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [mutate]);

  const current = presence.data ?? null;
  const minutes = current ? Math.max(0, (now - Date.parse(current.since)) / 60_000) : 0;
  return (
    <label className="presence" data-state={current?.state ?? 'none'}>
      <span className="visually-hidden">{t('presence.label')}</span>
      <select
        value={current?.state ?? ''}
        onChange={(e) => setState(e.target.value as ManualPresenceState)}
        aria-describedby="presence-since"
        data-testid="presence"
      >
        {!current && <option value="">{t('presence.none')}</option>}
        {(current?.state === 'on_call' || current?.state === 'offline') && (
          <option value={current.state} disabled>
            {t(`presence.states.${current.state}`)}
          </option>
        )}
        {MANUAL_PRESENCE_STATES.map((s) => (
          <option key={s} value={s}>
            {t(`presence.states.${s}`)} (Alt+{PRESENCE_SHORTCUTS[s]})
          </option>
        ))}
      </select>
      <span id="presence-since" className="presence-since">
        {current ? t('presence.for', { time: formatMinutes(Math.floor(minutes), t('sla.hourUnit')) }) : ''}
      </span>
      {set.isError && (
        <span role="alert" className="presence-error">
          {t('presence.failed')}
        </span>
      )}
    </label>
  );
}
