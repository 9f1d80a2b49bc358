// The ticket's system and operations (issue 16) on its page: the system (the register's, with its
// owner and responsible at the ticket's customer, or free text), the notice the ticket is linked to
// (R14) and the outage, each with its unlink; linking the ticket to an ongoing outage, and for team
// leads and administrators recording an outage from the ticket (which links it). TicketNotices is
// the banner of the other active notices concerning the ticket, each linked with one click.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { SYSTEMS_LINK_ROLES, SYSTEMS_MANAGER_ROLES } from '../../../../src-shared/roles';
import type { SignedInUser } from '../../../app/account';
import { errorMessage } from '../../../app/errors';
import { formatDateTime } from '../../../app/format';
import { Field, FormError } from '../../../app/forms';
import { useTRPC } from '../../../app/trpc';
import { useNow } from '../../../app/useNow';
import type { FullTicket, SystemRoles } from '../types';
import { NoticeBanner, NoticeFacts, useConcerningNotices } from './NoticeBanner';
import { isOngoing, useRolesAt, useSystemLinks } from './useSystemLinks';

const isOpen = (ticket: FullTicket) => ticket.status !== 'resolved' && ticket.status !== 'closed';

/** R14 on the ticket page: the active notices concerning its system or customer, not yet linked. */
export function TicketNotices({ ticket, user }: { ticket: FullTicket; user: SignedInUser }) {
  const { t } = useTranslation();
  const links = useSystemLinks();
  const notices = useConcerningNotices(ticket.systemId, ticket.customerId).filter(
    (n) => n.id !== ticket.noticeId,
  );
  if (!isOpen(ticket) || notices.length === 0) return null;
  return (
    <div>
      <NoticeBanner
        notices={notices}
        canLink={SYSTEMS_LINK_ROLES.includes(user.role)}
        busy={links.linkNotice.isPending}
        onSelect={(noticeId) => links.linkNotice.mutate({ ticketId: ticket.id, noticeId })}
      />
      <FormError message={links.linkNotice.isError ? errorMessage(links.linkNotice.error, t) : null} />
    </div>
  );
}

function Holder({ label, holder }: { label: string; holder: SystemRoles['owner'] }) {
  const { t } = useTranslation();
  return (
    <>
      <dt>{label}</dt>
      <dd>
        {holder ? (
          <>
            {holder.name}
            {holder.contact && <small className="block muted">{holder.contact}</small>}
          </>
        ) : (
          <span className="muted">{t('ticketSystems.roles.none')}</span>
        )}
      </dd>
    </>
  );
}

export function TicketSystemCard({ ticket, user }: { ticket: FullTicket; user: SignedInUser }) {
  const { t } = useTranslation();
  const roles = useRolesAt(ticket.systemId, ticket.customerId);
  const canLink = SYSTEMS_LINK_ROLES.includes(user.role) && ticket.status !== 'closed';
  return (
    <section className="card" aria-labelledby="ticket-system-title" data-testid="ticket-system">
      <h2 id="ticket-system-title">{t('ticketSystems.card.title')}</h2>
      <dl className="facts">
        <dt>{t('tickets.fields.system')}</dt>
        <dd data-testid="ticket-system-name">
          {ticket.system}{' '}
          <span className="tag">
            {t(ticket.systemId ? 'ticketSystems.card.inRegister' : 'ticketSystems.card.freeText')}
          </span>
        </dd>
        {ticket.systemId && (
          <>
            <Holder label={t('ticketSystems.roles.owner')} holder={roles.data?.owner ?? null} />
            <Holder label={t('ticketSystems.roles.responsible')} holder={roles.data?.responsible ?? null} />
          </>
        )}
      </dl>
      {ticket.systemId && roles.isSuccess && !roles.data?.owner && (
        <p className="notice small">
          {t('ticketSystems.roles.noOwnerHere', { customer: ticket.customerName ?? '–' })}
        </p>
      )}
      <h3>{t('ticketSystems.card.notice')}</h3>
      <LinkedNotice ticket={ticket} canLink={canLink} />
      <h3>{t('ticketSystems.card.outage')}</h3>
      {ticket.outageId ? (
        <LinkedOutage ticket={ticket} outageId={ticket.outageId} canLink={canLink} />
      ) : (
        <>
          <p className="muted">{t('ticketSystems.outage.none')}</p>
          {canLink && <LinkToOutage ticket={ticket} />}
          {SYSTEMS_MANAGER_ROLES.includes(user.role) && ticket.status !== 'closed' && (
            <RecordOutage ticket={ticket} />
          )}
        </>
      )}
    </section>
  );
}

