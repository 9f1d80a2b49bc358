// The agreed plan (R10): with whom the further plan was agreed, what, and an optional new target date.
// When the ticket names a register system, its owner and responsible at the ticket's customer are
// shown and picking "system owner" or "system responsible" fills in their name from the register.
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { AGREED_WITH, ticketAgreedPlanArgs } from '../../../../src-shared/tickets/schemas';
import { ChoiceField, FormField, savedOrShown } from '../../../app/forms';
import { TICKET_REFUSALS } from '../systemLinks/errors';
import { useRolesAt } from '../systemLinks/useSystemLinks';
import type { SystemRoles } from '../types';
import { ActionPanel, type PanelProps } from './ActionPanel';

const agreedPlanForm = ticketAgreedPlanArgs
  .pick({ agreedWith: true, agreedWithName: true, plan: true })
  .extend({ newTargetDate: z.union([z.literal(''), z.iso.date()]) });
type AgreedPlanValues = z.input<typeof agreedPlanForm>;
type AgreedWith = (typeof AGREED_WITH)[number];
const FIELDS = ['agreedWith', 'agreedWithName', 'plan', 'newTargetDate'];

export function AgreedPlanForm({ ticket, m, onDone, onCancel }: PanelProps) {
  const { t } = useTranslation();
  const roles = useRolesAt(ticket.systemId, ticket.customerId);
  const form = useForm<AgreedPlanValues, unknown, z.output<typeof agreedPlanForm>>({
    resolver: zodResolver(agreedPlanForm),
    defaultValues: {
      agreedWith: 'reporter',
      agreedWithName: ticket.reporterName,
      plan: '',
      newTargetDate: '',
    },
  });
  /** The name that comes with each choice: the reporter's, or the register's owner and responsible. */
  const nameFor = (who: string): string | null =>
    who === 'reporter'
      ? ticket.reporterName
      : who === 'system_owner'
        ? (roles.data?.owner?.name ?? null)
        : who === 'system_responsible'
          ? (roles.data?.responsible?.name ?? null)
          : null;
  const send = form.handleSubmit((v) =>
    m.agreedPlan.mutate(
      { ticketId: ticket.id, ...v, newTargetDate: v.newTargetDate || null },
      savedOrShown(form, t, FIELDS, onDone, TICKET_REFUSALS),
    ),
  );
  return (
    <ActionPanel
      form={form}
      texts="tickets.plan"
      onSubmit={send}
      onCancel={onCancel}
      pending={m.agreedPlan.isPending}
    >
      <ChoiceField
        legend={t('tickets.plan.agreedWith')}
        options={AGREED_WITH}
        labels="tickets.agreedWith"
        registration={form.register('agreedWith', {
          // A name comes with its choice, and goes when another is picked; a name typed by hand stays.
          onChange: (e: { target: { value: string } }) => {
            const current = form.getValues('agreedWithName').trim();
            const prefilled = AGREED_WITH.some((w) => nameFor(w) === current);
            if (current === '' || prefilled) form.setValue('agreedWithName', nameFor(e.target.value) ?? '');
          },
        })}
      >
        {ticket.systemId && <RegisterRoles roles={roles.data ?? null} system={ticket.system} />}
      </ChoiceField>
      <div className="grid2">
        <FormField label={t('tickets.plan.name')} required registration={form.register('agreedWithName')}>
          {(c) => <input {...c} />}
        </FormField>
        <FormField label={t('tickets.plan.newTargetDate')} registration={form.register('newTargetDate')}>
          {(c) => <input type="date" {...c} />}
        </FormField>
      </div>
      <FormField label={t('tickets.plan.plan')} required registration={form.register('plan')}>
        {(c) => <textarea rows={3} autoFocus {...c} />}
      </FormField>
    </ActionPanel>
  );
}

/** R10: who the register names as the system's owner and responsible at the ticket's customer. */
function RegisterRoles({ roles, system }: { roles: SystemRoles | null; system: string }) {
  const { t } = useTranslation();
  const holder = (role: AgreedWith, h: SystemRoles['owner']) =>
    h
      ? t('ticketSystems.plan.holder', {
          role: t(`tickets.agreedWith.${role}`),
          name: h.name,
          contact: h.contact ? ` (${h.contact})` : '',
        })
      : t('ticketSystems.plan.noHolder', { role: t(`tickets.agreedWith.${role}`).toLocaleLowerCase() });
  return (
    <small className="hint block" style={{ width: '100%' }} data-testid="plan-register-roles">
      {t('ticketSystems.plan.fromRegister', { system })} {holder('system_owner', roles?.owner ?? null)} ·{' '}
      {holder('system_responsible', roles?.responsible ?? null)}
    </small>
  );
}
