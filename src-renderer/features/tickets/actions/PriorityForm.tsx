// A new priority for the ticket, with the deadlines it gives counted from when the ticket was opened.
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Priority } from '../../../../src-shared/sla/settings';
import { savedOrShown } from '../../../app/forms';
import { PriorityPicker } from '../../sla';
import { ActionPanel, type PanelProps } from './ActionPanel';

export function PriorityForm({ ticket, m, onDone, onCancel }: PanelProps) {
  const { t } = useTranslation();
  const form = useForm<{ priority: Priority }>({ defaultValues: { priority: ticket.priority as Priority } });
  const onTemporary = ticket.status === 'temporary_solution';
  const send = form.handleSubmit(({ priority }) => {
    if (priority === ticket.priority) return onDone();
    m.edit.mutate({ ticketId: ticket.id, priority }, savedOrShown(form, t, [], onDone));
  });
  return (
    <ActionPanel
      form={form}
      texts="tickets.priority"
      intro={onTemporary ? 'introTemporary' : 'intro'}
      onSubmit={send}
      onCancel={onCancel}
      pending={m.edit.isPending}
    >
      <Controller
        control={form.control}
        name="priority"
        render={({ field }) => (
          <PriorityPicker value={field.value} onChange={field.onChange} openedAt={ticket.createdAt} />
        )}
      />
    </ActionPanel>
  );
}
