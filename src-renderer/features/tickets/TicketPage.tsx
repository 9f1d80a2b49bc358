// One ticket (R5–R12): its reference (and provisional alias), status,
// priority and assignee; both SLA clocks live; the reporter and the case;
// the agreed plan, temporary solution and resolution when there are any;
// what can be done now; forms for notes and work; the history and the
// messages to the reporter. Changes made on another desk show after sync.
// Issue 16: the active notices concerning the ticket (R14), its system, notice
// and outage, and a data restore's owner approval (R13).
// Issue 17: what an e-mail ticket still lacks (R5) with the way to complete it,
// the ticket's files, and the e-mail's HTML version on request.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { formatPhone } from '../../../src-shared/phone';
import { TICKET_ROLES } from '../../../src-shared/roles';
import type { SignedInUser } from '../../app/account';
import { domainCode, errorMessage } from '../../app/errors';
import { formatDateTime } from '../../app/format';
import { useTRPC } from '../../app/trpc';
import { useNow } from '../../app/useNow';
import { LinkedDevice } from '../equipment';
import { PriorityBadge, StatusBadge } from './badges';
import { TicketFiles } from './intake/FileList';
import { HtmlVersion } from './intake/HtmlVersion';
import { MissingDetailsBanner } from './intake/MissingDetails';
import { SlaClocks } from './SlaClocks';
import { clockFacts, clocksOf, useSla } from './sla';
import { RestoreApprovalCard, RestoreBlocked } from './systemLinks/RestoreApproval';
import { TicketNotices, TicketSystemCard } from './systemLinks/TicketSystemCard';
import { aliasReference, shownReference } from './text';
import { TicketActions, type DetailsRequest } from './TicketActions';
import { useTicketMutations } from './useTicketMutations';
import { Messages, Timeline } from './Timeline';
import type { FullTicket } from './types';
import { WorkForms } from './WorkForms';

