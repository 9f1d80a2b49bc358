// A note on the ticket: internal, or an update the reporter is sent (R6/R9); Ctrl+Enter saves.
import { zodResolver } from '@hookform/resolvers/zod';
import type { TFunction } from 'i18next';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { formatPhone } from '../../../../src-shared/phone';
import { ticketNoteArgs } from '../../../../src-shared/tickets/schemas';
import { ctrlEnterTo, FormField } from '../../../app/forms';
import type { FullTicket } from '../types';
import { WorkForm, whenSaved, type WorkProps } from './WorkForm';

const noteForm = z.object({ text: ticketNoteArgs.shape.text });
type Visibility = 'internal' | 'reporter';

/** Where a note goes, in words: nowhere outside the desk, or to the reporter by e-mail or SMS. */
function whereItGoes(ticket: FullTicket, visibility: Visibility, t: TFunction): string {
  if (visibility === 'internal') return t('tickets.work.internalHint');
  if (ticket.notifyBy === 'email') return t('tickets.work.reporterByEmail', { to: ticket.reporterEmail });
  if (ticket.notifyBy === 'sms')
    return t('tickets.work.reporterBySms', { to: formatPhone(ticket.reporterPhone) });
  return t('tickets.work.reporterNotNotified');
}

export function NoteForm({ ticket, m, visibility, onSaved }: WorkProps & { visibility: Visibility }) {
  const { t } = useTranslation();
  const form = useForm<{ text: string }>({ resolver: zodResolver(noteForm), defaultValues: { text: '' } });
  const send = form.handleSubmit((v) =>
    m.note.mutate({ ticketId: ticket.id, visibility, text: v.text }, whenSaved(form, t, ['text'], onSaved)),
  );
  const k = visibility === 'reporter' ? 'reporterNote' : 'note';
  const countsAsResponse = visibility === 'reporter' && !ticket.respondedAt && ticket.notifyBy !== 'none';
  return (
    <WorkForm
      form={form}
      tab={visibility}
      hint={`${whereItGoes(ticket, visibility, t)}${countsAsResponse ? ` ${t('tickets.work.countsAsResponse')}` : ''}`}
      shortcut
      onSubmit={send}
      pending={m.note.isPending}
    >
      <FormField
        label={t(`tickets.work.${k}`)}
        required
        messages={`tickets.errors.${k}`}
        registration={form.register('text')}
      >
        {(c) => <textarea rows={3} {...c} onKeyDown={ctrlEnterTo(send)} />}
      </FormField>
    </WorkForm>
  );
}
