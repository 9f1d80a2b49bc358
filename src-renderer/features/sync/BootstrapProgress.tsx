// The first sync of a large central store (or one after `reset`): a bar
// under the top bar with how many rows have arrived of how many.
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../app/account';

export function BootstrapProgress({ status }: { status: SyncStatus | null }) {
  const { t, i18n } = useTranslation();
  const progress = status?.bootstrap;
  if (!progress) return null;
  const nf = new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'nb-NO');
  const label = t('sync.bootstrap', { done: nf.format(progress.done), total: nf.format(progress.total) });
  return (
    <div className="bootstrap" data-testid="bootstrap-progress">
      <progress value={progress.done} max={Math.max(progress.total, 1)} aria-label={label} />
      <span>{label}</span>
    </div>
  );
}
