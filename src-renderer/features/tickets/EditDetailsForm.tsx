// Correcting a ticket's reporter and case details (a mistyped number, a better
// description, the right system). Only the fields the agent changed are sent:
// each field is last-writer-wins across desks, so sending an unchanged value
// would undo what another desk changed meanwhile. The history shows every
// change, from what to what (R7).
import { zodResolver } from '@hookform/resolvers/zod';
import { FormProvider, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { formatPhone } from '../../../src-shared/phone';
import { TICKET_DETAIL_FIELDS, ticketDetailsInput } from '../../../src-shared/tickets/schemas';
import { showServerErrors } from './formErrors';
import { CaseFields, ReporterFields, type DetailsInput } from './TicketDetailsFields';
import type { FullTicket } from './types';
import { useTicketMutations } from './useTicketMutations';

type Output = z.output<typeof ticketDetailsInput>;

export function EditDetailsForm({
  ticket,
  onDone,
  onCancel,
}: {
  ticket: FullTicket;
  onDone(): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const { edit } = useTicketMutations();
  const form = useForm<DetailsInput, unknown, Output>({
    resolver: zodResolver(ticketDetailsInput),
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
    },
  });
  const errors = form.formState.errors;

  const submit = form.handleSubmit((values) => {
    const dirty = form.formState.dirtyFields;
    const changed = TICKET_DETAIL_FIELDS.filter((f) => dirty[f]);
    if (changed.length === 0) return onDone();
    edit.mutate(
      { ticketId: ticket.id, ...Object.fromEntries(changed.map((f) => [f, values[f]])) },
      { onSuccess: onDone, onError: (e) => showServerErrors(form, e, t, TICKET_DETAIL_FIELDS) },
    );
  });

  return (
    <FormProvider {...form}>
      <form
        className="action-panel"
        noValidate
        aria-label={t('tickets.details.title')}
        onSubmit={submit}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            onCancel();
          }
        }}
      >
        <h3>{t('tickets.details.title')}</h3>
        <p className="muted small">{t('tickets.details.intro')}</p>
        <div className="ticket-form-grid">
          <ReporterFields />
          <CaseFields />
        </div>
        {errors.root && (
          <p className="notice" role="alert">
            {errors.root.message}
          </p>
        )}
        <div className="row end">
          <button type="button" className="ghost" onClick={onCancel}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="primary" disabled={edit.isPending}>
            {t('tickets.details.submit')}
          </button>
        </div>
      </form>
    </FormProvider>
  );
}
