// R24 while typing, for planned downtime (an outage or a one-off window):
// when it was announced and, if that was less than 3 days before it starts,
// why. The warning shows as soon as both times say so; the form's schema
// asks for the reason with the same rule (checkAnnouncement).
import type { UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { isShortNotice } from '../../../src-shared/systems/outages';
import { FormField } from '../../app/forms';
import { inputToInstant } from './when';

/** Whether the typed times (datetime-local values) are a short notice; false while either is missing. */
export function shortNoticeOf(announcedAt: string, startsAt: string): boolean {
  const announced = inputToInstant(announcedAt);
  const starts = inputToInstant(startsAt);
  return announced !== null && starts !== null && isShortNotice(announced, starts);
}

/** The form schema's half of R24: an announcement time, and a reason when it was short notice. */
export function checkAnnouncement(
  v: { announcedAt: string; startsAt: string; shortNoticeReason: string },
  ctx: z.core.$RefinementCtx,
): void {
  if (!inputToInstant(v.announcedAt))
    ctx.addIssue({ code: 'custom', path: ['announcedAt'], message: 'When was it announced (R24)' });
  else if (shortNoticeOf(v.announcedAt, v.startsAt) && !v.shortNoticeReason)
    ctx.addIssue({ code: 'custom', path: ['shortNoticeReason'], message: 'Say why (R24)' });
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

/** The announcement's fields: when, the live warning, and the reason (required when short). */
export function AnnouncementFields(props: {
  announcedAt: string;
  startsAt: string;
  announcedRegistration: UseFormRegisterReturn;
  reasonRegistration: UseFormRegisterReturn;
}) {
  const { t } = useTranslation();
  return (
    <>
      <div className="form-grid">
        <FormField
          label={t('systems.fields.announcedAt')}
          required
          hint={t('systems.fields.announcedAtHint')}
          registration={props.announcedRegistration}
        >
          {(c) => <input type="datetime-local" {...c} />}
        </FormField>
      </div>
      <ShortNoticeWarning announcedAt={props.announcedAt} startsAt={props.startsAt} />
      <FormField
        label={t('systems.fields.shortNoticeReason')}
        required={shortNoticeOf(props.announcedAt, props.startsAt)}
        registration={props.reasonRegistration}
      >
        {(c) => <input {...c} autoComplete="off" />}
      </FormField>
    </>
  );
}
