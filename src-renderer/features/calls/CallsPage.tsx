// The agent's call desk: the current call (if any), the waiting queue, and the
// form for logging a new call. Answering calls is for agents and team leads
// (R3); other roles see the queue without acting on it. Below the queue, the
// missed calls to ring back (issue 6). A call taken here moves the focus to
// the call panel; a take another desk won says so here (issue 18).
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CALL_HANDLER_ROLES } from '../../../src-shared/roles';
import { actorOf, type SignedInUser } from '../../app/account';
import { useTRPC } from '../../app/trpc';
import { ActiveCall } from './ActiveCall';
import { LogCallForm } from './LogCallForm';
import { LostCallNotice } from './LostCallNotice';
import { MissedCalls } from './MissedCalls';
import { WaitingQueue } from './WaitingQueue';

export function CallsPage({ user }: { user: SignedInUser }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const handlesCalls = CALL_HANDLER_ROLES.includes(user.role);
  const current = useQuery(trpc.calls.current.queryOptions(undefined, { enabled: handlesCalls }));
  const call = handlesCalls ? (current.data ?? null) : null;
  /** The call this agent just took here: its panel takes the focus. */
  const [taken, setTaken] = useState<string | null>(null);
  return (
    <div className={handlesCalls ? 'calls-layout' : 'calls-layout single'}>
      <div className="calls-main">
        {!handlesCalls && (
          <p className="notice" data-testid="calls-read-only">
            {t('calls.readOnly', { role: t(`roles.${user.role}`).toLocaleLowerCase() })}
          </p>
        )}
        {handlesCalls && !call && <LostCallNotice user={user} />}
        {call && <ActiveCall key={call.id} call={call} focusOnOpen={call.id === taken} />}
        <WaitingQueue actor={actorOf(user)} onCall={!!call} canAct={handlesCalls} onTaken={setTaken} />
        <MissedCalls canAct={handlesCalls} />
      </div>
      {handlesCalls && (
        <aside className="calls-side">
          <LogCallForm />
        </aside>
      )}
    </div>
  );
}
