// The waiting queue in arrival order with live waiting times (R3). "Take next"
// (F2) always takes the oldest call; taking another is refused with the reason,
// and a team lead may then override with a recorded reason. Calls the phone
// system put in the queue are marked, and each caller the directory knows is
// shown with their workplace and open tickets (issue 6). "Lagt på" asks
// first (issue 18: it sits beside "Ta"), and a taken call tells the page so
// the call panel gets the focus.
import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatDuration, waitingMs } from '../../../src-shared/calls/durations';
import { canOverrideCallOrder, type Actor } from '../../../src-shared/roles';
import type { CallView } from '../../../src-shared/calls/schemas';
import { useTRPC } from '../../app/trpc';
import { useNow } from '../../app/useNow';
import { domainCode, errorMessage } from '../../app/errors';
import { formatClock } from '../../app/format';
import { formatPhone } from '../../../src-shared/phone';
import { useCallMutations } from './useCallMutations';
import { OverrideDialog } from './OverrideDialog';
import { ConfirmCallAction } from './ConfirmCallAction';
import { CallerCell, CallerNumber, OpenTickets, PhoneMarker } from './caller';
import { SameNumberFlag } from './SameNumberFlag';

export function WaitingQueue({
  actor,
  onCall,
  canAct,
  onTaken,
}: {
  actor: Actor;
  onCall: boolean;
  canAct: boolean;
  /** This agent took the call (the call panel takes the focus). */
  onTaken(callId: string): void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const now = useNow(1000);
  const queue = useQuery(trpc.calls.queue.queryOptions());
  const { takeNext, take, abandon } = useCallMutations();
  const [notice, setNotice] = useState<string | null>(null);
  const [overrideFor, setOverrideFor] = useState<CallView | null>(null);
  const [abandonFor, setAbandonFor] = useState<CallView | null>(null);

  const runTakeNext = () => {
    setNotice(null);
    takeNext.mutate(undefined, {
      onSuccess: (r) => (r === null ? setNotice(t('calls.queue.empty')) : onTaken(r.id)),
      onError: (e) => setNotice(errorMessage(e, t)),
    });
  };

  useEffect(() => {
    if (!canAct) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'F2') {
        e.preventDefault();
        document.getElementById('take-next')?.click();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [canAct]);

  const takeOne = (call: CallView) => {
    if (take.isPending) return;
    setNotice(null);
    take.mutate(
      { callId: call.id },
      {
        onSuccess: () => onTaken(call.id),
        onError: (e) => {
          setNotice(errorMessage(e, t));
          if (domainCode(e) === 'notFirstInQueue' && canOverrideCallOrder(actor.role)) setOverrideFor(call);
        },
      },
    );
  };

  const calls = queue.data ?? [];
  return (
    <section className="card" aria-labelledby="queue-title">
      <div className="row spread">
        <h2 id="queue-title">
          {t('calls.queue.title')} <span className="count">{calls.length}</span>
        </h2>
        {canAct && (
          <button
            id="take-next"
            type="button"
            className="primary big"
            onClick={runTakeNext}
            disabled={takeNext.isPending || onCall || calls.length === 0}
            title={onCall ? t('calls.queue.finishFirst') : undefined}
          >
            {t('calls.queue.takeNext')} <kbd>F2</kbd>
          </button>
        )}
      </div>
      {notice && (
        <p className="notice" role="alert">
          {notice}
        </p>
      )}
      {queue.isError && <p role="alert">{errorMessage(queue.error, t)}</p>}
      {calls.length === 0 ? (
        <p className="muted">{t('calls.queue.none')}</p>
      ) : (
        <table className="table" aria-label={t('calls.queue.title')}>
          <thead>
            <tr>
              <th>#</th>
              <th>{t('calls.fields.arrivedAt')}</th>
              <th>{t('calls.fields.waiting')}</th>
              <th>{t('calls.fields.callerNumber')}</th>
              <th>{t('calls.fields.caller')}</th>
              <th>{t('calls.fields.openTickets')}</th>
              {canAct && <th />}
            </tr>
          </thead>
          <tbody>
            {calls.map((c, i) => (
              <tr key={c.id} className={i === 0 ? 'first' : undefined} data-call-id={c.id}>
                <td>{i + 1}</td>
                <td>{formatClock(c.arrivedAt)}</td>
                <td className="mono">{formatDuration(waitingMs(c, now))}</td>
                <td>
                  <span className="mono">
                    <CallerNumber number={c.callerNumber} />
                  </span>
                  {c.source === 'phone' && (
                    <>
                      {' '}
                      <PhoneMarker />
                    </>
                  )}{' '}
                  <SameNumberFlag call={c} calls={calls} />
                </td>
                <td>
                  <CallerCell call={c} />
                </td>
                <td>{c.caller ? <OpenTickets tickets={c.caller.openTickets} limit={3} compact /> : null}</td>
                {canAct && (
                  <td className="actions">
                    {/* Not disabled while a take is sent: a disabled button drops the focus, and a
                        team lead's override dialog would not know where to give it back. */}
                    <button
                      type="button"
                      onClick={() => takeOne(c)}
                      disabled={onCall}
                      aria-disabled={take.isPending || undefined}
                    >
                      {t('calls.queue.take')}
                    </button>
                    <button
                      type="button"
                      className="ghost"
                      onClick={() => {
                        abandon.reset();
                        setAbandonFor(c);
                      }}
                      title={t('calls.queue.abandonHint')}
                    >
                      {t('calls.queue.abandon')}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {overrideFor && (
        <OverrideDialog
          call={overrideFor}
          onClose={() => setOverrideFor(null)}
          onDone={() => {
            onTaken(overrideFor.id);
            setOverrideFor(null);
            setNotice(null);
          }}
        />
      )}
      {abandonFor && (
        <ConfirmCallAction
          title={t('calls.queue.abandonTitle')}
          explain={t('calls.queue.abandonExplain', {
            number: /\d/.test(abandonFor.callerNumber)
              ? formatPhone(abandonFor.callerNumber)
              : t('calls.caller.hiddenNumber'),
            time: formatClock(abandonFor.arrivedAt),
          })}
          confirm={t('calls.queue.abandonConfirm')}
          pending={abandon.isPending}
          error={abandon.isError ? errorMessage(abandon.error, t) : null}
          onConfirm={() =>
            abandon.mutate({ callId: abandonFor.id }, { onSuccess: () => setAbandonFor(null) })
          }
          onClose={() => setAbandonFor(null)}
        />
      )}
    </section>
  );
}
