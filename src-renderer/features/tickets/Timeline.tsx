// A ticket's history (R7): every event with who, when and what, changes as
// "from → to" in words, notes and work records (R11) in full; and the
// messages to the reporter (R6, R9) with their delivery state, where an SMS
// waiting for a gateway that does not exist is never shown as sent. A data
// restore's approval (R13) and the links to notices and outages (R14) are
// named with what they link to.
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { formatPhone } from '../../../src-shared/phone';
import type { TicketEventView, TicketMessageView } from '../../../src-shared/tickets/schemas';
import { formatDateTime, formatMinutes } from '../../app/format';
import { useTRPC } from '../../app/trpc';
import type { TicketAttachment } from './intake/files';
import { ReporterMessage } from './intake/ReporterMessage';

type Names = ReadonlyMap<string, string>;

/** A field's value in words: enums translated, customers by name, phone numbers formatted. */
function valueText(field: string, value: unknown, t: TFunction, customers: Names): string {
  if (value === null || value === undefined || value === '') return t('tickets.timeline.empty');
  const text = String(value);
  switch (field) {
    case 'priority':
      return t(`sla.priorities.${text}`);
    case 'status':
      return t(`tickets.statuses.${text}`);
    case 'category':
      return t(`tickets.categories.${text}`);
    case 'notifyBy':
      return t(`tickets.notify.${text}`);
    case 'channel':
      return t(`tickets.channels.${text}`);
    case 'customerId':
      return customers.get(text) ?? text;
    case 'reporterPhone':
      return formatPhone(text);
    case 'kind':
      return t(`ticketSystems.kinds.${text}`, { defaultValue: text });
    case 'systemId':
      return t('ticketSystems.timeline.registerSystem');
    default:
      return text;
  }
}

function Changes({ changes, customers }: { changes: Record<string, [unknown, unknown]>; customers: Names }) {
  const { t } = useTranslation();
  return (
    <ul className="changes">
      {Object.entries(changes).map(([field, [from, to]]) => (
        <li key={field}>
          <span className="muted">
            {t([`tickets.fields.${field}`, `ticketSystems.fields.${field}`], { defaultValue: field })}:
          </span>{' '}
          <span className={from === null || from === '' ? undefined : 'from'}>
            {valueText(field, from, t, customers)}
          </span>{' '}
          → <strong>{valueText(field, to, t, customers)}</strong>
        </li>
      ))}
    </ul>
  );
}

const str = (v: unknown) => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));

function Quote({ children }: { children: ReactNode }) {
  return <blockquote className="pre">{children}</blockquote>;
}

