// Correcting a ticket's reporter and case details (R7), sending only the fields the agent changed.
import { useEffect } from 'react';
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { formatPhone } from '../../../../src-shared/phone';
import { TICKET_DETAIL_FIELDS, ticketDetailsInput } from '../../../../src-shared/tickets/schemas';
import { domainCode } from '../../../app/errors';
import { showServerErrors } from '../../../app/forms';
import { CaseFields, ReporterFields, restoreNeedsSystem, type DetailsInput } from '../TicketDetailsFields';
import { ActionPanel, type PanelProps } from './ActionPanel';

const detailsForm = ticketDetailsInput.superRefine(restoreNeedsSystem);
type Output = z.output<typeof detailsForm>;

export function EditDetailsForm({ ticket, m, onDone, onCancel, focus }: PanelProps) {
  const { t } = useTranslation();
  const form = useForm<DetailsInput, unknown, Output>({
    resolver: zodResolver(detailsForm),
    defaultValues: {
      reporterName: ticket.reporterName,
      reporterPhone: formatPhone(ticket.reporterPhone),
      reporterEmail: ticket.reporterEmail ?? '',
      customerId: ticket.customerId,
      workplace: ticket.workplace,
      notifyBy: ticket.notifyBy as DetailsInput['notifyBy'],
      title: ticket.title ?? '',
      description: ticket.description,
      system: ticket.system,
      category: ticket.category as DetailsInput['category'],
      device: ticket.device ?? '',
      systemId: ticket.systemId,
      kind: ticket.kind,
    },
  });

  // Opened from the missing-details banner: the cursor goes to the first thing missing.
  useEffect(() => {
    if (focus && (TICKET_DETAIL_FIELDS as readonly string[]).includes(focus.field))
      form.setFocus(focus.field as (typeof TICKET_DETAIL_FIELDS)[number]);
  }, [focus, form]);

  const submit = form.handleSubmit((values) => {
    // Each field is last-writer-wins across desks: sending an unchanged value would undo what another
    // desk changed meanwhile. (Asked of getFieldState: formState is as of this form's last render.)
    const changed = TICKET_DETAIL_FIELDS.filter((f) => form.getFieldState(f).isDirty);
    if (changed.length === 0) return onDone();
    m.edit.mutate(
      { ticketId: ticket.id, ...Object.fromEntries(changed.map((f) => [f, values[f]])) },
      {
        onSuccess: onDone,
        onError: (e) => {
          // R13: the desk's refusal lands on the kind, worded as the form's own check words it.
          if (domainCode(e) === 'restoreNeedsSystem') form.setError('kind', { type: 'custom' });
          else showServerErrors(form, e, t, TICKET_DETAIL_FIELDS, { rename: { systemId: 'system' } });
        },
      },
    );
  });

  return (
    <ActionPanel
      form={form}
      texts="tickets.details"
      onSubmit={submit}
      onCancel={onCancel}
      pending={m.edit.isPending}
    >
      <div className="ticket-form-grid">
        <ReporterFields />
        <CaseFields />
      </div>
    </ActionPanel>
  );
}
