// What the register says about a device where work happens (R16, R17): on the
// look-up, the device card and every ticket linked to the device.
import { useTranslation } from 'react-i18next';
import type { DeviceWarning } from '../../../src-shared/equipment/rules';
import { dayText } from './text';

export function DeviceWarnings({
  warnings,
  compact = false,
}: {
  warnings: DeviceWarning[];
  compact?: boolean;
}) {
  const { t } = useTranslation();
  if (warnings.length === 0) return null;
  return (
    <ul className={compact ? 'device-warnings compact' : 'device-warnings'} data-testid="device-warnings">
      {warnings.map((w) => (
        <li key={w.code} className={w.code === 'notApproved' ? 'warning danger' : 'warning'}>
          <strong>{t(`equipment.warnings.${w.code}`)}</strong>
          {!compact && w.code === 'notApproved' && w.approvedUntil && (
            <span> {t('equipment.warnings.approvedUntil', { date: dayText(w.approvedUntil) })}</span>
          )}
          {!compact && w.code === 'replacementRecommended' && (
            <span>
              {' '}
              {[
                w.since ? t('equipment.warnings.agedSince', { date: dayText(w.since) }) : null,
                w.reason ? t('equipment.warnings.markedReason', { reason: w.reason }) : null,
              ]
                .filter(Boolean)
                .join(' ')}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