function EventBody({
  e,
  customers,
  attachments,
}: {
  e: TicketEventView;
  customers: Names;
  attachments: readonly TicketAttachment[];
}) {
  const { t } = useTranslation();
  const d = e.data;
  const changes = (d.changes ?? null) as Record<string, [unknown, unknown]> | null;
  switch (e.kind) {
    case 'reporterMessage':
      return <ReporterMessage e={e} attachments={attachments} />;
    case 'created':
      return (
        <>
          <strong>{t('tickets.timeline.created')}</strong>{' '}
          {t('tickets.timeline.createdDetail', {
            channel: t(`tickets.channels.${str(d.channel)}`),
            priority: t(`sla.priorities.${str(d.priority)}`),
          })}
          {d.callId ? ` ${t('tickets.timeline.fromCall')}` : ''}
        </>
      );
    case 'changed':
      return (
        <>
          <strong>{t('tickets.timeline.changed')}</strong>
          {changes && <Changes changes={changes} customers={customers} />}
        </>
      );
    case 'assigned': {
      // Whose it was, said in the heading too when someone had it (issue 18).
      const from = str(changes?.assignee?.[0]);
      return (
        <>
          <strong>
            {from ? t('tickets.timeline.reassigned', { from }) : t('tickets.timeline.assigned')}
          </strong>
          {changes && <Changes changes={changes} customers={customers} />}
        </>
      );
    }
    case 'status': {
      const action = str(d.action);
      return (
        <>
          <strong>
            {t(`tickets.timeline.action.${action}`, { defaultValue: t('tickets.timeline.status') })}
          </strong>
          {changes && <Changes changes={changes} customers={customers} />}
          {action === 'agreedPlan' && (
            <div className="event-detail">
              {t('tickets.plan.with', {
                role: t(`tickets.agreedWith.${str(d.agreedWith)}`),
                name: str(d.agreedWithName),
              })}
              {d.agreedTargetDate
                ? ` · ${t('tickets.plan.newTarget', { date: str(d.agreedTargetDate).split('-').reverse().join('.') })}`
                : ''}
              <Quote>{str(d.agreedPlan)}</Quote>
            </div>
          )}
          {action === 'temporarySolution' && <Quote>{str(d.description)}</Quote>}
          {action === 'resolve' && <Quote>{str(d.resolution)}</Quote>}
          {(action === 'reopen' || action === 'resume') && d.reason ? <Quote>{str(d.reason)}</Quote> : null}
        </>
      );
    }
    case 'responded':
      return (
        <>
          <strong>
            {d.viaCall
              ? t('tickets.timeline.respondedViaCall')
              : t('tickets.timeline.responded', { channel: t(`tickets.responseChannels.${str(d.channel)}`) })}
          </strong>
          {d.first || d.viaCall ? (
            <span className="tag tag-applied">{t('tickets.timeline.firstResponse')}</span>
          ) : null}
          {d.text ? <Quote>{str(d.text)}</Quote> : null}
        </>
      );
    case 'note':
      return (
        <>
          <strong>
            {t(
              d.visibility === 'reporter' ? 'tickets.timeline.reporterNote' : 'tickets.timeline.internalNote',
            )}
          </strong>
          {d.firstResponse ? (
            <span className="tag tag-applied">{t('tickets.timeline.firstResponse')}</span>
          ) : null}
          <Quote>{str(d.text)}</Quote>
        </>
      );
    case 'remote_session':
      return (
        <>
          <strong>{t('tickets.timeline.remoteSession', { tool: str(d.tool) })}</strong>{' '}
          <span className="muted">
            {formatDateTime(str(d.startedAt))}–{formatDateTime(str(d.endedAt)).slice(11)}
          </span>
          <dl className="facts compact">
            <dt>{t('tickets.work.work')}</dt>
            <dd className="pre">{str(d.work)}</dd>
            <dt>{t('tickets.work.result')}</dt>
            <dd className="pre">{str(d.result)}</dd>
          </dl>
        </>
      );
    case 'on_site_visit':
      return (
        <>
          <strong>
            {t('tickets.timeline.onSiteVisit', {
              technician: str(d.technicianName),
              location: str(d.location),
            })}
          </strong>{' '}
          <span className="muted">
            {formatDateTime(str(d.arrivedAt))}–{formatDateTime(str(d.departedAt)).slice(11)} ·{' '}
            {t('tickets.work.travelShort', {
              time: formatMinutes(Number(d.travelMinutes ?? 0), t('sla.hourUnit')),
            })}
          </span>
          <dl className="facts compact">
            <dt>{t('tickets.work.work')}</dt>
            <dd className="pre">{str(d.work)}</dd>
          </dl>
        </>
      );
    case 'restoreApproved':
      return (
        <>
          <strong>{t('ticketSystems.timeline.restoreApproved')}</strong>
          <div className="event-detail">
            {t('ticketSystems.restore.approvedLine', {
              name: str(d.approvedByName),
              when: d.approvedAt ? formatDateTime(str(d.approvedAt)) : '–',
              method: t(`ticketSystems.methods.${str(d.method)}`, { defaultValue: str(d.method) }),
            })}
          </div>
          {d.note ? <Quote>{str(d.note)}</Quote> : null}
        </>
      );
    case 'linked':
      return (
        <>
          {Object.entries(changes ?? {}).map(([field, [from, to]]) => (
            <div key={field}>
              <LinkChange field={field} from={from} to={to} />
            </div>
          ))}
        </>
      );
    case 'message': {
      const sent = d.status === 'sent';
      return (
        <>
          <strong>
            {t(sent ? 'tickets.timeline.messageSent' : 'tickets.timeline.messageFailed', {
              channel: t(`tickets.notify.${str(d.channel)}`),
              kind: t(`tickets.messages.kind.${str(d.messageKind)}`, { defaultValue: str(d.messageKind) }),
            })}
          </strong>{' '}
          <span className="muted">
            {str(d.channel) === 'sms' ? formatPhone(str(d.recipient)) : str(d.recipient)}
            {d.error ? ` · ${str(d.error)}` : ''}
          </span>
        </>
      );
    }
    default:
      return (
        <>
          <strong>{t(`tickets.timeline.kind.${e.kind}`, { defaultValue: e.kind })}</strong>
          {changes ? <Changes changes={changes} customers={customers} /> : null}
          {d.text ? <Quote>{str(d.text)}</Quote> : null}
        </>
      );
  }
}

