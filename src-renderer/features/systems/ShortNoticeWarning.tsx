// R24 while typing: planned downtime announced less than 3 days before it
// starts needs a recorded reason. Shown as soon as both times say so.
import { useTranslation } from 'react-i18next';
import { isShortNotice } from '../../../src-shared/systems/outages';
import { inputToInstant } from './when';

/** Whether the typed times (datetime-local values) are a short notice; false while either is missing. */
export function shortNoticeOf(announcedAt: string, startsAt: string): boolean {
  const announced = inputToInstant(announcedAt);
  const starts = inputToInstant(startsAt);
  return announced !== null && starts !== null && isShortNotice(announced, starts);
}

export function ShortNoticeWarning({ announcedAt, startsAt }: { announcedAt: string; startsAt: string }) {
  const { t } = useTranslation();
  const short = shortNoticeOf(announcedAt, startsAt);
  return (
    <p className={short ? 'notice' : 'visually-hidden'} role="status" data-testid="short-notice">
      {short ? t('systems.shortNotice.warning') : ''}
    </p>
  );
}
