// Who has the ticket: taking it oneself, or giving it to someone from the staff list (by role).
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { SignedInUser } from '../../../app/account';
import { Field, OptionList } from '../../../app/forms';
import { useTRPC } from '../../../app/trpc';
import type { FullTicket } from '../types';

const ROLES_WHO_TAKE_TICKETS = ['agent', 'technician', 'team_lead'] as const;

export function AssignAction({
  ticket,
  user,
  busy,
  assign,
}: {
  ticket: FullTicket;
  user: SignedInUser;
  /** Something is being saved: wait. */
  busy: boolean;
  assign(assigneeId: string | null, assigneeName: string | null): void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const staff = useQuery(trpc.tickets.staff.queryOptions(undefined, { staleTime: 60_000 }));
  const people = (staff.data?.staff ?? []).filter((s) => s.role !== 'admin');
  return (
    <>
      {ticket.assigneeId !== user.id && (
        <button type="button" disabled={busy} onClick={() => assign(user.id, user.displayName)}>
          {t('tickets.actions.assignToMe')}
        </button>
      )}
      <Field
        label={t('tickets.actions.assignTo')}
        className="inline"
        hint={staff.data?.offline && t('tickets.actions.staffOffline')}
      >
        <select
          value={ticket.assigneeId ?? ''}
          disabled={busy}
          onChange={(e) => {
            const who = people.find((p) => p.id === e.target.value);
            assign(who?.id ?? null, who?.displayName ?? null);
          }}
        >
          <option value="">{t('tickets.actions.nobody')}</option>
          {ticket.assigneeId && !people.some((p) => p.id === ticket.assigneeId) && (
            <option value={ticket.assigneeId}>{ticket.assigneeName}</option>
          )}
          {ROLES_WHO_TAKE_TICKETS.map((role) => {
            const group = people.filter((p) => p.role === role);
            return group.length === 0 ? null : (
              <optgroup key={role} label={t(`roles.${role}`)}>
                <OptionList options={group.map((p) => ({ value: p.id, label: p.displayName }))} />
              </optgroup>
            );
          })}
        </select>
      </Field>
    </>
  );
}