export function TicketPage({ id, user }: { id: string; user: SignedInUser }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const q = useQuery(trpc.tickets.get.queryOptions({ id }));
  const customers = useQuery(trpc.calls.customers.queryOptions());
  const current = useQuery(trpc.calls.current.queryOptions());
  const m = useTicketMutations();
  const [detailsRequest, setDetailsRequest] = useState<DetailsRequest | null>(null);

  if (q.isPending) return <p className="card">{t('common.loading')}</p>;
  if (q.isError) {
    return (
      <section className="card">
        <p role="alert">
          {domainCode(q.error) === 'notFound' ? t('tickets.page.notFound') : errorMessage(q.error, t)}
        </p>
        <Link href="/tickets">{t('tickets.page.backToList')}</Link>
      </section>
    );
  }
  const { ticket, events, messages, call, attachments, missing } = q.data;
  const names = new Map((customers.data ?? []).map((c) => [c.id, c.name]));
  const canWork = TICKET_ROLES.includes(user.role);
  const onCall = call && current.data?.id === call.id ? current.data : null;
  const alias = aliasReference(ticket);
  const htmlBody = attachments.find((a) => a.role === 'htmlBody' && a.eventId === ticket.id);
  const messageTimes = new Map(events.filter((e) => e.kind === 'reporterMessage').map((e) => [e.id, e.at]));

  return (
    <div className="ticket-page" data-ticket-id={ticket.id}>
      <header className="card ticket-head">
        <div className="row spread wrap">
          <div>
            <p className="crumbs">
              <Link href="/tickets">{t('tickets.lists.open')}</Link> ›
            </p>
            <h1 className="ticket-ref">
              <span className="mono" data-testid="ticket-reference">
                {shownReference(ticket)}
              </span>
              {alias && (
                <small className="alias" data-testid="ticket-alias">
                  {t('tickets.page.alias', { ref: alias })}
                </small>
              )}
              {!ticket.reference && <small className="alias">{t('tickets.page.provisional')}</small>}
            </h1>
            <p className="ticket-title">{ticket.title ?? ticket.description.split('\n', 1)[0]}</p>
          </div>
          <dl className="head-facts">
            <div>
              <dt>{t('tickets.fields.status')}</dt>
              <dd>
                <StatusBadge status={ticket.status} />
              </dd>
            </div>
            <div>
              <dt>{t('sla.priority')}</dt>
              <dd>
                <PriorityBadge priority={ticket.priority} />
              </dd>
            </div>
            <div>
              <dt>{t('tickets.fields.assignee')}</dt>
              <dd data-testid="assignee">{ticket.assigneeName ?? t('tickets.page.unassigned')}</dd>
            </div>
          </dl>
        </div>
        {onCall && (
          <p className="notice" data-testid="call-still-open">
            {t('tickets.page.callStillOpen', { number: formatPhone(onCall.callerNumber) })}{' '}
            <Link href="/">{t('tickets.page.backToCall')}</Link> <kbd>Alt+1</kbd>
          </p>
        )}
        <LiveClocks ticket={ticket} />
        <RestoreBlocked ticket={ticket} />
        <MissingDetailsBanner
          missing={missing}
          canComplete={canWork && ticket.status !== 'closed'}
          onComplete={(field) => setDetailsRequest((r) => ({ field, nonce: (r?.nonce ?? 0) + 1 }))}
        />
        {canWork ? (
          <TicketActions
            ticket={ticket}
            facts={clockFacts(ticket)}
            user={user}
            detailsRequest={detailsRequest}
          />
        ) : (
          <p className="notice">{t('tickets.readOnly', { role: t(`roles.${user.role}`) })}</p>
        )}
      </header>
      <div className="ticket-grid">
        <div className="ticket-main">
          <TicketNotices ticket={ticket} user={user} />
          {ticket.kind === 'dataRestore' && <RestoreApprovalCard ticket={ticket} m={m} canWork={canWork} />}
          <CaseSection ticket={ticket} htmlBodyId={htmlBody?.id ?? null} />
          <TicketFiles ticketId={ticket.id} attachments={attachments} messageTimes={messageTimes} />
          {canWork && ticket.status !== 'closed' && <WorkForms ticket={ticket} user={user} />}
          <Timeline events={events} customers={names} attachments={attachments} />
        </div>
        <aside className="ticket-side">
          <section className="card" aria-labelledby="reporter-title">
            <h2 id="reporter-title">{t('tickets.page.reporter')}</h2>
            <dl className="facts">
              <dt>{t('tickets.fields.reporterName')}</dt>
              <dd data-testid="reporter-name">{ticket.reporterName}</dd>
              <dt>{t('tickets.fields.reporterPhone')}</dt>
              <dd className="mono">
                {ticket.reporterPhone ? formatPhone(ticket.reporterPhone) : <Lacking />}
              </dd>
              <dt>{t('tickets.fields.reporterEmail')}</dt>
              <dd>{ticket.reporterEmail ?? '–'}</dd>
              <dt>{t('tickets.fields.customer')}</dt>
              <dd>{ticket.customerName ?? (ticket.customerId ? '–' : <Lacking />)}</dd>
              <dt>{t('tickets.fields.workplace')}</dt>
              <dd>{ticket.workplace || <Lacking />}</dd>
              <dt>{t('tickets.fields.notifyBy')}</dt>
              <dd>{t(`tickets.notify.${ticket.notifyBy}`)}</dd>
            </dl>
          </section>
          <section className="card" aria-labelledby="about-title">
            <h2 id="about-title">{t('tickets.page.about')}</h2>
            <dl className="facts">
              <dt>{t('tickets.fields.system')}</dt>
              <dd>{ticket.system}</dd>
              {ticket.kind === 'dataRestore' && (
                <>
                  <dt>{t('ticketSystems.kind.legend')}</dt>
                  <dd data-testid="ticket-kind">{t('ticketSystems.kinds.dataRestore')}</dd>
                </>
              )}
              <dt>{t('tickets.fields.category')}</dt>
              <dd>{t(`tickets.categories.${ticket.category}`)}</dd>
              {ticket.device && (
                <>
                  <dt>{t('tickets.fields.device')}</dt>
                  <dd>{ticket.device}</dd>
                </>
              )}
              <dt>{t('tickets.fields.channel')}</dt>
              <dd>{t(`tickets.channels.${ticket.channel}`)}</dd>
              <dt>{t('tickets.page.created')}</dt>
              <dd>
                {formatDateTime(ticket.createdAt)} · {ticket.createdByName}
              </dd>
              <dt>{t('tickets.page.updated')}</dt>
              <dd>
                {formatDateTime(ticket.updatedAt)} · {ticket.updatedByName}
              </dd>
              {ticket.respondedAt && (
                <>
                  <dt>{t('tickets.page.responded')}</dt>
                  <dd>
                    {formatDateTime(ticket.respondedAt)}
                    {ticket.responseChannel
                      ? ` · ${t(`tickets.responseChannels.${ticket.responseChannel}`)}`
                      : ''}
                  </dd>
                </>
              )}
              {call && (
                <>
                  <dt>{t('tickets.page.call')}</dt>
                  <dd>
                    {t('tickets.page.callDetail', {
                      time: formatDateTime(call.arrivedAt),
                      who: call.takenByName ?? '–',
                    })}
                  </dd>
                </>
              )}
            </dl>
          </section>
          <TicketSystemCard ticket={ticket} user={user} />
          <LinkedDevice ticket={ticket} role={user.role} canEdit={canWork} />
          <Messages messages={messages} notifyBy={ticket.notifyBy} />
        </aside>
      </div>
    </div>
  );
}

