// The team lead's alerts (issue 15), on every page of the team lead's desk: a
// caller waiting past the limit, a ticket's clock entering at risk or
// breaching, a desk on today's shift going offline. Each is shown once, as a
// banner line with a link to the thing and as a desktop notification (the
// Notification API: native notifications in Electron, the browser's in
// browser mode). The conditions are src-shared/shifts/alerts.ts's, read from
// the live view's figures, which refetch on every change (liveQueries.ts) and
// once more at the next instant a ticket's clock crosses a line by itself.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Link, useLocation } from 'wouter';
import { currentAlerts, newAlerts, type ShiftAlert } from '../../../src-shared/shifts/alerts';
import type { SignedInUser } from '../../app/account';
import { useTRPC } from '../../app/trpc';
import { useNow } from '../../app/useNow';

const SHOWN_MAX = 6;
const seenKey = (userId: string) => `shift-alerts-seen:${userId}`;

function readSeen(userId: string): Set<string> | null {
  try {
    const raw = localStorage.getItem(seenKey(userId));
    return raw === null ? null : new Set(JSON.parse(raw) as string[]);
  } catch {
    return null;
  }
}

function alertText(a: ShiftAlert, t: TFunction): string {
  switch (a.kind) {
    case 'longWait':
      return t('alerts.longWait', {
        caller: a.callerName ?? t('alerts.someCaller'),
        limit: a.waitedSeconds % 60 === 0 ? `${a.waitedSeconds / 60} min` : `${a.waitedSeconds} s`,
      });
    case 'deskOffline':
      return t('alerts.deskOffline', { name: a.name });
    default:
      return t(`alerts.${a.kind}`, { reference: a.reference ?? t('live.tickets.noReference') });
  }
}

function alertLink(a: ShiftAlert): string {
  if (a.kind === 'longWait' || a.kind === 'deskOffline') return '/queues';
  return `/tickets/${a.ticketId}`;
}

export function ShiftAlertBanner({ user }: { user: SignedInUser }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  const live = useQuery(trpc.shifts.live.queryOptions());
  const now = useNow(1000);
  const [shown, setShown] = useState<ShiftAlert[]>([]);
  const [permission, setPermission] = useState(() =>
    typeof Notification === 'undefined' ? 'unsupported' : Notification.permission,
  );
  const seen = useRef<Set<string> | null>(readSeen(user.id));

  // A ticket enters at risk or breaches by the clock alone: look again at that instant.
  const nextChangeAt = live.data?.tickets.nextChangeAt ?? null;
  useEffect(() => {
    if (!nextChangeAt) return;
    const wait = Math.max(0, Date.parse(nextChangeAt) - Date.now() + 50);
    const timer = setTimeout(
      () => void queryClient.invalidateQueries({ queryKey: trpc.shifts.live.queryKey() }),
      Math.min(wait, 2_147_000_000),
    );
    return () => clearTimeout(timer);
  }, [nextChangeAt, queryClient, trpc]);

  const current = useMemo(() => (live.data ? currentAlerts(live.data, now) : null), [live.data, now]);
  useEffect(() => {
    if (!current) return;
    const { fresh, remember } = newAlerts(current, seen.current);
    seen.current = new Set(remember);
    localStorage.setItem(seenKey(user.id), JSON.stringify(remember));
    if (fresh.length === 0) return;
    setShown((s) => [...fresh.reverse(), ...s].slice(0, 50));
    if (typeof Notification !== 'undefined' && Notification.permission === 'granted') {
      for (const a of fresh) {
        const n = new Notification(t('alerts.title'), { body: alertText(a, t), tag: a.key });
        n.onclick = () => {
          window.focus();
          navigate(alertLink(a));
        };
      }
    }
  }, [current, user.id, t, navigate]);

  const askPermission = () => void Notification.requestPermission().then((p) => setPermission(p));
  if (shown.length === 0 && permission !== 'default') return null;
  return (
    <section className="shift-alerts" aria-label={t('alerts.title')} data-testid="shift-alerts">
      {permission === 'default' && (
        <p className="row">
          <span>{t('alerts.notificationsOff')}</span>
          <button type="button" className="ghost" onClick={askPermission}>
            {t('alerts.turnOn')}
          </button>
        </p>
      )}
      {shown.length > 0 && (
        // The alert is around the list, not on it: a list keeps its role (WCAG 1.3.1).
        <div role="alert">
          <ul>
            {shown.slice(0, SHOWN_MAX).map((a) => (
              <li key={a.key} className={`shift-alert kind-${a.kind}`}>
                <Link href={alertLink(a)}>{alertText(a, t)}</Link>
                <button
                  type="button"
                  className="ghost"
                  onClick={() => setShown((s) => s.filter((x) => x.key !== a.key))}
                  aria-label={t('alerts.dismiss', { text: alertText(a, t) })}
                >
                  ×
                </button>
              </li>
            ))}
            {shown.length > SHOWN_MAX && (
              <li className="muted">{t('alerts.more', { count: shown.length - SHOWN_MAX })}</li>
            )}
          </ul>
        </div>
      )}
      {shown.length > 1 && (
        <button type="button" className="ghost" onClick={() => setShown([])}>
          {t('alerts.dismissAll')}
        </button>
      )}
    </section>
  );
}
