// What can be done to a ticket now, and nothing else: the toolbar of the life-cycle steps the
// shared rules allow from its state (lifecycle.refusal), a priority change, corrections to its
// details and its assignment, and below it the panel of the one step opened. Each step's form is
// its own module in actions/; this one only decides what shows and runs the steps without a form.
import { useState, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import {
  allowsTemporarySolution,
  refusal,
  type TicketClockFacts,
} from '../../../src-shared/tickets/lifecycle';
import type { SignedInUser } from '../../app/account';
import { FormError } from '../../app/forms';
import type { PanelProps } from './actions/ActionPanel';
import { AgreedPlanForm } from './actions/AgreedPlanForm';
import { AssignAction } from './actions/AssignAction';
import { EditDetailsForm } from './actions/EditDetailsForm';
import { PriorityForm } from './actions/PriorityForm';
import { TextStepForm, type TextStepName } from './actions/TextStepForm';
import { ticketErrorMessage } from './systemLinks/errors';
import type { FullTicket } from './types';
import { useTicketMutations } from './useTicketMutations';

/** Steps done at once, with no form. */
type Immediate = 'start' | 'resume' | 'close';
type Panel = 'agreedPlan' | TextStepName | 'priority' | 'details';

/** The toolbar's buttons in order: a step done at once, or one that opens its panel. */
const TOOLBAR: readonly (Immediate | Panel)[] = [
  'start',
  'resume',
  'agreedPlan',
  'temporarySolution',
  'resolve',
  'close',
  'reopen',
  'priority',
  'details',
];
const IMMEDIATE: ReadonlySet<string> = new Set<Immediate>(['start', 'resume', 'close']);

const textStep = (step: TextStepName) =>
  function TextStep(props: PanelProps) {
    return <TextStepForm step={step} {...props} />;
  };

const PANELS: Record<Panel, ComponentType<PanelProps>> = {
  agreedPlan: AgreedPlanForm,
  temporarySolution: textStep('temporarySolution'),
  resolve: textStep('resolve'),
  reopen: textStep('reopen'),
  priority: PriorityForm,
  details: EditDetailsForm,
};

/** A request from elsewhere on the page (the missing-details banner) to open the details form at a field. */
export interface DetailsRequest {
  field: string;
  nonce: number;
}

export function TicketActions({
  ticket,
  facts,
  user,
  detailsRequest = null,
}: {
  ticket: FullTicket;
  facts: TicketClockFacts;
  user: SignedInUser;
  detailsRequest?: DetailsRequest | null;
}) {
  const { t } = useTranslation();
  const m = useTicketMutations();
  const [panel, setPanel] = useState<Panel | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // A new request opens the details form (state adjusted while rendering, as React advises for props).
  const [seenRequest, setSeenRequest] = useState(detailsRequest);
  if (detailsRequest !== seenRequest) {
    setSeenRequest(detailsRequest);
    if (detailsRequest && ticket.status !== 'closed') {
      setPanel('details');
      setNotice(null);
    }
  }
  const closed = ticket.status === 'closed';
  const shown = (step: Immediate | Panel) => {
    if (step === 'priority' || step === 'details') return !closed;
    if (step === 'temporarySolution' && !allowsTemporarySolution(facts.priority)) return false;
    return refusal(facts, step) === null;
  };
  const onError = (e: unknown) => setNotice(ticketErrorMessage(e, t));
  const toggle = (p: Panel) => {
    setNotice(null);
    setPanel((cur) => (cur === p ? null : p));
  };
  const done = () => {
    setPanel(null);
    setNotice(null);
  };
  const busy = Object.values(m).some((x) => x.isPending);
  const run = (step: Immediate) => m[step].mutate({ ticketId: ticket.id }, { onSuccess: done, onError });
  const assign = (assigneeId: string | null, assigneeName: string | null) =>
    m.assign.mutate({ ticketId: ticket.id, assigneeId, assigneeName }, { onSuccess: done, onError });
  const Open = panel && PANELS[panel];

  return (
    <div className="ticket-actions">
      <div className="row wrap" role="toolbar" aria-label={t('tickets.actions.label')}>
        {TOOLBAR.filter(shown).map((step) =>
          IMMEDIATE.has(step) ? (
            <button
              key={step}
              type="button"
              className="primary"
              disabled={busy}
              onClick={() => run(step as Immediate)}
            >
              {t(`tickets.actions.${step}`)}
            </button>
          ) : (
            <button
              key={step}
              type="button"
              aria-expanded={panel === step}
              onClick={() => toggle(step as Panel)}
            >
              {t(`tickets.actions.${step}`)}
            </button>
          ),
        )}
        {!closed && <span className="toolbar-gap" />}
        {!closed && <AssignAction ticket={ticket} user={user} busy={busy} assign={assign} />}
      </div>
      <FormError message={notice} />
      {Open && (
        <Open
          ticket={ticket}
          m={m}
          onDone={done}
          onCancel={() => setPanel(null)}
          focus={panel === 'details' ? detailsRequest : null}
        />
      )}
    </div>
  );
}