/** A link to a notice or an outage made or undone, named by what it links to. */
function LinkChange({ field, from, to }: { field: string; from: unknown; to: unknown }) {
  const { t } = useTranslation();
  const id = typeof to === 'string' ? to : typeof from === 'string' ? from : null;
  const what = field === 'outageId' ? 'outage' : 'notice';
  const name = id ? <LinkedName what={what} id={id} /> : null;
  return (
    <>
      <strong>{t(`ticketSystems.timeline.${what}${to ? 'Linked' : 'Unlinked'}`)}</strong> {name}
    </>
  );
}

function LinkedName({ what, id }: { what: 'notice' | 'outage'; id: string }) {
  const trpc = useTRPC();
  const notice = useQuery(
    trpc.systems.notice.queryOptions({ id }, { enabled: what === 'notice', retry: false }),
  );
  const outage = useQuery(
    trpc.systems.outage.queryOptions({ id }, { enabled: what === 'outage', retry: false }),
  );
  const title = (what === 'notice' ? notice.data?.title : outage.data?.title) ?? null;
  if (what === 'outage') return <Link href={`/systems/outages/${id}`}>«{title ?? id.slice(0, 8)}»</Link>;
  return <span>«{title ?? id.slice(0, 8)}»</span>;
}

export function Timeline({
  events,
  customers,
  attachments = [],
}: {
  events: TicketEventView[];
  customers: Names;
  /** The ticket's files (issue 17), for the reporter's messages. */
  attachments?: readonly TicketAttachment[];
}) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="timeline-title">
      <h2 id="timeline-title">
        {t('tickets.timeline.title')} <span className="count">{events.length}</span>
      </h2>
      <ol className="ticket-timeline" data-testid="timeline">
        {[...events].reverse().map((e) => (
          <li key={e.id} className={`event event-${e.kind}`} data-kind={e.kind}>
            <div className="event-meta">
              <time dateTime={e.at}>{formatDateTime(e.at)}</time> · <span>{e.actorName}</span>
              {e.kind === 'reporterMessage' && (
                <span className="muted"> · {t('intake.message.byReporter')}</span>
              )}
            </div>
            <div className="event-body">
              <EventBody e={e} customers={customers} attachments={attachments} />
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** How far a message got, in words: SMS without a gateway is "not sent", never "sent". */
function deliveryText(m: TicketMessageView, t: TFunction): { text: string; tone: string } {
  if (m.status === 'sent')
    return {
      text: t('tickets.messages.sent', { when: formatDateTime(m.sentAt ?? m.createdAt) }),
      tone: 'met',
    };
  if (m.status === 'failed')
    return { text: t('tickets.messages.failed', { error: m.lastError ?? '–' }), tone: 'breached' };
  if (m.channel === 'sms') return { text: t('tickets.messages.smsNoGateway'), tone: 'atRisk' };
  if (m.attempts > 0) {
    return {
      text: t('tickets.messages.retrying', {
        attempts: m.attempts,
        error: m.lastError ?? '–',
        when: m.nextAttemptAt ? formatDateTime(m.nextAttemptAt) : '–',
      }),
      tone: 'atRisk',
    };
  }
  return { text: t('tickets.messages.queued'), tone: 'paused' };
}

export function Messages({ messages, notifyBy }: { messages: TicketMessageView[]; notifyBy: string }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="messages-title">
      <h2 id="messages-title">{t('tickets.messages.title')}</h2>
      {notifyBy === 'none' && <p className="muted">{t('tickets.messages.notNotified')}</p>}
      {messages.length === 0 ? (
        <p className="muted">{t('tickets.messages.none')}</p>
      ) : (
        <ul className="messages" data-testid="messages">
          {messages.map((m) => {
            const state = deliveryText(m, t);
            return (
              <li key={m.id} data-status={m.status} data-channel={m.channel}>
                <div className="row spread">
                  <strong>{t(`tickets.messages.kind.${m.kind}`)}</strong>
                  <time className="muted small">{formatDateTime(m.createdAt)}</time>
                </div>
                <div className="small">
                  {t(`tickets.notify.${m.channel}`)} ·{' '}
                  {m.channel === 'sms' ? formatPhone(m.recipient) : m.recipient}
                </div>
                <div className={`delivery tone-${state.tone}`} data-testid="delivery">
                  {state.text}
                </div>
                {m.subject && (
                  <details>
                    <summary>{m.subject}</summary>
                    {m.body && <p className="pre small">{m.body}</p>}
                  </details>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
