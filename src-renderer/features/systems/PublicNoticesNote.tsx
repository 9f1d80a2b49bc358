// Where users read the notices (R14): the central store's public page.
import { useTranslation } from 'react-i18next';
import { useAccountStatus } from '../../app/account';

export function PublicNoticesNote() {
  const { t } = useTranslation();
  const central = useAccountStatus().data?.centralUrl ?? null;
  const url = central ? `${central.replace(/\/$/, '')}/notices` : null;
  return (
    <p className="muted small" data-testid="public-notices">
      {url ? (
        <>
          {t('systems.notices.publicAt')}{' '}
          <a href={url} target="_blank" rel="noreferrer">
            {url}
          </a>
        </>
      ) : (
        t('systems.notices.publicUnknown')
      )}
    </p>
  );
}
