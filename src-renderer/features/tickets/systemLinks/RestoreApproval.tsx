// R13 on a data restore's page: the system and its owner at the ticket's customer (the register),
// and the owner's approval: shown once recorded, recorded here until then (who, when, how, a note).
// RestoreBlocked is the line in the ticket's header that says why Start and the other steps out of
// "new" are refused meanwhile.
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { APPROVAL_METHODS, restoreApprovalSchema } from '../../../../src-shared/systems/restore';
import { formatDateTime } from '../../../app/format';
import { ChoiceField, Form, FormButtons, FormError, FormField, savedOrShown } from '../../../app/forms';
import { parseWhen } from '../text';
import type { FullTicket, SystemRoles } from '../types';
import type { TicketMutations } from '../useTicketMutations';
import { whenOrNow, WhenField } from '../work/when';
import { TICKET_REFUSALS } from './errors';
import { useRolesAt } from './useSystemLinks';

const RESTORE_TITLE_ID = 'restore-title';

/** Whether the ticket waits for its system owner's approval before it may start (R13). */
export function awaitsApproval(ticket: FullTicket): boolean {
  return ticket.kind === 'dataRestore' && !ticket.restoreApproval && ticket.status === 'new';
}

export function RestoreBlocked({ ticket }: { ticket: FullTicket }) {
  const { t } = useTranslation();
  if (!awaitsApproval(ticket)) return null;
  const toApproval = () => {
    const card = document.getElementById(RESTORE_TITLE_ID)?.closest('section');
    card?.scrollIntoView({ block: 'start' });
    card?.querySelector<HTMLInputElement>('input')?.focus();
  };
  return (
    <p className="notice" data-testid="restore-blocked">
      <strong>{t('ticketSystems.restore.blockedTitle')}</strong> {t('ticketSystems.restore.blocked')}{' '}
      <button type="button" className="ghost" onClick={toApproval}>
        {t('ticketSystems.restore.toApproval')}
      </button>
    </p>
  );
}

const approvalForm = z.object({
  approvedByName: restoreApprovalSchema.shape.approvedByName,
  approvedAt: whenOrNow,
  method: z.enum(APPROVAL_METHODS),
  note: z.string().trim().max(1000),
});
type ApprovalValues = z.input<typeof approvalForm>;
const FIELDS = ['approvedByName', 'approvedAt', 'method', 'note'];

/** The approval's instant as typed (empty: now); null when it is in the future. */
function approvedInstant(typed: string): string | null {
  const nowMs = Date.now();
  const at = typed ? parseWhen(typed, nowMs)! : new Date(nowMs).toISOString();
  return Date.parse(at) > nowMs + 60_000 ? null : at;
}

export function RestoreApprovalCard({
  ticket,
  m,
  canWork,
}: {
  ticket: FullTicket;
  m: TicketMutations;
  canWork: boolean;
}) {
  const { t } = useTranslation();
  const roles = useRolesAt(ticket.systemId, ticket.customerId);
  const owner = roles.data?.owner ?? null;
  const approval = ticket.restoreApproval;
  return (
    <section className="card" aria-labelledby={RESTORE_TITLE_ID} data-testid="restore-approval">
      <h2 id={RESTORE_TITLE_ID}>{t('ticketSystems.restore.title')}</h2>
      <p className="muted small">{t('ticketSystems.restore.intro')}</p>
      <dl className="facts">
        <dt>{t('tickets.fields.system')}</dt>
        <dd>{ticket.systemId ? ticket.system : t('ticketSystems.restore.noSystem')}</dd>
        <dt>{t('ticketSystems.restore.ownerAt', { customer: ticket.customerName ?? '–' })}</dt>
        <dd data-testid="restore-owner">
          {owner ? (
            <>
              {owner.name}
              {owner.contact && <small className="block muted">{owner.contact}</small>}
            </>
          ) : roles.isPending && ticket.systemId ? (
            t('common.loading')
          ) : (
            <span className="muted">{t('ticketSystems.roles.none')}</span>
          )}
        </dd>
      </dl>
      {ticket.systemId && roles.isSuccess && !owner && (
        <p className="notice small">{t('ticketSystems.restore.noOwner')}</p>
      )}
      {approval ? (
        <div className="case-block current" data-testid="restore-approved">
          <h3>{t('ticketSystems.restore.approvedHeading')}</h3>
          <p>
            {t('ticketSystems.restore.approvedLine', {
              name: approval.approvedByName,
              when: formatDateTime(approval.approvedAt),
              method: t(`ticketSystems.methods.${approval.method}`),
            })}
          </p>
          {approval.note && <p className="pre">{approval.note}</p>}
          <p className="muted small">
            {t('ticketSystems.restore.recordedBy', {
              name: approval.recordedByName,
              when: formatDateTime(approval.recordedAt),
            })}
          </p>
        </div>
      ) : canWork && ticket.status !== 'closed' && !(roles.isPending && ticket.systemId) ? (
        <ApprovalForm ticket={ticket} m={m} owner={owner} />
      ) : (
        <p className="notice">{t('ticketSystems.restore.notApproved')}</p>
      )}
    </section>
  );
}

function ApprovalForm({
  ticket,
  m,
  owner,
}: {
  ticket: FullTicket;
  m: TicketMutations;
  owner: SystemRoles['owner'];
}) {
  const { t } = useTranslation();
  const form = useForm<ApprovalValues, unknown, z.output<typeof approvalForm>>({
    resolver: zodResolver(approvalForm),
    defaultValues: { approvedByName: owner?.name ?? '', approvedAt: '', note: '' },
  });
  const name = useWatch({ control: form.control, name: 'approvedByName' });
  const send = form.handleSubmit((v) => {
    const at = approvedInstant(v.approvedAt);
    if (!at) return form.setError('approvedAt', { type: 'future' });
    m.approveRestore.mutate(
      {
        ticketId: ticket.id,
        approval: {
          approvedByName: v.approvedByName,
          approvedAt: at,
          method: v.method,
          note: v.note || null,
        },
      },
      savedOrShown(form, t, FIELDS, () => form.reset(), TICKET_REFUSALS),
    );
  });
  const notOwner =
    owner && name.trim() && name.trim().toLocaleLowerCase('nb') !== owner.name.toLocaleLowerCase('nb');
  return (
    <Form
      form={form}
      wording="ticketSystems.errors"
      onSubmit={send}
      aria-label={t('ticketSystems.restore.formLabel')}
      className="action-panel"
    >
      <h3>{t('ticketSystems.restore.formLabel')}</h3>
      <div className="grid2">
        <FormField
          label={t('ticketSystems.restore.approvedByName')}
          required
          hint={notOwner ? t('ticketSystems.restore.notTheOwner', { owner: owner.name }) : undefined}
          registration={form.register('approvedByName')}
        >
          {(c) => <input {...c} autoComplete="off" />}
        </FormField>
        <WhenField label={t('ticketSystems.restore.approvedAt')} registration={form.register('approvedAt')} />
      </div>
      <ChoiceField
        legend={t('ticketSystems.restore.method')}
        options={APPROVAL_METHODS}
        labels="ticketSystems.methods"
        registration={form.register('method')}
      />
      <FormField label={t('ticketSystems.restore.note')} registration={form.register('note')}>
        {(c) => <textarea rows={2} {...c} />}
      </FormField>
      <FormError message={form.formState.errors.root?.message} />
      <FormButtons pending={m.approveRestore.isPending}>{t('ticketSystems.restore.submit')}</FormButtons>
    </Form>
  );
}
