// Who is responsible for a new ticket (issue 18): a ticket an agent makes of their own call is
// theirs unless they choose someone else (or nobody). The staff list is the one "Ansvarlig" uses on
// the ticket page (the last list seen while offline); picking a person sets both assigneeId and
// assigneeName on the form.
import { useId } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Field, OptionList } from '../../app/forms';
import { useTRPC } from '../../app/trpc';

const ROLES_WHO_TAKE_TICKETS = ['agent', 'technician', 'team_lead'] as const;

interface AssigneeValues {
  assigneeId?: string | null;
  assigneeName?: string | null;
}

export function AssigneeField() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const form = useFormContext<AssigneeValues>();
  const [assigneeId, assigneeName] = useWatch({
    control: form.control,
    name: ['assigneeId', 'assigneeName'],
  });
  const staff = useQuery(trpc.tickets.staff.queryOptions(undefined, { staleTime: 60_000 }));
  const people = (staff.data?.staff ?? []).filter((s) => s.role !== 'admin');
  const hintId = useId();
  return (
    <Field
      label={t('tickets.create.assignee')}
      className="narrow-field"
      hintId={hintId}
      hint={staff.data?.offline ? t('tickets.actions.staffOffline') : t('tickets.create.assigneeHint')}
    >
      <select
        aria-describedby={hintId}
        value={assigneeId ?? ''}
        onChange={(e) => {
          const who = people.find((p) => p.id === e.target.value);
          form.setValue('assigneeId', who?.id ?? null, { shouldDirty: true });
          form.setValue('assigneeName', who?.displayName ?? null, { shouldDirty: true });
        }}
      >
        <option value="">{t('tickets.actions.nobody')}</option>
        {/* The chosen person shows while the staff list loads (or if it does not hold them). */}
        {assigneeId && !people.some((p) => p.id === assigneeId) && (
          <option value={assigneeId}>{assigneeName}</option>
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
  );
}
