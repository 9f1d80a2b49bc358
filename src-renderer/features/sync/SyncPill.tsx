// The sync state in the top bar (DESIGN.md "Data and sync"): synced at what
// time, offline with changes waiting, waiting for someone to sign in again,
// blocked until the program is updated, and how many changes the central
// store refused (a link to the needs-attention page). Clicking syncs now.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Link } from 'wouter';
import type { SignedInUser, SyncStatus } from '../../app/account';
import { errorMessage } from '../../app/errors';
import { formatClock, formatDateTime } from '../../app/format';
import { useTRPC } from '../../app/trpc';
import { useNow } from '../../app/useNow';

type Tone = 'ok' | 'busy' | 'off' | 'warn' | 'bad';

function lastSynced(at: string | null, now: number, t: TFunction): string {
  if (!at) return t('sync.never');
  const today = formatDateTime(new Date(now).toISOString()).slice(0, 10);
  const when = formatDateTime(at);
  return t('sync.synced', { time: when.startsWith(today) ? formatClock(at).slice(0, 5) : when });
}

function describe(
  s: SyncStatus,
  user: SignedInUser,
  now: number,
  t: TFunction,
): { tone: Tone; text: string; hint: string } {
  const pending = t('sync.pending', { count: s.pending });
  if (s.state === 'versionBlocked') {
    return { tone: 'bad', text: t('sync.versionBlocked'), hint: t('sync.versionBlockedHint') };
  }
  if (s.state === 'signedOut') {
    const other = s.waitingFor && s.waitingFor !== user.displayName ? s.waitingFor : null;
    return other
      ? {
          tone: 'warn',
          text: t('sync.waitingFor', { name: other }),
          hint: t('sync.waitingForHint', { name: other }),
        }
      : { tone: 'warn', text: t('sync.signInAgain'), hint: t('sync.signInAgainHint') };
  }
  if (s.state === 'offline' || !s.online) {
    return {
      tone: 'off',
      text: s.pending > 0 ? `${t('sync.offline')} – ${pending}` : t('sync.offline'),
      hint: [lastSynced(s.lastSyncAt, now, t), s.lastError].filter(Boolean).join(' · '),
    };
  }
  if (s.pending > 0) return { tone: 'busy', text: pending, hint: lastSynced(s.lastSyncAt, now, t) };
  return {
    tone: 'ok',
    text: lastSynced(s.lastSyncAt, now, t),
    hint: t('sync.clickToSync'),
  };
}

export function SyncPill({ status, user }: { status: SyncStatus | null; user: SignedInUser }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const now = useNow(60_000);
  const syncNow = useMutation(
    trpc.sync.syncNow.mutationOptions({ onSettled: () => queryClient.invalidateQueries() }),
  );
  if (!status) return null;
  const { tone, text, hint } = describe(status, user, now, t);
  return (
    <div className="sync-status" role="status" aria-label={t('sync.label')}>
      <button
        type="button"
        className={`pill pill-${tone}${status.state === 'syncing' ? ' syncing' : ''}`}
        data-testid="sync-pill"
        data-state={status.state}
        onClick={() => syncNow.mutate()}
        disabled={syncNow.isPending}
        title={syncNow.isError ? errorMessage(syncNow.error, t) : hint}
      >
        <span className="dot" aria-hidden="true" />
        {text}
      </button>
      {status.rejected > 0 && (
        <Link href="/attention" className="pill pill-warn" data-testid="attention-pill">
          {t('sync.rejected', { count: status.rejected })}
        </Link>
      )}
    </div>
  );
}
