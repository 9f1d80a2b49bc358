// Two or more waiting calls from the same number (issue 18): the caller may
// have rung again, or people share a phone. Each such call in the queue is
// flagged in words (with the count), so the agent sees it before taking one.
import { useTranslation } from 'react-i18next';
import type { CallView } from '../../../src-shared/calls/schemas';

/** How many of these calls come from this call's number; a hidden number never counts. */
export function waitingFromSameNumber(call: CallView, calls: readonly CallView[]): number {
  if (!/\d/.test(call.callerNumber)) return 0;
  return calls.filter((c) => c.callerNumber === call.callerNumber).length;
}

export function SameNumberFlag({ call, calls }: { call: CallView; calls: readonly CallView[] }) {
  const { t } = useTranslation();
  const count = waitingFromSameNumber(call, calls);
  if (count < 2) return null;
  return (
    <span className="tag tag-warn" title={t('reporters.sameNumber.hint')} data-testid="same-number">
      {t('reporters.sameNumber.flag', { count })}
    </span>
  );
}
