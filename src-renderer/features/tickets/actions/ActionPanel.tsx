// The frame of an action's form: title, intro, fields, its error, Cancel and submit; Escape cancels,
// and closing puts focus back on the toolbar button that opened it (app/viewFocus).
import type { FormEventHandler, ReactNode } from 'react';
import { useFormState, type FieldValues, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Form, FormButtons, FormError } from '../../../app/forms';
import { useReturnFocus } from '../../../app/viewFocus';
import { TICKET_WORDING } from '../TicketDetailsFields';
import type { FullTicket } from '../types';
import type { TicketMutations } from '../useTicketMutations';

/** What every action's panel gets: the ticket, the page's mutations (the toolbar waits while one runs), and how to close. */
export interface PanelProps {
  ticket: FullTicket;
  m: TicketMutations;
  onDone(): void;
  onCancel(): void;
  /** A field to put the cursor in when the panel opens (or is asked again: a new nonce). */
  focus?: { field: string; nonce: number } | null;
}

export function ActionPanel<T extends FieldValues, C, R>({
  form,
  texts,
  intro = 'intro',
  shortcut = false,
  onSubmit,
  onCancel,
  pending,
  children,
}: {
  form: UseFormReturn<T, C, R>;
  /** Where the panel's texts are: `<texts>.title`, `<texts>.<intro>` and `<texts>.submit`. */
  texts: string;
  intro?: string;
  /** The submit button names Ctrl+Enter (its text box saves with it). */
  shortcut?: boolean;
  onSubmit: FormEventHandler<HTMLFormElement>;
  onCancel(): void;
  pending: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { errors } = useFormState({ control: form.control });
  useReturnFocus();
  const title = t(`${texts}.title`);
  return (
    <Form
      form={form}
      wording={TICKET_WORDING}
      className="action-panel"
      onSubmit={onSubmit}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onCancel();
        }
      }}
      aria-label={title}
    >
      <h3>{title}</h3>
      <p className="muted small">{t(`${texts}.${intro}`)}</p>
      {children}
      <FormError message={errors.root?.message} />
      <FormButtons onCancel={onCancel} pending={pending} shortcut={shortcut}>
        {t(`${texts}.submit`)}
      </FormButtons>
    </Form>
  );
}
