// The frame of a work tab's form and what saving does (the form starts again, or shows the refusal).
import type { FormEventHandler, ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { useFormState, type FieldValues, type Path, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Form, FormButtons, FormError, savedOrShown } from '../../../app/forms';
import { TICKET_REFUSALS } from '../systemLinks/errors';
import { TICKET_WORDING } from '../TicketDetailsFields';
import type { FullTicket } from '../types';
import type { TicketMutations } from '../useTicketMutations';
import { checkedSpan } from './when';

/** The work tabs, each with its form. */
export type WorkTab = 'internal' | 'reporter' | 'respond' | 'remote' | 'onSite';

/** What every work form gets: the ticket, the page's mutations, and what to do once saved. */
export interface WorkProps {
  ticket: FullTicket;
  m: TicketMutations;
  onSaved(): void;
}

export function WorkForm<T extends FieldValues, C, R>({
  form,
  tab,
  hint,
  shortcut = false,
  onSubmit,
  pending,
  children,
}: {
  form: UseFormReturn<T, C, R>;
  /** Names the form (`tickets.work.tabs.<tab>`) and its button (`tickets.work.submit.<tab>`). */
  tab: WorkTab;
  hint: ReactNode;
  /** The button names Ctrl+Enter (its text box saves with it). */
  shortcut?: boolean;
  onSubmit: FormEventHandler<HTMLFormElement>;
  pending: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { errors } = useFormState({ control: form.control });
  return (
    <Form form={form} wording={TICKET_WORDING} onSubmit={onSubmit} aria-label={t(`tickets.work.tabs.${tab}`)}>
      <p className="muted small">{hint}</p>
      {children}
      <FormError message={errors.root?.message} />
      <FormButtons pending={pending} shortcut={shortcut}>
        {t(`tickets.work.submit.${tab}`)}
      </FormButtons>
    </Form>
  );
}

/** A work form's mutation callbacks: once saved, the form starts again (from `initial`, else its defaults). */
export function whenSaved<T extends FieldValues>(
  form: UseFormReturn<T>,
  t: TFunction,
  fields: readonly string[],
  onSaved: () => void,
  initial?: T,
) {
  return savedOrShown(
    form,
    t,
    fields,
    () => {
      form.reset(initial);
      onSaved();
    },
    TICKET_REFUSALS,
  );
}

type WorkRecord = Parameters<TicketMutations['work']['mutate']>[0]['work'];

/**
 * The submit of a remote session's or an on-site visit's form: its start and end are checked
 * (checkedSpan), then the record `build` makes of the values and the two instants is saved.
 */
export function useRecordWork<T extends FieldValues>(
  form: UseFormReturn<T>,
  { ticket, m, onSaved }: WorkProps,
  times: [Path<T>, Path<T>],
  build: (values: T, span: { start: string; end: string }) => WorkRecord,
  initial?: T,
) {
  const { t } = useTranslation();
  return form.handleSubmit((values) => {
    const span = checkedSpan(form, times, values[times[0]], values[times[1]]);
    if (!span) return;
    const fields = Object.keys(form.getValues());
    m.work.mutate(
      { ticketId: ticket.id, work: build(values, span) },
      whenSaved(form, t, fields, onSaved, initial),
    );
  });
}
