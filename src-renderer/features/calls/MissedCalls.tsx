// Missed calls to ring back (issue 6): callers who hung up before anyone
// answered (told by the phone system, or marked by an agent), newest first
// with the oldest one flagged (issue 18), each with the caller the directory
// recognises, when they called, how long they waited and why the call ended.
// "Ringt tilbake" takes one off the list after asking (recorded: who and
// when). Live like the queue.
import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatDuration, waitingMs } from '../../../src-shared/calls/durations';
import type { CallView } from '../../../src-shared/calls/schemas';
import { errorMessage } from '../../app/errors';
import { formatClockOrDate } from '../../app/format';
import { formatPhone } from '../../../src-shared/phone';
import { useTRPC } from '../../app/trpc';
import { useNow } from '../../app/useNow';
import { CallerCell, CallerNumber, PhoneMarker } from './caller';
import { useCallsRefresh } from './useCallMutations';
import { ConfirmCallAction } from './ConfirmCallAction';

function Cause({ call }: { call: CallView }) {
  const { t } = useTranslation();
  if (call.outcome === 'abandoned') return <>{t('calls.missed.markedByAgent')}</>;
  const cause = call.hangupCause ?? 'unknown';
  return <>{t(`calls.hangupCauses.${cause}`, { defaultValue: cause })}</>;
}

export function MissedCalls({ canAct }: { canAct: boolean }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const now = useNow(30_000);
  const refresh = useCallsRefresh();
  const missed = useQuery(trpc.calls.missed.queryOptions());
  const calledBack = useMutation(trpc.calls.calledBack.mutationOptions({ onSuccess: refresh }));
  const [notice, setNotice] = useState<string | null>(null);
  const [confirmFor, setConfirmFor] = useState<CallView | null>(null);
  const calls = missed.data ?? [];
  /** Newest first: the last one has waited longest for a call-back (flagged when there are several). */
  const oldestId = calls.length > 1 ? calls[calls.length - 1]!.id : null;

  return (
    <section className="card" aria-labelledby="missed-title">
      <h2 id="missed-title">
        {t('calls.missed.title')}{' '}
        <span className={`count${calls.length > 0 ? ' count-warn' : ''}`}>{calls.length}</span>
      </h2>
      {notice && (
        <p className="notice" role="alert">
          {notice}
        </p>
      )}
      {missed.isError && <p role="alert">{errorMessage(missed.error, t)}</p>}
      {missed.isSuccess && calls.length === 0 && <p className="muted">{t('calls.missed.none')}</p>}
      {calls.length > 0 && (
        <table className="table" aria-label={t('calls.missed.title')}>
          <thead>
            <tr>
              <th>{t('calls.fields.arrivedAt')}</th>
              <th>{t('calls.fields.callerNumber')}</th>
              <th>{t('calls.fields.caller')}</th>
              <th>{t('calls.missed.waited')}</th>
              <th>{t('calls.missed.cause')}</th>
              {canAct && <th />}
            </tr>
          </thead>
          <tbody>
            {calls.map((c) => (
              <tr key={c.id} data-call-id={c.id} className={c.id === oldestId ? 'oldest' : undefined}>
                <td className="nowrap">
                  {formatClockOrDate(c.arrivedAt, now)}
                  {c.id === oldestId && (
                    <>
                      {' '}
                      <span className="tag tag-warn" data-testid="missed-oldest">
                        {t('calls.missed.oldest')}
                      </span>
                    </>
                  )}
                </td>
                <td>
                  <span className="mono">
                    <CallerNumber number={c.callerNumber} />
                  </span>
                  {c.source === 'phone' && (
                    <>
                      {' '}
                      <PhoneMarker />
                    </>
                  )}
                </td>
                <td>
                  <CallerCell call={c} />
                </td>
                <td className="mono">{formatDuration(waitingMs(c, now))}</td>
                <td>
                  <Cause call={c} />
                </td>
                {canAct && (
                  <td className="actions">
                    <button
                      type="button"
                      disabled={calledBack.isPending}
                      title={t('calls.missed.calledBackHint')}
                      onClick={() => {
                        setNotice(null);
                        calledBack.reset();
                        setConfirmFor(c);
                      }}
                    >
                      {t('calls.missed.calledBack')}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {confirmFor && (
        <ConfirmCallAction
          title={t('calls.missed.calledBackTitle')}
          explain={t('calls.missed.calledBackExplain', {
            number: /\d/.test(confirmFor.callerNumber)
              ? formatPhone(confirmFor.callerNumber)
              : t('calls.caller.hiddenNumber'),
            time: formatClockOrDate(confirmFor.arrivedAt, now),
          })}
          confirm={t('calls.missed.calledBack')}
          pending={calledBack.isPending}
          error={calledBack.isError ? errorMessage(calledBack.error, t) : null}
          onConfirm={() =>
            calledBack.mutate({ callId: confirmFor.id }, { onSuccess: () => setConfirmFor(null) })
          }
          onClose={() => setConfirmFor(null)}
        />
      )}
    </section>
  );
}
