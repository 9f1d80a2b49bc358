// Cause categories of an outage (R22, R23): the ones that count against the
// 99.8 % target, and the excluded ones, marked as such in words.
import { useTranslation } from 'react-i18next';
import { causeCounts, COUNTED_CAUSES, EXCLUDED_CAUSES } from '../../../src-shared/systems/outages';

/** The options of a cause select: counted first, then the excluded ones in their own group. */
export function CauseOptions() {
  const { t } = useTranslation();
  return (
    <>
      <optgroup label={t('systems.causes.countedGroup')}>
        {COUNTED_CAUSES.map((c) => (
          <option key={c} value={c}>
            {t(`systems.causes.${c}`)}
          </option>
        ))}
      </optgroup>
      <optgroup label={t('systems.causes.excludedGroup')}>
        {EXCLUDED_CAUSES.map((c) => (
          <option key={c} value={c}>
            {t('systems.causes.excludedOption', { cause: t(`systems.causes.${c}`) })}
          </option>
        ))}
      </optgroup>
    </>
  );
}

/** A cause in words with whether it counts: "Drift – teller mot målet" / "… – unntatt (R22)". */
export function CauseText({ cause }: { cause: string }) {
  const { t } = useTranslation();
  const counts = causeCounts(cause);
  return (
    <span className={counts ? undefined : 'excluded-cause'}>
      {t(`systems.causes.${cause}`, { defaultValue: cause })}{' '}
      <small className={`tag ${counts ? 'tone-warn' : 'tone-neutral'}`}>
        {t(counts ? 'systems.causes.counts' : 'systems.causes.excluded')}
      </small>
    </span>
  );
}
