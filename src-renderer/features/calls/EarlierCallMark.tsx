// The mark of a caller the reporter directory does not know but an earlier,
// finished call from the same number named (issue 18): who and where come
// from that call, and the mark says so (with when, on hover), so nobody takes
// it for a directory entry.
import { useTranslation } from 'react-i18next';
import type { RecognizedCaller } from '../../../src-shared/reporters/schemas';
import { formatDateTime } from '../../app/format';

export function EarlierCallMark({ caller }: { caller: RecognizedCaller | null | undefined }) {
  const { t } = useTranslation();
  if (!caller?.earlierCall) return null;
  return (
    <small
      className="muted"
      title={t('reporters.earlierCall.hint', { when: formatDateTime(caller.earlierCall.arrivedAt) })}
      data-testid="earlier-call"
    >
      {t('reporters.earlierCall.mark')}
    </small>
  );
}