/** A detail R5 asks for that the ticket does not have yet (an e-mail from an unknown sender). */
function Lacking() {
  const { t } = useTranslation();
  return <em className="lacking">{t('intake.missing.value')}</em>;
}

/** The clocks tick every second on their own, without re-rendering the rest of the page. */
function LiveClocks({ ticket }: { ticket: FullTicket }) {
  const now = useNow(1000);
  const sla = useSla();
  if (!sla) return null;
  return (
    <SlaClocks
      clocks={clocksOf(ticket, now, sla)}
      agreedTargetDate={ticket.status === 'agreed_plan' ? ticket.agreedTargetDate : null}
    />
  );
}

function CaseSection({ ticket, htmlBodyId }: { ticket: FullTicket; htmlBodyId: string | null }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="case-title">
      <h2 id="case-title">{t('tickets.fields.description')}</h2>
      <p className="pre description" data-testid="description">
        {ticket.description}
      </p>
      {htmlBodyId && <HtmlVersion id={htmlBodyId} />}
      {ticket.agreedPlan && (
        <div
          className={`case-block${ticket.status === 'agreed_plan' ? ' current' : ''}`}
          data-testid="agreed-plan"
        >
          <h3>
            {t('tickets.plan.heading')}
            {ticket.status !== 'agreed_plan' && (
              <span className="muted small"> · {t('tickets.page.earlier')}</span>
            )}
          </h3>
          <dl className="facts">
            <dt>{t('tickets.plan.agreedWith')}</dt>
            <dd>
              {t(`tickets.agreedWith.${ticket.agreedWith}`)}: {ticket.agreedWithName}
            </dd>
            <dt>{t('tickets.plan.plan')}</dt>
            <dd className="pre">{ticket.agreedPlan}</dd>
            <dt>{t('tickets.plan.targetDate')}</dt>
            <dd>{ticket.agreedTargetDate ? ticket.agreedTargetDate.split('-').reverse().join('.') : '–'}</dd>
          </dl>
        </div>
      )}
      {ticket.temporarySolution && (
        <div
          className={`case-block${ticket.status === 'temporary_solution' ? ' current' : ''}`}
          data-testid="temporary-solution"
        >
          <h3>
            {t('tickets.temporary.heading')}
            {ticket.status !== 'temporary_solution' && (
              <span className="muted small"> · {t('tickets.page.earlier')}</span>
            )}
          </h3>
          <p className="pre">{ticket.temporarySolution}</p>
        </div>
      )}
      {ticket.resolution && (
        <div className="case-block current" data-testid="resolution">
          <h3>{t('tickets.resolve.heading')}</h3>
          <p className="pre">{ticket.resolution}</p>
        </div>
      )}
    </section>
  );
}
