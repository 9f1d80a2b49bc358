// R5 for tickets that came by e-mail from an unknown sender (issue 17): the
// ticket is made all the same and the desk says, in words, what an agent must
// still find out, with one button to the details form; the lists mark such
// tickets. One rule for both: src-shared/intake/missingDetails.ts.
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { missingDetails, type DetailField } from '../../../../src-shared/intake/missingDetails';
import type { TicketSummary } from '../../../../src-shared/tickets/schemas';

/** "telefonnummer, kommune, arbeidssted" */
export function missingText(missing: readonly DetailField[], t: TFunction): string {
  return missing.map((f) => t(`intake.missing.fields.${f}`)).join(', ');
}

export function MissingDetailsBanner({
  missing,
  canComplete,
  onComplete,
}: {
  missing: readonly DetailField[];
  canComplete: boolean;
  onComplete(field: DetailField): void;
}) {
  const { t } = useTranslation();
  if (missing.length === 0) return null;
  return (
    <div className="notice missing-banner" role="region" aria-label={t('intake.missing.marker')}>
      <p data-testid="missing-details">
        <strong>{t('intake.missing.banner', { fields: missingText(missing, t) })}</strong>
        <br />
        <span className="small">{t('intake.missing.hint')}</span>
      </p>
      {canComplete && (
        <button type="button" className="primary" onClick={() => onComplete(missing[0]!)}>
          {t('intake.missing.complete')}
        </button>
      )}
    </div>
  );
}

/** A list row's marker; the excerpt stands for the description (a list row has no more of it). */
export function MissingMarker({ ticket }: { ticket: TicketSummary }) {
  const { t } = useTranslation();
  const missing = missingDetails({ ...ticket, description: ticket.excerpt });
  if (missing.length === 0) return null;
  return (
    <small
      className="tag tone-warn missing-marker"
      title={t('intake.missing.markerLabel', { fields: missingText(missing, t) })}
      data-testid="missing-marker"
    >
      {t('intake.missing.marker')}
    </small>
  );
}