function LinkedNotice({ ticket, canLink }: { ticket: FullTicket; canLink: boolean }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const links = useSystemLinks();
  const notice = useQuery(
    trpc.systems.notice.queryOptions(
      { id: ticket.noticeId ?? '' },
      { enabled: !!ticket.noticeId, retry: false },
    ),
  );
  if (!ticket.noticeId) return <p className="muted">{t('ticketSystems.card.noNotice')}</p>;
  return (
    <div data-testid="linked-notice">
      {notice.data ? <NoticeFacts notice={notice.data} /> : <p className="muted">{t('common.loading')}</p>}
      {canLink && (
        <button
          type="button"
          className="ghost"
          disabled={links.linkNotice.isPending}
          onClick={() => links.linkNotice.mutate({ ticketId: ticket.id, noticeId: null })}
        >
          {t('ticketSystems.card.unlinkNotice')}
        </button>
      )}
      <FormError message={links.linkNotice.isError ? errorMessage(links.linkNotice.error, t) : null} />
    </div>
  );
}

function LinkedOutage({
  ticket,
  outageId,
  canLink,
}: {
  ticket: FullTicket;
  outageId: string;
  canLink: boolean;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const now = useNow(30_000);
  const links = useSystemLinks();
  const outage = useQuery(trpc.systems.outage.queryOptions({ id: outageId }, { retry: false }));
  const o = outage.data;
  return (
    <div data-testid="linked-outage">
      {o ? (
        <p>
          <Link href={`/systems/outages/${o.id}`}>{o.title}</Link>{' '}
          <span className={`tag tone-${isOngoing(o, now) ? 'bad' : 'warn'}`}>
            {t(isOngoing(o, now) ? 'ticketSystems.outage.ongoing' : 'ticketSystems.outage.ended')}
          </span>
          <small className="block muted">
            {o.endsAt
              ? t('ticketSystems.notices.span', {
                  start: formatDateTime(o.startsAt),
                  end: formatDateTime(o.endsAt),
                })
              : t('ticketSystems.notices.since', { start: formatDateTime(o.startsAt) })}
          </small>
        </p>
      ) : (
        <p className="muted">{outage.isError ? errorMessage(outage.error, t) : t('common.loading')}</p>
      )}
      {canLink && (
        <button
          type="button"
          className="ghost"
          disabled={links.linkOutage.isPending}
          onClick={() => links.linkOutage.mutate({ ticketId: ticket.id, outageId: null })}
        >
          {t('ticketSystems.outage.unlink')}
        </button>
      )}
      <FormError message={links.linkOutage.isError ? errorMessage(links.linkOutage.error, t) : null} />
    </div>
  );
}

/** The outages going on now, the ticket's own system's first; one is picked and linked. */
function LinkToOutage({ ticket }: { ticket: FullTicket }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const now = useNow(60_000);
  const links = useSystemLinks();
  const outages = useQuery(trpc.systems.outages.queryOptions());
  const [picked, setPicked] = useState('');
  const mine = (o: { systemIds: readonly string[] }) =>
    !!ticket.systemId && o.systemIds.includes(ticket.systemId);
  const ongoing = (outages.data ?? [])
    .filter((o) => isOngoing(o, now))
    .sort((a, b) => Number(mine(b)) - Number(mine(a)));
  if (outages.isSuccess && ongoing.length === 0) {
    return <p className="muted small">{t('ticketSystems.outage.noneOngoing')}</p>;
  }
  const chosen = picked || ongoing[0]?.id || '';
  return (
    <div className="row wrap" style={{ alignItems: 'flex-end' }}>
      <Field label={t('ticketSystems.outage.pick')} className="grow">
        <select value={chosen} onChange={(e) => setPicked(e.target.value)}>
          {ongoing.map((o) => (
            <option key={o.id} value={o.id}>
              {o.title} · {t('ticketSystems.notices.since', { start: formatDateTime(o.startsAt) })}
            </option>
          ))}
        </select>
      </Field>
      <button
        type="button"
        disabled={!chosen || links.linkOutage.isPending}
        onClick={() => links.linkOutage.mutate({ ticketId: ticket.id, outageId: chosen })}
      >
        {t('ticketSystems.outage.link')}
      </button>
      <FormError message={links.linkOutage.isError ? errorMessage(links.linkOutage.error, t) : null} />
    </div>
  );
}

/** Team leads and administrators: an outage recorded from the ticket, prefilled, linked to it. */
function RecordOutage({ ticket }: { ticket: FullTicket }) {
  const { t } = useTranslation();
  const links = useSystemLinks();
  const [open, setOpen] = useState(false);
  const suggested = (ticket.title ?? ticket.description.split('\n', 1)[0]!).trim().slice(0, 200);
  const [title, setTitle] = useState(suggested);
  const [empty, setEmpty] = useState(false);
  if (!ticket.systemId) {
    return (
      <p className="muted small">
        <button type="button" disabled>
          {t('ticketSystems.outage.record')}
        </button>{' '}
        {t('ticketSystems.outage.needsSystem')}
      </p>
    );
  }
  const systemId = ticket.systemId;
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)} aria-expanded={false}>
        {t('ticketSystems.outage.record')}
      </button>
    );
  }
  const record = () => {
    if (!title.trim()) return setEmpty(true);
    links.recordOutage.mutate(
      {
        outage: {
          title: title.trim(),
          description: null,
          startsAt: ticket.createdAt,
          endsAt: null,
          systemIds: [systemId],
          customerIds: [ticket.customerId],
          planned: false,
          cause: 'unknown',
          announcedAt: null,
          shortNoticeReason: null,
        },
        fromTicketId: ticket.id,
      },
      { onSuccess: () => setOpen(false) },
    );
  };
  return (
    <form
      className="action-panel"
      aria-label={t('ticketSystems.outage.record')}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        record();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') setOpen(false);
      }}
    >
      <h3>{t('ticketSystems.outage.record')}</h3>
      <p className="muted small">{t('ticketSystems.outage.recordIntro')}</p>
      <Field
        label={t('ticketSystems.outage.title')}
        required
        error={empty ? { type: 'server', message: t('ticketSystems.outage.titleMissing') } : undefined}
      >
        <input
          value={title}
          autoFocus
          maxLength={200}
          aria-invalid={empty}
          onChange={(e) => {
            setTitle(e.target.value);
            setEmpty(false);
          }}
        />
      </Field>
      <dl className="facts compact">
        <dt>{t('tickets.fields.system')}</dt>
        <dd>{ticket.system}</dd>
        <dt>{t('tickets.fields.customer')}</dt>
        <dd>{ticket.customerName ?? '–'}</dd>
        <dt>{t('ticketSystems.outage.start')}</dt>
        <dd>{formatDateTime(ticket.createdAt)}</dd>
        <dt>{t('ticketSystems.outage.cause')}</dt>
        <dd>{t('ticketSystems.outage.unknownUnplanned')}</dd>
      </dl>
      <FormError message={links.recordOutage.isError ? errorMessage(links.recordOutage.error, t) : null} />
      <div className="row end">
        <button type="button" className="ghost" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="primary" disabled={links.recordOutage.isPending}>
          {t('ticketSystems.outage.recordSubmit')}
        </button>
      </div>
    </form>
  );
}
